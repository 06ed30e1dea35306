import type { Api, CallOptions, HostEvent } from '../../../core/api/contract';
import { cancelledError, toApiError } from './errors';
import { WsApiClient, webSocketUrl, type ConnectionState } from './ws-client';

export type { ConnectionState } from './ws-client';
export { ApiCallError, toApiError } from './errors';

export type Transport = 'ipc' | 'websocket';

export interface ApiHandle {
  api: Api;
  transport: Transport;
  /** Pushes from the host (the Electron menu); web mode has none. */
  onHostEvent(listener: (event: HostEvent) => void): () => void;
  connection: {
    get(): ConnectionState;
    subscribe(listener: (s: ConnectionState) => void): () => void;
  };
}

/**
 * Adapts the preload to what the UI expects. Its rejections crossed Electron's IPC, so they are
 * normalised to ApiCallError; and contextBridge copies an AbortSignal into a dead plain object, so
 * the signal stays on this side and cancels through the function the preload registers.
 */
function overBridge(inner: Api): Api {
  return {
    call: (method, params, options: CallOptions = {}) => {
      const { signal, onProgress } = options;
      let cancel: (() => void) | null = null;
      const forwarded: CallOptions = { registerCancel: (c) => { cancel = c; } };
      if (onProgress) forwarded.onProgress = onProgress;
      return new Promise((resolve, reject) => {
        if (signal?.aborted) { reject(cancelledError(method)); return; }
        const onAbort = () => {
          cancel?.();
          reject(cancelledError(method));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        inner.call(method, params, forwarded).then(
          (r) => { signal?.removeEventListener('abort', onAbort); resolve(r); },
          (e: unknown) => { signal?.removeEventListener('abort', onAbort); reject(toApiError(e)); },
        );
      });
    },
  };
}

/** The Electron preload when it is there, else the WebSocket client of the server that served this page. */
export function pickApi(win: Window): ApiHandle {
  const preload = win.tracehound;
  if (preload && typeof preload.call === 'function') {
    return {
      api: overBridge(preload),
      transport: 'ipc',
      onHostEvent: (l) => preload.onHostEvent?.(l) ?? (() => {}),
      connection: { get: () => 'connected', subscribe: () => () => {} },
    };
  }
  const client = new WsApiClient(webSocketUrl(win.location));
  client.connect();
  return {
    api: client,
    transport: 'websocket',
    onHostEvent: () => () => {},
    connection: { get: () => client.getState(), subscribe: (l) => client.onStateChange(l) },
  };
}

let current: ApiHandle | null = null;

export function apiHandle(): ApiHandle {
  current ??= pickApi(window);
  return current;
}

export function getApi(): Api {
  return apiHandle().api;
}
