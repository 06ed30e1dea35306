import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { openSync, readSync, writeSync, closeSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../core/api/contract.js';
import { assertVerified, canonicalJson, CaseStore, isSecretKey, verifyCase, type VerifyReport } from '../../../core/case/index.js';
import { codeOf, scratch, writeEvidence } from './helpers.js';

const tmp = scratch('audit');
afterAll(() => tmp.cleanup());

const GENESIS = '0'.repeat(64);
let n = 0;

/** A case with two evidence files, an import, findings and notes: every kind of audited record. */
async function populatedCase(): Promise<{ path: string; ev1: string; ev2: string }> {
  const id = ++n;
  const path = tmp.path(`case-${id}.thcase`);
  const ev1 = tmp.path(`ev-${id}-a.scap`);
  const ev2 = tmp.path(`ev-${id}-b.log`);
  writeEvidence(ev1, 300_000, id);
  writeEvidence(ev2, 1000, id + 100);
  const store = CaseStore.create(path, { actor: 'bob' });
  const a = (await store.addArtifact(ev1, { kind: 'scap' })).artifact;
  await store.addArtifact(ev2);
  await store.importWith(a.id, (w) => {
    w.addEvents(Array.from({ length: 100 }, (_, i) => ({ evtNum: i + 1, offset: i * 10, ts: 10n ** 18n + BigInt(i), cpu: 0, dir: 0 as const, type: 1, tid: 5 })));
    w.addFindings([{ rule: 'r1', priority: 'error', output: 'one' }, { rule: 'r2', priority: 'notice', output: 'two' }]);
  });
  store.addFinding({ rule: 'manual', priority: 'warning', output: 'added by hand', artifactId: a.id });
  store.addFindings([{ rule: 'm1', priority: 'alert', output: 'x' }, { rule: 'm2', priority: 'alert', output: 'y' }]);
  store.addNote({ text: 'first note' });
  store.addNote({ text: 'second note', artifactId: a.id, evtNum: 3 });
  store.close();
  return { path, ev1, ev2 };
}

/** What an attacker with the file and the sqlite3 shell can do: drop the guards, edit, leave. */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  db.exec(sql);
  // Put the guards back, so the only evidence left is in the data.
  for (const t of triggers) db.exec(t.sql);
  db.close();
}

function errors(r: VerifyReport): string[] {
  return r.issues.filter((i) => i.severity === 'error').map((i) => i.message);
}

function flipByte(path: string, at: number): void {
  const fd = openSync(path, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, at);
  b[0] = b[0]! ^ 0x01;
  writeSync(fd, b, 0, 1, at);
  closeSync(fd);
}

describe('canonical JSON and the secret guard', () => {
  it('canonical JSON is sorted, compact and stable through a round trip', () => {
    const v = { b: 1, a: [1, 'x', { d: null, c: true }], e: 1.5, f: -0, g: undefined, h: 12345678901234567890n };
    const text = canonicalJson(v);
    expect(text).toBe('{"a":[1,"x",{"c":true,"d":null}],"b":1,"e":1.5,"f":0,"h":"12345678901234567890"}');
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/NaN/);
  });

  it('recognises secret-looking keys in their usual spellings', () => {
    for (const k of ['token', 'password', 'secret', 'authorization', 'aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'awsSessionToken', 'client-secret', 'api_key', 'private_key', 'Cookie', 'passphrase']) {
      expect(isSecretKey(k), k).toBe(true);
    }
    for (const k of ['tokenCount', 'secretName', 'path', 'sha256', 'kind', 'passwordPolicyEnabled', 'author']) {
      expect(isSecretKey(k), k).toBe(false);
    }
  });
});

