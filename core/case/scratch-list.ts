/**
 * A capture's event list kept on disk while it is open, for captures too large to index in memory:
 * the same events and strings tables a case has, in a private temporary SQLite database that SQLite
 * deletes when its connection closes (or the process dies). Read back through CaseEventList, so a
 * large open capture and a reopened case page, locate and plot the same way.
 */
import Database from 'better-sqlite3';
import { TracehoundError } from '../api/errors.js';
import { AnchorCollector, CaseEventList } from './event-list.js';
import { ROWS_PER_INSERT } from './import.js';
import { sqliteError, type Db } from './database.js';
import { multiRowInsert } from './writes.js';

// The columns of the case's tables (schema.ts) that CaseEventList reads, and nothing only a case
// needs: no artifacts to reference, no UNIQUE on strings (a scratch list dedups its strings in
// memory and never looks one up), and evt_num as the rowid, since appending to a rowid table costs
// about half of appending to the case's WITHOUT ROWID key.
const SCRATCH_SCHEMA = `
CREATE TABLE strings (id INTEGER PRIMARY KEY, s TEXT NOT NULL);
CREATE TABLE events (
  evt_num     INTEGER PRIMARY KEY,
  artifact_id INTEGER NOT NULL,
  file_offset INTEGER NOT NULL,
  ts          INTEGER NOT NULL,
  cpu         INTEGER NOT NULL,
  dir         INTEGER NOT NULL,
  type        INTEGER NOT NULL,
  tid         INTEGER NOT NULL,
  proc_name   INTEGER,
  info        INTEGER,
  type_name   INTEGER
);`;
const COLUMNS = ['evt_num', 'artifact_id', 'file_offset', 'ts', 'cpu', 'dir', 'type', 'tid', 'proc_name', 'info', 'type_name'];
const WIDTH = COLUMNS.length;

const ARTIFACT = 1;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Repeated evt.info texts are stored once while they are among the last this many seen. */
const INFO_CACHE = 100_000;
/** SQLite's page cache for the scratch file (KiB): enough to append, small beside the index it replaces. */
const CACHE_KIB = 16 * 1024;
const STRINGS_PER_INSERT = 256;

/** A row's direction as stored: 0 enter, 1 exit (as in a case), 2 none (a case never has one). */
function dirCode(dir: string): number {
  return dir === '>' ? 0 : dir === '<' ? 1 : 2;
}

export class ScratchListWriter {
  private readonly db: Db;
  private readonly insertEvents: Database.Statement;
  private readonly insertOneEvent: Database.Statement;
  private readonly insertStrings: Database.Statement;
  private readonly insertOneString: Database.Statement;
  private readonly names = new Map<string, number>();
  private readonly infos = new Map<string, number>();
  private readonly rowValues: unknown[] = new Array(WIDTH * ROWS_PER_INSERT);
  private rows = 0;
  private readonly stringValues: unknown[] = new Array(2 * STRINGS_PER_INSERT);
  private strings = 0;
  private nextId = 0;
  private readonly anchors = new AnchorCollector();
  private count = 0;
  private firstTs: bigint | null = null;
  private lastTs: bigint | null = null;
  private done = false;

  constructor() {
    try {
      // '' is SQLite's private temporary on-disk database, removed when the connection closes.
      this.db = new Database('');
      this.db.pragma(`cache_size = -${CACHE_KIB}`);
      this.db.pragma('journal_mode = OFF');
      this.db.pragma('synchronous = OFF');
      this.db.exec(SCRATCH_SCHEMA);
      this.insertEvents = this.db.prepare(multiRowInsert('events', COLUMNS, ROWS_PER_INSERT));
      this.insertOneEvent = this.db.prepare(multiRowInsert('events', COLUMNS, 1));
      this.insertStrings = this.db.prepare(multiRowInsert('strings', ['id', 's'], STRINGS_PER_INSERT));
      this.insertOneString = this.db.prepare(multiRowInsert('strings', ['id', 's'], 1));
      this.db.exec('BEGIN');
    } catch (e) {
      throw this.failed(e);
    }
  }

