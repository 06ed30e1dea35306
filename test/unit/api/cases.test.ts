import { copyFileSync, existsSync, mkdtempSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineService } from '../../../core/api/service.js';
import type { AnalyzeResult, CaptureSummary, CaseInfo, EventRow, Finding } from '../../../core/api/contract.js';
import { readCapture } from '../../../core/capture/reader.js';

/**
 * Cases through the service: a capture's first pass goes into the case, and a NEW service opens
 * it from there while the evidence is out of reach (renamed away: chmod 000 does not stop root),
 * so every answer in that part provably comes from the case. Then marks round-trip with the
 * list's own event numbers, and a changed byte in the evidence fails verification.
 */
const SOURCE = resolve('../shared/data/captures/inspect_502error.scap');
const tmp = mkdtempSync(join(tmpdir(), 'th-api-cases-'));
const evidence = join(tmp, 'evidence.scap');
const away = join(tmp, 'evidence.scap.away');
const casePath = join(tmp, 'inc-502.thcase');
const rulesPath = join(tmp, 'rules.yaml');

// A rule firing on a handful of listed events, so findings carry real evt.num values.
const RULES = `
- rule: haproxy connects
  desc: haproxy opens an outbound connection
  condition: evt.type=connect and evt.dir=< and proc.name=haproxy
  output: "haproxy connect (fd=%fd.name)"
  priority: NOTICE
  tags: [network]
`;

const TABLE_VIEWS = () => first.call('capture.views', {}).then((vs) => vs.filter((v) => v.kind === 'table' && !v.id.includes(':')).map((v) => ({ id: v.id })));

const first = new EngineService({ mode: 'cli', version: 'test' });
let cap: CaptureSummary;
let kase: CaseInfo;
let listed: EventRow[] = [];
let live: AnalyzeResult;
let findings: Finding[] = [];

async function allRows(service: EngineService, id: string): Promise<EventRow[]> {
  const rows: EventRow[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await service.call('capture.events', { id, offset, limit: 5000 });
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? 'untyped';
  }
  return 'no error';
}

