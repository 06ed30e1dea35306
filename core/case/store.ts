import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { ProgressEvent } from '../api/contract.js';
import { TracehoundError } from '../api/errors.js';
import { appendAudit, rowToEntry, type AuditAction, type AuditEntry, type AuditRow } from './audit.js';
import { canonicalJson } from './canonical.js';
import { openDb, sqliteError, type Db } from './database.js';
import { hashEvidence, sniffEvidenceKind } from './evidence.js';
import { ImportWriter } from './import.js';
import { migrate, type MigrateResult } from './migrate.js';
import { DigestList, findingDigest, noteDigest, type FindingDbRow, type NoteDbRow } from './records.js';
import { assertNoSecretText, assertNoSecrets } from './secrets.js';
import {
  PRIORITIES, type ArtifactRecord, type BookmarkRecord, type CaseInfo, type EventQuery, type EventSummary, type FindingInput,
  type FindingQuery, type FindingRecord, type ImportRecord, type NoteInput, type NoteRecord, type SavedFilterRecord,
  type ViewInput, type ViewKey, type ViewRecord, type ViewSummary,
} from './types.js';
import { insertFinding, stmt, upsertView, validateFinding, viewKey } from './writes.js';

export interface CaseOptions {
  /** Who the audit log names for actions through this handle. Default: the OS user name. */
  actor?: string;
  /** Clock for audit entries and records (tests pin it). */
  now?: () => string;
  /** How long writes wait for another writer (a running import) before CASE_BUSY. */
  busyTimeoutMs?: number;
}

export interface CreateCaseOptions extends CaseOptions {
  name?: string;
}

export interface AddArtifactOptions {
  /** scap, log, archive, image, scan, k8s-snapshot, cloud-log, other... Default: sniffed. */
  kind?: string;
  label?: string;
  meta?: Record<string, unknown>;
  onProgress?: (p: ProgressEvent) => void;
  signal?: AbortSignal;
}

export interface AddArtifactResult {
  artifact: ArtifactRecord;
  /** False when the same file with the same content was already in the case. */
  added: boolean;
}

export interface BeginImportOptions {
  /** Replace an existing index of the artifact (atomically, inside the import). */
  replace?: boolean;
}

export const CASE_EXTENSION = '.thcase';

function defaultActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * One open case file. Synchronous SQLite underneath (better-sqlite3): every write is one short
 * IMMEDIATE transaction that also appends its audit entry, so a record and the entry that
 * vouches for it are committed together or not at all. Imports are the exception, with their
 * own connection and one long transaction (see ImportWriter).
 */
export class CaseStore {
  readonly path: string;
  readonly actor: string;
  /** Set when opening migrated the file from an older schema. */
  readonly migrated: MigrateResult | undefined;
  private readonly now: () => string;
  private readonly busyTimeoutMs: number;
  private activeImport: ImportWriter | undefined;
  private closed = false;

  private constructor(private readonly db: Db, path: string, options: CaseOptions, migrated: MigrateResult | undefined) {
    this.path = path;
    this.actor = options.actor ?? defaultActor();
    this.now = options.now ?? (() => new Date().toISOString());
    this.busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.migrated = migrated;
  }

