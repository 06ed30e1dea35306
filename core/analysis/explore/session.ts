/**
 * One open capture in the explorer: the first pass builds the event index once; every later query
 * (a page of the list, the rows a filter keeps, an event's details, any view) reads the index or
 * re-walks the file, which stays read-only. Scoped match sets are cached because the UI asks for
 * many pages of the same filter.
 */
import { TracehoundError } from '../../api/errors.js';
import { hashEvidence } from '../../case/evidence.js';
import type { TableDialect } from '../../capture/events/table.js';
import type { BlockRun, CaptureWarning } from '../../capture/parser.js';
import { EC } from '../../inspect/constants.js';
import { Inspector } from '../../inspect/inspector.js';
import { ALL_FIELDS } from '../../inspect/fields/registry.js';
import type { FieldContext } from '../../inspect/fields/types.js';
import type { InspectedEvent } from '../../inspect/event.js';
import type { RenderSettings } from '../../inspect/render.js';
import { EventFormatter, DEFAULT_FORMAT } from '../../inspect/format/formatter.js';
import type { AnalyzeRequest, AnalyzeResult } from '../analyze.js';
import { analyzeCaptureParallel } from '../parallel.js';
import { eqClause } from '../drilldown.js';
import { runPass } from '../pass.js';
import { chooseWidth, DEFAULT_MAX_BUCKETS } from '../timeline.js';
import { CaptureSource } from '../source.js';
import { RegistryResolver } from '../../rules/syscall-resolver.js';
import { bindText, buildEventIndex, textOf, type IndexRow, type StoredRow } from './event-index.js';
import type { ListIndex } from './list-index.js';

export interface Scope {
  filter?: string | null;
  from?: bigint | null;
  to?: bigint | null;
}

export interface OpenProgress {
  phase: 'hashing' | 'indexing';
  fraction: number;
}

export interface SessionInfo {
  path: string;
  size: number;
  sha256: string;
  gzip: boolean;
  version: string;
  events: number;
  rows: number;
  firstTs: bigint | null;
  lastTs: bigint | null;
  inventory: BlockRun[];
  warnings: CaptureWarning[];
}

/**
 * Answers an unscoped analysis from results stored earlier (a case), running `pass` over the
 * capture only for what was not stored. Scoped requests never reach it.
 */
export type StoredAnalysis = (req: AnalyzeRequest, pass: (req: AnalyzeRequest) => Promise<AnalyzeResult>) => Promise<AnalyzeResult>;

export interface Page {
  total: number;
  offset: number;
  rows: (IndexRow & { cols?: Record<string, string> })[];
}

export interface DetailSection {
  title: string;
  fields: { name: string; value: string; filter?: string }[];
}

export interface Detail {
  num: number;
  ts: bigint;
  line: string;
  sections: DetailSection[];
  data?: Uint8Array;
  ancestors: { pid: number; name: string; exe: string; args: string }[];
}

const SECTION_TITLES: Record<string, string> = {
  evt: 'Event',
  process: 'Process and thread',
  user: 'User',
  group: 'Group',
  fd: 'File descriptor',
  container: 'Container',
  k8s: 'Kubernetes',
};

// Fields whose value is the same as another's or only meaningful in output, left out of the tree.
const DETAIL_SKIP = new Set(['evt.args', 'evt.info', 'evt.rawarg', 'evt.arg', 'evt.around']);


const DESCRIBER = new RegistryResolver();

function scopeKey(s: Scope): string {
  return `${s.filter ?? ''}\u0000${s.from ?? ''}\u0000${s.to ?? ''}`;
}

function isEmptyScope(s: Scope): boolean {
  return !s.filter && s.from == null && s.to == null;
}

/** The listed events in a scope, in list order: their numbers and times. */
export interface MatchSet {
  nums: Float64Array;
  ts: BigUint64Array;
}

export class CaptureSession {
  private readonly matchCache = new Map<string, MatchSet>();

  private constructor(
    readonly info: SessionInfo,
    private readonly index: ListIndex,
    readonly dialect: TableDialect,
    private readonly stored?: StoredAnalysis,
  ) {}

  /**
   * A session over an index stored earlier (a case): nothing is read from the capture until a
   * query needs the events themselves (a filter, details, extra columns). `info` is what the
   * first pass found, kept with the index.
   */
  static fromIndex(info: SessionInfo, index: ListIndex, dialect: TableDialect, stored?: StoredAnalysis): CaptureSession {
    return new CaptureSession({ ...info, rows: index.count, firstTs: index.firstTs, lastTs: index.lastTs }, index, dialect, stored);
  }

  /** The index rows, in list order, with what a case stores besides the list's columns. */
  storedRows(): Iterable<StoredRow> {
    return this.index.stored();
  }

  /** Releases the index (a case-backed one holds a database connection). */
  close(): void {
    this.matchCache.clear();
    this.index.close();
  }