  add(num: number, ts: bigint, cpu: number, dir: string, type: string, tid: number, proc: string, info: string, offset: number, code: number): void {
    const typeId = this.name(type);
    const procId = this.name(proc);
    const infoId = info === '' ? null : this.info(info);
    const v = this.rowValues;
    const at = this.rows * WIDTH;
    v[at] = num; v[at + 1] = ARTIFACT; v[at + 2] = offset; v[at + 3] = ts; v[at + 4] = cpu; v[at + 5] = dirCode(dir);
    v[at + 6] = code; v[at + 7] = tid; v[at + 8] = procId; v[at + 9] = infoId; v[at + 10] = typeId;
    if (++this.rows === ROWS_PER_INSERT) this.flushRows();
    this.anchors.add(num);
    if (this.firstTs === null) this.firstTs = ts;
    this.lastTs = ts;
    this.count++;
  }

  /** Ends the writing; the list then owns the connection. */
  finish(): CaseEventList {
    this.flushStrings();
    this.flushRows();
    try {
      this.db.exec('COMMIT');
    } catch (e) {
      throw this.failed(e);
    }
    this.done = true;
    return CaseEventList.over(this.db, 'the scratch index', { artifactId: ARTIFACT, count: this.count, firstTs: this.firstTs, lastTs: this.lastTs, anchors: this.anchors.anchors });
  }

  /** Drops everything written (a cancelled open); SQLite removes the file. */
  discard(): void {
    if (this.done) return;
    this.done = true;
    // Undefined when opening the scratch database itself failed.
    (this.db as Db | undefined)?.close();
  }

  private name(s: string): number {
    let id = this.names.get(s);
    if (id === undefined) this.names.set(s, (id = this.string(s)));
    return id;
  }

  private info(s: string): number {
    let id = this.infos.get(s);
    if (id === undefined) {
      if (this.infos.size >= INFO_CACHE) this.infos.clear();
      this.infos.set(s, (id = this.string(s)));
    }
    return id;
  }

  private string(s: string): number {
    const id = ++this.nextId;
    this.stringValues[this.strings * 2] = id;
    // SQLite text is UTF-8, which has no lone surrogates: such text goes in as UTF-16 bytes.
    this.stringValues[this.strings * 2 + 1] = LONE_SURROGATE.test(s) ? Buffer.from(s, 'utf16le') : s;
    if (++this.strings === STRINGS_PER_INSERT) this.flushStrings();
    return id;
  }

  private flushStrings(): void {
    try {
      if (this.strings === STRINGS_PER_INSERT) this.insertStrings.run(this.stringValues);
      else for (let i = 0; i < this.strings; i++) this.insertOneString.run(this.stringValues[i * 2], this.stringValues[i * 2 + 1]);
    } catch (e) {
      throw this.failed(e);
    }
    this.strings = 0;
  }

  private flushRows(): void {
    try {
      if (this.rows === ROWS_PER_INSERT) this.insertEvents.run(this.rowValues);
      else for (let i = 0; i < this.rows; i++) this.insertOneEvent.run(this.rowValues.slice(i * WIDTH, (i + 1) * WIDTH));
    } catch (e) {
      throw this.failed(e);
    }
    this.rows = 0;
  }

  /** A scratch write that fails is the disk's fault (full, or no temporary folder): say which. */
  private failed(e: unknown): unknown {
    try {
      this.discard();
    } catch {
      /* the original error is the one worth reporting */
    }
    return scratchError(e);
  }
}

/**
 * A scratch write fails for want of a usable temporary folder (full, missing, read-only) far more
 * often than for anything else: say so, rather than what the same SQLite code means for a case.
 */
export function scratchError(e: unknown): unknown {
  if (e instanceof TracehoundError) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|PERM)(_|$)/.test(code)) {
    return new TracehoundError('DISK_WRITE_FAILED', `Could not keep the event index of this large capture on disk (${(e as Error).message})`, {
      hint: 'Free space in the temporary folder (TMPDIR, SQLITE_TMPDIR), or make it writable, or open a smaller capture.',
      detail: { sqlite: code },
    });
  }
  return sqliteError(e, 'the scratch index');
}
