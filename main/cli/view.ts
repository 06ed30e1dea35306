import { resolve } from 'node:path';
import { TracehoundError } from '../../core/api/errors.js';
import { analyzeCapture, captureStart, listViews, viewColumn, viewMetricSeries, type AnalyzeRequest } from '../../core/analysis/analyze.js';
import type { Series } from '../../core/analysis/timeline.js';
import { formatCell, formatIso } from '../../core/analysis/format.js';
import type { ProcNode, ProcTreeResult } from '../../core/analysis/proc-tree.js';
import type { OverviewResult } from '../../core/analysis/tiles.js';
import { parseTimeBound } from '../../core/analysis/timerange.js';
import type { TopologyGrouping, TopologyResult } from '../../core/analysis/topology.js';
import type { ViewResult } from '../../core/analysis/view-types.js';
import { EXIT, type CliIo, type Command } from './io.js';
import { parseCommandArgs, usageError } from './errors.js';

const EXTRA = ['overview', 'proctree', 'topology', 'timeline'];

/** Bounds from --from/--to; offsets and clock times need the capture's start, read only then. */
export async function timeBounds(path: string, from: string | undefined, to: string | undefined): Promise<{ from: bigint | null; to: bigint | null }> {
  const needsStart = [from, to].some((t) => t !== undefined && !/^\d{13,}$/.test(t.trim()) && !t.includes('T'));
  const start = needsStart ? await captureStart(path) : null;
  return {
    from: from === undefined ? null : parseTimeBound(from, start),
    to: to === undefined ? null : parseTimeBound(to, start),
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.min(60, r[i]!.length))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : (c.length > 60 ? `${c.slice(0, 57)}...` : c).padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function renderView(v: ViewResult): string {
  const rows = v.rows.map((r) => r.cells.map((c, i) => formatCell(c, v.columns[i]!.unit)));
  const more = v.totalRows > v.rows.length ? `\n(${v.rows.length} of ${v.totalRows} rows; --top 0 shows all)` : '';
  return `${v.title}${v.filter ? `  [${v.filter}]` : ''}\n${table(v.columns.map((c) => c.title), rows)}${more}\n`;
}

function renderOverview(o: OverviewResult): string {
  const out: string[] = [];
  for (const c of o.categories) {
    out.push(`${c.name}`);
    for (const t of o.tiles.filter((x) => x.category === c.id)) {
      const unit = /Bytes/.test(t.name) ? 'bytes' : 'count';
      out.push(`  ${t.name.padEnd(36)} ${formatCell(t.total, unit).padStart(10)}   -> ${t.targetView}${t.filter ? ` [${t.filter}]` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function renderTree(t: ProcTreeResult): string {
  const byId = new Map(t.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  const walk = (n: ProcNode, depth: number): void => {
    const life = `${n.start ? formatIso(BigInt(n.start)) : '(before capture)'} .. ${n.exit ? formatIso(BigInt(n.exit)) : '(running)'}`;
    out.push(`${'  '.repeat(depth)}${n.pid} ${n.name} [${life}]${n.exitStatus !== null ? ` status=${n.exitStatus}` : ''}`);
    for (const e of n.execs.slice(1)) out.push(`${'  '.repeat(depth)}    exec ${formatIso(BigInt(e.ts))} ${e.exe} ${e.args}`.trimEnd());
    for (const c of n.children) walk(byId.get(c)!, depth + 1);
  };
  for (const r of t.roots) walk(byId.get(r)!, 0);
  return `${out.join('\n')}\n`;
}

function renderSeries(s: Series, unit: 'bytes' | 'count' | 'ns'): string {
  const start = BigInt(s.start);
  const rows = s.values.map((v, i) => [formatIso(start + BigInt(i) * BigInt(s.width)), formatCell(v, unit)]);
  return `bucket ${formatCell(s.width, 'ns')}, total ${formatCell(s.total, unit)}, max ${formatCell(s.max, unit)}\n${table(['START', 'VALUE'], rows)}\n`;
}

function renderTopology(t: TopologyResult): string {
  const label = new Map(t.nodes.map((n) => [n.id, n.label]));
  const rows = t.edges.map((e) => [label.get(e.from)!, label.get(e.to)!, e.proto, e.port === null ? '' : String(e.port), formatCell(e.bytesOut, 'bytes'), formatCell(e.bytesIn, 'bytes'), String(e.connections)]);
  return `${table(['FROM', 'TO', 'PROTO', 'PORT', 'BYTES OUT', 'BYTES IN', 'CONNS'], rows)}\n`;
}

function metricUnit(metric: string | undefined): 'bytes' | 'count' | 'ns' {
  const m = metric ? /^([^.]+)\.(.+)$/.exec(metric) : null;
  const unit = m ? viewColumn(m[1]!, m[2]!)?.unit : undefined;
  return unit === 'bytes' || unit === 'ns' ? unit : 'count';
}

export const viewCommand: Command = {
  name: 'view',
  summary: 'Compute a view (processes, connections, files, errors, ...) over a capture',
  usage: `tracehound view -r FILE VIEW [FILTER] [--from T] [--to T] [--sort COL] [--asc] [--top N] [-j]
tracehound view --list

  VIEW         a view id (see --list), a chisel (topconns, topfiles_bytes, ...),
               fdbytes_by:FIELD, or overview, proctree, topology, timeline
  FILTER       a sysdig filter applied before the view (words are joined with spaces)
  --from T     start of the time range, inclusive; --to T its end. T is ns since the epoch,
               an ISO date, a UTC clock time on the capture's first day (00:44:29.5) or an
               offset from the first event (+1.5s)
  --sort COL   sort on this column (id or title); --asc for ascending
  --top N      at most N rows (default: the view's own; 0 for all)
  --group G    topology nodes: process (default), procname or container
  --metric M   timeline of a view column (VIEW.COLUMN, e.g. files.file_in) instead of an event count
  --buckets N  timeline resolution: at most N buckets (default 400; 1 us is the finest)
  -j           JSON output, with every row's drill-down filter
  --sysdig029  read event types as sysdig 0.29.3 does (for comparisons with it)`,
  async run(argv: string[], io: CliIo): Promise<number> {
    let values: Record<string, string | boolean | undefined>;
    let positionals: string[];
    ({ values, positionals } = parseCommandArgs('view', {
      args: argv,
      options: {
        read: { type: 'string', short: 'r' },
        from: { type: 'string' },
        to: { type: 'string' },
        sort: { type: 'string' },
        asc: { type: 'boolean' },
        top: { type: 'string' },
        group: { type: 'string' },
        metric: { type: 'string' },
        buckets: { type: 'string' },
        json: { type: 'boolean', short: 'j' },
        list: { type: 'boolean' },
        sysdig029: { type: 'boolean' },
      },
      allowPositionals: true,
    }));
    if (values.list) {
      const views = listViews();
      if (values.json) io.stdout.write(`${JSON.stringify(views, null, 2)}\n`);
      else io.stdout.write(`${table(['VIEW', 'KIND', 'TITLE'], [...views.map((v) => [v.id, v.kind, v.title]), ...EXTRA.map((x) => [x, 'special', x])])}\n`);
      return EXIT.ok;
    }
    if (typeof values.read !== 'string') throw usageError('view', 'missing -r FILE');
    const [viewId, ...filterWords] = positionals;
    if (!viewId) throw usageError('view', 'missing VIEW (see tracehound view --list)');
    const path = resolve(io.cwd, values.read);
    const top = values.top === undefined ? undefined : Number(values.top);
    if (top !== undefined && (!Number.isInteger(top) || top < 0)) throw usageError('view', `--top must be a whole number, got ${String(values.top)}`);
    const group = (values.group ?? 'process') as string;
    if (!['process', 'procname', 'container'].includes(group)) throw usageError('view', '--group must be process, procname or container');
    const bounds = await timeBounds(path, values.from as string | undefined, values.to as string | undefined);
    const req: AnalyzeRequest = { filter: filterWords.length ? filterWords.join(' ') : null, ...bounds };
    if (values.sysdig029) req.dialect = 'sysdig029';
    if (viewId === 'overview') req.overview = true;
    else if (viewId === 'proctree') req.tree = true;
    else if (viewId === 'topology') req.topology = group as TopologyGrouping;
    else if (viewId === 'timeline') {
      const buckets = values.buckets === undefined ? undefined : Number(values.buckets);
      if (buckets !== undefined && (!Number.isInteger(buckets) || buckets < 1)) throw usageError('view', '--buckets must be a positive whole number');
      if (buckets !== undefined) req.maxBuckets = buckets;
      const m = typeof values.metric === 'string' ? /^([^.]+)\.(.+)$/.exec(values.metric) : null;
      if (typeof values.metric === 'string' && !m) throw usageError('view', '--metric is VIEW.COLUMN, e.g. files.file_in');
      req.series = [m ? viewMetricSeries(m[1]!, m[2]!) : { id: 'events' }];
    }
    else {
      const options: { sort?: string; desc?: boolean; top?: number } = {};
      if (typeof values.sort === 'string') options.sort = values.sort;
      if (values.asc) options.desc = false;
      if (top !== undefined) options.top = top;
      req.views = [{ id: viewId, options }];
    }
    const res = await analyzeCapture(path, req, { signal: io.signal });
    if (io.signal.aborted) throw new TracehoundError('CANCELLED', 'view was interrupted');
    const series = res.series ? Object.values(res.series)[0] : undefined;
    const payload = res.overview ?? res.tree ?? res.topology ?? series ?? res.views[viewId]!;
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ summary: res.summary, result: payload }, null, 2)}\n`);
      return EXIT.ok;
    }
    if (res.overview) io.stdout.write(renderOverview(res.overview));
    else if (res.tree) io.stdout.write(renderTree(res.tree));
    else if (res.topology) io.stdout.write(renderTopology(res.topology));
    else if (series) io.stdout.write(renderSeries(series, metricUnit(values.metric as string | undefined)));
    else io.stdout.write(renderView(res.views[viewId]!));
    for (const w of res.summary.warnings) io.stderr.write(`tracehound: warning: ${w}\n`);
    return EXIT.ok;
  },
};
