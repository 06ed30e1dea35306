import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerMessage } from '../../core/api/contract.js';
import { toErrorShape } from '../../core/api/errors.js';
import { parseClientMessage } from '../../core/api/schemas.js';
import type { EngineService } from '../../core/api/service.js';
import { TOKEN_COOKIE, isAuthorised, isLoopbackHost, newToken, requestToken } from './auth.js';
import { CaptureLeases } from './capture-leases.js';
import { contentSecurityPolicy } from './csp.js';
import { loadStatic } from './static.js';

export interface WebServerOptions {
  service: EngineService;
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  token?: string;
  /**
   * How long a capture stays open after the last connection using it closed (a page reconnecting
   * within it keeps its capture). Default TRACEHOUND_SESSION_GRACE_MS, else one minute.
   */
  sessionGraceMs?: number;
}

export interface RunningWebServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_GRACE_MS = 60_000;

function graceMs(opts: WebServerOptions): number {
  if (opts.sessionGraceMs !== undefined) return opts.sessionGraceMs;
  const env = Number(process.env.TRACEHOUND_SESSION_GRACE_MS);
  return Number.isFinite(env) && env >= 0 ? env : DEFAULT_GRACE_MS;
}
const MAX_MESSAGE_BYTES = 1 << 20;

function securityHeaders(res: ServerResponse, port: number): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy([`ws://${HOST}:${port}`, `ws://localhost:${port}`]));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
}

function deny(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

/** Binds loopback only; every request needs the token (query once, then the cookie). */
export async function startWebServer(opts: WebServerOptions): Promise<RunningWebServer> {
  const token = opts.token ?? newToken();
  let port = opts.port ?? 0;

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch(() => {
      if (!res.headersSent) deny(res, 500, 'Internal error');
      else res.end();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res, port);
    if (!isLoopbackHost(req.headers.host, port)) return deny(res, 403, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    const { token: given, fromQuery } = requestToken(req, url);
    if (!isAuthorised(token, given)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="tracehound"');
      return deny(res, 401, 'Unauthorized: open the URL printed by `tracehound serve`, which carries ?token=');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'Method not allowed');
    if (fromQuery) {
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const file = await loadStatic(opts.rendererDir, url.pathname);
    if (!file) {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        return deny(res, 503, 'The renderer is not built yet: run `npm run build`.');
      }
      return deny(res, 404, 'Not found');
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', file.type);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const leases = new CaptureLeases((id) => {
    void opts.service.invoke('capture.close', { id }).catch(() => {});
  }, graceMs(opts));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    const { token: given } = requestToken(req, url);
    if (url.pathname !== '/api' || !isLoopbackHost(req.headers.host, port) || !isAuthorised(token, given)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, opts.service, leases));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    token,
    url: `http://${HOST}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        leases.dispose();
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(ws: WebSocket, msg: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}

/** Methods whose result is a newly open capture. */
const OPENS_CAPTURE = new Set(['capture.open', 'case.openCapture']);

/**
 * One connection: calls run concurrently, each cancellable by id; closing the socket cancels all,
 * and the captures it used are closed once no connection uses them (see CaptureLeases).
 */
export function serveConnection(ws: WebSocket, service: EngineService, leases?: CaptureLeases): void {
  const running = new Map<number, AbortController>();
  let closed = false;
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let raw: unknown;
    try {
      raw = JSON.parse(String(data));
    } catch {
      return send(ws, { kind: 'error', id: -1, error: { code: 'INVALID_REQUEST', message: 'Message is not JSON' } });
    }
    const parsed = parseClientMessage(raw);
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
      return send(ws, { kind: 'error', id, error: { code: 'INVALID_REQUEST', message: 'Malformed message' } });
    }
    const msg = parsed.data;
    if (msg.kind === 'cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    const controller = new AbortController();
    running.set(msg.id, controller);
    const captureId = capturedId(msg.method, msg.params);
    if (leases && captureId) {
      if (msg.method === 'capture.close') leases.forget(captureId);
      else leases.use(ws, captureId);
    }
    service
      .invoke(msg.method, msg.params, {
        signal: controller.signal,
        onProgress: (progress) => send(ws, { kind: 'progress', id: msg.id, progress }),
      })
      .then(
        (result) => {
          const opened = OPENS_CAPTURE.has(msg.method) ? (result as { id?: unknown }).id : undefined;
          if (leases && typeof opened === 'string') {
            leases.use(ws, opened);
            // Opened just as the page went: nobody will ever close it.
            if (closed) leases.release(ws);
          }
          send(ws, { kind: 'result', id: msg.id, result });
        },
        (err: unknown) => send(ws, { kind: 'error', id: msg.id, error: toErrorShape(err) }),
      )
      .finally(() => running.delete(msg.id));
  });
  ws.on('close', () => {
    closed = true;
    for (const c of running.values()) c.abort();
    running.clear();
    leases?.release(ws);
  });
}

/** The open capture a capture.* call names (its `id`), if any. */
function capturedId(method: string, params: unknown): string | undefined {
  if (!method.startsWith('capture.')) return undefined;
  const id = (params as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

export function defaultRendererDir(root: string): string {
  return join(root, 'dist', 'renderer');
}
