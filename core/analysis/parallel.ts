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
 * Splits a request into at most `n` requests whose union asks for the same parts. Views are dealt
 * out one by one; the other parts stay together in the first shard, because series share one
 * bucket width and the overview, tree and topology are each one consumer.
 */
export function splitRequest(req: AnalyzeRequest, n: number): AnalyzeRequest[] {
  const { views = [], overview, series, tree, topology, follow, ...scope } = req;
  const hasOther = !!(overview || series?.length || tree || topology || follow);
  const count = Math.max(1, Math.min(n, views.length + (hasOther ? 1 : 0)));
  const shards: AnalyzeRequest[] = Array.from({ length: count }, () => ({ ...scope }));
  const first = shards[0]!;
  if (overview) first.overview = overview;
  if (series?.length) first.series = series;
  if (tree) first.tree = tree;
  if (topology) first.topology = topology;
  if (follow) first.follow = follow;
  // With other parts the first shard is busy already: views start at the next one.
  const offset = hasOther && count > 1 ? 1 : 0;
  views.forEach((v, i) => {
    const s = shards[(offset + i) % count]!;
    (s.views ??= []).push(v);
  });
  return shards;
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
