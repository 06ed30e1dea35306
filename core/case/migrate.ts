import { TracehoundError } from '../api/errors.js';
import type { Db } from './database.js';
import { CASE_APPLICATION_ID, MIGRATIONS, type Migration } from './schema.js';

export interface MigrateOptions {
  migrations?: readonly Migration[];
  /** Runs inside the migration transaction after the last step (the store logs 'case.migrated'). */
  after?: (from: number, to: number) => void;
  /** Only a brand-new file may start at version 0; an existing case at 0 is not a case. */
  allowEmpty?: boolean;
  now?: () => string;
}

export interface MigrateResult {
  from: number;
  to: number;
}

export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkList(migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at index ${i} (version ${m.version})`);
  });
  const last = migrations[migrations.length - 1];
  if (!last) throw new Error('migration list is empty');
  return last.version;
}

/**
 * Brings `db` to the last version of `migrations`, all in one IMMEDIATE transaction: a crash
 * mid-way leaves the case at its old version. Refuses cases written by a newer Tracehound.
 */
export function migrate(db: Db, path: string, options: MigrateOptions = {}): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = checkList(migrations);
  const now = options.now ?? (() => new Date().toISOString());
  // The common case, an up-to-date case, must not take the write lock: another process may be
  // in the middle of a long import, and opening the case to read it should still work.
  const seen = userVersion(db);
  if (seen === latest) {
    checkIdentity(db, path, seen);
    return { from: seen, to: latest };
  }
  const run = db.transaction((): MigrateResult => {
    const from = userVersion(db);
    if (from > latest) {
      throw new TracehoundError('CASE_TOO_NEW', `The case ${path} has schema version ${from}; this Tracehound reads up to ${latest}`, {
        hint: 'Open it with a newer Tracehound.',
        detail: { path, version: from, supported: latest },
      });
    }
    if (from === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
      if (!options.allowEmpty || tables.n > 0) throw notACase(path, 'it has no case schema');
      db.pragma(`application_id = ${CASE_APPLICATION_ID}`);
    } else {
      checkIdentity(db, path, from);
    }
    if (from === latest) return { from, to: latest };
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations) {
      if (m.version <= from) continue;
      db.exec(m.sql);
      m.up?.(db);
      record.run(m.version, m.name, now());
    }
    db.pragma(`user_version = ${latest}`);
    options.after?.(from, latest);
    return { from, to: latest };
  });
  return run.immediate();
}

/**
 * For read-only users (verify): the schema version of a case file, refusing what is not a case or
 * is newer than this build. Does not migrate.
 */
export function caseVersion(db: Db, path: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = checkList(migrations);
  const version = userVersion(db);
  if (version > latest) {
    throw new TracehoundError('CASE_TOO_NEW', `The case ${path} has schema version ${version}; this Tracehound reads up to ${latest}`, {
      hint: 'Open it with a newer Tracehound.',
      detail: { path, version, supported: latest },
    });
  }
  if (version === 0) throw notACase(path, 'it has no case schema');
  checkIdentity(db, path, version);
  return version;
}

/** The header and the migrations table must agree; a mismatch means the file is not what it says. */
function checkIdentity(db: Db, path: string, version: number): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== CASE_APPLICATION_ID) throw notACase(path, 'its application id is not Tracehound\'s');
  let rows: { version: number }[];
  try {
    rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
  } catch {
    throw notACase(path, 'its migrations table is missing');
  }
  const ok = rows.length === version && rows.every((r, i) => r.version === i + 1);
  if (!ok) {
    throw new TracehoundError('CASE_CORRUPT', `The case ${path} says schema version ${version} but records migrations ${rows.map((r) => r.version).join(',') || 'none'}`, {
      detail: { path, version },
    });
  }
}

function notACase(path: string, why: string): TracehoundError {
  return new TracehoundError('CASE_CORRUPT', `${path} is not a Tracehound case: ${why}`, {
    hint: 'Open a .thcase file made by `tracehound case new`.',
    detail: { path },
  });
}