beforeAll(async () => {
  copyFileSync(SOURCE, evidence);
  writeFileSync(rulesPath, RULES);
  cap = await first.call('capture.open', { path: evidence });
  listed = await allRows(first, cap.id);
  live = await first.call('capture.analyze', { id: cap.id, views: await TABLE_VIEWS(), overview: true, tree: true, topology: 'process' });
  findings = (await first.call('rules.run', { id: cap.id, defaults: false, files: [rulesPath] })).findings;
  kase = await first.call('case.create', { path: casePath, name: 'INC-502' });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!existsSync(SOURCE))('cases through the service', () => {
  it('creates a case, and cancelling an import leaves no index behind', async () => {
    expect(kase).toMatchObject({ name: 'INC-502', path: casePath, artifacts: [], counts: { findings: 0, notes: 0, bookmarks: 0, filters: 0 } });
    expect(kase.auditHead?.seq).toBe(1);

    const ac = new AbortController();
    let busy: Promise<string> | undefined;
    const code = await codeOf(first.call('case.addCapture', { caseId: kase.id, captureId: cap.id }, {
      signal: ac.signal,
      onProgress: (p) => {
        if (!p.phase.startsWith('analyzing and storing')) return;
        // The import holds the write lock: other writes are refused at once, not left to block the engine.
        busy ??= codeOf(first.call('case.notes.add', { caseId: kase.id, text: 'while importing' }));
        ac.abort();
      },
    }));
    expect(code).toBe('CANCELLED');
    expect(await busy).toBe('CASE_BUSY');
    const after = await first.call('case.info', { caseId: kase.id });
    expect(after.artifacts).toHaveLength(1);
    expect(after.artifacts[0]).toMatchObject({ indexed: false, events: 0, sha256: cap.sha256 });
  });

  it('adds the open capture: its index and every unscoped view, in one import', async () => {
    const phases = new Set<string>();
    const r = await first.call('case.addCapture', { caseId: kase.id, captureId: cap.id }, { onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(['hashing (1/2)', 'analyzing and storing (2/2)']);
    expect(r.added).toBe(false); // the cancelled attempt already referenced the file
    expect(r.artifact).toMatchObject({ path: evidence, kind: 'scap', sha256: cap.sha256, size: cap.size, indexed: true, events: listed.length });
    expect(r.import.events).toBe(listed.length);
    expect(r.import.firstTs).toBe(listed[0]!.ts);
    // summary + each table view + overview + tree + topology + the list's anchors
    expect(r.import.views).toBe(Object.keys(live.views).length + 5);
    expect(await codeOf(first.call('case.addCapture', { caseId: kase.id, captureId: cap.id }))).toBe('CASE_ALREADY_INDEXED');
  });

  it('keeps findings, bookmarks, notes and filters with the numbers the list shows', async () => {
    expect(findings.length).toBeGreaterThan(2);
    const byNum = new Map(listed.map((r) => [r.num, r]));
    for (const f of findings) expect(byNum.get(f.evtNum)).toMatchObject({ type: 'connect', dir: '<', proc: 'haproxy' });

    const added = await first.call('case.findings.add', { caseId: kase.id, artifactId: 1, findings });
    expect(added).toMatchObject({ skipped: 0 });
    expect(added.added.map((f) => f.evtNum)).toEqual(findings.map((f) => f.evtNum));
    // The same alerts again (a second rules run) are not duplicated.
    expect(await first.call('case.findings.add', { caseId: kase.id, artifactId: 1, findings })).toMatchObject({ added: [], skipped: findings.length });

    const target = findings[1]!.evtNum;
    const bm = await first.call('case.bookmarks.add', { caseId: kase.id, artifactId: 1, evtNum: target, label: 'second connect' });
    expect(bm.event).toEqual(byNum.get(target));
    await first.call('case.notes.add', { caseId: kase.id, artifactId: 1, evtNum: target, text: 'haproxy reaches the backend here' });
    await first.call('case.notes.add', { caseId: kase.id, text: 'case-level note' });
    await first.call('case.filters.save', { caseId: kase.id, name: 'haproxy', filter: 'proc.name=haproxy' });

    // An event number the list does not show (an internal event) is refused for marks.
    let hidden = 1;
    while (byNum.has(hidden)) hidden++;
    expect(await codeOf(first.call('case.bookmarks.add', { caseId: kase.id, artifactId: 1, evtNum: hidden }))).toBe('INVALID_REQUEST');
    expect(await codeOf(first.call('case.notes.add', { caseId: kase.id, artifactId: 1, evtNum: hidden, text: 'x' }))).toBe('INVALID_REQUEST');
    expect(await first.call('case.close', { caseId: kase.id })).toEqual({ closed: true });
    await first.call('capture.close', { id: cap.id });
  });

  describe('reopened in a new service with the evidence out of reach', () => {
    const second = new EngineService({ mode: 'cli', version: 'test' });
    let id: string;

    beforeAll(() => {
      renameSync(evidence, away);
    });
    afterAll(() => {
      if (existsSync(away)) renameSync(away, evidence);
    });

    it('opens the case and the capture from its stored index', async () => {
      const info = await second.call('case.open', { path: casePath });
      expect(info.id).toBe(kase.id);
      expect(info.counts).toEqual({ findings: findings.length, notes: 2, bookmarks: 1, filters: 1 });
      expect(info.artifacts[0]).toMatchObject({ indexed: true, events: listed.length, sha256: cap.sha256 });
      const summary = await second.call('case.openCapture', { caseId: kase.id, artifactId: 1 });
      const { id: _a, ...want } = cap;
      const { id: got, ...rest } = summary;
      expect(rest).toEqual(want);
      id = got;
    });

    it('pages the event list exactly as the live capture did', async () => {
      expect(await allRows(second, id)).toEqual(listed);
      const located = await second.call('capture.locate', { id, num: findings[0]!.evtNum });
      expect(listed[located.offset!]!.num).toBe(findings[0]!.evtNum);
      const d = await second.call('capture.density', { id });
      expect(d.total).toBe(listed.length);
    });

    it('answers unscoped views from the case, equal to a live pass', async () => {
      const again = await second.call('capture.analyze', { id, views: await TABLE_VIEWS(), overview: true, tree: true, topology: 'process' });
      expect(again).toEqual(live);
      const procs = await second.call('capture.analyze', { id, views: [{ id: 'procs' }] });
      expect(procs.views.procs).toEqual(live.views.procs);
    });

    it('needs the evidence only for what the case did not store', async () => {
      expect(await codeOf(second.call('capture.analyze', { id, views: [{ id: 'procs' }], filter: 'proc.name=haproxy' }))).toBe('FILE_NOT_FOUND');
      expect(await codeOf(second.call('capture.analyze', { id, topology: 'container' }))).toBe('FILE_NOT_FOUND');
      expect(await codeOf(second.call('capture.event', { id, num: listed[0]!.num }))).toBe('FILE_NOT_FOUND');
    });

    it('lists the marks with the same event numbers', async () => {
      const fs = await second.call('case.findings.list', { caseId: kase.id, artifactId: 1 });
      expect(fs.map((f) => [f.evtNum, f.rule, f.ts])).toEqual(findings.map((f) => [f.evtNum, f.rule, f.ts]));
      expect(fs[0]).toMatchObject({ priority: 'notice', tags: ['network'], source: 'syscall' });
      const target = findings[1]!.evtNum;
      const [bm] = await second.call('case.bookmarks.list', { caseId: kase.id });
      expect(bm).toMatchObject({ evtNum: target, label: 'second connect', event: listed.find((r) => r.num === target) });
      const notes = await second.call('case.notes.list', { caseId: kase.id, artifactId: 1, evtNum: target });
      expect(notes.map((n) => n.text)).toEqual(['haproxy reaches the backend here']);
      expect((await second.call('case.notes.list', { caseId: kase.id })).length).toBe(2);
      expect(await second.call('case.filters.list', { caseId: kase.id })).toMatchObject([{ name: 'haproxy', filter: 'proc.name=haproxy' }]);
      expect(await second.call('case.bookmarks.remove', { caseId: kase.id, artifactId: 1, evtNum: target })).toEqual({ removed: true });
      expect(await second.call('case.bookmarks.list', { caseId: kase.id })).toEqual([]);
      await second.call('case.bookmarks.add', { caseId: kase.id, artifactId: 1, evtNum: target });
    });

    it('verify names the missing evidence', async () => {
      const r = await second.call('case.verify', { caseId: kase.id });
      expect(r.ok).toBe(false);
      expect(r.audit.ok).toBe(true);
      expect(r.artifacts[0]).toMatchObject({ path: evidence, status: 'missing' });
    });
  });

  describe('proof', () => {
    const third = new EngineService({ mode: 'cli', version: 'test' });

    it('verifies, shows the audit log, and exports bookmarked events with the list numbering', async () => {
      const info = await third.call('case.open', { path: casePath });
      const phases = new Set<string>();
      const r = await third.call('case.verify', { caseId: info.id }, { onProgress: (p) => phases.add(p.phase) });
      expect(r).toMatchObject({ ok: true, caseId: kase.id, interruptedImports: [] });
      expect(r.artifacts).toMatchObject([{ status: 'ok', sha256: cap.sha256 }]);
      expect(phases.size).toBeGreaterThan(0);

      const audit = await third.call('case.audit', { caseId: info.id });
      const actions = audit.entries.map((e) => e.action);
      expect(actions.slice(0, 2)).toEqual(['case.created', 'artifact.added']);
      expect(actions).toEqual(expect.arrayContaining(['import.started', 'import.aborted', 'import.completed', 'findings.added', 'bookmark.added', 'bookmark.removed', 'note.added', 'filter.saved']));
      expect(audit.total).toBe(audit.entries.length);
      const last3 = await third.call('case.audit', { caseId: info.id, limit: 3 });
      expect(last3.entries.map((e) => e.seq)).toEqual([audit.total - 2, audit.total - 1, audit.total]);

      const out = join(tmp, 'bundle');
      const ex = await third.call('case.export', { caseId: info.id, dir: out, bookmarked: true });
      expect(ex.verified).toEqual({ ok: true, issues: 0 });
      expect(ex.captures).toHaveLength(1);
      const target = listed.find((x) => x.num === findings[1]!.evtNum)!;
      const slice: bigint[] = [];
      await readCapture(join(out, ex.captures[0]!.file), (ev) => { slice.push(ev.ts); });
      expect(slice.map(String)).toEqual([target.ts]);
    });

    it('fails verification naming the file when one byte of the evidence changes', async () => {
      const info = await third.call('case.open', { path: casePath });
      const fd = openSync(evidence, 'r+');
      const b = Buffer.alloc(1);
      const at = Math.floor(cap.size / 2);
      readSync(fd, b, 0, 1, at);
      b[0] = b[0]! ^ 0xff;
      writeSync(fd, b, 0, 1, at);
      closeSync(fd);
      const r = await third.call('case.verify', { caseId: info.id });
      expect(r.ok).toBe(false);
      expect(r.artifacts[0]).toMatchObject({ path: evidence, status: 'changed', sha256: cap.sha256 });
      expect(r.artifacts[0]!.actualSha256).not.toBe(cap.sha256);
      const issue = r.issues.find((i) => i.kind === 'artifact');
      expect(issue?.severity).toBe('error');
      expect(issue?.message).toContain(evidence);
      third.cases.closeAll();
    });
  });
});