describe('the audit log', () => {
  it('chains every entry: hash = sha256(prev_hash + canonical JSON of the entry)', async () => {
    const { path } = await populatedCase();
    const store = CaseStore.open(path);
    const log = store.auditLog();
    store.close();
    expect(log.map((e) => e.action)).toEqual([
      'case.created', 'artifact.added', 'artifact.added', 'import.started', 'import.completed', 'finding.added', 'findings.added', 'note.added', 'note.added',
    ]);
    let prev = GENESIS;
    log.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prevHash).toBe(prev);
      const body = canonicalJson({ seq: e.seq, time: e.time, actor: e.actor, action: e.action, details: e.details });
      expect(e.hash).toBe(createHash('sha256').update(prev + body).digest('hex'));
      expect(e.actor).toBe('bob');
      prev = e.hash;
    });
    const report = await verifyCase(path);
    expect(report.ok).toBe(true);
    expect(report.audit).toMatchObject({ ok: true, entries: 9, head: { seq: 9, hash: prev } });
    expect(report.artifacts.map((a) => a.status)).toEqual(['ok', 'ok']);
    expect(() => assertVerified(report)).not.toThrow();
  });

  it('is append-only in SQLite itself: UPDATE, DELETE and out-of-chain INSERT abort', async () => {
    const { path } = await populatedCase();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 9').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO audit_log VALUES (5, 't', 'a', 'x', '{}', 'p', 'h')").run()).toThrow(/extend the chain/);
    expect(() => db.prepare(`INSERT INTO audit_log VALUES (10, 't', 'a', 'x', '{}', '${GENESIS}', 'h')`).run()).toThrow(/extend the chain/);
    expect(() => db.prepare("UPDATE findings SET output = 'nothing to see'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM notes').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE artifacts SET sha256 = sha256").run()).toThrow(/append-only/);
    db.close();
    expect((await verifyCase(path)).ok).toBe(true);
  });

  it('names the entry an attacker edited (after dropping the trigger)', async () => {
    const { path } = await populatedCase();
    tamper(path, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 4");
    const r = await verifyCase(path);
    expect(r.ok).toBe(false);
    expect(r.audit.firstBroken?.seq).toBe(4);
    expect(r.issues.find((i) => i.kind === 'audit-chain')).toMatchObject({ seq: 4 });
    expect(await codeOf(() => assertVerified(r))).toBe('CASE_VERIFY_FAILED');
  });

  it('names an edited entry even when its own hash was recomputed', async () => {
    const { path } = await populatedCase();
    const store = CaseStore.open(path);
    const e = store.auditLog().find((x) => x.seq === 2)!;
    store.close();
    const details = { ...e.details, path: '/somewhere/else.scap' };
    const hash = createHash('sha256').update(e.prevHash + canonicalJson({ seq: 2, time: e.time, actor: e.actor, action: e.action, details })).digest('hex');
    tamper(path, `UPDATE audit_log SET details = '${canonicalJson(details)}', hash = '${hash}' WHERE seq = 2`);
    const r = await verifyCase(path);
    expect(r.audit.firstBroken).toMatchObject({ seq: 2 });
    expect(r.audit.firstBroken!.reason).toMatch(/rewritten/);
  });

  it('names a deleted entry, and records left without their entries', async () => {
    const { path } = await populatedCase();
    tamper(path, 'DELETE FROM audit_log WHERE seq = 6');
    const r = await verifyCase(path);
    expect(r.audit.firstBroken).toMatchObject({ seq: 6 });
    expect(errors(r)).toContain('Finding 3 has no audit entry');

    const cut = await populatedCase();
    tamper(cut.path, 'DELETE FROM audit_log WHERE seq >= 8');
    const c = await verifyCase(cut.path);
    // A clean cut at the tail leaves a valid chain; the orphaned notes give it away.
    expect(c.audit.ok).toBe(true);
    expect(errors(c)).toEqual(['Note 1 has no audit entry', 'Note 2 has no audit entry']);
  });

  it('an anchor catches a log rewritten from scratch', async () => {
    const { path } = await populatedCase();
    const store = CaseStore.open(path);
    const head = store.auditHead()!;
    store.close();
    expect((await verifyCase(path, { anchor: head })).ok).toBe(true);
    const r = await verifyCase(path, { anchor: { seq: head.seq, hash: 'f'.repeat(64) } });
    expect(r.issues.find((i) => i.kind === 'anchor')).toMatchObject({ seq: head.seq });
    expect((await verifyCase(path, { anchor: { seq: head.seq + 5, hash: head.hash } })).ok).toBe(false);
  });

  it('notices removed guards, and edited findings, notes, artifacts and index rows', async () => {
    const a = await populatedCase();
    tamper(a.path, "UPDATE findings SET priority = 'debug' WHERE id = 1; UPDATE notes SET text = 'nothing happened' WHERE id = 2;");
    expect(errors(await verifyCase(a.path))).toEqual([
      'Findings of import ' + importIdOf(a.path) + ' differ from what audit entry 5 recorded',
      'Note 2 differs from what audit entry 9 recorded',
    ]);
    const b = await populatedCase();
    tamper(b.path, "UPDATE findings SET output = 'benign' WHERE id = 3; UPDATE findings SET rule = 'other' WHERE id = 5;");
    expect(errors(await verifyCase(b.path))).toEqual(['Finding 3 differs from what audit entry 6 recorded', 'Findings 4..5 differ from what audit entry 7 recorded']);
    const c = await populatedCase();
    tamper(c.path, 'DELETE FROM events WHERE evt_num > 90');
    expect(errors(await verifyCase(c.path))).toEqual([expect.stringMatching(/Artifact 1 has 90 indexed events; import .* recorded 100/)]);
    const d = await populatedCase();
    const db = new Database(d.path);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.close();
    expect(errors(await verifyCase(d.path))).toEqual(['The append-only guard audit_log_no_delete on audit_log has been removed']);
  });
});

