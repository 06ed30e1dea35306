import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EngineService } from '../../../core/api/service.js';
import { startWebServer, type RunningWebServer } from '../../../main/web/server.js';
import { resolveStatic } from '../../../main/web/static.js';

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

let running: RunningWebServer;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'th-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tracehound</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  running = await startWebServer({ service: new EngineService({ mode: 'web', version: 'test' }), rendererDir, port: 0, token: 'test-token-123' });
});
afterAll(async () => running?.close());

describe('web mode server', () => {
  it('binds loopback only', () => {
    const addr = running.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    expect(running.url).toBe(`http://127.0.0.1:${running.port}/?token=test-token-123`);
  });

  it('refuses requests without the token', async () => {
    expect((await get(running.port, '/')).status).toBe(401);
    expect((await get(running.port, '/assets/app.js')).status).toBe(401);
    expect((await get(running.port, '/?token=wrong-token-00')).status).toBe(401);
  });

  it('serves the app with the token and sets an HttpOnly cookie for assets', async () => {
    const r = await get(running.port, '/?token=test-token-123');
    expect(r.status).toBe(200);
    expect(r.body).toContain('Tracehound');
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await get(running.port, '/assets/app.js', { cookie: 'th_token=test-token-123' });
    expect(asset.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await get(running.port, '/?token=test-token-123', { host: `evil.example:${running.port}` });
    expect(r.status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    expect(resolveStatic('/srv/app', '/../../etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveStatic('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveStatic('/srv/app', '/a%00b')).toBeNull();
    const r = await get(running.port, '/..%2f..%2fetc%2fpasswd', { cookie: 'th_token=test-token-123' });
    expect(r.status).toBe(404);
  });

  it('refuses a WebSocket without the token', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${running.port}/api`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.on('error', () => resolve('error'));
    });
    expect(outcome).toBe('401');
  });

  it('answers calls, validates params and streams progress over the WebSocket', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${running.port}/api?token=test-token-123`);
    await new Promise((r) => ws.on('open', r));
    const messages: { kind: string; id: number; result?: unknown; error?: { code: string } }[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'app.info', params: {} }));
    ws.send(JSON.stringify({ kind: 'call', id: 2, method: 'evidence.hash', params: { path: 7 } }));
    ws.send(JSON.stringify({ kind: 'call', id: 3, method: 'evidence.hash', params: { path: join(rendererDir, 'index.html') } }));
    ws.send('not json');
    const deadline = Date.now() + 5000;
    while (messages.filter((m) => m.kind !== 'progress').length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    ws.close();
    expect(messages.find((m) => m.id === 1 && m.kind === 'result')?.result).toMatchObject({ name: 'Tracehound', mode: 'web' });
    expect(messages.find((m) => m.id === 2)?.error?.code).toBe('INVALID_REQUEST');
    expect(messages.some((m) => m.id === 3 && m.kind === 'progress')).toBe(true);
    expect(messages.find((m) => m.id === 3 && m.kind === 'result')?.result).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(messages.find((m) => m.id === -1)?.error?.code).toBe('INVALID_REQUEST');
  });
});
