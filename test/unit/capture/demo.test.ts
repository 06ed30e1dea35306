import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoIncident, DEMO, writeDemoIncidentFile, type DemoSummary } from '../../../core/capture/demo/incident.js';
import { buildEvent, DemoEventError } from '../../../core/capture/demo/params.js';
import { eventInfo, PPME } from '../../../core/capture/events/table.js';
import { FD_TYPES } from '../../../core/capture/metadata.js';
import { readCapture } from '../../../core/capture/reader.js';
import type { FieldContext } from '../../../core/inspect/fields/types.js';
import { printCapture } from '../../../core/inspect/format/printer.js';
import { RulesEngine } from '../../../core/rules/engine.js';
import { replayCapture, type Detection } from '../../../core/rules/replay.js';
import { RegistryResolver } from '../../../core/rules/syscall-resolver.js';
import { hasSysdig, sysdig } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'th-demo-'));
const file = join(tmp, 'demo-incident.scap');
let summary: DemoSummary;

beforeAll(() => {
  summary = writeDemoIncidentFile(file);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The story, as `proc.name proc.pname evt.type fd.name container.name` lines must show it. */
const STORY = [
  `nginx nginx accept ${DEMO.attacker}:51874->${DEMO.containerIp}:80 ${DEMO.containerName}`,
  `nginx nginx recvfrom ${DEMO.attacker}:51874->${DEMO.containerIp}:80 ${DEMO.containerName}`,
  `nginx nginx clone <NA> ${DEMO.containerName}`,
  `sh nginx execve <NA> ${DEMO.containerName}`,
  `cat sh openat /etc/shadow ${DEMO.containerName}`,
  `cat sh read /etc/shadow ${DEMO.containerName}`,
  `cat sh close /etc/shadow ${DEMO.containerName}`,
  `curl sh connect ${DEMO.containerIp}:40212->${DEMO.attacker}:8080 ${DEMO.containerName}`,
  `curl sh openat /tmp/xmrig ${DEMO.containerName}`,
  `chmod sh fchmodat <NA> ${DEMO.containerName}`,
  `xmrig sh execve <NA> ${DEMO.containerName}`,
  `xmrig sh connect ${DEMO.containerIp}:50112->${DEMO.poolIp}:4444 ${DEMO.containerName}`,
  `xmrig sh write ${DEMO.containerIp}:50112->${DEMO.poolIp}:4444 ${DEMO.containerName}`,
];

const STORY_FMT = '*%proc.name %proc.pname %evt.type %fd.name %container.name';

/** True if `want` appears in `lines` in this order (other lines may come between). */
function inOrder(lines: string[], want: string[]): string[] {
  const missing: string[] = [];
  let i = 0;
  for (const w of want) {
    const at = lines.indexOf(w, i);
    if (at < 0) missing.push(w);
    else i = at + 1;
  }
  return missing;
}

async function ours(format: string): Promise<string[]> {
  const lines: string[] = [];
  await printCapture(file, { format }, (l) => lines.push(l));
  return lines;
}

describe('demo incident generator', () => {
  it('is deterministic: the same bytes every time, in memory and on disk', () => {
    const a = buildDemoIncident();
    const b = buildDemoIncident();
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(readFileSync(file).equals(a.bytes)).toBe(true);
    expect(a.summary).toEqual(summary);
  });

  it('has a realistic size: a few hundred to a few thousand events over tens of seconds', () => {
    expect(summary.events).toBeGreaterThan(500);
    expect(summary.events).toBeLessThan(5000);
    const secs = Number(summary.end - summary.start) / 1e9;
    expect(secs).toBeGreaterThan(20);
    expect(secs).toBeLessThan(120);
  });

  it('reads back with our reader: tables and every event, with full current-table params', async () => {
    const types = new Map<number, number>();
    let bad = 0;
    let lastTs = 0n;
    let outOfOrder = 0;
    const r = await readCapture(file, (ev) => {
      types.set(ev.type, (types.get(ev.type) ?? 0) + 1);
      const info = eventInfo(ev.type);
      if (!info || !eventInfo(ev.type, 'sysdig029') || ev.nparams !== info.params.length) bad++;
      if (ev.ts < lastTs) outOfOrder++;
      lastTs = ev.ts;
    });
    expect(r.warnings).toEqual([]);
    expect(r.events).toBe(summary.events);
    expect(bad).toBe(0);
    expect(outOfOrder).toBe(0);

    const m = r.meta;
    expect(m.machine?.hostname).toBe(DEMO.hostname);
    expect(m.users.map((u) => u.name)).toEqual(expect.arrayContaining(['root', 'nginx', 'www-data']));
    const worker = m.threads.find((t) => t.tid === DEMO.pids.worker1)!;
    expect(worker).toMatchObject({ comm: 'nginx', ptid: DEMO.pids.nginxMaster, uid: 101, vpid: 29 });
    expect(worker.cgroups).toContain(`cpu=/docker/${DEMO.containerId}`);
    expect(m.fds).toContainEqual(expect.objectContaining({ tid: DEMO.pids.worker1, fd: 6, type: FD_TYPES.IPV4_SERVSOCK, sip: '0.0.0.0', sport: 80 }));

    // Enter/exit pairs for the story's syscalls, and the container description first.
    for (const id of ['SOCKET_ACCEPT4_5', 'SYSCALL_OPENAT_2', 'SOCKET_CONNECT', 'SYSCALL_READ', 'SYSCALL_WRITE', 'SYSCALL_CLOSE', 'SYSCALL_FCHMODAT']) {
      expect(types.get(PPME[`${id}_E`]!), id).toBe(types.get(PPME[`${id}_X`]!));
    }
    expect(types.get(PPME.SYSCALL_EXECVE_19_E!)).toBe(5);
    expect(types.get(PPME.SYSCALL_EXECVE_19_X!)).toBe(5);
    expect(types.get(PPME.SYSCALL_CLONE_20_X!)).toBe(10);
    expect(types.get(PPME.CONTAINER_JSON_2_E!)).toBe(1);
  });

  it('our inspector resolves the story: processes, parents, fds and the container', async () => {
    const lines = await ours(STORY_FMT);
    expect(inOrder(lines, STORY)).toEqual([]);
    const img = await ours('%container.id %container.image %container.image.repository %container.image.tag');
    expect(new Set(img)).toEqual(new Set([`${DEMO.containerId.slice(0, 12)} nginx:1.25 nginx 1.25`]));
  });

  it('the payloads are in the data buffers: injected request, shadow read, stratum login', async () => {
    const data = (await ours('%proc.name %evt.dir %evt.type %evt.arg.data')).join('\n');
    expect(data).toContain('nginx < recvfrom GET /cgi-bin/diag?host=echo%20localhost%3Bcat%20/etc/shadow');
    expect(data).toContain('cat < read root:*:19863:0:99999:7:::');
    expect(data).toContain('xmrig < write {"id":1,"jsonrpc":"2.0","method":"login"');
  });

  it.runIf(hasSysdig)('sysdig 0.29.3 reads the whole file and shows the story', () => {
    const nums = sysdig(['-r', file, '-p', '*%evt.num']).trim().split('\n');
    // Everything but the container JSON event, which sysdig hides as internal (still counted).
    expect(nums.length).toBe(summary.events - 1);
    expect(nums[nums.length - 1]).toBe(String(summary.events));
    const lines = sysdig(['-r', file, '-p', STORY_FMT]).trim().split('\n');
    expect(inOrder(lines, STORY)).toEqual([]);
    const img = sysdig(['-r', file, '-p', '%container.image', 'proc.name=xmrig']).trim().split('\n');
    expect(new Set(img)).toEqual(new Set([DEMO.image]));
  });

  it.runIf(hasSysdig)('our reader prints every event exactly as sysdig 0.29.3 does', async () => {
    const fmt = '*%evt.num %evt.rawtime %evt.cpu %thread.tid %thread.vtid %proc.name %proc.pname %proc.exepath %proc.args %proc.cwd %user.name %evt.type %evt.dir %fd.name %fd.type %container.id %container.name %container.image %evt.args';
    const theirs = sysdig(['-r', file, '-p', fmt]).split('\n');
    expect(theirs.pop()).toBe('');
    expect(await ours(fmt)).toEqual(theirs);
  });
});

async function alerts(...rulesFiles: string[]): Promise<Detection[]> {
  const engine = new RulesEngine<FieldContext>({ sources: { syscall: new RegistryResolver() } });
  for (const f of rulesFiles) await engine.loadRulesFile(f);
  return (await replayCapture(file, engine, { ruleMatching: 'all' })).detections;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEFAULT_RULES = join(ROOT, 'assets/rules/tracehound_rules.yaml');
const FALCO_RULES = join(ROOT, '../shared/data/rules/falco_rules.yaml');

describe('demo incident under rules', () => {
  it.runIf(existsSync(DEFAULT_RULES))("Tracehound's default rules see the shell, the secrets read and the miner connection", async () => {
    const d = await alerts(DEFAULT_RULES);
    const hit = (rule: RegExp, text: string) => d.some((x) => rule.test(x.rule) && x.output.includes(text));
    expect(hit(/shell/i, 'sh -c echo localhost;cat /etc/shadow')).toBe(true);
    expect(hit(/passw|secret|sensitive|shadow/i, '/etc/shadow')).toBe(true);
    expect(hit(/min(ing|er)/i, `${DEMO.containerIp}:50112->${DEMO.poolIp}:${DEMO.poolPort}`)).toBe(true);
    // Nothing fires on the benign half: every alert belongs to the attack's processes.
    const attackProcs = new Set(['sh', 'cat', 'curl', 'chmod', 'xmrig']);
    expect(d.filter((x) => ![...attackProcs].some((p) => x.output.includes(`process=${p} `) || x.output.includes(`shell=${p} `)))).toEqual([]);
  });

  it("Falco's own rules raise Run shell untrusted and Read sensitive file untrusted", async () => {
    const d = await alerts(FALCO_RULES);
    const byRule = new Map(d.map((x) => [x.rule, x]));
    expect(byRule.get('Run shell untrusted')?.output).toContain('parent=nginx');
    expect(byRule.get('Read sensitive file untrusted')?.output).toContain('file=/etc/shadow');
  });
});

describe('demo event builder', () => {
  const h = { ts: 1n, tid: 1, cpu: 0 };

  it('encodes params by the table, flags by name', () => {
    const e = buildEvent('SYSCALL_OPENAT_2_X', h, { fd: 3, dirfd: -100, name: '/etc/shadow', flags: ['O_RDONLY'], mode: 0, dev: 0x2d, ino: 7 });
    expect(e.type).toBe(PPME.SYSCALL_OPENAT_2_X);
    expect(e.params.map((p) => p.length)).toEqual([8, 8, 12, 4, 4, 4, 8]);
    expect(Buffer.from(e.params[3]!).readUInt32LE()).toBe(1);
  });

  it('refuses a missing param, an unknown param, a bad flag and an event sysdig 0.29.3 cannot decode', () => {
    expect(() => buildEvent('SYSCALL_CLOSE_X', h, { res: 0 })).toThrow(DemoEventError);
    expect(() => buildEvent('SYSCALL_CLOSE_X', h, { res: 0, fd: 3, size: 1 })).toThrow(/no param named size/);
    expect(() => buildEvent('SYSCALL_OPENAT_2_E', h, { dirfd: -100, name: '/x', flags: ['O_BOGUS'], mode: 0 })).toThrow(/O_BOGUS/);
    expect(() => buildEvent('SOCKET_ACCEPT4_6_E', h, { flags: 0 })).toThrow(/newer than sysdig 0.29.3/);
  });
});
