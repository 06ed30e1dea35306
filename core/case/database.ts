import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { TracehoundError } from '../api/errors.js';

export type Db = Database.Database;

export interface OpenDbOptions {
  /** Create the file if missing (only CaseStore.create does this, on a temporary path). */
  create?: boolean;
  readonly?: boolean;
  /** How long a write waits for another connection's transaction (an import) before CASE_BUSY. */
  busyTimeoutMs?: number;
}

/** Opens the SQLite file with the pragmas every case connection uses. */
export function openDb(path: string, options: OpenDbOptions = {}): Db {
  if (!options.create) {
    if (!existsSync(path)) {
      throw new TracehoundError('CASE_NOT_FOUND', `No case at ${path}`, {
        hint: 'Check the path, or create one with `tracehound case new FILE.thcase`.',
        detail: { path },
      });
    }
    if (!statSync(path).isFile()) throw new TracehoundError('CASE_CORRUPT', `${path} is not a case file`, { detail: { path } });
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: !!options.readonly, fileMustExist: !options.create });
  } catch (e) {
    throw sqliteError(e, path);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // Any read proves the file is SQLite at all (a capture opened by mistake fails here).
    db.pragma('user_version', { simple: true });
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // FULL: a committed audit entry survives power loss, not just a crash of this process.
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    throw sqliteError(e, path);
  }
  return db;
}

/** Maps SQLite's errors to the case error codes a user can act on. */
export function sqliteError(e: unknown, path: string): unknown {
  if (e instanceof TracehoundError) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return e;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) {
    return new TracehoundError('CASE_CORRUPT', `${path} is not a readable case file (${(e as Error).message})`, {
      hint: 'The file is damaged or is not a Tracehound case.',
      detail: { path, sqlite: code },
    });
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new TracehoundError('CASE_BUSY', `The case ${path} is busy (another import or process is writing to it)`, {
      hint: 'Wait for the running import to finish and try again.',
      detail: { path, sqlite: code },
    });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'SQLITE_PERM') {
    return new TracehoundError('FILE_NOT_READABLE', `Cannot open the case ${path} (${(e as Error).message})`, {
      hint: 'Check the permissions of the file and its folder (SQLite writes -wal and -shm files next to it).',
      detail: { path, sqlite: code },
    });
  }
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && /append-only|extend the chain/.test((e as Error).message)) {
    return new TracehoundError('CASE_APPEND_ONLY', (e as Error).message, { detail: { path } });
  }
  return e;
}
