/**
 * The first pass's product for the event list: one row per visible event (what `sysdig -r` would
 * print), kept as columns with interned strings so a page of the list, or the rows a filter keeps,
 * need no re-decoding. Only evt.info is per-event text; everything else repeats and is interned.
 */
import type { TableDialect } from '../../capture/events/table.js';
import { EC } from '../../inspect/constants.js';
import { Inspector, type InspectSummary } from '../../inspect/inspector.js';
import { parseFieldPrefix } from '../../inspect/fields/registry.js';
import type { Extractor, FieldContext, FieldDef } from '../../inspect/fields/types.js';
import { valueToText } from '../../inspect/format/value.js';
import type { RenderSettings } from '../../inspect/render.js';
import type { InspectedEvent } from '../../inspect/event.js';
import type { ListIndex, SeenColumn } from './list-index.js';
import { ScratchListWriter } from '../../case/scratch-list.js';

export interface BoundText {
  def: FieldDef;
  extract: Extractor;
}

/** Binds a field name (with its argument, e.g. proc.aname[2]) to a text extractor. */
export function bindText(name: string): BoundText | null {
  const parsed = parseFieldPrefix(name);
  if (!parsed || parsed.length !== name.length) return null;
  return { def: parsed.def, extract: parsed.def.bind(parsed.arg) };
}

export function textOf(b: BoundText, ctx: FieldContext): string | null {
  return valueToText(b.def, b.extract(ctx));
}

class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(s);
      this.ids.set(s, i);
    }
    return i;
  }
}

/**
 * Column storage grows by fixed chunks, never by copying: doubling a contiguous array and trimming
 * it at the end held two or three copies at once (the peak of opening a large capture).
 */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

/** Growable typed column: avoids a JS array of boxed numbers per event. */
class Column<T extends Float64Array | Int32Array | Uint16Array | Uint8Array | BigUint64Array> {
  private readonly chunks: T[] = [];
  constructor(private readonly make: (n: number) => T) {}
  set(i: number, v: T[number]): void {
    const c = i >>> CHUNK_BITS;
    while (c >= this.chunks.length) this.chunks.push(this.make(CHUNK));
    this.chunks[c]![i & IN_CHUNK] = v;
  }
  get(i: number): T[number] {
    return this.chunks[i >>> CHUNK_BITS]![i & IN_CHUNK]!;
  }
}

/** Bytes per arena chunk; a row's text never straddles two, longer text is kept aside. */
const ARENA_CHUNK = 1 << 20;

/**
 * evt.info of every row as UTF-8 in byte chunks with each row's end offset: a JS string per row
 * cost ~60 bytes of header and pointer on top of the text (1.5 GB on a 3.3 M-event capture).
 * Text UTF-8 cannot carry back unchanged (lone surrogates), or longer than a chunk, is kept aside.
 */
class TextArena {
  private readonly chunks: Buffer[] = [];
  private used = 0;
  private readonly ends = new Column((n) => new Float64Array(n));
  private readonly odd = new Map<number, string>();

  set(i: number, s: string): void {
    const max = s.length * 3;
    if (max > ARENA_CHUNK || LONE_SURROGATE.test(s)) {
      this.odd.set(i, s);
      this.ends.set(i, this.used);
      return;
    }
    let at = this.used % ARENA_CHUNK;
    if (this.used === this.chunks.length * ARENA_CHUNK || at + max > ARENA_CHUNK) {
      if (this.used !== this.chunks.length * ARENA_CHUNK) this.used = this.chunks.length * ARENA_CHUNK;
      this.chunks.push(Buffer.allocUnsafe(ARENA_CHUNK));
      at = 0;
    }
    this.used += this.chunks[this.chunks.length - 1]!.write(s, at, 'utf8');
    this.ends.set(i, this.used);
  }

