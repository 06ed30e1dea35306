/**
 * Time series over a capture: a count of matching events, or a sum of a metric, per time bucket.
 *
 * Bucket widths come from a ladder of round values (1 µs to 1 day) where each width divides the
 * next, and buckets are aligned to multiples of their width since the epoch. So when the range is
 * not known in advance (a single pass over a capture learns its end only at the end), a series can
 * start fine-grained and merge neighbours exactly whenever it grows past its bucket budget.
 */
import type { Series } from '../api/contract.js';
import type { FieldResolver } from '../filter/fields.js';
import { compileFilter, type Predicate } from '../filter/compiler.js';
import { TracehoundError } from '../api/errors.js';
import { bindField, toNumber, type BoundField } from './fieldref.js';

const US = 1_000;
const MS = 1_000_000;
const S = 1_000_000_000;

/** Bucket widths in ns; each divides the next. */
export const WIDTH_LADDER: readonly number[] = [
  1 * US, 5 * US, 10 * US, 50 * US, 100 * US, 500 * US,
  1 * MS, 5 * MS, 10 * MS, 50 * MS, 100 * MS, 500 * MS,
  1 * S, 5 * S, 10 * S, 30 * S, 60 * S, 300 * S, 600 * S, 1800 * S, 3600 * S, 6 * 3600 * S, 12 * 3600 * S, 24 * 3600 * S,
  // Coarser still, so a capture with corrupt timestamps (decades or centuries apart) keeps its
  // series within the bucket budget instead of growing with the span.
  7 * 24 * 3600 * S, 28 * 24 * 3600 * S, 364 * 24 * 3600 * S, 3640 * 24 * 3600 * S, 36400 * 24 * 3600 * S, 364000 * 24 * 3600 * S,
];

export const DEFAULT_MAX_BUCKETS = 400;

/** The finest ladder width that covers [fromNs, toNs] in at most maxBuckets buckets. */
export function chooseWidth(from: bigint, to: bigint, maxBuckets = DEFAULT_MAX_BUCKETS): number {
  for (const w of WIDTH_LADDER) {
    const bw = BigInt(w);
    if (to / bw - from / bw + 1n <= BigInt(maxBuckets)) return w;
  }
  return WIDTH_LADDER[WIDTH_LADDER.length - 1]!;
}

/** A bucketed series, as the contract answers it (start as decimal text). */
export type { Series };

const DAY = BigInt(24 * 3600 * S);

/**
 * The last position computed (a pure function of timestamp and origin), shared by every bucketer:
 * the tiles and series of a pass place the same timestamp, almost always from the same origin.
 */
const REL: { ts: bigint | null; origin: bigint | null; rel: number } = { ts: null, origin: null, rel: 0 };

/** What a bucket holds and how two neighbours merge when the width grows. */
export interface BucketKind<T> {
  zero(): T;
  merge(into: T, from: T): T;
  value(b: T): number;
}

export const SUM_BUCKETS: BucketKind<number> = {
  zero: () => 0,
  merge: (a, b) => a + b,
  value: (b) => b,
};

/** Buckets holding the distinct keys seen in them (a tile's "accessed files" per interval). */
export const DISTINCT_BUCKETS: BucketKind<Set<string>> = {
  zero: () => new Set<string>(),
  merge: (a, b) => {
    for (const x of b) a.add(x);
    return a;
  },
  value: (b) => b.size,
};

/**
 * Accumulates into aligned buckets, coarsening along the ladder to stay under budget.
 * Timestamps arrive as exact bigints; positions are kept relative to a day boundary so the
 * arithmetic stays in exact doubles (2^53 ns is 104 days).
 */
export class Bucketer<T = number> {
  private widthIdx: number;
  private origin: bigint | null = null;
  private first = -1;
  private buckets: T[] = [];

  constructor(
    private readonly kind: BucketKind<T>,
    private readonly maxBuckets = DEFAULT_MAX_BUCKETS,
    width?: number,
  ) {
    const i = width === undefined ? 0 : WIDTH_LADDER.indexOf(width);
    this.widthIdx = i < 0 ? 0 : i;
  }

  get width(): number {
    return WIDTH_LADDER[this.widthIdx]!;
  }

  private rel(ts: bigint): number {
    if (this.origin === null) this.origin = ts - (((ts % DAY) + DAY) % DAY);
    const c = REL;
    if (ts !== c.ts || this.origin !== c.origin) {
      c.ts = ts;
      c.origin = this.origin;
      c.rel = Number(ts - this.origin);
    }
    return c.rel;
  }

  /** The bucket for a timestamp, created if needed (coarsening first if it would not fit). */
  at(ts: bigint): T {
    // index() may replace `buckets` (coarsening, growing left): read the array after it.
    const i = this.index(ts);
    return this.buckets[i]!;
  }

  /** Index in `buckets` of a timestamp's bucket, created if needed. */
  private index(ts: bigint): number {
    const tsNs = this.rel(ts);
    let b = Math.floor(tsNs / this.width);
    if (this.first < 0) this.first = b;
    while ((b - this.first >= this.maxBuckets || this.first + this.buckets.length - b > this.maxBuckets) && this.widthIdx < WIDTH_LADDER.length - 1) {
      this.coarsen();
      b = Math.floor(tsNs / this.width);
    }
    if (b < this.first) {
      // Out-of-order events (captures interleave CPUs): grow to the left.
      const pad: T[] = [];
      for (let i = b; i < this.first; i++) pad.push(this.kind.zero());
      this.buckets = pad.concat(this.buckets);
      this.first = b;
    }
    const i = b - this.first;
    while (this.buckets.length <= i) this.buckets.push(this.kind.zero());
    return i;
  }

