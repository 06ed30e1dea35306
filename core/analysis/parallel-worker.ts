/**
 * One shard of a parallel first pass (see parallel.ts): analyzeCapture over the shared file for
 * the parts this shard was given, answered to the parent as progress, a result or an error shape.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorShape } from '../api/errors.js';
import { analyzeCapture, type AnalyzeRequest } from './analyze.js';
import type { ShardMessage } from './parallel.js';

const { path, req } = workerData as { path: string; req: AnalyzeRequest };
const post = (m: ShardMessage) => parentPort!.postMessage(m);

let last = -1;
try {
  const result = await analyzeCapture(path, req, {
    onProgress: (fraction) => {
      // A message per percent is plenty for a progress bar.
      if (fraction - last >= 0.01 || fraction === 1) {
        last = fraction;
        post({ kind: 'progress', fraction });
      }
    },
  });
  post({ kind: 'done', result });
} catch (e) {
  post({ kind: 'error', error: toErrorShape(e) });
}
