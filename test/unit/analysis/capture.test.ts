/**
 * The analysis layer on real captures: drill-down filters select exactly their row's events,
 * time ranges partition counts, and one pass gives the same numbers as separate passes.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeCapture, viewMetricSeries } from '../../../core/analysis/analyze.js';
import { bindField, valueText } from '../../../core/analysis/fieldref.js';
import { runPass, type Consumer } from '../../../core/analysis/pass.js';
import { CaptureSource } from '../../../core/analysis/source.js';
import { TableView } from '../../../core/analysis/table-view.js';
import { CONNECTIONS, DIRECTORIES, ERRORS, FILES, SPORTS, SYSCALLS } from '../../../core/analysis/view-defs.js';
import type { TableViewDef } from '../../../core/analysis/view-types.js';
import { compileFilter } from '../../../core/filter/compiler.js';
import type { FieldContext } from '../../../core/inspect/fields/types.js';

const CAPTURES = resolve(import.meta.dirname, '../../../../shared/data/captures');
const C502 = resolve(CAPTURES, 'inspect_502error.scap');
const SETNS = resolve(CAPTURES, 'sysflow_namespaces_setns.scap');

describe.skipIf(!existsSync(C502))('analysis on real captures', () => {
  it.each([
    ['inspect_502error', C502, [FILES, CONNECTIONS, ERRORS, SPORTS, SYSCALLS]],
    ['sysflow_namespaces_setns', SETNS, [FILES, DIRECTORIES, ERRORS]],
  ] as const)('every row filter of %s selects exactly the events of its row', async (_n, path, defs) => {
    const first = new CaptureSource(path);
    const views = defs.map((d) => new TableView(d, first.resolver));
    await runPass<FieldContext>(first, views);

    const src = new CaptureSource(path);
    const checks = defs.map((d: TableViewDef, i) => {
      const rows = views[i]!.result({ top: 0 }).rows;
      expect(rows.length).toBeGreaterThan(0);
      return {
        def: d,
        view: d.filter ? compileFilter(d.filter, src.resolver).match : () => true,
        keys: d.keys.map((k) => bindField(src.resolver, k)),
        rows: rows.map((r) => ({ key: r.key.join('\u0001'), match: compileFilter(r.filter, src.resolver).match, hits: 0 })),
      };
    });
    const wrong: string[] = [];
    const checker: Consumer<FieldContext> = {
      add(evt) {
        for (const c of checks) {
          const inView = c.view(evt);
          const key = inView ? c.keys.map((k) => valueText(k.extract(evt), k.descriptor)).join('\u0001') : null;
          for (const r of c.rows) {
            const m = r.match(evt);
            if (m) r.hits++;
            if (m !== (key === r.key) && wrong.length < 5) wrong.push(`${c.def.id} row ${r.key}: filter ${m}, key ${key}`);
          }
        }
      },
    };
    await runPass<FieldContext>(src, [checker]);
    expect(wrong).toEqual([]);
    for (const c of checks) for (const r of c.rows) expect(r.hits, `${c.def.id} ${r.key}`).toBeGreaterThan(0);
  });

  it('a time range splits the capture: the two halves add up to the whole', async () => {
    const whole = await analyzeCapture(C502, { views: [{ id: 'syscalls', options: { top: 0 } }] });
    const first = BigInt(whole.summary.firstTs!);
    const last = BigInt(whole.summary.lastTs!);
    const mid = (first + last) / 2n;
    const a = await analyzeCapture(C502, { from: first, to: mid, views: [{ id: 'syscalls', options: { top: 0 } }] });
    const b = await analyzeCapture(C502, { from: mid + 1n, to: last, views: [{ id: 'syscalls', options: { top: 0 } }] });
    expect(a.summary.matched + b.summary.matched).toBe(whole.summary.matched);
    expect(a.summary.matched).toBeGreaterThan(0);
    expect(b.summary.matched).toBeGreaterThan(0);
    const events = (r: typeof whole): Map<string, number> => {
      const v = r.views.syscalls!;
      const i = v.columns.findIndex((c) => c.id === 'events');
      return new Map(v.rows.map((row) => [row.key[0]!, row.cells[i] as number]));
    };
    const [w, x, y] = [events(whole), events(a), events(b)];
    for (const [k, v] of w) expect((x.get(k) ?? 0) + (y.get(k) ?? 0), k).toBe(v);
    expect(a.views.syscalls!.filter).toContain(`evt.rawtime<=${mid}`);
  });

  it('one pass computing everything equals separate passes', async () => {
    const all = await analyzeCapture(C502, {
      filter: 'proc.name=haproxy',
      views: [{ id: 'files' }, { id: 'connections', options: { top: 0 } }, { id: 'topconns' }],
      overview: true,
      tree: true,
      topology: 'process',
      series: [{ id: 'reads', filter: 'evt.type=recvfrom' }],
      follow: { fdFilter: 'fd.type=ipv4' },
    });
    const alone = await analyzeCapture(C502, { filter: 'proc.name=haproxy', views: [{ id: 'connections', options: { top: 0 } }] });
    expect(all.views.connections).toEqual(alone.views.connections);
    const topo = await analyzeCapture(C502, { filter: 'proc.name=haproxy', topology: 'process' });
    expect(all.topology).toEqual(topo.topology);
    expect(all.series!.reads!.total).toBeGreaterThan(0);
    expect(all.follow!.summary.bytesWritten).toBeGreaterThan(0);
    expect(all.tree!.nodes.every((n) => n.name === 'haproxy')).toBe(true);
  });

  it('CPU time (a stateful field) agrees across views computed in one pass', async () => {
    const path = resolve(CAPTURES, 'sysflow_setuid_setuid.scap');
    const r = await analyzeCapture(path, { views: [{ id: 'procs', options: { top: 0 } }, { id: 'topprocs_cpu', options: { top: 0 } }, { id: 'threads', options: { top: 0 } }] });
    const procs = r.views.procs!;
    const cpu = procs.columns.findIndex((c) => c.id === 'cpu');
    const byPid = new Map(procs.rows.map((row) => [row.key[0]!, row.cells[cpu] as number | null]));
    const top = r.views.topprocs_cpu!.rows;
    expect(top.some((row) => (row.cells[2] as number) > 0)).toBe(true);
    for (const row of top) expect(byPid.get(row.cells[1] as string) ?? 0, String(row.cells[1])).toBe(row.cells[2]);
    const threads = r.views.threads!;
    const tcpu = threads.columns.findIndex((c) => c.id === 'cpu');
    const total = (rows: typeof threads.rows, i: number): number => rows.reduce((a, row) => a + ((row.cells[i] as number | null) ?? 0), 0);
    expect(total(threads.rows, tcpu)).toBe(total(procs.rows, cpu));
  });

  it('the series of a view column adds up to the column, for the whole view and for one row', async () => {
    const row = 'fd.name=/etc/hosts';
    const r = await analyzeCapture(C502, {
      views: [{ id: 'files', options: { top: 0 } }, { id: 'topconns', options: { top: 0 } }],
      series: [viewMetricSeries('files', 'file_in'), viewMetricSeries('files', 'ops', row), viewMetricSeries('topconns', 'value')],
    });
    const col = (id: string, c: string): number[] => {
      const v = r.views[id]!;
      const i = v.columns.findIndex((x) => x.id === c);
      return v.rows.map((x) => (x.cells[i] as number | null) ?? 0);
    };
    const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
    expect(r.series!['files.file_in']!.total).toBe(sum(col('files', 'file_in')));
    const hosts = r.views.files!.rows.find((x) => x.key[0] === '/etc/hosts')!;
    expect(r.series!['files.ops']!.total).toBe(hosts.cells[r.views.files!.columns.findIndex((x) => x.id === 'ops')]);
    expect(r.series!['topconns.value']!.total).toBe(sum(col('topconns', 'value')));
    expect(() => viewMetricSeries('files', 'first')).toThrow(/no summable column/);
  });

  it('a listed-events series counts what sysdig -r lists (internal events left out)', async () => {
    const r = await analyzeCapture(C502, { series: [{ id: 'listed', listed: true }, { id: 'all' }] });
    expect(r.series!.listed!.total).toBe(9478);
    expect(r.series!.all!.total).toBe(r.summary.matched);
    expect(r.series!.listed!.width).toBe(r.series!.all!.width);
  });

  it('the overview of the 502 capture shows its failed upstream connections', async () => {
    const r = await analyzeCapture(C502, { overview: true, topology: 'process' });
    const tiles = Object.fromEntries(r.overview!.tiles.map((t) => [t.id, t]));
    expect(tiles.sysErrCountHttp!.total).toBe(1);
    expect(tiles.newConnectionsO!.total).toBe(49);
    const series = tiles.syscallCount!.series;
    expect(series.values.reduce((a, b) => a + b, 0)).toBe(tiles.syscallCount!.total);
    expect(series.values.length).toBeLessThanOrEqual(400);
    // haproxy reached 192.168.0.2:80 without the server ever answering on some connections.
    const dead = r.topology!.edges.filter((e) => e.to === 'e:192.168.0.2:80');
    expect(dead.length).toBe(1);
    expect(dead[0]!.bytesIn + dead[0]!.bytesOut).toBe(0);
  });
});
