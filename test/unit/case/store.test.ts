import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseStore, verifyCase, type EventIndexRow } from '../../../core/case/index.js';
import { codeOf, FIXED_NOW, scratch, writeEvidence } from './helpers.js';

const tmp = scratch('store');
afterAll(() => tmp.cleanup());

const BASE_TS = 1_700_000_000_123_456_789n;

function newCase(name: string): { store: CaseStore; path: string } {
  const path = tmp.path(`${name}.thcase`);
  return { store: CaseStore.create(path, { name, actor: 'alice', now: FIXED_NOW }), path };
}

describe('case store round trips', () => {
  it('references evidence by hash without modifying it, and dedups the same file', async () => {
    const { store } = newCase('artifacts');
    const ev = tmp.path('capture.scap');
    // Over one hash chunk (4 MiB), starting like a scap section header.
    const bytes = writeEvidence(ev, 5 * 1024 * 1024 + 17);
    bytes.writeUInt32LE(0x0a0d0d0a, 0);
    writeFileSync(ev, bytes);
    const before = statSync(ev);
    const phases: number[] = [];
    const { artifact, added } = await store.addArtifact(ev, { label: 'node-1', onProgress: (p) => phases.push(p.fraction) });
    expect(added).toBe(true);
    expect(artifact).toMatchObject({ id: 1, path: ev, kind: 'scap', size: bytes.length, label: 'node-1', addedAt: FIXED_NOW() });
    expect(artifact.sha256).toBe(sha256Of(bytes));
    expect(phases[0]).toBe(0);
    expect(phases[phases.length - 1]).toBe(1);
    const after = statSync(ev);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(ev).equals(bytes)).toBe(true);
    const again = await store.addArtifact(ev);
    expect(again).toMatchObject({ added: false, artifact: { id: 1 } });
    expect(store.artifacts()).toHaveLength(1);
    expect(store.auditLog().filter((e) => e.action === 'artifact.added')).toHaveLength(1);
    expect(await codeOf(() => store.addArtifact(tmp.path('missing.bin')))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(() => store.addArtifact(tmp.dir))).toBe('FILE_NOT_READABLE');
    expect(await codeOf(() => store.artifact(99))).toBe('CASE_ARTIFACT_NOT_FOUND');
    const ctl = new AbortController();
    ctl.abort();
    expect(await codeOf(() => store.addArtifact(ev, { kind: 'other', signal: ctl.signal }))).toBe('CANCELLED');
    store.close();
  });

  it('imports an index in one transaction and reads it back with strings resolved', async () => {
    const { store, path } = newCase('index');
    const ev = tmp.path('index.bin');
    writeEvidence(ev, 4096);
    const { artifact } = await store.addArtifact(ev, { kind: 'scap' });
    const w = store.beginImport(artifact.id);
    const [bash, curl, fdName, cont] = w.addStrings(['bash', 'curl', '/etc/passwd', 'c0ffee']);
    expect(w.intern('bash')).toBe(bash);
    const rows: EventIndexRow[] = [];
    for (let i = 1; i <= 5000; i++) {
      rows.push({
        evtNum: i, offset: 1000 + i * 64, ts: BASE_TS + BigInt(i) * 1000n, cpu: i % 4, dir: (i % 2) as 0 | 1, type: 2 + (i % 2), tid: 100 + (i % 7),
        pid: 100, procName: i % 3 === 0 ? curl! : bash!, fdName: i % 5 === 0 ? fdName! : null, container: cont!,
        res: i % 2 ? -2n : null, info: w.intern(`fd=${i % 10} size=${i}`),
      });
    }
    for (let i = 0; i < rows.length; i += 1000) w.addEvents(rows.slice(i, i + 1000));
    w.putView({ name: 'processes', rows: [{ name: 'bash', count: 3334, firstTs: BASE_TS }] });
    w.putView({ name: 'files', params: { top: 10 }, filter: 'fd.type=file', tsFrom: BASE_TS, tsTo: BASE_TS + 10n ** 9n, rows: [{ name: '/etc/passwd' }] });
    w.addFindings([{ rule: 'Read sensitive file untrusted', priority: 'WARNING', ts: BASE_TS + 5000n, evtNum: 5, output: 'bash read /etc/passwd', outputFields: { 'fd.name': '/etc/passwd', 'proc.name': 'bash' }, tags: ['filesystem', 'mitre_credential_access'] }]);
    // Nothing is visible before commit, to this connection or any other.
    expect(store.eventCount(artifact.id)).toBe(0);
    expect(store.findings()).toHaveLength(0);
    expect(w.progress).toMatchObject({ events: 5000, findings: 1, views: 2 });
    const rec = w.commit({ engine: 'test', truncated: false });
    expect(rec).toMatchObject({ artifactId: artifact.id, events: 5000, findings: 1, views: 2, firstTs: BASE_TS + 1000n, lastTs: BASE_TS + 5_000_000n, meta: { engine: 'test', truncated: false } });
    expect(await codeOf(() => w.addEvents([]))).toBe('CASE_IMPORT_CLOSED');
    store.close();

    // Reopen: everything comes from the case, nothing from the capture.
    const re = CaseStore.open(path);
    expect(re.eventCount(artifact.id)).toBe(5000);
    const page = re.events(artifact.id, { afterEvtNum: 2, limit: 3 });
    expect(page.map((e) => e.evtNum)).toEqual([3, 4, 5]);
    expect(page[0]).toMatchObject({ artifactId: artifact.id, evtNum: 3, offset: 1000 + 3 * 64, ts: BASE_TS + 3000n, cpu: 3, dir: 1, type: 3, tid: 103, pid: 100, procName: 'curl', fdName: null, container: 'c0ffee', res: -2, info: 'fd=3 size=3' });
    expect(page[2]).toMatchObject({ procName: 'bash', fdName: '/etc/passwd', res: -2 });
    const window = re.events(artifact.id, { fromTs: BASE_TS + 10_000n, toTs: BASE_TS + 13_000n });
    expect(window.map((e) => e.evtNum)).toEqual([10, 11, 12]);
    expect(re.imports(artifact.id)).toEqual([rec]);
    expect(re.views(artifact.id).map((v) => v.name)).toEqual(['files', 'processes']);
    const files = re.getView({ name: 'files', artifactId: artifact.id, params: { top: 10 }, filter: 'fd.type=file', tsFrom: BASE_TS, tsTo: BASE_TS + 10n ** 9n });
    expect(files).toMatchObject({ rows: [{ name: '/etc/passwd' }], rowCount: 1, importId: rec.id, tsFrom: BASE_TS });
    expect(re.getView({ name: 'files', artifactId: artifact.id })).toBeUndefined();
    expect(re.getView({ name: 'processes', artifactId: artifact.id })?.rows).toEqual([{ name: 'bash', count: 3334, firstTs: String(BASE_TS) }]);
    const [f] = re.findings();
    expect(f).toMatchObject({ rule: 'Read sensitive file untrusted', priority: 'warning', source: 'syscall', ts: BASE_TS + 5000n, evtNum: 5, artifactId: artifact.id, importId: rec.id, tags: ['filesystem', 'mitre_credential_access'], outputFields: { 'fd.name': '/etc/passwd' } });
    const actions = re.auditLog().map((e) => e.action);
    expect(actions).toEqual(['case.created', 'artifact.added', 'import.started', 'import.completed']);
    re.close();
    expect((await verifyCase(path)).ok).toBe(true);
    // String columns are checked by verify, since they carry no foreign keys.
    const raw = new Database(path);
    raw.prepare("DELETE FROM strings WHERE s = 'curl'").run();
    raw.close();
    expect((await verifyCase(path)).issues.map((i) => i.message)).toEqual([`Event 3 of artifact ${artifact.id} refers to a string that is not in the case`]);
  });

  it('answers time windows the same whether the index is in time order or not', async () => {
    const { store } = newCase('windows');
    const ev = tmp.path('windows.bin');
    writeEvidence(ev, 100);
    const sortedId = (await store.addArtifact(ev)).artifact.id;
    writeEvidence(tmp.path('windows2.bin'), 100, 2);
    const jumbledId = (await store.addArtifact(tmp.path('windows2.bin'))).artifact.id;
    // Sorted: ts grows with evt_num (with ties). Jumbled: the same times with neighbours swapped.
    const times = Array.from({ length: 3000 }, (_, i) => BASE_TS + BigInt(Math.floor(i / 3) * 1000));
    const jumbled = times.map((t, i) => (i % 10 === 4 ? times[i + 1]! : i % 10 === 5 ? times[i - 1]! : t)).map((t, i) => (i % 97 === 0 ? t + 5_000_000n : t));
    const fill = (id: number, ts: bigint[]) => store.importWith(id, (w) => {
      w.addEvents(ts.map((t, i) => ({ evtNum: i + 1, offset: i, ts: t, cpu: 0, dir: 0, type: 1, tid: 1 })));
    });
    expect((await fill(sortedId, times)).tsSorted).toBe(true);
    expect((await fill(jumbledId, jumbled)).tsSorted).toBe(false);
    const rand = (() => { let x = 12345; return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648); })();
    for (let k = 0; k < 60; k++) {
      const a = BASE_TS - 2000n + BigInt(Math.floor(rand() * 1_010_000));
      const b = a + BigInt(Math.floor(rand() * 200_000));
      const fromTs = k % 5 === 0 ? undefined : a;
      const toTs = k % 7 === 0 ? undefined : b;
      const after = k % 3 === 0 ? Math.floor(rand() * 3000) : 0;
      const limit = k % 4 === 0 ? 7 : 5000;
      for (const [id, ts] of [[sortedId, times], [jumbledId, jumbled]] as const) {
        const want = ts.map((t, i) => ({ n: i + 1, t }))
          .filter(({ n, t }) => n > after && (fromTs === undefined || t >= fromTs) && (toTs === undefined || t < toTs))
          .slice(0, limit).map(({ n }) => n);
        const q: { fromTs?: bigint; toTs?: bigint; afterEvtNum: number; limit: number } = { afterEvtNum: after, limit };
        if (fromTs !== undefined) q.fromTs = fromTs;
        if (toTs !== undefined) q.toTs = toTs;
        expect(store.events(id, q).map((e) => e.evtNum), `window ${k} of artifact ${id}`).toEqual(want);
      }
    }
    store.close();
  });

  it('refuses string ids that intern() did not hand out', async () => {
    const { store } = newCase('bad-ids');
    const ev = tmp.path('bad-ids.bin');
    writeEvidence(ev, 100);
    const { artifact } = await store.addArtifact(ev);
    const w = store.beginImport(artifact.id);
    const id = w.intern('bash');
    w.addEvents([{ evtNum: 1, offset: 0, ts: BASE_TS, cpu: 0, dir: 0, type: 1, tid: 1, procName: id }]);
    expect(await codeOf(() => w.addEvents([{ evtNum: 2, offset: 0, ts: BASE_TS, cpu: 0, dir: 0, type: 1, tid: 1, info: id + 1 }]))).toBe('INVALID_REQUEST');
    expect(w.isOpen).toBe(false);
    expect(store.eventCount(artifact.id)).toBe(0);
    store.close();
  });

  it('rolls back an import completely and logs why', async () => {
    const { store, path } = newCase('rollback');
    const ev = tmp.path('rollback.bin');
    writeEvidence(ev, 100);
    const { artifact } = await store.addArtifact(ev);
    const w = store.beginImport(artifact.id);
    w.addEvents([{ evtNum: 1, offset: 0, ts: BASE_TS, cpu: 0, dir: 0, type: 1, tid: 1, info: w.intern('only in the rolled back import') }]);
    w.addFindings([{ rule: 'r', priority: 'info', output: 'o' }]);
    w.rollback('capture unreadable');
    expect(store.eventCount(artifact.id)).toBe(0);
    expect(store.findings()).toEqual([]);
    expect(store.imports()).toEqual([]);
    const log = store.auditLog();
    expect(log.slice(-2).map((e) => [e.action, e.details.reason ?? null])).toEqual([['import.started', null], ['import.aborted', 'capture unreadable']]);
    // A failed fill rolls back too, and the error comes through.
    await expect(store.importWith(artifact.id, (iw) => {
      iw.addEvents([{ evtNum: 1, offset: 0, ts: BASE_TS, cpu: 0, dir: 0, type: 1, tid: 1 }]);
      throw new Error('decoder blew up');
    })).rejects.toThrow('decoder blew up');
    expect(store.eventCount(artifact.id)).toBe(0);
    // Duplicate event numbers are a broken import: the writer gives up and says so.
    const dup = store.beginImport(artifact.id);
    expect(() => dup.addEvents([{ evtNum: 1, offset: 0, ts: BASE_TS, cpu: 0, dir: 0, type: 1, tid: 1 }, { evtNum: 1, offset: 0, ts: BASE_TS, cpu: 0, dir: 0, type: 1, tid: 1 }])).toThrow();
    expect(dup.isOpen).toBe(false);
    store.close();
    const report = await verifyCase(path);
    expect(report.ok).toBe(true);
    expect(report.interruptedImports).toEqual([]);
  });

  it('refuses a second index of an artifact unless asked to replace it, then replaces atomically', async () => {
    const { store } = newCase('replace');
    const ev = tmp.path('replace.bin');
    writeEvidence(ev, 100);
    const { artifact } = await store.addArtifact(ev);
    const event = (n: number): EventIndexRow => ({ evtNum: n, offset: n, ts: BASE_TS + BigInt(n), cpu: 0, dir: 0, type: 1, tid: 1 });
    await store.importWith(artifact.id, (w) => { w.addEvents([event(1), event(2), event(3)]); w.putView({ name: 'v', rows: [1] }); });
    store.putView({ name: 'user-view', artifactId: artifact.id, filter: 'proc.name=bash', rows: [2] });
    expect(await codeOf(() => store.beginImport(artifact.id))).toBe('CASE_ALREADY_INDEXED');
    const w = store.beginImport(artifact.id, { replace: true });
    expect(await codeOf(() => store.beginImport(artifact.id, { replace: true }))).toBe('CASE_BUSY');
    w.addEvents([event(1), event(2)]);
    expect(store.eventCount(artifact.id)).toBe(3);
    w.commit();
    expect(store.eventCount(artifact.id)).toBe(2);
    expect(store.views(artifact.id).map((v) => v.name)).toEqual(['user-view']);
    expect(store.imports(artifact.id).map((i) => i.events)).toEqual([3, 2]);
    store.close();
  });

  it('keeps findings, notes, bookmarks and saved filters', async () => {
    const { store, path } = newCase('annotations');
    const ev = tmp.path('annotations.bin');
    writeEvidence(ev, 100);
    const { artifact } = await store.addArtifact(ev);
    const one = store.addFinding({ artifactId: artifact.id, rule: 'Terminal shell in container', priority: 'Notice', ts: BASE_TS, evtNum: 7, output: 'A shell was spawned', outputFields: { 'container.id': 'abc' }, tags: ['shell'] });
    expect(one).toMatchObject({ id: 1, priority: 'notice', importId: null, createdAt: FIXED_NOW() });
    const many = store.addFindings([
      { rule: 'a', priority: 'critical', output: 'x', source: 'k8s_audit' },
      { rule: 'b', priority: 'debug', output: 'y' },
    ]);
    expect(many.map((f) => f.id)).toEqual([2, 3]);
    expect(store.findings({ minPriority: 'notice' }).map((f) => f.rule).sort()).toEqual(['Terminal shell in container', 'a']);
    expect(store.findings({ rule: 'b' })).toHaveLength(1);
    expect(await codeOf(() => store.addFinding({ rule: 'r', priority: 'loud', output: 'o' }))).toBe('INVALID_REQUEST');
    expect(await codeOf(() => store.addFinding({ rule: 'r', priority: 'info', output: 'o', artifactId: 42 }))).toBe('CASE_ARTIFACT_NOT_FOUND');

    const caseNote = store.addNote({ text: 'Started from the pager alert at 03:12' });
    const evtNote = store.addNote({ text: 'this is where curl pulls the miner', artifactId: artifact.id, evtNum: 7 });
    expect(caseNote).toMatchObject({ id: 1, author: 'alice', artifactId: null, evtNum: null });
    expect(store.notes({ artifactId: artifact.id, evtNum: 7 })).toEqual([evtNote]);
    expect(await codeOf(() => store.addNote({ text: '  ' }))).toBe('INVALID_REQUEST');
    expect(await codeOf(() => store.addNote({ text: 'x', evtNum: 3 }))).toBe('INVALID_REQUEST');

    const b = store.addBookmark(artifact.id, 7, 'shell');
    expect(store.addBookmark(artifact.id, 7)).toEqual(b);
    store.addBookmark(artifact.id, 9);
    expect(store.bookmarks(artifact.id).map((x) => x.evtNum)).toEqual([7, 9]);
    expect(store.removeBookmark(b.id)).toBe(true);
    expect(store.removeBookmark(b.id)).toBe(false);
    expect(store.bookmarks().map((x) => x.evtNum)).toEqual([9]);

    store.saveFilter('shells', 'proc.name in (bash, sh)', 'interactive shells');
    const upd = store.saveFilter('shells', 'proc.name in (bash, sh, zsh)');
    expect(upd).toMatchObject({ name: 'shells', filter: 'proc.name in (bash, sh, zsh)', description: null });
    store.saveFilter('net', 'evt.type=connect');
    expect(store.savedFilters().map((f) => f.name)).toEqual(['net', 'shells']);
    expect(store.deleteFilter('net')).toBe(true);
    expect(store.deleteFilter('net')).toBe(false);

    expect(store.auditLog().map((e) => e.action)).toEqual([
      'case.created', 'artifact.added', 'finding.added', 'findings.added', 'note.added', 'note.added',
      'bookmark.added', 'bookmark.added', 'bookmark.removed', 'filter.saved', 'filter.saved', 'filter.saved', 'filter.deleted',
    ]);
    store.close();
    const re = CaseStore.open(path);
    expect(re.findings()).toHaveLength(3);
    expect(re.notes().map((n) => n.text)).toEqual(['Started from the pager alert at 03:12', 'this is where curl pulls the miner']);
    re.close();
    expect((await verifyCase(path)).ok).toBe(true);
  });

  it('never writes credentials into the case', async () => {
    const { store } = newCase('secrets');
    const ev = tmp.path('secrets.bin');
    writeEvidence(ev, 10);
    const refused = async (fn: () => unknown) => expect(await codeOf(fn)).toBe('CASE_SECRET_REFUSED');
    await refused(() => store.addArtifact(ev, { meta: { cluster: 'prod', kube: { token: 'abc' } } }));
    await refused(() => store.addArtifact(ev, { meta: { AWS_SECRET_ACCESS_KEY: 'x' } }));
    await refused(() => store.addArtifact(ev, { meta: { headers: [{ Authorization: 'Basic Zm9vOmJhcg==' }] } }));
    await refused(() => store.addArtifact(ev, { meta: { note: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig' } }));
    await refused(() => store.addNote({ text: 'key was -----BEGIN RSA PRIVATE KEY----- MIIE...' }));
    await refused(() => store.putView({ name: 'v', params: { db_password: 'hunter2' }, rows: [] }));
    // Nothing of the refused writes reached the case.
    expect(store.artifacts()).toEqual([]);
    expect(store.auditLog().map((e) => e.action)).toEqual(['case.created']);
    const { artifact } = await store.addArtifact(ev, { meta: { tokenCount: 3, secretName: 'db-creds' } });
    const w = store.beginImport(artifact.id);
    expect(await codeOf(() => w.commit({ apiKey: 'k' }))).toBe('CASE_SECRET_REFUSED');
    w.rollback();
    store.close();
  });

  it('reads a case while another connection holds a long import, and reports CASE_BUSY for writes', async () => {
    const { store, path } = newCase('busy');
    const ev = tmp.path('busy.bin');
    writeEvidence(ev, 10);
    const { artifact } = await store.addArtifact(ev);
    const w = store.beginImport(artifact.id);
    w.addEvents([{ evtNum: 1, offset: 0, ts: BASE_TS, cpu: 0, dir: 0, type: 1, tid: 1 }]);
    const other = CaseStore.open(path, { busyTimeoutMs: 50 });
    expect(other.artifacts()).toHaveLength(1);
    expect(other.eventCount(artifact.id)).toBe(0);
    expect(await codeOf(() => other.addNote({ text: 'while importing' }))).toBe('CASE_BUSY');
    w.commit();
    expect(other.eventCount(artifact.id)).toBe(1);
    expect(other.addNote({ text: 'after the import' }).id).toBe(1);
    other.close();
    store.close();
  });
});

function sha256Of(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}