  static async open(path: string, onProgress: (p: OpenProgress) => void = () => {}, signal?: AbortSignal, dialect: TableDialect = 'current'): Promise<CaptureSession> {
    // Evidence is hashed the case store's way: read-only, never modified, cancellable.
    const { sha256, size } = await hashEvidence(path, {
      phase: 'hashing',
      onProgress: (e) => onProgress({ phase: 'hashing', fraction: e.fraction }),
      ...(signal ? { signal } : {}),
    });
    const { index, summary } = await buildEventIndex(path, {
      dialect,
      ...(signal ? { signal } : {}),
      onProgress: (fraction) => onProgress({ phase: 'indexing', fraction }),
    });
    if (signal?.aborted) throw new TracehoundError('CANCELLED', 'opening the capture was cancelled');
    const file = summary.file;
    return new CaptureSession(
      {
        path,
        size,
        sha256,
        gzip: file?.gzip ?? false,
        version: file?.version ?? '',
        events: summary.events,
        rows: index.count,
        firstTs: index.firstTs,
        lastTs: index.lastTs,
        inventory: file?.inventory ?? [],
        warnings: file?.warnings ?? [],
      },
      index,
      dialect,
    );
  }

  /** The listed events in scope, in order (null when the scope is empty: every row). */
  async matches(scope: Scope, signal?: AbortSignal, onProgress?: (f: number) => void): Promise<MatchSet | null> {
    if (isEmptyScope(scope)) return null;
    const key = scopeKey(scope);
    const hit = this.matchCache.get(key);
    if (hit) return hit;
    const nums: number[] = [];
    const times: bigint[] = [];
    const src = new CaptureSource(this.info.path, { dialect: this.dialect });
    await runPass(
      src,
      [{
        add: (e: FieldContext) => {
          // Internal events (procinfo…) match filters too, but have no row in the list.
          if (!src.isListed(e)) return;
          nums.push(e.evt.num);
          times.push(e.evt.ts);
        },
      }],
      { filter: scope.filter ?? null, from: scope.from ?? null, to: scope.to ?? null },
      { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) },
    );
    if (signal?.aborted) throw new TracehoundError('CANCELLED', 'the query was cancelled');
    const result: MatchSet = { nums: Float64Array.from(nums), ts: BigUint64Array.from(times) };
    if (this.matchCache.size >= 16) this.matchCache.delete(this.matchCache.keys().next().value!);
    this.matchCache.set(key, result);
    return result;
  }

  /** Where an event sits in the scoped list (for jumping to it), or null when the scope hides it. */
  async locate(scope: Scope, num: number, signal?: AbortSignal): Promise<{ offset: number | null; total: number }> {
    const m = await this.matches(scope, signal);
    if (!m) {
      const row = this.index.positionOf(num);
      return { offset: row >= 0 ? row : null, total: this.index.count };
    }
    let lo = 0;
    let hi = m.nums.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = m.nums[mid]!;
      if (v === num) return { offset: mid, total: m.nums.length };
      if (v < num) lo = mid + 1;
      else hi = mid - 1;
    }
    return { offset: null, total: m.nums.length };
  }

  /** Events per time bucket, counted from the index: exactly the rows the list shows, no re-read. */
  density(
    from: bigint | null,
    to: bigint | null,
    maxBuckets = DEFAULT_MAX_BUCKETS,
    match: MatchSet | null = null,
  ): { start: bigint; width: number; values: number[]; total: number; max: number } {
    const lo = from ?? this.index.firstTs ?? 0n;
    const hi = to ?? this.index.lastTs ?? lo;
    const width = chooseWidth(lo, hi, maxBuckets);
    const bw = BigInt(width);
    const start = (lo / bw) * bw;
    const n = Math.max(1, Number((hi - start) / bw) + 1);
    // The grid depends on the range only, so a filtered density lines up with the unfiltered one.
    let values: number[];
    if (match) {
      values = new Array<number>(n).fill(0);
      for (const ts of match.ts) if (ts >= lo && ts <= hi) values[Number((ts - start) / bw)]!++;
    } else {
      values = this.index.density(lo, hi, start, bw, n);
    }
    let total = 0;
    let max = 0;
    for (const v of values) {
      total += v;
      if (v > max) max = v;
    }
    return { start, width, values, total, max };
  }

  async page(scope: Scope, offset: number, limit: number, columns: string[] = [], signal?: AbortSignal): Promise<Page> {
    const m = await this.matches(scope, signal);
    const total = m ? m.nums.length : this.index.count;
    const end = Math.min(total, offset + limit);
    const rows: Page['rows'] = m ? this.index.byNums(m.nums, offset, end) : this.index.slice(offset, end - offset);
    if (columns.length && rows.length) await this.fillColumns(rows, columns, signal);
    return { total, offset, rows };
  }

  /** Extra columns need the state at each event: walk the file up to the page's last event. */
  private async fillColumns(rows: Page['rows'], columns: string[], signal?: AbortSignal): Promise<void> {
    const bound = columns.map((c) => {
      const b = bindText(c);
      if (!b) throw new TracehoundError('FILTER_UNKNOWN_FIELD', `unknown field: ${c}`, { hint: 'Pick a column from the field list.' });
      return { name: c, b };
    });
    const wanted = new Map(rows.map((r) => [r.num, r]));
    const last = rows[rows.length - 1]!.num;
    await this.walk((ctx) => {
      const r = wanted.get(ctx.evt.num);
      if (r) {
        r.cols = {};
        for (const { name, b } of bound) r.cols[name] = textOf(b, ctx) ?? '<NA>';
      }
      return ctx.evt.num < last;
    }, signal);
  }

  async detail(num: number, signal?: AbortSignal): Promise<Detail> {
    let out: Detail | null = null;
    const formatter = new EventFormatter(DEFAULT_FORMAT);
    const fields = ALL_FIELDS.filter((d) => d.arg === 'none' && !d.flags.filterOnly && !DETAIL_SKIP.has(d.name)).map((d) => ({ d, x: d.bind(undefined) }));
    await this.walk((ctx) => {
      if (ctx.evt.num < num) {
        // Stateful fields (evt.deltatime…) must see every event, as they would in a real pass.
        for (const f of fields) if (f.d.name === 'evt.deltatime' || f.d.name.startsWith('evt.latency')) f.x(ctx);
        return true;
      }
      if (ctx.evt.num > num) return false;
      out = this.describe(ctx, fields, formatter);
      return false;
    }, signal);
    if (!out) throw new TracehoundError('INVALID_REQUEST', `event ${num} is not in this capture`, { hint: 'Pick an event from the list.' });
    return out;
  }

  private describe(ctx: FieldContext, fields: { d: (typeof ALL_FIELDS)[number]; x: (c: FieldContext) => unknown }[], formatter: EventFormatter): Detail {
    const evt = ctx.evt;
    const sections = new Map<string, DetailSection>();
    const args: DetailSection = { title: 'Arguments', fields: [] };
    const params = evt.info.params;
    for (let i = 0; i < evt.nparams && i < params.length; i++) {
      const name = params[i]!.name;
      const b = bindText(`evt.arg.${name}`);
      const v = b ? textOf(b, ctx) : null;
      if (v !== null) args.fields.push({ name, value: v, filter: eqClause(`evt.arg.${name}`, v) });
    }
    for (const { d, x } of fields) {
      const text = textOf({ def: d, extract: x as never }, ctx);
      if (text === null || text === '') continue;
      const title = SECTION_TITLES[d.cls] ?? d.cls;
      let s = sections.get(title);
      if (!s) sections.set(title, (s = { title, fields: [] }));
      s.fields.push({ name: d.name, value: text, filter: eqClause(d.name, text, DESCRIBER.describe(d.name)) });
    }
    const ordered = [sections.get('Event'), args, ...[...sections.values()].filter((s) => s.title !== 'Event')].filter((s): s is DetailSection => !!s && s.fields.length > 0);
    const ancestors: Detail['ancestors'] = [];
    let t = evt.tinfo ?? ctx.state.threads.getRef(evt.tid, false);
    for (let depth = 0; t && depth < 32; depth++) {
      const p = t.parentThread();
      if (!p || p === t) break;
      ancestors.push({ pid: p.pid, name: p.comm, exe: p.exe, args: p.args.join(' ') });
      t = p;
    }
    const di = evt.indexOf('data');
    const detail: Detail = { num: evt.num, ts: evt.ts, line: formatter.format(ctx) ?? '', sections: ordered, ancestors };
    if (di >= 0) detail.data = Uint8Array.from(evt.bytes(di));
    return detail;
  }

  /** Walks the capture with the list's visibility (internal events hidden) until `visit` says stop. */
  private async walk(visit: (ctx: FieldContext) => boolean, signal?: AbortSignal): Promise<void> {
    const insp = new Inspector({ internalEvents: false, dialect: this.dialect });
    const render: RenderSettings = { bufferFormat: 'normal', maxBufferLen: 80 };
    const ctx: { evt: InspectedEvent; state: Inspector; render: RenderSettings } = { evt: null as unknown as InspectedEvent, state: insp, render };
    await insp.run(this.info.path, (evt) => {
      if (signal?.aborted) return false;
      if (evt.category & EC.INTERNAL) return true;
      ctx.evt = evt;
      return visit(ctx as unknown as FieldContext);
    }, signal ? { signal } : {});
    if (signal?.aborted) throw new TracehoundError('CANCELLED', 'the query was cancelled');
  }

  /** Values the list has seen for a field, for filter completion (only the indexed columns). */
  seenValues(field: string, prefix: string): string[] {
    const column = field === 'proc.name' ? 'proc' : field === 'evt.type' ? 'type' : null;
    return column ? this.index.seen(column, prefix, 200) : [];
  }

  analyze(req: AnalyzeRequest, signal?: AbortSignal, onProgress?: (f: number) => void): Promise<AnalyzeResult> {
    const pass = (r: AnalyzeRequest) => analyzeCaptureParallel(this.info.path, { dialect: this.dialect, ...r }, { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
    if (this.stored && isEmptyScope(req)) return this.stored(req, pass);
    return pass(req);
  }
}
