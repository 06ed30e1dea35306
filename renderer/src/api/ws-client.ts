import type {
  Api, CallOptions, ClientMessage, MethodName, Params, ProgressEvent, Result,
} from '../../../core/api/contract';
import { ApiCallError, cancelledError, toApiError } from './errors';

/** What the status bar shows about the transport. `offline` means no attempt is scheduled. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface WsClientOptions {
  /** Swappable for tests; the browser's WebSocket otherwise. */
  createSocket?: (url: string) => WebSocket;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

interface PendingCall {
  method: string;
  message: ClientMessage;
  sent: boolean;
  resolve: (value: unknown) => void;
  reject: (err: ApiCallError) => void;
  onProgress?: (p: ProgressEvent) => void;
  detach: () => void;
}

/** The WebSocket URL of the server that served this page; the cookie set with the page authenticates it. */
export function webSocketUrl(loc: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  // The cookie is enough; the token is passed too so a browser that drops the cookie still works.
  const token = new URLSearchParams(loc.search).get('token');
  return `${scheme}//${loc.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

const transportDetail = { transport: 'websocket' };

function connectionLost(): ApiCallError {
  return new ApiCallError({
    code: 'INTERNAL',
    message: 'Lost the connection to the Tracehound server before the call finished.',
    hint: 'The server may have stopped. Restart `tracehound serve` and retry; it reconnects on its own.',
    detail: transportDetail,
  });
}

function unreachable(): ApiCallError {
  return new ApiCallError({
    code: 'INTERNAL',
    message: 'Cannot reach the Tracehound server.',
    hint: 'Start it with `tracehound serve` and open the link it prints, including its ?token=.',
    detail: transportDetail,
  });
}

function sanitizeProgress(raw: unknown): ProgressEvent | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.phase !== 'string' || typeof r.fraction !== 'number' || !Number.isFinite(r.fraction)) return null;
  const p: ProgressEvent = { phase: r.phase, fraction: Math.min(1, Math.max(0, r.fraction)) };
  if (typeof r.etaMs === 'number' && Number.isFinite(r.etaMs) && r.etaMs >= 0) p.etaMs = r.etaMs;
  if (typeof r.message === 'string') p.message = r.message;
  return p;
}

/**
 * The web-mode Api: the contract's wire messages over one WebSocket.
 *
 * Calls made while disconnected are queued and trigger one connection attempt. After the link has
 * worked once and drops, it reconnects in the background with jittered exponential backoff, so a
 * restarted server is picked up without hammering a stopped one. Calls that were in flight when the
 * link dropped fail: the server forgot them with the socket, and re-running a long job unasked
 * would surprise the user.
 */
export class WsApiClient implements Api {
  private socket: WebSocket | null = null;
  private state: ConnectionState = 'offline';
  private everConnected = false;
  private closed = false;
  private nextId = 1;
  private backoffMs: number;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Set<(s: ConnectionState) => void>();
  private readonly createSocket: (url: string) => WebSocket;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly url: string, options: WsClientOptions = {}) {
    this.createSocket = options.createSocket ?? ((u) => new WebSocket(u));
    this.minBackoffMs = options.minBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.backoffMs = this.minBackoffMs;
  }

  call<M extends MethodName>(method: M, params: Params<M>, options: CallOptions = {}): Promise<Result<M>> {
    return new Promise<Result<M>>((resolve, reject) => {
      const { signal, onProgress } = options;
      if (this.closed) { reject(unreachable()); return; }
      if (signal?.aborted) { reject(cancelledError(method)); return; }
      const id = this.nextId++;
      const onAbort = () => this.abort(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      const entry: PendingCall = {
        method,
        message: { kind: 'call', id, method, params },
        sent: false,
        resolve: resolve as (value: unknown) => void,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      if (onProgress) entry.onProgress = onProgress;
      this.pending.set(id, entry);
      this.flush();
    });
  }

  /** Opens the link ahead of the first call, so the status bar can say whether the server is there. */
  connect(): void {
    if (!this.closed && !this.socket) this.open();
  }

  getState(): ConnectionState {
    return this.state;
  }

  onStateChange(listener: (s: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops for good: pending calls fail and no reconnection is attempted. */
  close(): void {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const s = this.socket;
    this.socket = null;
    s?.close(1000, 'client closed');
    this.failPending(() => true, unreachable);
    this.setState('offline');
  }

  private flush(): void {
    const s = this.socket;
    if (!s || s.readyState !== WebSocket.OPEN) {
      // A user action deserves an attempt now rather than after the backoff.
      if (!s) this.open();
      return;
    }
    for (const p of this.pending.values()) {
      if (p.sent) continue;
      s.send(JSON.stringify(p.message));
      p.sent = true;
    }
  }

  private open(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.setState(this.everConnected ? 'reconnecting' : 'connecting');
    let s: WebSocket;
    try {
      s = this.createSocket(this.url);
    } catch {
      this.failPending(() => true, unreachable);
      this.setState('offline');
      return;
    }
    this.socket = s;
    let opened = false;
    s.onopen = () => {
      opened = true;
      this.everConnected = true;
      this.backoffMs = this.minBackoffMs;
      this.setState('connected');
      this.flush();
    };
    s.onmessage = (ev: MessageEvent) => this.receive(ev.data);
    s.onclose = () => {
      if (this.socket !== s) return;
      this.socket = null;
      if (opened) this.failPending((p) => p.sent, connectionLost);
      else this.failPending(() => true, unreachable);
      if (this.closed) return;
      if (this.everConnected) this.scheduleReconnect();
      else this.setState('offline');
    };
  }

  private scheduleReconnect(): void {
    this.setState('reconnecting');
    const delay = this.backoffMs * (0.75 + Math.random() * 0.5);
    this.backoffMs = Math.min(this.maxBackoffMs, this.backoffMs * 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed && !this.socket) this.open();
    }, delay);
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: unknown;
    try { msg = JSON.parse(data); } catch { return; }
    if (!msg || typeof msg !== 'object') return;
    const m = msg as { kind?: unknown; id?: unknown; result?: unknown; error?: unknown; progress?: unknown };
    if (typeof m.id !== 'number') return;
    const p = this.pending.get(m.id);
    // Late messages for a call the user already cancelled land here and are dropped.
    if (!p) return;
    switch (m.kind) {
      case 'progress': {
        const progress = sanitizeProgress(m.progress);
        if (progress) p.onProgress?.(progress);
        return;
      }
      case 'result':
        this.settle(m.id, p);
        p.resolve(m.result);
        return;
      case 'error':
        this.settle(m.id, p);
        p.reject(toApiError(m.error));
        return;
      default:
        return;
    }
  }

  private abort(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.settle(id, p);
    const s = this.socket;
    if (p.sent && s && s.readyState === WebSocket.OPEN) s.send(JSON.stringify({ kind: 'cancel', id } satisfies ClientMessage));
    p.reject(cancelledError(p.method));
  }

  private settle(id: number, p: PendingCall): void {
    this.pending.delete(id);
    p.detach();
  }

  private failPending(which: (p: PendingCall) => boolean, error: () => ApiCallError): void {
    for (const [id, p] of [...this.pending]) {
      if (!which(p)) continue;
      this.settle(id, p);
      p.reject(error());
    }
  }

  private setState(s: ConnectionState): void {
    if (this.state === s) return;
    this.state = s;
    for (const l of this.listeners) l(s);
  }
}
