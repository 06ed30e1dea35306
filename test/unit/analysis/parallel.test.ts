// A sharded first pass must give exactly what one pass gives. The worker only exists in the build
// (dist/), so the equality test runs the built engine: `npm test` builds before it runs the units.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mergeResults, splitRequest } from '../../../core/analysis/parallel.js';
import type { AnalyzeRequest, AnalyzeResult } from '../../../core/analysis/analyze.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CAPTURE = `${root}../shared/data/captures/inspect_502error.scap`;
const BUILT = `${root}dist/core/analysis/parallel.js`;

describe('splitting a request into shards', () => {
  const views = ['procs', 'files', 'connections', 'errors', 'syscalls'].map((id) => ({ id }));

  it('asks for every part exactly once, keeps the scope in each shard, and balances the work', () => {
    const req: AnalyzeRequest = { filter: 'proc.name=nginx', from: 5n, to: 9n, views, overview: true, tree: true, topology: 'process', series: [{ id: 'all' }, { id: 'x', filter: 'evt.type=open' }], maxBuckets: 50 };
    const shards = splitRequest(req, 3);
    expect(shards).toHaveLength(3);
    for (const s of shards) expect(s).toMatchObject({ filter: 'proc.name=nginx', from: 5n, to: 9n, maxBuckets: 50 });
    expect(shards.flatMap((s) => s.views ?? []).map((v) => v.id).sort()).toEqual(views.map((v) => v.id).sort());
    for (const part of ['overview', 'tree', 'topology'] as const) expect(shards.filter((s) => s[part] !== undefined)).toHaveLength(1);
    // Series share one bucket width: all in one shard.
    expect(shards.filter((s) => s.series).map((s) => s.series)).toEqual([req.series]);
    // The heaviest parts (the overview, the procs view) do not share a shard.
    expect(shards.find((s) => s.overview)!.views?.some((v) => v.id === 'procs') ?? false).toBe(false);
    // The same request always splits the same way.
    expect(splitRequest(req, 3)).toEqual(shards);
  });

  it('never makes more shards than parts', () => {
    expect(splitRequest({ views: [{ id: 'procs' }] }, 4)).toHaveLength(1);
    expect(splitRequest({ overview: true }, 4)).toHaveLength(1);
    expect(splitRequest({ views: [{ id: 'procs' }], tree: true }, 4)).toHaveLength(2);
    expect(splitRequest({ views, overview: true }, 1)).toEqual([{ overview: true, views }]);
  });

  it('merges views back in the order the request named them', () => {
    const part = (ids: string[], extra: Partial<AnalyzeResult> = {}): AnalyzeResult => ({
      summary: { events: 1, matched: 1, firstTs: null, lastTs: null, scopeFilter: null, warnings: [] },
      views: Object.fromEntries(ids.map((id) => [id, { id } as unknown as AnalyzeResult['views'][string]])),
      ...extra,
    });
    const merged = mergeResults({ views }, [part(['errors'], { tree: { roots: [] } as unknown as AnalyzeResult['tree'] }), part(['procs', 'connections', 'syscalls']), part(['files'])]);
    expect(Object.keys(merged.views)).toEqual(views.map((v) => v.id));
    expect(merged.tree).toEqual({ roots: [] });
  });
});

describe('a sharded pass over a real capture', () => {
  it('equals one pass: every view, the tiles, the tree and the topology', async () => {
    expect(existsSync(BUILT), 'run `npm run build:engine` first: the shards run the built worker').toBe(true);
    const { analyzeCaptureParallel } = (await import(pathToFileURL(BUILT).href)) as typeof import('../../../core/analysis/parallel.js');
    const { analyzeCapture, listViews } = (await import(pathToFileURL(`${root}dist/core/analysis/analyze.js`).href)) as typeof import('../../../core/analysis/analyze.js');
    const req: AnalyzeRequest = {
      views: listViews().filter((v) => !v.id.includes(':')).map((v) => ({ id: v.id })),
      overview: true,
      tree: true,
      topology: 'process',
      series: [{ id: 'all' }, { id: 'nginx', filter: 'proc.name=nginx' }],
    };
    const one = await analyzeCapture(CAPTURE, req);
    const fractions: number[] = [];
    const sharded = await analyzeCaptureParallel(CAPTURE, req, { shards: 3, minBytes: 0, onProgress: (f) => fractions.push(f) });
    expect(Object.keys(sharded.views)).toEqual(Object.keys(one.views));
    expect(sharded).toEqual(one);
    expect(fractions.length).toBeGreaterThan(0);
    expect(Math.max(...fractions)).toBeLessThanOrEqual(1);
  }, 120_000);

  it('reports a shard error with its code, and a cancel as CANCELLED', async () => {
    const { analyzeCaptureParallel } = (await import(pathToFileURL(BUILT).href)) as typeof import('../../../core/analysis/parallel.js');
    await expect(analyzeCaptureParallel(CAPTURE, { views: [{ id: 'procs' }, { id: 'no_such_view' }], overview: true }, { shards: 2, minBytes: 0 }))
      .rejects.toMatchObject({ code: 'CLI_USAGE' });
    await expect(analyzeCaptureParallel(CAPTURE, { views: [{ id: 'procs' }], filter: 'proc.name=', overview: true }, { shards: 2, minBytes: 0 }))
      .rejects.toMatchObject({ code: expect.stringMatching(/^FILTER_/) });
    const ctl = new AbortController();
    const run = analyzeCaptureParallel(CAPTURE, { views: [{ id: 'procs' }, { id: 'files' }], overview: true }, { shards: 2, minBytes: 0, signal: ctl.signal });
    ctl.abort();
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
  }, 120_000);
});