  /** Sum-kind convenience. */
  add(this: Bucketer<number>, ts: bigint, v: number): void {
    const i = this.index(ts);
    this.buckets[i]! += v;
  }

  private coarsen(): void {
    const oldW = this.width;
    this.widthIdx++;
    // Widths divide each other: regroup by the integer ratio (bucket index times width would pass
    // 2^53 at ns epoch values and round across bucket edges).
    const ratio = Math.round(this.width / oldW);
    const next: T[] = [];
    const newFirst = Math.floor(this.first / ratio);
    for (let i = 0; i < this.buckets.length; i++) {
      const nb = Math.floor((this.first + i) / ratio) - newFirst;
      while (next.length <= nb) next.push(this.kind.zero());
      next[nb] = this.kind.merge(next[nb]!, this.buckets[i]!);
    }
    this.buckets = next;
    this.first = newFirst;
  }

  /** Coarsens until [from, to] fits the budget, so series of one pass share a width. */
  fit(from: bigint, to: bigint): void {
    while (this.widthIdx < WIDTH_LADDER.length - 1) {
      const w = BigInt(this.width);
      if (to / w - from / w + 1n <= BigInt(this.maxBuckets)) break;
      this.coarsen();
    }
  }

  /** Forces at least this width (to line several series up on one grid). */
  widen(width: number): void {
    while (this.width < width && this.widthIdx < WIDTH_LADDER.length - 1) this.coarsen();
  }

  /**
   * The series over [from, to] when given (zero-filled, so charts of different metrics line
   * up), else over the buckets that saw data.
   */
  series(from?: bigint, to?: bigint): Series {
    const w = this.width;
    if (this.origin === null && from === undefined) return { start: '0', width: w, values: [], total: 0, max: 0 };
    const fromNs = from === undefined ? undefined : this.rel(from);
    const toNs = to === undefined ? undefined : this.rel(to);
    let first = this.first < 0 ? Math.floor(fromNs! / w) : this.first;
    let last = this.first < 0 ? first - 1 : this.first + this.buckets.length - 1;
    if (fromNs !== undefined) first = Math.min(first, Math.floor(fromNs / w));
    if (toNs !== undefined) last = Math.max(last, Math.floor(toNs / w));
    const values: number[] = [];
    let total = 0;
    let max = 0;
    for (let b = first; b <= last; b++) {
      const i = b - this.first;
      const v = this.first >= 0 && i >= 0 && i < this.buckets.length ? this.kind.value(this.buckets[i]!) : 0;
      values.push(v);
      total += v;
      if (v > max) max = v;
    }
    return { start: (this.origin! + BigInt(first * w)).toString(), width: w, values, total, max };
  }
}

export interface SeriesSpec {
  id: string;
  /** Events counted (or summed) are those matching this filter, on top of the pass's scope. */
  filter?: string;
  /** Sum this field instead of counting events. */
  field?: string;
  /** Multiply the field's values (a view column's scale). */
  scale?: number;
  /** Sum only values > 0 (the chisels' rule). */
  positiveOnly?: boolean;
  /**
   * Only events `sysdig -r` would list (internal ones such as procinfo left out), so a density
   * chart matches an event list row for row.
   */
  listed?: boolean;
}

/** One series: a filter and optional metric, fed by the pass. */
export class TimelineSeries<E> {
  private readonly match: Predicate<E> | null;
  private readonly field: BoundField<E> | null;
  private readonly ts: BoundField<E>;
  readonly bucketer: Bucketer<number>;
  private readonly listed: ((evt: E) => boolean) | null;

  constructor(
    readonly spec: SeriesSpec,
    resolver: FieldResolver<E>,
    opts: { maxBuckets?: number; width?: number; isListed?: (evt: E) => boolean } = {},
  ) {
    if (spec.listed && !opts.isListed) throw new TracehoundError('INVALID_REQUEST', `series ${spec.id}: this source cannot tell listed events`);
    this.listed = spec.listed ? opts.isListed! : null;
    this.match = spec.filter ? compileFilter(spec.filter, resolver).match : null;
    this.field = spec.field ? bindField(resolver, spec.field) : null;
    this.ts = bindField(resolver, 'evt.rawtime');
    this.bucketer = new Bucketer(SUM_BUCKETS, opts.maxBuckets, opts.width);
  }

  add(evt: E): void {
    if (this.listed && !this.listed(evt)) return;
    if (this.match && !this.match(evt)) return;
    let v = 1;
    if (this.field) {
      const x = toNumber(this.field.extract(evt));
      if (x === undefined || (this.spec.positiveOnly && !(x > 0))) return;
      v = x * (this.spec.scale ?? 1);
    }
    const t = this.ts.extract(evt);
    if (typeof t === 'bigint') this.bucketer.add(t, v);
    else if (typeof t === 'number') this.bucketer.add(BigInt(Math.trunc(t)), v);
  }
}
