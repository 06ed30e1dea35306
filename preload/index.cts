/**
 * The sandboxed preload: exposes `window.tracehound`, an implementation of the contract's Api over
 * IPC, and nothing else. Sandboxed preloads cannot load local modules, so this file stands alone and
 * only imports types from the contract.
 */
import electron = require('electron');
import type { Api, CallOptions, HostEvent, MethodName, Params, Result, ServerMessage } from '../core/api/contract.js';

const { contextBridge, ipcRenderer } = electron;

const CALL = 'tracehound:call';
const REPLY = 'tracehound:reply';
const HOST_EVENT = 'tracehound:host-event';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onProgress?: CallOptions['onProgress'];
}

const pending = new Map<number, Pending>();
let nextId = 1;

ipcRenderer.on(REPLY, (_event, msg: ServerMessage) => {
  const p = pending.get(msg.id);
  if (!p) return;
  if (msg.kind === 'progress') {
    p.onProgress?.(msg.progress);
    return;
  }
  pending.delete(msg.id);
  if (msg.kind === 'result') p.resolve(msg.result);
  else p.reject(msg.error);
});

const api: Api = {
  call<M extends MethodName>(method: M, params: Params<M>, options: CallOptions = {}): Promise<Result<M>> {
    const id = nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      const entry: Pending = { resolve: resolve as (v: unknown) => void, reject };
      if (options.onProgress) entry.onProgress = options.onProgress;
      pending.set(id, entry);
      const cancel = () => ipcRenderer.send(CALL, { kind: 'cancel', id });
      if (typeof options.signal?.addEventListener === 'function') options.signal.addEventListener('abort', cancel, { once: true });
      options.registerCancel?.(cancel);
      ipcRenderer.send(CALL, { kind: 'call', id, method, params });
    });
  },
  onHostEvent(listener: (event: HostEvent) => void): () => void {
    const handler = (_e: unknown, event: HostEvent) => listener(event);
    ipcRenderer.on(HOST_EVENT, handler);
    return () => ipcRenderer.removeListener(HOST_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('tracehound', api);
