import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { launchBrowser, newToken, startServer, type BrowserHandle, type ServerHandle } from './harness.js';

/** Resolves to the HTTP status the upgrade was refused with, or 101 when the socket opened. */
function wsStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => { ws.close(); resolve(101); });
    ws.once('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate(); });
    ws.once('error', (e) => reject(e));
  });
}

describe('web mode: the token guards everything', () => {
  let server: ServerHandle;
  let browser: BrowserHandle;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses GET / without the token, or with a wrong one', async () => {
    expect((await fetch(`${server.origin}/`)).status).toBe(401);
    expect((await fetch(`${server.origin}/?token=${newToken()}`)).status).toBe(401);
    expect((await fetch(`${server.origin}/index.html`)).status).toBe(401);
    expect((await fetch(`${server.origin}/favicon.svg`)).status).toBe(401);
  });

  it('serves the page with the token and sets an HttpOnly SameSite=Strict cookie', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^th_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(await res.text()).toContain('<div id="root">');
  });

  it('refuses a WebSocket without the token, and accepts one with it', async () => {
    const api = `ws://127.0.0.1:${server.port}/api`;
    expect(await wsStatus(api)).toBe(401);
    expect(await wsStatus(`${api}?token=${newToken()}`)).toBe(401);
    expect(await wsStatus(api, { Cookie: `th_token=${newToken()}` })).toBe(401);
    // The control: the same request with the right token is accepted, so the 401s above mean something.
    expect(await wsStatus(`${api}?token=${server.token}`)).toBe(101);
    expect(await wsStatus(api, { Cookie: `th_token=${server.token}` })).toBe(101);
  });

  it('shows the browser a 401 without the token, and the app with it', async () => {
    const { page } = browser;
    const denied = await page.goto(`${server.origin}/`);
    expect(denied?.status()).toBe(401);
    expect(await page.getByTestId('app-shell').count()).toBe(0);

    await page.goto(server.url);
    await page.getByTestId('app-shell').waitFor();
    await page.getByTestId('connection').and(page.locator('[data-state="connected"]')).waitFor();
  });
});
