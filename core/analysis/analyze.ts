/**
 * One call for everything core/analysis computes: any set of views, the overview tiles, time
 * series, the process tree, the topology and a followed stream, all from ONE pass over a capture,
 * within one scope (filter and time range). Results are plain JSON (timestamps as decimal text).
 */
import { TracehoundError } from '../api/errors.js';
import type { FieldResolver } from '../filter/fields.js';
import { isLargePayload, type TableDialect } from '../capture/events/table.js';
import { readCapture } from '../capture/reader.js';
import { ET } from '../inspect/constants.js';
import { CHISEL_VIEWS, fdbytesBy } from './chisel-defs.js';
import { andFilters } from './drilldown.js';
import { FollowStream, type StreamChunk, type StreamSummary } from './follow.js';
import { ListView } from './list-view.js';
import { runPass, scopeFilterText, type AnalysisSource, type Consumer, type PassSummary, type RunOptions, type Scope } from './pass.js';
import { ProcTree, type ProcTreeResult } from './proc-tree.js';
import { CaptureSource, eventData } from './source.js';
import { SpyUsers } from './spy-users.js';
import { TableView } from './table-view.js';
import { Overview, type OverviewResult } from './tiles.js';
import { chooseWidth, TimelineSeries, type Series, type SeriesSpec } from './timeline.js';
import { Topology, type TopologyGrouping, type TopologyResult } from './topology.js';
import { VIEWS } from './view-defs.js';
import type { ColumnDef, ResultOptions, ViewDef, ViewResult } from './view-types.js';

export interface ViewInfo {
  id: string;
  title: string;
  kind: 'table' | 'list';
  description: string;
}

/** Every view id `view` accepts, with the chisel equivalents and spy users. */
export function listViews(): ViewInfo[] {
  const defs: ViewDef[] = [...VIEWS, ...CHISEL_VIEWS];
  return [
    ...defs.map((d) => ({ id: d.id, title: d.title, kind: d.kind, description: d.description })),
    { id: 'spy_users', title: 'Spy Users', kind: 'list', description: 'Commands run from interactive shells, with the shell and depth.' },
    { id: 'fdbytes_by:FIELD', title: 'I/O bytes by any field', kind: 'table', description: 'Bytes of successful reads and writes grouped by FIELD (e.g. fdbytes_by:proc.name).' },
  ];
}

/** A column of a table view, by ids. */
export function viewColumn(viewId: string, columnId: string): ColumnDef | undefined {
  const def = [...VIEWS, ...CHISEL_VIEWS].find((v) => v.id === viewId);
  return def?.kind === 'table' ? def.columns.find((c) => c.id === columnId) : undefined;
}

/**
 * The series of a view's column: the events the column folds (view filter, column filter and,
 * for one row, the row's filter), summed (SUM columns) or counted (COUNT columns) per bucket.
 */
export function viewMetricSeries(viewId: string, columnId: string, rowFilter?: string): SeriesSpec {
  const def = [...VIEWS, ...CHISEL_VIEWS].find((v) => v.id === viewId);
  if (!def || def.kind !== 'table') throw new TracehoundError('CLI_USAGE', `no table view ${viewId}`, { hint: 'A metric is VIEW.COLUMN of a table view, e.g. files.file_in.' });
  const col = def.columns.find((c) => c.id === columnId);
  if (!col || (col.agg !== 'SUM' && col.agg !== 'COUNT')) {
    const ok = def.columns.filter((c) => c.agg === 'SUM' || c.agg === 'COUNT').map((c) => c.id);
    throw new TracehoundError('CLI_USAGE', `${viewId} has no summable column ${columnId}`, { hint: `Columns: ${ok.join(', ')}.` });
  }
  const spec: SeriesSpec = { id: `${viewId}.${columnId}` };
  // A row needs a value for every key, as the view drops events without one.
  const filter = andFilters(def.filter, ...def.keys.map((k) => `${k} exists`), col.where, rowFilter);
  if (filter) spec.filter = filter;
  if (col.agg === 'SUM' && col.field) {
    spec.field = col.field;
    if (col.scale !== undefined) spec.scale = col.scale;
    if (col.positiveOnly) spec.positiveOnly = true;
  }
  return spec;
}

interface ViewConsumer<E> extends Consumer<E> {
  result(opts?: ResultOptions): ViewResult;
}

export function makeView<E>(id: string, resolver: FieldResolver<E>, scope: string | null): ViewConsumer<E> {
  if (id === 'spy_users') return new SpyUsers(resolver, scope);
  const by = /^fdbytes_by[: ](.+)$/.exec(id);
  if (by) return new TableView(fdbytesBy(by[1]!.trim()), resolver, scope);
  const def = [...VIEWS, ...CHISEL_VIEWS].find((v) => v.id === id);
  if (!def) {
    throw new TracehoundError('CLI_USAGE', `unknown view: ${id}`, { hint: `Views: ${listViews().map((v) => v.id).join(', ')}.` });
  }
  return def.kind === 'table' ? new TableView(def, resolver, scope) : new ListView(def, resolver, scope);
}

