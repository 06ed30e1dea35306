/**
 * An artifact's event list read from the case database a page at a time: a capture reopened from a
 * case opens at once and holds a few statements and small caches, not its millions of rows.
 *
 * Rows are addressed by position through anchors, the evt_num of every `every`-th row, stored by
 * the import: a page is one seek on the primary key and a short OFFSET inside an anchor's stretch.
 */
import type Database from 'better-sqlite3';
import { TracehoundError } from '../api/errors.js';
import type { IndexRow, StoredRow } from '../analysis/explore/event-index.js';
import type { ListIndex, SeenColumn } from '../analysis/explore/list-index.js';
import { openDb, sqliteError, type Db } from './database.js';

/** Rows between two anchors: 800 anchors for 3.2 M rows, and an OFFSET of at most 4,095. */
export const ANCHOR_EVERY = 4096;

/** The evt_num of rows 0, every, 2 × every… of an artifact's list, in order. */
export interface ListAnchors {
  every: number;
  nums: number[];
}

/** Collects anchors while an import writes the rows in list order. */
export class AnchorCollector {
  private readonly nums: number[] = [];
  private n = 0;
  constructor(private readonly every = ANCHOR_EVERY) {}
  add(evtNum: number): void {
    if (this.n++ % this.every === 0) this.nums.push(evtNum);
  }
  get anchors(): ListAnchors {
    return { every: this.every, nums: this.nums.slice() };
  }
}

export interface CaseListInfo {
  artifactId: number;
  /** Rows of the import (its `events`). */
  count: number;
  firstTs: bigint | null;
  lastTs: bigint | null;
  /** Stored by the import; rebuilt with one scan of the key when an older import has none. */
  anchors?: ListAnchors;
}

/**
 * A row as SQLite hands it over, in ROW_COLUMNS order: arrays of plain numbers, since objects per
 * row, and a BigInt for every integer column (safeIntegers), were most of reading a list back.
 * ts comes in two 32-bit halves for that reason.
 */
type RowDb = [
  evtNum: number, fileOffset: number, tsHi: number, tsLo: number, cpu: number, dir: number, type: number, tid: number,
  typeName: Text, procName: Text, info: Text,
];

/** A scratch list keeps text with lone surrogates as UTF-16 bytes (UTF-8 cannot carry them). */
type Text = string | Buffer | null;

function text(v: Text): string | null {
  return v === null || typeof v === 'string' ? v : v.toString('utf16le');
}

const ROW_COLUMNS = `e.evt_num, e.file_offset, e.ts >> 32 AS ts_hi, e.ts & 4294967295 AS ts_lo, e.cpu, e.dir, e.type, e.tid,
  t.s AS type_name, p.s AS proc_name, i.s AS info
  FROM events e
  LEFT JOIN strings t ON t.id = e.type_name
  LEFT JOIN strings p ON p.id = e.proc_name
  LEFT JOIN strings i ON i.id = e.info`;

/** Densities asked for again (the timeline redraws) are answered from here. */
const DENSITY_CACHE = 8;
const STORED_PAGE = 5000;

const DIRS: readonly ('>' | '<' | '')[] = ['>', '<', ''];

function toRow(r: RowDb): StoredRow {
  return {
    num: r[0],
    ts: (BigInt(r[2]) << 32n) | BigInt(r[3]),
    cpu: r[4],
    // 2 (no direction) only occurs in a scratch list; a case's CHECK allows 0 and 1.
    dir: DIRS[r[5]] ?? '',
    type: text(r[8]) ?? '<NA>',
    tid: r[7],
    proc: text(r[9]) ?? '<NA>',
    info: text(r[10]) ?? '',
    offset: r[1],
    code: r[6],
  };
}


export class CaseEventList implements ListIndex {
  readonly count: number;
  readonly firstTs: bigint | null;
  readonly lastTs: bigint | null;
  private readonly anchors: ListAnchors;
  private readonly fromAnchor: Database.Statement;
  private readonly one: Database.Statement;
  private readonly countBetween: Database.Statement;
  private readonly densities = new Map<string, number[]>();
  private readonly seenCache = new Map<SeenColumn, string[]>();
  private readonly artifactId: number;
  private closed = false;

  private constructor(private readonly db: Db, private readonly path: string, info: CaseListInfo) {
    this.artifactId = info.artifactId;
    this.count = info.count;
    this.firstTs = info.firstTs;
    this.lastTs = info.lastTs;
    this.fromAnchor = db.prepare(`SELECT ${ROW_COLUMNS} WHERE e.artifact_id = ? AND e.evt_num >= ? ORDER BY e.evt_num LIMIT ? OFFSET ?`).raw(true);
    this.one = db.prepare(`SELECT ${ROW_COLUMNS} WHERE e.artifact_id = ? AND e.evt_num = ?`).raw(true);
    this.countBetween = db.prepare('SELECT count(*) FROM events WHERE artifact_id = ? AND evt_num >= ? AND evt_num < ?').pluck();
    this.anchors = info.anchors ?? this.scanAnchors();
    if (this.anchors.nums.length !== Math.ceil(this.count / this.anchors.every)) {
      throw new TracehoundError('CASE_CORRUPT', `The stored index of artifact ${info.artifactId} does not match its import (${this.count} rows, ${this.anchors.nums.length} anchors)`, {
        hint: 'Run `tracehound case verify` on the case.',
        detail: { path, artifactId: info.artifactId },
      });
    }
  }

