import type Database from 'better-sqlite3';
import { TracehoundError } from '../api/errors.js';
import { appendAudit } from './audit.js';
import { canonicalJson } from './canonical.js';
import { sqliteError, type Db } from './database.js';
import { DigestList, findingDigest } from './records.js';
import { assertNoSecrets } from './secrets.js';
import type { EventIndexRow, FindingInput, ImportRecord, ViewInput } from './types.js';
import { insertFinding, multiRowInsert, stmt, upsertView, validateFinding, validateView } from './writes.js';

/** Interned strings kept in memory per import; past this the cache restarts (the table dedups). */
const STRING_CACHE_LIMIT = 1_000_000;

/** In the order put() fills a row's values. */
const EVENT_COLUMNS = ['artifact_id', 'evt_num', 'file_offset', 'ts', 'cpu', 'dir', 'type', 'tid', 'pid', 'proc_name', 'fd_name', 'container', 'res', 'info', 'type_name'];

/**
 * Rows per INSERT statement: one statement call per row was most of the import's cost in the
 * binding layer (3.2 M calls); 64 rows × 15 values stays far below SQLite's parameter limit.
 */
export const ROWS_PER_INSERT = 64;


export interface ImportContext {
  id: string;
  artifactId: number;
  startedAt: string;
  actor: string;
  now: () => string;
  /** Called once the writer is finished either way (the store forgets it, logs an abort). */
  onClose: (outcome: 'committed' | 'rolled-back', reason?: string) => void;
}

export interface ImportCounts {
  events: number;
  strings: number;
  findings: number;
  views: number;
}

/**
 * Writes one import of an artifact's first pass. Everything happens in ONE transaction on the
 * writer's own connection: until commit() nothing is visible to readers, and a crash at any
 * point leaves the case exactly as it was before beginImport. 'import.completed' is appended to
 * the audit log inside the same transaction, so it exists if and only if the import does.
 *
 * All methods are synchronous and cheap to call with batches of thousands of rows.
 */
export class ImportWriter {
  readonly id: string;
  readonly artifactId: number;
  private state: 'open' | 'committed' | 'rolled-back' = 'open';
  private readonly strings = new Map<string, number>();
  private readonly insertEvent: Database.Statement;
  private readonly insertMany: Database.Statement;
  private readonly insertString: Database.Statement;
  private readonly findString: Database.Statement;
  private readonly insertEvents: (batch: readonly EventIndexRow[]) => void;
  private readonly findingDigests = new DigestList();
  private readonly counts: ImportCounts = { events: 0, strings: 0, findings: 0, views: 0 };
  private maxStringId: number;
  private firstTs: bigint | null = null;
  private tsSorted = true;
  private prevEvtNum = 0;
  private prevTs = -1n;
  private lastTs: bigint | null = null;

