// Every view, the overview tiles, the process tree and the topology of a capture: what opening a
// capture in the explorer computes. Run as its own process so the bench can time it.
//   all-views.mjs FILE [SHARDS]   SHARDS 1: one pass in one thread; more: the explorer's sharded
//                                 pass over that many worker threads (default: the cores Node may use)
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { analyzeCapture, listViews } = await import(pathToFileURL(join(root, 'dist', 'core', 'analysis', 'analyze.js')).href);
const { analyzeCaptureParallel } = await import(pathToFileURL(join(root, 'dist', 'core', 'analysis', 'parallel.js')).href);
const views = listViews().filter((v) => !v.id.includes(':')).map((v) => ({ id: v.id }));
const req = { views, overview: true, tree: true, topology: 'process' };
const shards = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const r = shards === 1 ? await analyzeCapture(process.argv[2], req) : await analyzeCaptureParallel(process.argv[2], req, shards ? { shards } : {});
process.stdout.write(`${Object.keys(r.views).length} views, ${r.summary.events} events\n`);
