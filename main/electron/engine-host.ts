/**
 * Runs in an Electron utility process: the engine never shares a thread with the UI. Messages were
 * already validated by the main process; the service validates params again, because this process
 * must not trust anything that crosses a boundary.
 */
import type { ClientMessage, ServerMessage } from '../../core/api/contract.js';
import { toErrorShape } from '../../core/api/errors.js';
import { EngineService, type ServiceOptions } from '../../core/api/service.js';

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function runEngineHost(port: ParentPortLike, options: ServiceOptions): void {
  const service = new EngineService(options);
  const running = new Map<number, AbortController>();
  const post = (m: ServerMessage) => port.postMessage(m);
  port.on('message', ({ data }) => {
    const msg = data as ClientMessage;
    if (msg.kind === 'cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(msg.id, controller);
    service
      .invoke(msg.method, msg.params, { signal: controller.signal, onProgress: (progress) => post({ kind: 'progress', id: msg.id, progress }) })
      .then((result) => post({ kind: 'result', id: msg.id, result }), (err: unknown) => post({ kind: 'error', id: msg.id, error: toErrorShape(err) }))
      .finally(() => running.delete(msg.id));
  });
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (parentPort) {
  const opts = JSON.parse(process.env['TRACEHOUND_ENGINE_OPTIONS'] ?? '{}') as Partial<ServiceOptions>;
  runEngineHost(parentPort, { mode: 'electron', version: opts.version ?? '0.0.0', ...opts });
}