  /** @internal Use CaseStore.beginImport. `db` is this import's own connection, already in BEGIN IMMEDIATE. */
  constructor(private readonly db: Db, private readonly ctx: ImportContext) {
    this.id = ctx.id;
    this.artifactId = ctx.artifactId;
    this.insertEvent = stmt(db, multiRowInsert('events', EVENT_COLUMNS, 1));
    this.insertMany = stmt(db, multiRowInsert('events', EVENT_COLUMNS, ROWS_PER_INSERT));
    this.insertString = stmt(db, 'INSERT INTO strings (s) VALUES (?) ON CONFLICT (s) DO NOTHING RETURNING id');
    this.findString = stmt(db, 'SELECT id FROM strings WHERE s = ?');
    this.maxStringId = (db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM strings').get() as { m: number }).m;
    const artifactId = this.artifactId;
    const one = this.insertEvent;
    const many = this.insertMany;
    const values: unknown[] = new Array(EVENT_COLUMNS.length * ROWS_PER_INSERT);
    // String columns have no foreign keys (see schema.ts); ids must come from intern(), and an
    // id past the largest one handed out is certainly not one.
    const badId = (v: number | null | undefined) => v != null && !(v >= 1 && v <= this.maxStringId && Number.isInteger(v));
    const put = (e: EventIndexRow, at: number) => {
      if (badId(e.procName) || badId(e.fdName) || badId(e.container) || badId(e.info) || badId(e.typeName)) {
        throw new TracehoundError('INVALID_REQUEST', `Event ${e.evtNum} refers to a string id that intern() did not hand out`);
      }
      values[at] = artifactId; values[at + 1] = e.evtNum; values[at + 2] = e.offset; values[at + 3] = e.ts;
      values[at + 4] = e.cpu; values[at + 5] = e.dir; values[at + 6] = e.type; values[at + 7] = e.tid;
      values[at + 8] = e.pid ?? null; values[at + 9] = e.procName ?? null; values[at + 10] = e.fdName ?? null;
      values[at + 11] = e.container ?? null; values[at + 12] = e.res ?? null; values[at + 13] = e.info ?? null;
      values[at + 14] = e.typeName ?? null;
    };
    this.insertEvents = (batch) => {
      let i = 0;
      for (; i + ROWS_PER_INSERT <= batch.length; i += ROWS_PER_INSERT) {
        for (let k = 0; k < ROWS_PER_INSERT; k++) put(batch[i + k]!, k * EVENT_COLUMNS.length);
        many.run(values);
      }
      for (; i < batch.length; i++) {
        put(batch[i]!, 0);
        one.run(values.slice(0, EVENT_COLUMNS.length));
      }
    };
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** The id of `s` in the case's string table, adding it if new. */
  intern(s: string): number {
    this.assertOpen();
    const hit = this.strings.get(s);
    if (hit !== undefined) return hit;
    let row = this.insertString.get(s) as { id: number } | undefined;
    if (row) {
      this.counts.strings++;
      if (row.id > this.maxStringId) this.maxStringId = row.id;
    } else {
      row = this.findString.get(s) as { id: number };
    }
    if (this.strings.size >= STRING_CACHE_LIMIT) this.strings.clear();
    this.strings.set(s, row.id);
    return row.id;
  }

  addStrings(list: readonly string[]): number[] {
    return list.map((s) => this.intern(s));
  }

  /** Appends index rows. evt numbers must be unique per artifact (they are the capture's order). */
  addEvents(batch: readonly EventIndexRow[]): void {
    this.assertOpen();
    try {
      this.insertEvents(batch);
    } catch (e) {
      throw this.fail(e);
    }
    for (const e of batch) {
      if (this.firstTs === null || e.ts < this.firstTs) this.firstTs = e.ts;
      if (this.lastTs === null || e.ts > this.lastTs) this.lastTs = e.ts;
      if (this.tsSorted && (e.evtNum <= this.prevEvtNum || e.ts < this.prevTs)) this.tsSorted = false;
      this.prevEvtNum = e.evtNum;
      this.prevTs = e.ts;
    }
    this.counts.events += batch.length;
  }

  /** Rule alerts raised during the pass; they default to this import's artifact. */
  addFindings(batch: readonly FindingInput[]): void {
    this.assertOpen();
    // Validate the whole batch first: a bad finding is the caller's error and leaves the import usable.
    for (const f of batch) validateFinding(f);
    const at = this.ctx.now();
    try {
      for (const f of batch) {
        const row = insertFinding(this.db, { ...f, artifactId: f.artifactId === undefined ? this.artifactId : f.artifactId }, this.id, at);
        this.findingDigests.add(findingDigest(row));
      }
    } catch (e) {
      throw this.fail(e);
    }
    this.counts.findings += batch.length;
  }

  /** Stores (or replaces) a view result computed by this pass; defaults to this import's artifact. */
  putView(view: ViewInput): number {
    this.assertOpen();
    validateView(view);
    let id: number;
    try {
      ({ id } = upsertView(this.db, { ...view, artifactId: view.artifactId === undefined ? this.artifactId : view.artifactId }, this.id, this.ctx.now()));
    } catch (e) {
      throw this.fail(e);
    }
    this.counts.views++;
    return id;
  }

  get progress(): Readonly<ImportCounts> {
    return { ...this.counts };
  }

  /**
   * Makes the import visible: records it, appends 'import.completed' and commits, all at once.
   * `meta` (engine version, warnings, a truncated tail...) is kept with the import record.
   */
  commit(meta: Record<string, unknown> = {}): ImportRecord {
    this.assertOpen();
    assertNoSecrets(meta, 'the import metadata');
    const completedAt = this.ctx.now();
    try {
      stmt(this.db, `INSERT INTO imports (id, artifact_id, started_at, completed_at, events, findings, views, first_ts, last_ts, ts_sorted, meta)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(this.id, this.artifactId, this.ctx.startedAt, completedAt, this.counts.events,
        this.counts.findings, this.counts.views, this.firstTs, this.lastTs, this.tsSorted ? 1 : 0, canonicalJson(meta));
      appendAudit(this.db, this.ctx.actor, 'import.completed', {
        importId: this.id,
        artifactId: this.artifactId,
        events: this.counts.events,
        newStrings: this.counts.strings,
        findings: this.counts.findings,
        findingsDigest: this.findingDigests.digest(),
        views: this.counts.views,
        firstTs: this.firstTs,
        lastTs: this.lastTs,
      }, completedAt);
      this.db.exec('COMMIT');
    } catch (e) {
      throw this.fail(e);
    }
    this.finish('committed');
    return {
      id: this.id, artifactId: this.artifactId, startedAt: this.ctx.startedAt, completedAt, ...this.countsForRecord(),
      firstTs: this.firstTs, lastTs: this.lastTs, tsSorted: this.tsSorted, meta: JSON.parse(canonicalJson(meta)) as Record<string, unknown>,
    };
  }

  /** Discards everything this import wrote. The store logs 'import.aborted' with the reason. */
  rollback(reason = 'rolled back by the caller'): void {
    if (this.state !== 'open') return;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.finish('rolled-back', reason);
  }

  private countsForRecord() {
    return { events: this.counts.events, findings: this.counts.findings, views: this.counts.views };
  }

  /** A write failed: the transaction is no good any more, so give it up and say why. */
  private fail(e: unknown): unknown {
    const reason = e instanceof Error ? e.message : String(e);
    try {
      this.rollback(`failed: ${reason}`);
    } catch {
      /* the original error is the one worth reporting */
    }
    return sqliteError(e, `import ${this.id}`);
  }

  private finish(outcome: 'committed' | 'rolled-back', reason?: string): void {
    this.state = outcome;
    this.strings.clear();
    this.db.close();
    this.ctx.onClose(outcome, reason);
  }

  private assertOpen(): void {
    if (this.state !== 'open') {
      throw new TracehoundError('CASE_IMPORT_CLOSED', `Import ${this.id} is already ${this.state}`, {
        hint: 'Start a new import with beginImport().',
      });
    }
  }
}