  /**
   * Creates a new case. It is built under a temporary name and linked into place only when
   * complete, so a crash never leaves a half-made case at `path`.
   */
  static create(path: string, options: CreateCaseOptions = {}): CaseStore {
    const full = resolve(path);
    if (existsSync(full)) {
      throw new TracehoundError('CASE_EXISTS', `A file already exists at ${full}`, { hint: 'Pick a new file name, or open the existing case.', detail: { path: full } });
    }
    const dir = dirname(full);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new TracehoundError('NOT_A_DIRECTORY', `The folder for the case does not exist: ${dir}`, { detail: { path: dir } });
    }
    const tmp = join(dir, `.${basename(full)}.${randomUUID()}.tmp`);
    const actor = options.actor ?? defaultActor();
    const now = options.now ?? (() => new Date().toISOString());
    const caseId = randomUUID();
    const name = options.name ?? basename(full).replace(/\.thcase$/i, '');
    if (name.length === 0 || name.length > 200) throw new TracehoundError('INVALID_REQUEST', 'A case name is 1 to 200 characters');
    const removeTmp = () => {
      for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    };
    try {
      const db = openDb(tmp, { create: true });
      try {
        migrate(db, tmp, {
          allowEmpty: true,
          now,
          after: (_from, to) => {
            const at = now();
            const meta = db.prepare('INSERT INTO case_meta (key, value) VALUES (?, ?)');
            meta.run('case_id', caseId);
            meta.run('name', name);
            meta.run('created_at', at);
            appendAudit(db, actor, 'case.created', { caseId, name, schemaVersion: to }, at);
          },
        });
        // Fold the WAL into the main file so the single file we link is the whole case.
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      try {
        linkSync(tmp, full);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new TracehoundError('CASE_EXISTS', `A file already exists at ${full}`, { detail: { path: full } });
        }
        throw e;
      }
    } finally {
      removeTmp();
    }
    return CaseStore.open(full, options);
  }

  /** Opens a case, migrating an older schema in one transaction (logged as 'case.migrated'). */
  static open(path: string, options: CaseOptions = {}): CaseStore {
    const full = resolve(path);
    const db = openDb(full, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
    try {
      const actor = options.actor ?? defaultActor();
      const result = migrate(db, full, {
        now: options.now,
        after: (from, to) => { appendAudit(db, actor, 'case.migrated', { from, to }, (options.now ?? (() => new Date().toISOString()))()); },
      });
      // A large import leaves a large WAL behind; let SQLite trim it after checkpoints.
      db.pragma('journal_size_limit = 67108864');
      return new CaseStore(db, full, options, result.from === result.to ? undefined : result);
    } catch (e) {
      db.close();
      throw sqliteError(e, full);
    }
  }

  close(): void {
    if (this.closed) return;
    this.activeImport?.rollback('the case was closed during the import');
    this.closed = true;
    this.db.close();
  }

  info(): CaseInfo {
    this.assertOpen();
    const rows = this.db.prepare('SELECT key, value FROM case_meta').all() as { key: string; value: string }[];
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    return {
      id: meta.get('case_id') ?? '',
      name: meta.get('name') ?? '',
      createdAt: meta.get('created_at') ?? '',
      path: this.path,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
    };
  }

  /** How many findings, notes, bookmarks and saved filters the case holds. */
  counts(): { findings: number; notes: number; bookmarks: number; filters: number } {
    this.assertOpen();
    const n = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { findings: n('findings'), notes: n('notes'), bookmarks: n('bookmarks'), filters: n('saved_filters') };
  }

  // ---- artifacts -------------------------------------------------------------------------------

  /**
   * References a file as evidence: hashes it (streamed, read-only) and records path, kind, size
   * and sha256. The file is never modified, moved or copied.
   */
  async addArtifact(path: string, options: AddArtifactOptions = {}): Promise<AddArtifactResult> {
    this.assertOpen();
    const full = resolve(path);
    if (full === this.path || full.startsWith(`${this.path}-`)) {
      throw new TracehoundError('INVALID_REQUEST', 'A case cannot hold itself as evidence');
    }
    const kind = options.kind ?? (await sniffEvidenceKind(full));
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(kind)) {
      throw new TracehoundError('INVALID_REQUEST', `Bad artifact kind '${kind}'`, { hint: 'Kinds are lower-case words like scap, log, image, other.' });
    }
    if (options.meta) assertNoSecrets(options.meta, 'the artifact metadata');
    const hashOptions: Parameters<typeof hashEvidence>[1] = {};
    if (options.onProgress) hashOptions.onProgress = options.onProgress;
    if (options.signal) hashOptions.signal = options.signal;
    const digest = await hashEvidence(full, hashOptions);
    return this.write(() => {
      const existing = this.db.prepare('SELECT * FROM artifacts WHERE path = ? AND sha256 = ?').get(full, digest.sha256) as ArtifactDbRow | undefined;
      if (existing) return { artifact: toArtifact(existing), added: false };
      const at = this.now();
      const info = this.db.prepare(`INSERT INTO artifacts (path, kind, sha256, size, mtime_ms, added_at, label, meta)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(full, kind, digest.sha256, digest.size, digest.mtimeMs, at, options.label ?? null,
        canonicalJson(options.meta ?? {}));
      const id = Number(info.lastInsertRowid);
      this.audit('artifact.added', { artifactId: id, path: full, kind, sha256: digest.sha256, size: digest.size, label: options.label ?? null }, at);
      return { artifact: this.artifact(id), added: true };
    });
  }

  artifacts(): ArtifactRecord[] {
    this.assertOpen();
    return (this.db.prepare('SELECT * FROM artifacts ORDER BY id').all() as ArtifactDbRow[]).map(toArtifact);
  }

  artifact(id: number): ArtifactRecord {
    this.assertOpen();
    const row = stmt(this.db, 'SELECT * FROM artifacts WHERE id = ?').get(id) as ArtifactDbRow | undefined;
    if (!row) throw new TracehoundError('CASE_ARTIFACT_NOT_FOUND', `The case has no artifact ${id}`, { detail: { artifactId: id } });
    return toArtifact(row);
  }

  // ---- the index ---------------------------------------------------------------------------------

  /**
   * Starts the one-transaction import of an artifact's first pass. 'import.started' is committed
   * first, on its own, so an import that never completes is visible to verify.
   */
  beginImport(artifactId: number, options: BeginImportOptions = {}): ImportWriter {
    this.assertOpen();
    this.artifact(artifactId);
    if (this.activeImport) {
      throw new TracehoundError('CASE_BUSY', `Import ${this.activeImport.id} is still running in this case`, { hint: 'Commit or roll it back first.' });
    }
    if (!options.replace && this.hasIndex(this.db, artifactId)) throw alreadyIndexed(artifactId);
    const id = randomUUID();
    const startedAt = this.now();
    this.write(() => this.audit('import.started', { importId: id, artifactId, replace: !!options.replace }, startedAt));
    let idb: Db | undefined;
    try {
      idb = openDb(this.path, { busyTimeoutMs: this.busyTimeoutMs });
      idb.pragma('foreign_keys = ON');
      idb.pragma('cache_size = -65536');
      idb.exec('BEGIN IMMEDIATE');
      // Checked again under the write lock: another process may have indexed it meanwhile.
      if (this.hasIndex(idb, artifactId)) {
        if (!options.replace) throw alreadyIndexed(artifactId);
        idb.prepare('DELETE FROM events WHERE artifact_id = ?').run(artifactId);
        idb.prepare('DELETE FROM views WHERE artifact_id = ? AND import_id IS NOT NULL').run(artifactId);
      }
    } catch (e) {
      if (idb?.inTransaction) idb.exec('ROLLBACK');
      idb?.close();
      const err = sqliteError(e, this.path);
      this.write(() => this.audit('import.aborted', { importId: id, artifactId, reason: err instanceof Error ? err.message : String(err) }));
      throw err;
    }
    const writer = new ImportWriter(idb, {
      id,
      artifactId,
      startedAt,
      actor: this.actor,
      now: this.now,
      onClose: (outcome, reason) => {
        this.activeImport = undefined;
        if (outcome === 'rolled-back' && !this.closed) {
          this.write(() => this.audit('import.aborted', { importId: id, artifactId, reason: reason ?? 'rolled back' }));
        }
      },
    });
    this.activeImport = writer;
    return writer;
  }

  /** Runs `fill` in an import; commits when it returns, rolls back (and rethrows) when it throws. */
  async importWith(artifactId: number, fill: (w: ImportWriter) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void,
    options: BeginImportOptions = {}): Promise<ImportRecord> {
    const w = this.beginImport(artifactId, options);
    try {
      const meta = await fill(w);
      return w.commit(meta ?? {});
    } catch (e) {
      w.rollback(`failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  private hasIndex(db: Db, artifactId: number): boolean {
    return db.prepare('SELECT 1 FROM events WHERE artifact_id = ? LIMIT 1').get(artifactId) !== undefined;
  }

  imports(artifactId?: number): ImportRecord[] {
    this.assertOpen();
    const s = this.db.prepare(`SELECT * FROM imports ${artifactId === undefined ? '' : 'WHERE artifact_id = ?'} ORDER BY completed_at, rowid`).safeIntegers(true);
    const rows = (artifactId === undefined ? s.all() : s.all(artifactId)) as ImportDbRow[];
    return rows.map(toImport);
  }

  eventCount(artifactId: number): number {
    this.assertOpen();
    return (stmt(this.db, 'SELECT count(*) AS n FROM events WHERE artifact_id = ?').get(artifactId) as { n: number }).n;
  }

  /** A page of the event list, strings resolved, in capture order. */
  events(artifactId: number, q: EventQuery = {}): EventSummary[] {
    this.assertOpen();
    const where = ['e.artifact_id = ?', 'e.evt_num > ?'];
    const args: unknown[] = [artifactId, q.afterEvtNum ?? 0];
    let from = 'events e';
    if (q.fromTs !== undefined || q.toTs !== undefined) {
      const bounds = this.windowBounds(artifactId, q.fromTs, q.toTs);
      if (bounds === null) return [];
      if (bounds) {
        // Sorted by time: the window is an evt_num range, walked in primary-key order.
        where.push('e.evt_num BETWEEN ? AND ?');
        args.push(bounds.first, bounds.last);
      } else {
        // Out of order: walk the time index and sort the window by evt_num.
        from = 'events e INDEXED BY events_ts';
      }
      if (q.fromTs !== undefined) { where.push('e.ts >= ?'); args.push(q.fromTs); }
      if (q.toTs !== undefined) { where.push('e.ts < ?'); args.push(q.toTs); }
    }
    args.push(Math.max(0, Math.min(q.limit ?? 1000, 100_000)));
    const s = stmt(this.db, `SELECT e.evt_num, e.file_offset, e.ts, e.cpu, e.dir, e.type, e.tid, e.pid,
        p.s AS proc_name, f.s AS fd_name, c.s AS container, e.res, i.s AS info, t.s AS type_name
      FROM ${from}
      LEFT JOIN strings t ON t.id = e.type_name
      LEFT JOIN strings p ON p.id = e.proc_name
      LEFT JOIN strings f ON f.id = e.fd_name
      LEFT JOIN strings c ON c.id = e.container
      LEFT JOIN strings i ON i.id = e.info
      WHERE ${where.join(' AND ')} ORDER BY e.evt_num LIMIT ?`).safeIntegers(true);
    return (s.all(...args) as EventDbRow[]).map((r) => ({
      artifactId,
      evtNum: Number(r.evt_num),
      offset: Number(r.file_offset),
      ts: r.ts,
      cpu: Number(r.cpu),
      dir: Number(r.dir) as 0 | 1,
      type: Number(r.type),
      typeName: r.type_name,
      tid: Number(r.tid),
      pid: r.pid === null ? null : Number(r.pid),
      procName: r.proc_name,
      fdName: r.fd_name,
      container: r.container,
      res: r.res === null ? null : Number(r.res),
      info: r.info,
    }));
  }

  /**
   * For an artifact whose latest import was in time order: the evt_num range of [fromTs, toTs),
   * found with two seeks on the time index; null when the window is empty. undefined when the
   * index is not in time order (the caller falls back to the time index and a sort).
   */
  private windowBounds(artifactId: number, fromTs?: bigint, toTs?: bigint): { first: number; last: number } | null | undefined {
    const latest = stmt(this.db, 'SELECT ts_sorted FROM imports WHERE artifact_id = ? ORDER BY completed_at DESC, rowid DESC LIMIT 1').get(artifactId) as { ts_sorted: number } | undefined;
    if (!latest?.ts_sorted) return undefined;
    const first = fromTs === undefined
      ? (stmt(this.db, 'SELECT MIN(evt_num) AS n FROM events WHERE artifact_id = ?').get(artifactId) as { n: number | null }).n
      : (stmt(this.db, 'SELECT evt_num AS n FROM events WHERE artifact_id = ? AND ts >= ? ORDER BY ts, evt_num LIMIT 1').get(artifactId, fromTs) as { n: number } | undefined)?.n ?? null;
    const last = toTs === undefined
      ? (stmt(this.db, 'SELECT MAX(evt_num) AS n FROM events WHERE artifact_id = ?').get(artifactId) as { n: number | null }).n
      : (stmt(this.db, 'SELECT evt_num AS n FROM events WHERE artifact_id = ? AND ts < ? ORDER BY ts DESC, evt_num DESC LIMIT 1').get(artifactId, toTs) as { n: number } | undefined)?.n ?? null;
    if (first === null || last === null || first > last) return null;
    return { first, last };
  }

  /** Resolves string ids (from the index) to their text. */
  strings(ids: readonly number[]): Map<number, string> {
    this.assertOpen();
    const s = stmt(this.db, 'SELECT s FROM strings WHERE id = ?');
    const out = new Map<number, string>();
    for (const id of ids) {
      const r = s.get(id) as { s: string } | undefined;
      if (r) out.set(id, r.s);
    }
    return out;
  }

  // ---- view results ------------------------------------------------------------------------------

  /** Stores (or replaces) a view result computed outside an import. */
  putView(view: ViewInput): ViewSummary {
    this.assertOpen();
    if (view.artifactId != null) this.artifact(view.artifactId);
    return this.write(() => {
      const at = this.now();
      const { id } = upsertView(this.db, view, null, at);
      this.audit('view.saved', { viewId: id, name: view.name, artifactId: view.artifactId ?? null, rows: view.rows.length }, at);
      return this.viewById(id, false) as ViewSummary;
    });
  }

  /** The stored result for exactly this view, params, filter and time range, if any. */
  getView(key: ViewKey): ViewRecord | undefined {
    this.assertOpen();
    const row = stmt(this.db, 'SELECT id FROM views WHERE view_key = ?').get(viewKey(key)) as { id: number } | undefined;
    return row ? (this.viewById(row.id, true) as ViewRecord) : undefined;
  }

  views(artifactId?: number): ViewSummary[] {
    this.assertOpen();
    const cols = 'id, name, artifact_id, import_id, params, filter, ts_from, ts_to, row_count, created_at';
    const s = this.db.prepare(`SELECT ${cols} FROM views ${artifactId === undefined ? '' : 'WHERE artifact_id = ?'} ORDER BY name, id`).safeIntegers(true);
    return ((artifactId === undefined ? s.all() : s.all(artifactId)) as ViewDbRow[]).map((r) => toView(r, false));
  }

  private viewById(id: number, withRows: boolean): ViewRecord | ViewSummary | undefined {
    const r = this.db.prepare(`SELECT id, name, artifact_id, import_id, params, filter, ts_from, ts_to, row_count, created_at${withRows ? ', rows' : ''}
      FROM views WHERE id = ?`).safeIntegers(true).get(id) as ViewDbRow | undefined;
    return r ? toView(r, withRows) : undefined;
  }

  // ---- findings ----------------------------------------------------------------------------------

  addFinding(f: FindingInput): FindingRecord {
    const [one] = this.addFindings([f]);
    return one!;
  }

  /** Adds findings in one transaction with one audit entry that pins their digests. */
  addFindings(list: readonly FindingInput[]): FindingRecord[] {
    this.assertOpen();
    if (list.length === 0) return [];
    for (const f of list) {
      validateFinding(f);
      if (f.artifactId != null) this.artifact(f.artifactId);
    }
    return this.write(() => {
      const at = this.now();
      const rows = list.map((f) => insertFinding(this.db, f, null, at));
      if (rows.length === 1) {
        const r = rows[0]!;
        this.audit('finding.added', { findingId: r.id, rule: r.rule, priority: r.priority, artifactId: r.artifact_id, digest: findingDigest(r) }, at);
      } else {
        const d = new DigestList();
        for (const r of rows) d.add(findingDigest(r));
        this.audit('findings.added', { firstId: rows[0]!.id, lastId: rows[rows.length - 1]!.id, count: rows.length, digest: d.digest() }, at);
      }
      return rows.map(toFinding);
    });
  }

  findings(q: FindingQuery = {}): FindingRecord[] {
    this.assertOpen();
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.artifactId !== undefined) { where.push('artifact_id = ?'); args.push(q.artifactId); }
    if (q.rule !== undefined) { where.push('rule = ?'); args.push(q.rule); }
    if (q.minPriority !== undefined) {
      const allowed = PRIORITIES.slice(0, PRIORITIES.indexOf(q.minPriority) + 1);
      where.push(`priority IN (${allowed.map(() => '?').join(',')})`);
      args.push(...allowed);
    }
    const sql = `SELECT * FROM findings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ts IS NULL, ts, id ${q.limit !== undefined ? 'LIMIT ?' : ''}`;
    if (q.limit !== undefined) args.push(q.limit);
    return (this.db.prepare(sql).safeIntegers(true).all(...args) as FindingDbRow[]).map(toFinding);
  }

  // ---- notes, bookmarks, saved filters -----------------------------------------------------------

  addNote(n: NoteInput): NoteRecord {
    this.assertOpen();
    if (typeof n.text !== 'string' || n.text.trim().length === 0) throw new TracehoundError('INVALID_REQUEST', 'A note needs some text');
    assertNoSecretText(n.text, 'the note');
    if (n.evtNum != null && n.artifactId == null) throw new TracehoundError('INVALID_REQUEST', 'A note on an event needs the artifact it belongs to');
    if (n.artifactId != null) this.artifact(n.artifactId);
    return this.write(() => {
      const at = this.now();
      const row: Omit<NoteDbRow, 'id'> = { artifact_id: n.artifactId ?? null, evt_num: n.evtNum ?? null, text: n.text, author: this.actor, created_at: at };
      const info = this.db.prepare('INSERT INTO notes (artifact_id, evt_num, text, author, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(row.artifact_id, row.evt_num, row.text, row.author, row.created_at);
      const full: NoteDbRow = { id: Number(info.lastInsertRowid), ...row };
      this.audit('note.added', { noteId: full.id, artifactId: full.artifact_id, evtNum: full.evt_num, digest: noteDigest(full) }, at);
      return toNote(full);
    });
  }

  notes(q: { artifactId?: number; evtNum?: number } = {}): NoteRecord[] {
    this.assertOpen();
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.artifactId !== undefined) { where.push('artifact_id = ?'); args.push(q.artifactId); }
    if (q.evtNum !== undefined) { where.push('evt_num = ?'); args.push(q.evtNum); }
    const sql = `SELECT * FROM notes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return (this.db.prepare(sql).all(...args) as NoteDbRow[]).map(toNote);
  }

  addBookmark(artifactId: number, evtNum: number, label?: string): BookmarkRecord {
    this.assertOpen();
    this.artifact(artifactId);
    if (!Number.isSafeInteger(evtNum) || evtNum < 1) throw new TracehoundError('INVALID_REQUEST', `Bad event number ${evtNum}`);
    return this.write(() => {
      const existing = this.db.prepare('SELECT * FROM bookmarks WHERE artifact_id = ? AND evt_num = ?').get(artifactId, evtNum) as BookmarkDbRow | undefined;
      if (existing) return toBookmark(existing);
      const at = this.now();
      const info = this.db.prepare('INSERT INTO bookmarks (artifact_id, evt_num, label, created_at) VALUES (?, ?, ?, ?)').run(artifactId, evtNum, label ?? null, at);
      const id = Number(info.lastInsertRowid);
      this.audit('bookmark.added', { bookmarkId: id, artifactId, evtNum, label: label ?? null }, at);
      return { id, artifactId, evtNum, label: label ?? null, createdAt: at };
    });
  }

  removeBookmark(id: number): boolean {
    this.assertOpen();
    return this.write(() => {
      const row = this.db.prepare('SELECT * FROM bookmarks WHERE id = ?').get(id) as BookmarkDbRow | undefined;
      if (!row) return false;
      this.db.prepare('DELETE FROM bookmarks WHERE id = ?').run(id);
      this.audit('bookmark.removed', { bookmarkId: id, artifactId: row.artifact_id, evtNum: row.evt_num });
      return true;
    });
  }

  bookmarks(artifactId?: number): BookmarkRecord[] {
    this.assertOpen();
    const s = this.db.prepare(`SELECT * FROM bookmarks ${artifactId === undefined ? '' : 'WHERE artifact_id = ?'} ORDER BY artifact_id, evt_num`);
    return ((artifactId === undefined ? s.all() : s.all(artifactId)) as BookmarkDbRow[]).map(toBookmark);
  }

  /** Saves (or updates, by name) a filter expression. The text is stored as typed. */
  saveFilter(name: string, filter: string, description?: string): SavedFilterRecord {
    this.assertOpen();
    if (typeof name !== 'string' || name.trim().length === 0 || name.length > 200) throw new TracehoundError('INVALID_REQUEST', 'A saved filter needs a name (up to 200 characters)');
    if (typeof filter !== 'string' || filter.trim().length === 0) throw new TracehoundError('INVALID_REQUEST', 'A saved filter needs a filter expression');
    return this.write(() => {
      const at = this.now();
      const r = this.db.prepare(`INSERT INTO saved_filters (name, filter, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, description = excluded.description, updated_at = excluded.updated_at
        RETURNING *`).get(name, filter, description ?? null, at, at) as FilterDbRow;
      this.audit('filter.saved', { filterId: r.id, name, filter }, at);
      return toFilter(r);
    });
  }

  deleteFilter(name: string): boolean {
    this.assertOpen();
    return this.write(() => {
      const r = this.db.prepare('DELETE FROM saved_filters WHERE name = ? RETURNING id').get(name) as { id: number } | undefined;
      if (!r) return false;
      this.audit('filter.deleted', { filterId: r.id, name });
      return true;
    });
  }

  savedFilters(): SavedFilterRecord[] {
    this.assertOpen();
    return (this.db.prepare('SELECT * FROM saved_filters ORDER BY name').all() as FilterDbRow[]).map(toFilter);
  }

  // ---- audit log ---------------------------------------------------------------------------------

  auditLog(q: { fromSeq?: number; limit?: number } = {}): AuditEntry[] {
    this.assertOpen();
    const rows = this.db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?')
      .all(q.fromSeq ?? 1, q.limit ?? -1) as AuditRow[];
    return rows.map(rowToEntry);
  }

  auditHead(): { seq: number; hash: string } | null {
    this.assertOpen();
    return (this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
  }

  /**
   * Records an action that writes nothing else to the case (an export, say). Details are checked
   * for credentials like every entry.
   */
  recordAction(action: Extract<AuditAction, 'case.exported'>, details: Record<string, unknown>): AuditEntry {
    this.assertOpen();
    return this.write(() => this.audit(action, details));
  }

  // ---- internals ---------------------------------------------------------------------------------

  private audit(action: AuditAction, details: Record<string, unknown>, at?: string): AuditEntry {
    return appendAudit(this.db, this.actor, action, details, at ?? this.now());
  }

  /** One IMMEDIATE transaction: the lock is taken up front, so the audit head cannot move under us. */
  private write<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (e) {
      throw sqliteError(e, this.path);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new TracehoundError('INVALID_REQUEST', `The case ${this.path} is closed`);
  }
}

function alreadyIndexed(artifactId: number): TracehoundError {
  return new TracehoundError('CASE_ALREADY_INDEXED', `Artifact ${artifactId} is already indexed in this case`, {
    hint: 'Pass replace to re-index it.',
    detail: { artifactId },
  });
}

interface ArtifactDbRow {
  id: number; path: string; kind: string; sha256: string; size: number; mtime_ms: number | null; added_at: string; label: string | null; meta: string;
}
interface EventDbRow {
  evt_num: bigint; file_offset: bigint; ts: bigint; cpu: bigint; dir: bigint; type: bigint; tid: bigint; pid: bigint | null;
  proc_name: string | null; fd_name: string | null; container: string | null; res: bigint | null; info: string | null;
  type_name: string | null;
}
interface ImportDbRow {
  id: string; artifact_id: bigint; started_at: string; completed_at: string; events: bigint; findings: bigint; views: bigint;
  first_ts: bigint | null; last_ts: bigint | null; ts_sorted: bigint; meta: string;
}
interface ViewDbRow {
  id: bigint; name: string; artifact_id: bigint | null; import_id: string | null; params: string; filter: string | null;
  ts_from: bigint | null; ts_to: bigint | null; row_count: bigint; created_at: string; rows?: string;
}
interface BookmarkDbRow { id: number; artifact_id: number; evt_num: number; label: string | null; created_at: string }
interface FilterDbRow { id: number; name: string; filter: string; description: string | null; created_at: string; updated_at: string }

const num = (v: bigint | number | null): number | null => (v === null ? null : Number(v));
const big = (v: bigint | number | null): bigint | null => (v === null ? null : BigInt(v));

function toArtifact(r: ArtifactDbRow): ArtifactRecord {
  return { id: r.id, path: r.path, kind: r.kind, sha256: r.sha256, size: r.size, mtimeMs: r.mtime_ms, addedAt: r.added_at, label: r.label, meta: JSON.parse(r.meta) as Record<string, unknown> };
}

function toImport(r: ImportDbRow): ImportRecord {
  return {
    id: r.id, artifactId: Number(r.artifact_id), startedAt: r.started_at, completedAt: r.completed_at, events: Number(r.events),
    findings: Number(r.findings), views: Number(r.views), firstTs: big(r.first_ts), lastTs: big(r.last_ts), tsSorted: r.ts_sorted === 1n, meta: JSON.parse(r.meta) as Record<string, unknown>,
  };
}

function toView(r: ViewDbRow, withRows: boolean): ViewRecord | ViewSummary {
  const v: ViewSummary = {
    id: Number(r.id), name: r.name, artifactId: num(r.artifact_id), importId: r.import_id, params: JSON.parse(r.params) as Record<string, unknown>,
    filter: r.filter, tsFrom: big(r.ts_from), tsTo: big(r.ts_to), rowCount: Number(r.row_count), createdAt: r.created_at,
  };
  return withRows ? { ...v, rows: JSON.parse(r.rows ?? '[]') as unknown[] } : v;
}

function toFinding(r: FindingDbRow): FindingRecord {
  return {
    id: Number(r.id), artifactId: num(r.artifact_id), importId: r.import_id, rule: r.rule, priority: r.priority as FindingRecord['priority'],
    source: r.source, ts: big(r.ts), evtNum: num(r.evt_num), output: r.output,
    outputFields: JSON.parse(r.output_fields) as Record<string, unknown>, tags: JSON.parse(r.tags) as string[], createdAt: r.created_at,
  };
}

function toNote(r: NoteDbRow): NoteRecord {
  return { id: Number(r.id), artifactId: num(r.artifact_id), evtNum: num(r.evt_num), text: r.text, author: r.author, createdAt: r.created_at };
}

function toBookmark(r: BookmarkDbRow): BookmarkRecord {
  return { id: r.id, artifactId: r.artifact_id, evtNum: r.evt_num, label: r.label, createdAt: r.created_at };
}

function toFilter(r: FilterDbRow): SavedFilterRecord {
  return { id: r.id, name: r.name, filter: r.filter, description: r.description, createdAt: r.created_at, updatedAt: r.updated_at };
}