  get(i: number): string {
    const odd = this.odd.size ? this.odd.get(i) : undefined;
    if (odd !== undefined) return odd;
    const end = this.ends.get(i);
    let start = i === 0 ? 0 : this.ends.get(i - 1);
    if (end === start) return '';
    // A row that did not fit the rest of a chunk starts at the next chunk.
    const c = Math.floor((end - 1) / ARENA_CHUNK);
    if (start < c * ARENA_CHUNK) start = c * ARENA_CHUNK;
    return this.chunks[c]!.toString('utf8', start - c * ARENA_CHUNK, end - c * ARENA_CHUNK);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface IndexRow {
  num: number;
  ts: bigint;
  cpu: number;
  dir: '>' | '<' | '';
  type: string;
  tid: number;
  proc: string;
  info: string;
}

/** What a case stores per row besides the list's columns: where the event is, and its ppm code. */
export interface StoredRow extends IndexRow {
  /** Byte offset of the event's block in the (decompressed) capture. */
  offset: number;
  /** The ppm event type code. */
  code: number;
}

export class EventIndex implements ListIndex {
  count = 0;
  private readonly nums: Column<Float64Array>;
  private readonly offsets: Column<Float64Array>;
  private readonly codes: Column<Uint16Array>;
  private readonly cpus: Column<Uint16Array>;
  private readonly dirs: Column<Uint8Array>;
  private readonly types: Column<Int32Array>;
  private readonly tids: Column<Float64Array>;
  private readonly procs: Column<Int32Array>;
  private readonly infos: TextArena;
  // ns timestamps exceed 2^53, and printing nanoseconds must be exact.
  private readonly tsExact: Column<BigUint64Array>;
  private readonly strings = new Interner();
  firstTs: bigint | null = null;
  lastTs: bigint | null = null;
  totalEvents = 0;

  constructor() {
    this.nums = new Column((n) => new Float64Array(n));
    this.offsets = new Column((n) => new Float64Array(n));
    this.codes = new Column((n) => new Uint16Array(n));
    this.cpus = new Column((n) => new Uint16Array(n));
    this.dirs = new Column((n) => new Uint8Array(n));
    this.types = new Column((n) => new Int32Array(n));
    this.tids = new Column((n) => new Float64Array(n));
    this.procs = new Column((n) => new Int32Array(n));
    this.infos = new TextArena();
    this.tsExact = new Column((n) => new BigUint64Array(n));
  }

  /**
   * Rebuilds an index from rows stored earlier (a case), in list order, a page at a time, without
   * the capture. `totalEvents` counts every event of the capture, internal ones included.
   */
  static async fromRows(pages: Iterable<readonly StoredRow[]> | AsyncIterable<readonly StoredRow[]>, totalEvents: number): Promise<EventIndex> {
    const index = new EventIndex();
    for await (const page of pages) {
      for (const r of page) index.add(r.num, r.ts, r.cpu, r.dir, r.type, r.tid, r.proc, r.info, r.offset, r.code);
    }
    index.totalEvents = totalEvents;
    return index;
  }

  add(num: number, ts: bigint, cpu: number, dir: string, type: string, tid: number, proc: string, info: string, offset = 0, code = 0): void {
    const i = this.count++;
    this.nums.set(i, num);
    this.offsets.set(i, offset);
    this.codes.set(i, code);
    this.tsExact.set(i, ts);
    this.cpus.set(i, cpu);
    this.dirs.set(i, dir === '>' ? 1 : dir === '<' ? 2 : 0);
    this.types.set(i, this.strings.id(type));
    this.tids.set(i, tid);
    this.procs.set(i, this.strings.id(proc));
    this.infos.set(i, info);
    if (this.firstTs === null) this.firstTs = ts;
    this.lastTs = ts;
  }

  /** A row with what a case stores besides the list's columns. */
  storedRow(i: number): StoredRow {
    // Built in one literal: a spread of row() cost a third of storing a large import.
    const d = this.dirs.get(i);
    return {
      num: this.nums.get(i),
      ts: this.tsExact.get(i),
      cpu: this.cpus.get(i),
      dir: d === 1 ? '>' : d === 2 ? '<' : '',
      type: this.strings.values[this.types.get(i)]!,
      tid: this.tids.get(i),
      proc: this.strings.values[this.procs.get(i)]!,
      info: this.infos.get(i),
      offset: this.offsets.get(i),
      code: this.codes.get(i),
    };
  }

  /** A row of the list (it carries the stored columns too: one literal is cheaper than two). */
  row(i: number): IndexRow {
    return this.storedRow(i);
  }

  num(i: number): number {
    return this.nums.get(i);
  }

  /** Row index of an event number, or -1 (internal events have no row). */
  indexOfNum(num: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.nums.get(mid);
      if (v === num) return mid;
      if (v < num) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  tsOf(i: number): bigint {
    return this.tsExact.get(i);
  }

  slice(offset: number, limit: number): IndexRow[] {
    const out: IndexRow[] = [];
    const end = Math.min(this.count, offset + limit);
    for (let i = Math.max(0, offset); i < end; i++) out.push(this.row(i));
    return out;
  }

  byNums(nums: ArrayLike<number>, from: number, to: number): IndexRow[] {
    const out: IndexRow[] = [];
    for (let k = from; k < to; k++) {
      const i = this.indexOfNum(nums[k]!);
      if (i >= 0) out.push(this.row(i));
    }
    return out;
  }

  positionOf(num: number): number {
    return this.indexOfNum(num);
  }

  density(lo: bigint, hi: bigint, start: bigint, width: bigint, buckets: number): number[] {
    const values = new Array<number>(buckets).fill(0);
    for (let i = 0; i < this.count; i++) {
      const ts = this.tsExact.get(i);
      if (ts < lo || ts > hi) continue;
      values[Number((ts - start) / width)]!++;
    }
    return values;
  }

  seen(column: SeenColumn, prefix: string, limit: number): string[] {
    const col = column === 'proc' ? this.procs : this.types;
    const ids = new Set<number>();
    const seen = new Set<string>();
    for (let i = 0; i < this.count && seen.size < limit; i++) {
      const id = col.get(i);
      if (ids.has(id)) continue;
      ids.add(id);
      const v = this.strings.values[id]!;
      if (v.startsWith(prefix)) seen.add(v);
    }
    return [...seen].sort();
  }

  *stored(): Generator<StoredRow> {
    for (let i = 0; i < this.count; i++) yield this.storedRow(i);
  }

  close(): void {
    /* memory only: nothing held open */
  }
}

/**
 * Rows kept in memory before the index moves to a scratch file: ~80 bytes a row, so ~80 MB. Past
 * it an open capture costs the same memory whatever its size, at ~2 µs a row of extra writing.
 */
export const SPILL_ROWS = 1_000_000;

export interface BuildOptions {
  /** Event-table dialect: 'sysdig029' renders exactly as sysdig 0.29.3 (differential tests). */
  dialect?: TableDialect;
  /** Rows held in memory before spilling to disk (tests lower it). */
  spillRows?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * Builds the index with the same visibility rules as `sysdig -r` (internal events hidden) and the
 * same rendering of evt.info, so the list the UI shows is the line sysdig prints.
 */
export async function buildEventIndex(path: string, opts: BuildOptions = {}): Promise<{ index: ListIndex; summary: InspectSummary }> {
  const insp = new Inspector({ internalEvents: false, dialect: opts.dialect ?? 'current' });
  const render: RenderSettings = { bufferFormat: 'normal', maxBufferLen: 80 };
  const ctx: { evt: InspectedEvent; state: Inspector; render: RenderSettings } = { evt: null as unknown as InspectedEvent, state: insp, render };
  const f = {
    dir: bindText('evt.dir')!,
    type: bindText('evt.type')!,
    proc: bindText('proc.name')!,
    info: bindText('evt.info')!,
  };
  let memory: EventIndex | null = new EventIndex();
  let spill: ScratchListWriter | null = null;
  const spillRows = opts.spillRows ?? SPILL_ROWS;
  const signal = opts.signal;
  const add = (num: number, ts: bigint, cpu: number, dir: string, type: string, tid: number, proc: string, info: string, offset: number, code: number) => {
    if (spill) {
      spill.add(num, ts, cpu, dir, type, tid, proc, info, offset, code);
      return;
    }
    memory!.add(num, ts, cpu, dir, type, tid, proc, info, offset, code);
    if (memory!.count >= spillRows) {
      spill = new ScratchListWriter();
      for (const r of memory!.stored()) spill.add(r.num, r.ts, r.cpu, r.dir, r.type, r.tid, r.proc, r.info, r.offset, r.code);
      memory = null;
    }
  };
  const visit = (evt: InspectedEvent): false | undefined => {
    // sysdig -r hides internal-category events (scheduler switches, procinfo…) unless -D.
    if (evt.category & EC.INTERNAL) return signal?.aborted ? false : undefined;
    ctx.evt = evt;
    const c = ctx as unknown as FieldContext;
    add(
      evt.num,
      evt.ts,
      evt.cpu,
      textOf(f.dir, c) ?? '',
      textOf(f.type, c) ?? '<NA>',
      evt.tid,
      textOf(f.proc, c) ?? '<NA>',
      textOf(f.info, c) ?? '',
      evt.raw.blockOffset,
      evt.raw.type,
    );
    return signal?.aborted ? false : undefined;
  };
  let summary: InspectSummary;
  try {
    summary = await insp.run(path, visit, {
      ...(signal ? { signal } : {}),
      ...(opts.onProgress ? { onProgress: (done: number, size: number) => opts.onProgress!(size > 0 ? done / size : 0) } : {}),
    });
  } catch (e) {
    (spill as ScratchListWriter | null)?.discard();
    throw e;
  }
  const spilled = spill as ScratchListWriter | null;
  if (spilled && signal?.aborted) {
    // The caller reports the cancel; the scratch file goes now rather than with the process.
    spilled.discard();
    return { index: new EventIndex(), summary };
  }
  if (spilled) return { index: spilled.finish(), summary };
  memory!.totalEvents = summary.events;
  return { index: memory!, summary };
}
