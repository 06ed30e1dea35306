import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA, launchBrowser, makeSparseFile, gotoStartPage, startServer, type BrowserHandle, type ServerHandle } from './harness.js';

/**
 * Electron cannot run here, so this stands in for preload/index.cts in the page: an object on
 * window.tracehound with the same contract and the same constraints as contextBridge (an
 * AbortSignal arrives as a dead plain object; functions cross), forwarding to the real engine over
 * the same wire messages the preload sends over IPC. It proves the renderer prefers the preload,
 * opens no WebSocket of its own, cancels through registerCancel and handles host events.
 */
const BRIDGE = `(() => {
  const token = new URLSearchParams(location.search).get('token');
  if (!token) return;
  const url = 'ws://' + location.host + '/api?token=' + token;
  let socket = null;
  const pending = new Map();
  const hostListeners = new Set();
  let nextId = 1;
  function connect() {
    if (socket) return socket;
    socket = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject({ code: 'INTERNAL', message: 'bridge: no engine' });
      ws.onmessage = (ev) => {
        const msg = JSON.parse(ev.data);
        const p = pending.get(msg.id);
        if (!p) return;
        if (msg.kind === 'progress') { if (p.onProgress) p.onProgress(msg.progress); return; }
        pending.delete(msg.id);
        if (msg.kind === 'result') p.resolve(msg.result); else p.reject(msg.error);
      };
    });
    return socket;
  }
  window.__bridgeSignals = [];
  window.__hostEvent = (event) => { for (const l of hostListeners) l(event); };
  const api = {
    call(method, params, options) {
      options = options || {};
      // What contextBridge does to an AbortSignal: a plain copy with no working methods.
      window.__bridgeSignals.push(options.signal === undefined ? 'none' : typeof options.signal.addEventListener);
      return connect().then((ws) => new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, onProgress: options.onProgress });
        if (options.registerCancel) options.registerCancel(() => ws.send(JSON.stringify({ kind: 'cancel', id })));
        ws.send(JSON.stringify({ kind: 'call', id, method, params }));
      }));
    },
    onHostEvent(listener) { hostListeners.add(listener); return () => hostListeners.delete(listener); },
  };
  Object.defineProperty(window, 'tracehound', { value: Object.freeze(api) });
})();`;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

describe('the renderer over a preload-style bridge', () => {
  let server: ServerHandle;
  let browser: BrowserHandle;
  let scratch: string;
  let bigFile: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await browser.context.addInitScript({ content: BRIDGE });
    scratch = await mkdtemp(join(tmpdir(), 'tracehound-e2e-bridge-'));
    bigFile = await makeSparseFile(scratch);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('uses window.tracehound instead of its own WebSocket', async () => {
    const { page } = browser;
    await gotoStartPage(page, server);
    await page.locator('[data-testid="connection"][data-transport="ipc"]').waitFor();
    await page.getByTestId('app-version').waitFor();
    // One socket, the bridge's; the renderer opened none.
    expect(browser.sockets).toHaveLength(1);
  });

  it('cancels through registerCancel, since the bridge cannot carry an AbortSignal', async () => {
    const { page } = browser;
    await page.getByTestId('open-capture-button').click();
    await page.getByTestId('capture-path').fill(bigFile);
    await page.getByTestId('open-capture-submit').click();
    const op = page.getByTestId('status-bar').locator('[data-testid="operation"][data-status="running"]');
    await expect.poll(async () => Number(await op.getByTestId('op-progress').getAttribute('aria-valuenow') ?? 0), {
      timeout: 60_000, interval: 50,
    }).toBeGreaterThan(0);
    await op.getByTestId('op-cancel').click();
    await page.getByTestId('status-bar').locator('[data-testid="operation"][data-status="cancelled"]').waitFor();

    const call = browser.frames.sent.find((f): f is { id: number } =>
      isRecord(f) && f.kind === 'call' && f.method === 'capture.open' && isRecord(f.params) && f.params.path === bigFile);
    expect(call).toBeDefined();
    expect(browser.frames.sent).toContainEqual({ kind: 'cancel', id: call!.id });
    await expect.poll(() => browser.frames.received.find((f) => isRecord(f) && f.kind === 'error' && f.id === call!.id), {
      timeout: 30_000,
    }).toMatchObject({ error: { code: 'CANCELLED' } });
    // The renderer never handed the signal across.
    expect(await page.evaluate('window.__bridgeSignals')).not.toContain('function');
  });

  it('shows the preload’s plain error objects as coded toasts', async () => {
    const { page } = browser;
    await page.getByTestId('open-capture-button').click();
    await page.getByTestId('capture-path').fill(join(scratch, 'missing.scap'));
    await page.getByTestId('open-capture-submit').click();
    const toast = page.getByTestId('toast').filter({ has: page.getByTestId('toast-code') });
    await toast.waitFor();
    expect(await toast.getByTestId('toast-code').innerText()).toBe('FILE_NOT_FOUND');
  });

  it('opens a capture when the host asks (the Electron menu)', async () => {
    const { page } = browser;
    const path = join(SHARED_DATA, 'captures', 'sysflow_rename_rename2at.scap');
    await page.getByTestId('nav-cloud').click();
    await page.evaluate(`window.__hostEvent({ kind: 'open-capture', path: ${JSON.stringify(path)} })`);
    await page.getByTestId('area-captures').waitFor();
    await page.getByTestId('explorer').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('capture-sha256').getAttribute('data-sha256'))
      .toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));

    await page.evaluate(`window.__hostEvent({ kind: 'open-case', path: '/tmp/some.thcase' })`);
    await page.getByTestId('area-case').waitFor();
    // The case is opened through the API: a path with no case says so, with its code.
    const toast = page.getByTestId('toast').filter({ hasText: 'Could not open the case' });
    await toast.waitFor();
    expect(await toast.getByTestId('toast-code').innerText()).toBe('CASE_NOT_FOUND');
  });
});