describe('evidence checks', () => {
  it('one changed byte in an evidence file fails verify and names the file', async () => {
    const { path, ev1 } = await populatedCase();
    flipByte(ev1, 123_456);
    const progress: ProgressEvent[] = [];
    const r = await verifyCase(path, { onProgress: (p) => progress.push(p) });
    expect(r.ok).toBe(false);
    expect(r.audit.ok).toBe(true);
    const bad = r.artifacts.find((a) => a.path === ev1)!;
    expect(bad.status).toBe('changed');
    expect(bad.actualSha256).not.toBe(bad.sha256);
    expect(r.artifacts.filter((a) => a.status === 'ok')).toHaveLength(1);
    expect(errors(r)).toEqual([expect.stringContaining(`Evidence file ${ev1} (artifact 1) changed`)]);
    // Progress: the phases run in order and hashing ends at 1.
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['checking database', 'verifying audit chain', 'hashing evidence']);
    const hashing = progress.filter((p) => p.phase === 'hashing evidence').map((p) => p.fraction);
    expect(hashing[hashing.length - 1]).toBe(1);
    expect(hashing).toEqual([...hashing].sort((x, y) => x - y));
    const err = await codeOf(() => assertVerified(r));
    expect(err).toBe('CASE_VERIFY_FAILED');
  });

  it('names a missing evidence file, and is not fooled by an artifact row edited to match', async () => {
    const { path, ev1, ev2 } = await populatedCase();
    rmSync(ev2);
    flipByte(ev1, 0);
    const newSha = createHash('sha256').update(await import('node:fs').then((fs) => fs.readFileSync(ev1))).digest('hex');
    tamper(path, `UPDATE artifacts SET sha256 = '${newSha}' WHERE id = 1`);
    const r = await verifyCase(path);
    expect(r.artifacts.map((a) => [a.path, a.status])).toEqual([[ev1, 'changed'], [ev2, 'missing']]);
    expect(errors(r)).toEqual([
      `Artifact 1 (${ev1}) differs from audit entry 2 in sha256`,
      expect.stringContaining(`Evidence file ${ev1} (artifact 1) changed`),
      `Evidence file ${ev2} (artifact 2) is missing`,
    ]);
  });

  it('can be cancelled while hashing', async () => {
    const { path } = await populatedCase();
    const ctl = new AbortController();
    const p = verifyCase(path, { signal: ctl.signal, onProgress: (e) => { if (e.phase === 'hashing evidence') ctl.abort(); } });
    expect(await codeOf(() => p)).toBe('CANCELLED');
  });
});

function importIdOf(path: string): string {
  const db = new Database(path, { readonly: true });
  const r = db.prepare('SELECT id FROM imports').get() as { id: string };
  db.close();
  return r.id;
}
