/**
 * The single pass: the inspector walks the capture once and every consumer (views, chisels,
 * tiles, series, tree, topology, follow) sees each event that is in scope. Scope is the user's
 * filter and time range, checked once per event for all consumers.
 */
import type { FieldResolver } from '../filter/fields.js';
import { compileFilter, type Predicate } from '../filter/compiler.js';
import { TracehoundError } from '../api/errors.js';
import { andFilters, timeRangeClause } from './drilldown.js';
import { bindField } from './fieldref.js';

export interface Consumer<E> {
  add(evt: E): void;
  /** Called after the pass with one stand-in event per thread still known (views that list them). */
  seed?(evt: E): void;
}

export interface SourceSummary {
  /** Events the inspector read. */
  events: number;
  warnings: string[];
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Fraction of the capture read, 0..1. */
  onProgress?: (fraction: number) => void;
}

/** Something that can walk a capture's events with the state machine behind them. */
export interface AnalysisSource<E> {
  readonly resolver: FieldResolver<E>;
  run(onEvent: (evt: E) => void, opts: RunOptions): Promise<SourceSummary>;
  /** After run(): one stand-in event per thread left in the state tables (no params, no fd). */
  threadTable?(): Iterable<E>;
  /** False for events `sysdig -r` does not list (internal ones); they still reach consumers. */
  isListed?(evt: E): boolean;
}

export interface Scope {
  /** A sysdig filter. */
  filter?: string | null;
  /** Inclusive bounds, ns since the epoch. */
  from?: bigint | null;
  to?: bigint | null;
}

export interface PassSummary extends SourceSummary {
  /** Events in scope (what consumers saw). */
  matched: number;
  /** Timestamps of the first and last event read, in scope or not. */
  firstTs: bigint | null;
  lastTs: bigint | null;
  /** The scope as one filter text, the base of every drill-down. */
  scopeFilter: string | null;
}

export function scopeFilterText(scope: Scope): string | null {
  return andFilters(scope.filter ?? null, timeRangeClause(scope.from ?? null, scope.to ?? null));
}

export async function runPass<E>(source: AnalysisSource<E>, consumers: readonly Consumer<E>[], scope: Scope = {}, opts: RunOptions = {}): Promise<PassSummary> {
  const match: Predicate<E> | null = scope.filter ? compileFilter(scope.filter, source.resolver).match : null;
  const from = scope.from ?? null;
  const to = scope.to ?? null;
  if (from !== null && to !== null && from > to) throw new TracehoundError('CLI_USAGE', 'the time range ends before it starts');
  const rawtime = bindField(source.resolver, 'evt.rawtime').extract;
  let first: bigint | null = null;
  let last: bigint | null = null;
  let matched = 0;
  const list = consumers.slice();
  // Each consumer's add, bound once: the loop below then makes one call per consumer per event.
  const adds = list.map((c) => c.add.bind(c));
  const summary = await source.run((evt) => {
    const t = rawtime(evt);
    const ts = typeof t === 'bigint' ? t : typeof t === 'number' ? BigInt(Math.trunc(t)) : null;
    if (ts !== null) {
      if (first === null || ts < first) first = ts;
      if (last === null || ts > last) last = ts;
      if ((from !== null && ts < from) || (to !== null && ts > to)) return;
    }
    if (match && !match(evt)) return;
    matched++;
    for (let i = 0; i < adds.length; i++) adds[i]!(evt);
  }, opts);
  const seeders = list.filter((c) => c.seed !== undefined);
  if (seeders.length && source.threadTable) {
    // Known threads match the user's filter like events do; the time range does not apply.
    for (const evt of source.threadTable()) {
      if (match && !match(evt)) continue;
      for (const c of seeders) c.seed!(evt);
    }
  }
  return { ...summary, matched, firstTs: first, lastTs: last, scopeFilter: scopeFilterText(scope) };
}
