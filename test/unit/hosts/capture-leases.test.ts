// A page that goes away without closing its capture must not leave it open on the server; a page
// that reconnects in time keeps it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EngineService } from '../../../core/api/service.js';
import { CaptureLeases } from '../../../main/web/capture-leases.js';
import { startWebServer } from '../../../main/web/server.js';

const CAPTURE = new URL('../../../../shared/data/captures/falco_cat_write.scap', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('capture leases', () => {
  it('closes a capture after the grace period once its last connection is gone', async () => {
    const closed: string[] = [];
    const leases = new CaptureLeases((id) => closed.push(id), 30);
    const a = {};
    const b = {};
    leases.use(a, 'one');
    leases.use(b, 'one');
    leases.use(a, 'two');
    leases.release(a);
    expect(leases.pending).toEqual(['two']);
    await sleep(60);
    expect(closed).toEqual(['two']);
    leases.release(b);
    await sleep(60);
    expect(closed).toEqual(['two', 'one']);
  });

  it('keeps a capture a connection uses again within the grace period, and forgets closed ones', async () => {
    const closed: string[] = [];
    const leases = new CaptureLeases((id) => closed.push(id), 30);
    const page = {};
    const again = {};
    leases.use(page, 'kept');
    leases.use(page, 'closed-by-page');
    leases.forget('closed-by-page');
    leases.release(page);
    leases.use(again, 'kept');
    await sleep(60);
    expect(closed).toEqual([]);
    leases.release(again);
    leases.dispose();
    await sleep(60);
    expect(closed).toEqual([]);
  });
});

describe('web server with leases', () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'th-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tracehound</title>');
  const service = new EngineService({ mode: 'web', version: 'test' });
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it('closes the captures of a socket that closed without closing them', async () => {
    const server = await startWebServer({ service, rendererDir, port: 0, token: 'lease-token-123', sessionGraceMs: 50 });
    close = server.close;
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=lease-token-123`);
    await new Promise((r) => ws.on('open', r));
    const result = new Promise<{ id: string }>((resolve, reject) => ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as { kind: string; result?: { id: string }; error?: unknown };
      if (m.kind === 'result') resolve(m.result!);
      if (m.kind === 'error') reject(new Error(JSON.stringify(m.error)));
    }));
    ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'capture.open', params: { path: CAPTURE } }));
    const { id } = await result;
    const isOpen = () => service.call('capture.density', { id }).then(() => true, (e: { code?: string }) => (e.code === 'CAPTURE_NOT_OPEN' ? false : Promise.reject(e)));
    expect(await isOpen()).toBe(true);
    ws.close();
    await sleep(300);
    expect(await isOpen()).toBe(false);
  });
});