export interface AnalyzeRequest {
  filter?: string | null;
  from?: bigint | null;
  to?: bigint | null;
  views?: { id: string; options?: ResultOptions }[];
  overview?: boolean;
  series?: SeriesSpec[];
  tree?: boolean;
  topology?: TopologyGrouping;
  /** Follow the data on the fds the filter selects (null: every fd). */
  follow?: { fdFilter: string | null; limit?: number };
  /** Bucket budget for series and tiles. */
  maxBuckets?: number;
  dialect?: TableDialect;
}

export interface AnalyzeSummary {
  events: number;
  matched: number;
  firstTs: string | null;
  lastTs: string | null;
  scopeFilter: string | null;
  warnings: string[];
}

export interface AnalyzeResult {
  summary: AnalyzeSummary;
  views: Record<string, ViewResult>;
  overview?: OverviewResult;
  series?: Record<string, Series>;
  tree?: ProcTreeResult;
  topology?: TopologyResult;
  follow?: { chunks: StreamChunk[]; summary: StreamSummary; dropped: number };
}

/** The timestamp of the capture's first event (not counting container metadata events). */
export async function captureStart(path: string): Promise<bigint | null> {
  let ts: bigint | null = null;
  await readCapture(
    path,
    (ev) => {
      if (ev.type === ET.CONTAINER_JSON_E || ev.type === ET.CONTAINER_JSON_2_E || ev.type === ET.CONTAINER_E) return true;
      ts = ev.ts;
      return false;
    },
    { shape: { largePayload: isLargePayload } },
  );
  return ts;
}

export async function analyzeCapture(path: string, req: AnalyzeRequest, opts: RunOptions = {}): Promise<AnalyzeResult> {
  const src = new CaptureSource(path, { ...(req.dialect ? { dialect: req.dialect } : {}), serverPorts: req.overview === true });
  return analyzeSource(src, req, opts, eventData);
}

export async function analyzeSource<E>(
  src: AnalysisSource<E>,
  req: AnalyzeRequest,
  opts: RunOptions = {},
  data?: (e: E) => Uint8Array | null,
): Promise<AnalyzeResult> {
  const scope: Scope = { filter: req.filter ?? null, from: req.from ?? null, to: req.to ?? null };
  const scopeText = scopeFilterText(scope);
  const r = src.resolver;
  const consumers: Consumer<E>[] = [];
  const views = (req.views ?? []).map((v) => ({ ...v, c: makeView(v.id, r, scopeText) }));
  consumers.push(...views.map((v) => v.c));
  const overview = req.overview ? new Overview(r, scopeText, req.maxBuckets) : null;
  if (overview) consumers.push(overview);
  const fixedWidth = scope.from != null && scope.to != null ? chooseWidth(scope.from, scope.to, req.maxBuckets) : undefined;
  const isListed = src.isListed?.bind(src);
  const series = (req.series ?? []).map(
    (s) =>
      new TimelineSeries(s, r, {
        ...(req.maxBuckets ? { maxBuckets: req.maxBuckets } : {}),
        ...(fixedWidth ? { width: fixedWidth } : {}),
        ...(isListed ? { isListed } : {}),
      }),
  );
  consumers.push(...series);
  const tree = req.tree ? new ProcTree(r) : null;
  if (tree) consumers.push(tree);
  const topo = req.topology ? new Topology(r, req.topology, scopeText) : null;
  if (topo) consumers.push(topo);
  const follow = req.follow ? new FollowStream(r, req.follow.fdFilter, { ...(req.follow.limit ? { limit: req.follow.limit } : {}), ...(data ? { data } : {}) }) : null;
  if (follow) consumers.push(follow);

  const pass: PassSummary = await runPass(src, consumers, scope, opts);
  // Series and tiles cover the scope's range, or the capture's when the scope is open.
  const from = scope.from ?? pass.firstTs ?? undefined;
  const to = scope.to ?? pass.lastTs ?? undefined;

  const out: AnalyzeResult = {
    summary: {
      events: pass.events,
      matched: pass.matched,
      firstTs: pass.firstTs?.toString() ?? null,
      lastTs: pass.lastTs?.toString() ?? null,
      scopeFilter: pass.scopeFilter,
      warnings: pass.warnings,
    },
    views: Object.fromEntries(views.map((v) => [v.id, v.c.result(v.options)])),
  };
  if (overview) {
    if (src instanceof CaptureSource) {
      overview.addListeningPorts(src.serverPortsAtStart);
      if (src.inspector) overview.addContainers(src.inspector.containers.containers.keys());
    }
    out.overview = overview.result(from, to);
  }
  if (series.length) {
    let width = 0;
    for (const s of series) {
      if (from !== undefined && to !== undefined) s.bucketer.fit(from, to);
      width = Math.max(width, s.bucketer.width);
    }
    out.series = Object.fromEntries(
      series.map((s) => {
        s.bucketer.widen(width);
        return [s.spec.id, s.bucketer.series(from, to)];
      }),
    );
  }
  if (tree) out.tree = tree.result();
  if (topo) out.topology = topo.result();
  if (follow) out.follow = { chunks: follow.chunks, summary: follow.summary(), dropped: follow.droppedChunks };
  return out;
}
