import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../core/case/database.js';
import { migrate } from '../../../core/case/migrate.js';
import { appendAudit } from '../../../core/case/audit.js';
import { CASE_APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../core/case/schema.js';
import { CaseStore, verifyCase } from '../../../core/case/index.js';
import { codeOf, scratch } from './helpers.js';

const tmp = scratch('migrations');
afterAll(() => tmp.cleanup());

/** Makes a case as an older Tracehound (knowing only the first `upTo` migrations) would have. */
function makeOldCase(path: string, upTo: number): void {
  const db = openDb(path, { create: true });
  migrate(db, path, {
    migrations: MIGRATIONS.slice(0, upTo),
    allowEmpty: true,
    after: () => {
      db.prepare("INSERT INTO case_meta (key, value) VALUES ('case_id', 'old-case'), ('name', 'old'), ('created_at', '2020-01-01T00:00:00.000Z')").run();
      appendAudit(db, 'tester', 'case.created', { caseId: 'old-case', name: 'old', schemaVersion: upTo });
    },
  });
  db.close();
}

describe('case migrations', () => {
  it('the migration list is ordered and complete', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('a new case is at the latest version, WAL, foreign keys on, with every migration recorded', () => {
    const path = tmp.path('new.thcase');
    CaseStore.create(path, { name: 'fresh' }).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(CASE_APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    db.close();
    const store = CaseStore.open(path);
    expect(store.migrated).toBeUndefined();
    expect((store as unknown as { db: Database.Database }).db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.info()).toMatchObject({ name: 'fresh', schemaVersion: SCHEMA_VERSION });
    store.close();
  });

  it('opening an older case migrates it in one step and logs it', async () => {
    const path = tmp.path('old-v1.thcase');
    makeOldCase(path, 1);
    const store = CaseStore.open(path, { actor: 'upgrader' });
    expect(store.migrated).toEqual({ from: 1, to: SCHEMA_VERSION });
    const log = store.auditLog();
    expect(log.map((e) => e.action)).toEqual(['case.created', 'case.migrated']);
    expect(log[1]).toMatchObject({ actor: 'upgrader', details: { from: 1, to: SCHEMA_VERSION } });
    // The tables of later migrations work.
    expect(store.addNote({ text: 'works after upgrade' }).id).toBe(1);
    store.close();
    expect((await verifyCase(path)).ok).toBe(true);
    // And a second open does not migrate again.
    const again = CaseStore.open(path);
    expect(again.migrated).toBeUndefined();
    again.close();
  });

  it('a migration that fails leaves the case at its old version, untouched', () => {
    const path = tmp.path('fails.thcase');
    makeOldCase(path, 1);
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'half good', sql: 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);' }];
    const db = openDb(path);
    expect(() => migrate(db, path, { migrations: broken })).toThrow(/nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
    db.close();
  });

  it('runs code steps after their SQL, in the same transaction', () => {
    const path = tmp.path('code-step.thcase');
    CaseStore.create(path).close();
    const db = openDb(path);
    const extra = [...MIGRATIONS, {
      version: SCHEMA_VERSION + 1, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER)',
      up: (d: Database.Database) => { d.prepare('INSERT INTO extra VALUES (42)').run(); },
    }];
    expect(migrate(db, path, { migrations: extra })).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION + 1 });
    expect(db.prepare('SELECT x FROM extra').get()).toEqual({ x: 42 });
    db.close();
  });

  it('refuses a case from a newer Tracehound with CASE_TOO_NEW (open and verify)', async () => {
    const path = tmp.path('newer.thcase');
    CaseStore.create(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 7}`);
    raw.close();
    expect(await codeOf(() => CaseStore.open(path))).toBe('CASE_TOO_NEW');
    expect(await codeOf(() => verifyCase(path))).toBe('CASE_TOO_NEW');
  });

  it('refuses what is not a case', async () => {
    expect(await codeOf(() => CaseStore.open(tmp.path('nope.thcase')))).toBe('CASE_NOT_FOUND');
    const junk = tmp.path('junk.thcase');
    writeFileSync(junk, Buffer.alloc(8192, 0x41));
    expect(await codeOf(() => CaseStore.open(junk))).toBe('CASE_CORRUPT');
    const other = tmp.path('other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expect(await codeOf(() => CaseStore.open(other))).toBe('CASE_CORRUPT');
    const fake = tmp.path('fake.thcase');
    const f = new Database(fake);
    f.pragma('user_version = 2');
    f.close();
    expect(await codeOf(() => CaseStore.open(fake))).toBe('CASE_CORRUPT');
    expect(await codeOf(() => CaseStore.create(junk))).toBe('CASE_EXISTS');
    expect(await codeOf(() => CaseStore.create(tmp.path('no-such-dir/x.thcase')))).toBe('NOT_A_DIRECTORY');
  });

  it('rejects a migration list with gaps', () => {
    const path = tmp.path('gaps.thcase');
    const db = openDb(path, { create: true });
    expect(() => migrate(db, path, { migrations: [MIGRATIONS[0]!, { ...MIGRATIONS[2]! }], allowEmpty: true })).toThrow(/out of order/);
    db.close();
  });
});
