/**
 * The first pass on every core: a request for many parts (views, tiles, tree, topology…) is split
 * into shards, each computed by analyzeCapture in a worker thread over the same read-only file,
 * and the shards' results are put back together. Each shard runs the whole state machine, so a
 * part's result is exactly what one pass would give; what is shared out is the folding, which is
 * most of the cost of a pass with all views.
 *
 * Small captures, a single part, one core, or a build without the worker file (tests run the
 * TypeScript sources) take the single-pass path.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TracehoundError } from '../api/errors.js';
import type { ApiErrorShape } from '../api/contract.js';
import { analyzeCapture, type AnalyzeRequest, type AnalyzeResult } from './analyze.js';
import type { RunOptions } from './pass.js';

/** Below this a pass takes about a second: starting workers would cost more than they save. */
const MIN_PARALLEL_BYTES = 16 * 1024 * 1024;
/** Each shard holds its own state tables (~100 MB on a large capture): a cap on memory too. */
const MAX_SHARDS = 4;

const WORKER = fileURLToPath(new URL('./parallel-worker.js', import.meta.url));

export type ShardMessage =
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; result: AnalyzeResult }
  | { kind: 'error'; error: ApiErrorShape };

export interface ParallelOptions extends RunOptions {
  /** Shards to use at most; default: the cores Node may use (TRACEHOUND_WORKERS overrides). */
  shards?: number;
  /** Smallest capture worth sharding (tests lower it to shard the small shared captures). */
  minBytes?: number;
}

function shardBudget(opts: ParallelOptions): number {
  const env = Number(process.env.TRACEHOUND_WORKERS);
  const wanted = opts.shards ?? (Number.isInteger(env) && env > 0 ? env : availableParallelism());
  return Math.max(1, Math.min(MAX_SHARDS, wanted));
}

/**
 * Rough cost of each part in a pass, relative to one another (seconds over the 3.3 M-event bench
 * capture, beyond the ~1 s every pass pays). Only the balance between shards depends on it.
 */
const PART_COST: Record<string, number> = {
  overview: 1.8, tree: 0.6, topology: 0.6, follow: 0.5, series: 0.2,
  'view:procs': 2, 'view:threads': 2, 'view:files': 1, 'view:directories': 1, 'view:file_opens': 1,
  'view:syscalls': 0.7, 'view:syscall_procs': 0.7,
};
const VIEW_COST = 0.3;

/**
 * Splits a request into at most `n` requests whose union asks for the same parts, dealing the
 * parts out largest first to the shard with the least work so far. Series stay together, as
 * they share one bucket width.
 */
export function splitRequest(req: AnalyzeRequest, n: number): AnalyzeRequest[] {
  const { views = [], overview, series, tree, topology, follow, ...scope } = req;
  const parts: { cost: number; put: (s: AnalyzeRequest) => void }[] = [];
  if (overview) parts.push({ cost: PART_COST.overview!, put: (s) => { s.overview = overview; } });
  if (series?.length) parts.push({ cost: PART_COST.series! * series.length, put: (s) => { s.series = series; } });
  if (tree) parts.push({ cost: PART_COST.tree!, put: (s) => { s.tree = tree; } });
  if (topology) parts.push({ cost: PART_COST.topology!, put: (s) => { s.topology = topology; } });
  if (follow) parts.push({ cost: PART_COST.follow!, put: (s) => { s.follow = follow; } });
  for (const v of views) parts.push({ cost: PART_COST[`view:${v.id}`] ?? VIEW_COST, put: (s) => { (s.views ??= []).push(v); } });
  const count = Math.max(1, Math.min(n, parts.length));
  const shards = Array.from({ length: count }, () => ({ req: { ...scope } as AnalyzeRequest, load: 0 }));
  // A stable sort keeps equal parts in request order, so the split is the same every time.
  for (const part of [...parts].sort((a, b) => b.cost - a.cost)) {
    let least = shards[0]!;
    for (const s of shards) if (s.load < least.load) least = s;
    part.put(least.req);
    least.load += part.cost;
  }
  // Each shard asks for its views in the request's order.
  const order = new Map(views.map((v, i) => [v, i]));
  for (const s of shards) s.req.views?.sort((a, b) => order.get(a)! - order.get(b)!);
  return shards.map((s) => s.req);
}

/** Puts shard results back together in the order the request named its views. */
export function mergeResults(req: AnalyzeRequest, parts: readonly AnalyzeResult[]): AnalyzeResult {
  const first = parts[0]!;
  const out: AnalyzeResult = { summary: first.summary, views: {} };
  const all = Object.assign({}, ...parts.map((p) => p.views)) as AnalyzeResult['views'];
  for (const v of req.views ?? []) if (all[v.id]) out.views[v.id] = all[v.id]!;
  for (const p of parts) {
    if (p.overview) out.overview = p.overview;
    if (p.series) out.series = p.series;
    if (p.tree) out.tree = p.tree;
    if (p.topology) out.topology = p.topology;
    if (p.follow) out.follow = p.follow;
  }
  return out;
}

class WorkerFailed extends Error {
  constructor(readonly reason: unknown) {
    super('an analysis worker failed');
  }
}

function canShard(path: string, minBytes: number): boolean {
  if (!existsSync(WORKER)) return false;
  try {
    return statSync(path).size >= minBytes;
  } catch {
    // The single pass reports a missing or unreadable file with its proper code.
    return false;
  }
}

export async function analyzeCaptureParallel(path: string, req: AnalyzeRequest, opts: ParallelOptions = {}): Promise<AnalyzeResult> {
  const shards = splitRequest(req, shardBudget(opts));
  if (shards.length < 2 || !canShard(path, opts.minBytes ?? MIN_PARALLEL_BYTES)) return analyzeCapture(path, req, opts);
  const fractions = shards.map(() => 0);
  const workers: Worker[] = [];
  const stopAll = () => {
    for (const w of workers) void w.terminate();
  };
  const onAbort = () => stopAll();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const parts = await Promise.all(shards.map((shard, i) => new Promise<AnalyzeResult>((resolve, reject) => {
      const w = new Worker(WORKER, { workerData: { path, req: shard } });
      workers.push(w);
      let settled = false;
      w.on('message', (m: ShardMessage) => {
        if (m.kind === 'progress') {
          fractions[i] = m.fraction;
          opts.onProgress?.(Math.min(...fractions));
        } else if (m.kind === 'done') {
          settled = true;
          resolve(m.result);
        } else {
          settled = true;
          reject(new TracehoundError(m.error.code, m.error.message, m.error));
        }
      });
      w.on('error', (e) => {
        // The worker itself failed (could not load in this host, ran out of memory), not the
        // analysis, which answers with an error message: the single pass still can run.
        settled = true;
        reject(new WorkerFailed(e));
      });
      w.on('exit', () => {
        if (settled) return;
        reject(opts.signal?.aborted ? new TracehoundError('CANCELLED', 'the analysis was cancelled') : new TracehoundError('INTERNAL', 'an analysis worker stopped without a result'));
      });
    })));
    return mergeResults(req, parts);
  } catch (e) {
    stopAll();
    if (opts.signal?.aborted) throw new TracehoundError('CANCELLED', 'the analysis was cancelled');
    if (e instanceof WorkerFailed) return analyzeCapture(path, req, opts);
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
