import WebSocket from 'ws';
import type { MethodName, Params, ProgressEvent, Result, ServerMessage } from '../../core/api/contract.js';
import type { ServerHandle } from './harness.js';

/**
 * The engine's own answers, asked over the same WebSocket API the page uses but from the test
 * process: what the UI shows is compared against these, never against numbers typed into a test.
 */
export interface EngineClient {
  call<M extends MethodName>(method: M, params: Params<M>, onProgress?: (p: ProgressEvent) => void): Promise<Result<M>>;
  close(): Promise<void>;
}

export async function connectEngine(server: ServerHandle): Promise<EngineClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${encodeURIComponent(server.token)}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void; onProgress?: (p: ProgressEvent) => void }>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as ServerMessage;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'progress') { p.onProgress?.(msg.progress); return; }
    pending.delete(msg.id);
    if (msg.kind === 'result') p.resolve(msg.result);
    else p.reject(Object.assign(new Error(`${msg.error.code}: ${msg.error.message}`), { code: msg.error.code }));
  });
  return {
    call: (method, params, onProgress) => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
      ws.send(JSON.stringify({ kind: 'call', id, method, params }));
    }),
    close: () => new Promise<void>((resolve) => {
      if (ws.readyState === WebSocket.CLOSED) { resolve(); return; }
      ws.once('close', () => resolve());
      ws.close();
    }),
  };
}