  /** A read-only connection of its own: the list outlives neither its case file nor a close(). */
  static open(casePath: string, info: CaseListInfo): CaseEventList {
    return CaseEventList.over(openDb(casePath, { readonly: true }), casePath, info);
  }

  /** Over a connection the list then owns (a scratch index): close() closes it. */
  static over(db: Db, label: string, info: CaseListInfo): CaseEventList {
    try {
      return new CaseEventList(db, label, info);
    } catch (e) {
      db.close();
      throw sqliteError(e, label);
    }
  }

  slice(offset: number, limit: number): IndexRow[] {
    const first = Math.max(0, offset);
    const end = Math.min(this.count, offset + limit);
    if (end <= first) return [];
    const k = Math.floor(first / this.anchors.every);
    return this.run(() => (this.fromAnchor.all(this.artifactId, this.anchors.nums[k]!, end - first, first - k * this.anchors.every) as RowDb[]).map(toRow));
  }

  byNums(nums: ArrayLike<number>, from: number, to: number): IndexRow[] {
    return this.run(() => {
      const out: IndexRow[] = [];
      for (let k = from; k < to; k++) {
        const r = this.one.get(this.artifactId, nums[k]!) as RowDb | undefined;
        if (r) out.push(toRow(r));
      }
      return out;
    });
  }

  positionOf(num: number): number {
    return this.run(() => {
      if (!this.one.get(this.artifactId, num)) return -1;
      const nums = this.anchors.nums;
      let lo = 0;
      let hi = nums.length - 1;
      // The last anchor at or before num.
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (nums[mid]! <= num) lo = mid;
        else hi = mid - 1;
      }
      return lo * this.anchors.every + Number(this.countBetween.get(this.artifactId, nums[lo]!, num));
    });
  }

  density(lo: bigint, hi: bigint, start: bigint, width: bigint, buckets: number): number[] {
    const key = `${lo}:${hi}:${start}:${width}:${buckets}`;
    const hit = this.densities.get(key);
    if (hit) return hit.slice();
    const values = new Array<number>(buckets).fill(0);
    this.run(() => {
      // One walk of the (artifact, ts) index; SQLite does the bucketing in 64-bit integers.
      const s = this.db.prepare('SELECT (ts - ?) / ? AS b, count(*) AS n FROM events WHERE artifact_id = ? AND ts >= ? AND ts <= ? GROUP BY b');
      for (const r of s.all(start, width, this.artifactId, lo, hi) as { b: number; n: number }[]) values[r.b] = r.n;
    });
    if (this.densities.size >= DENSITY_CACHE) this.densities.delete(this.densities.keys().next().value!);
    this.densities.set(key, values);
    return values.slice();
  }

  seen(column: SeenColumn, prefix: string, limit: number): string[] {
    let all = this.seenCache.get(column);
    if (!all) {
      const col = column === 'proc' ? 'proc_name' : 'type_name';
      const found = this.run(() => this.db.prepare(`SELECT DISTINCT s FROM strings WHERE id IN (SELECT DISTINCT ${col} FROM events WHERE artifact_id = ?)`).pluck().all(this.artifactId) as Text[]);
      all = [...new Set(found.map((v) => text(v) ?? ''))].sort();
      this.seenCache.set(column, all);
    }
    const out: string[] = [];
    for (const v of all) {
      if (out.length >= limit) break;
      if (v.startsWith(prefix)) out.push(v);
    }
    return out;
  }

  *stored(): Generator<StoredRow> {
    // Pages by key, not one long iterate(): the connection stays free for the list's other queries
    // while a consumer (an import into another case) awaits between rows.
    let after = 0;
    for (;;) {
      const page = this.run(() => this.fromAnchor.all(this.artifactId, after + 1, STORED_PAGE, 0) as RowDb[]);
      if (page.length === 0) return;
      for (const r of page) yield toRow(r);
      after = page[page.length - 1]![0];
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private scanAnchors(): ListAnchors {
    const c = new AnchorCollector();
    for (const n of this.db.prepare('SELECT evt_num FROM events WHERE artifact_id = ? ORDER BY evt_num').pluck().iterate(this.artifactId)) c.add(n as number);
    return c.anchors;
  }

  private run<T>(q: () => T): T {
    if (this.closed) throw new TracehoundError('INVALID_REQUEST', 'This capture was closed', { hint: 'Open it again from the case.' });
    try {
      return q();
    } catch (e) {
      throw sqliteError(e, this.path);
    }
  }
}
