import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureSummary, RulesRun } from '../../core/api/contract.js';
import { connectEngine, type EngineClient } from './engine.js';
import { ROOT, gotoStartPage, launchBrowser, screenshot, startServer, type BrowserHandle, type ServerHandle } from './harness.js';

/** Built by `npm run build` (build:demo); main/shared/demo.ts finds it there and AppInfo names it. */
const DEMO = join(ROOT, 'dist', 'demo', 'demo-incident.scap');
const DEFAULT_RULES = join(ROOT, 'assets', 'rules', 'tracehound_rules.yaml');

/** The incident the demo generator plays: a web shell under nginx downloads and starts a miner. */
const MINING_POOL = 'Tracehound - Outbound connection to crypto mining pool port';
const SECRETS_READ = 'Tracehound - Password or sudoers file read';
const MINER_STARTED = 'Tracehound - Crypto miner process executed';
const WEB_SHELL = 'Tracehound - Shell spawned by a web server';
const POOL = '198.51.100.23:4444';

/** The viewport point halfway along an SVG path (page-side, as text: no DOM types here). */
function midpointOf(selector: string): string {
  return `(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    const p = el.getPointAtLength(el.getTotalLength() / 2);
    const m = el.getScreenCTM();
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  })()`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

async function attr(page: Page, testId: string, name: string): Promise<string> {
  return (await page.getByTestId(testId).first().getAttribute(name)) ?? '';
}

describe('web mode: the demo incident (issue 6 acceptance)', () => {
  let server: ServerHandle;
  let browser: BrowserHandle;
  let engine: EngineClient;
  let cap: CaptureSummary;
  let expected: RulesRun;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: run \`npm run build\` (or \`npm run build:demo\`)`);
    server = await startServer();
    browser = await launchBrowser();
    engine = await connectEngine(server);
    page = browser.page;
    // The engine's own answers on the same file, from the test's own session.
    cap = await engine.call('capture.open', { path: DEMO });
    expected = await engine.call('rules.run', { id: cap.id, defaults: true });
  });

  afterAll(async () => {
    await engine?.close();
    await browser?.close();
    await server?.stop();
  });

  it('is what a fresh start opens (`npm start` with no file), on its alerts', async () => {
    const info = await engine.call('app.info', {});
    expect(info.demoCapture).toBe(DEMO);
    expect(info.initialCapture).toBeUndefined();
    await page.goto(server.url);
    await page.getByTestId('explorer').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('capture-bar').innerText()).toContain('demo-incident.scap');
    expect(await attr(page, 'capture-sha256', 'data-sha256')).toBe(createHash('sha256').update(readFileSync(DEMO)).digest('hex'));
    // It opens on the incident: the default rules ran, and the Alerts pane shows what they found.
    expect(await page.getByTestId('tab-alerts').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('rules-summary').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('alert-row').count()).toBe(expected.findings.length);
    await screenshot(page, 'demo-01-fresh-start.png');
  });

  it('opens from the start page’s demo entry, listed first', async () => {
    await gotoStartPage(page, server);
    await page.getByTestId('capture-start').waitFor();
    const first = page.getByTestId('recent-captures').locator('li').first();
    await expect.poll(() => first.getAttribute('data-testid')).toBe('recent-demo');
    expect(await first.innerText()).toContain(DEMO);
    await screenshot(page, 'demo-02-start-page.png');
    await first.getByRole('button').click();
    await page.getByTestId('explorer').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('capture-events').innerText()).toBe(cap.events.toLocaleString('en-US'));
    expect(await attr(page, 'timeline', 'data-buckets')).not.toBe('');
  });

  it('runs the default rules: the alerts table holds the engine’s findings, the incident’s alerts among them', async () => {
    expect(existsSync(DEFAULT_RULES)).toBe(true);
    await page.getByTestId('tab-alerts').click();
    await page.getByTestId('rules-summary').waitFor({ timeout: 60_000 });
    const runsBefore = browser.frames.sent.filter((f) => isRecord(f) && f.method === 'rules.run').length;
    expect(await page.getByTestId('rules-defaults').isChecked()).toBe(true);
    await page.getByTestId('run-rules').click();
    await expect.poll(() => browser.frames.sent.filter((f) => isRecord(f) && f.method === 'rules.run').length).toBe(runsBefore + 1);
    await page.locator('[data-testid="operation"][data-method="rules.run"][data-status="done"]').last().waitFor({ timeout: 60_000 });
    const run = browser.frames.sent.filter((f): f is { params: Record<string, unknown> } => isRecord(f) && f.method === 'rules.run').pop()!;
    expect(run.params).toMatchObject({ defaults: true });
    expect(run.params.files).toBeUndefined();

    const summary = await page.getByTestId('rules-summary').innerText();
    expect(summary).toContain(`${expected.findings.length} findings`);
    expect(summary).toContain(`${expected.rulesLoaded} rules loaded`);
    const rows = page.getByTestId('alerts-table').getByTestId('alert-row');
    await expect.poll(() => rows.count()).toBe(expected.findings.length);
    const texts = await rows.allInnerTexts();
    for (const [i, f] of expected.findings.entries()) {
      expect(await rows.nth(i).getAttribute('data-evt')).toBe(String(f.evtNum));
      expect(texts[i]).toContain(f.rule);
      expect(texts[i]).toContain(f.priority);
      expect(texts[i]).toContain(f.output);
    }
    // The incident, as the generator staged it: the web shell, the secrets read, the miner, the pool.
    const rules = expected.findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining([WEB_SHELL, SECRETS_READ, MINER_STARTED, MINING_POOL]));
    expect(texts.find((t) => t.includes(MINING_POOL))).toContain(`->${POOL}`);
    expect(texts.find((t) => t.includes(SECRETS_READ))).toContain('file=/etc/shadow');
    expect(texts.find((t) => t.includes(MINER_STARTED))).toContain('exe=/tmp/xmrig');
    // One marker per finding on the timeline.
    expect(await page.getByTestId('marker-alert').count()).toBe(expected.findings.length);
    await screenshot(page, 'demo-03-alerts.png');
  });

  it('jumps from the mining-pool alert to the miner’s connect()', async () => {
    const pool = expected.findings.find((f) => f.rule === MINING_POOL)!;
    await page.locator(`[data-testid="alert-row"][data-evt="${pool.evtNum}"]`).click();
    const row = page.locator(`[data-testid="event-row"][data-num="${pool.evtNum}"]`);
    await row.waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    const detail = await engine.call('capture.event', { id: cap.id, num: pool.evtNum });
    await expect.poll(() => page.getByTestId('event-detail').getAttribute('data-num')).toBe(String(pool.evtNum));
    await expect.poll(() => page.getByTestId('detail-line').innerText()).toBe(detail.line);
    expect(detail.line).toContain('xmrig');
    expect(detail.line).toContain(POOL);
    await screenshot(page, 'demo-04-alert-event.png');
  });

  it('shows the process tree nginx → sh → cat, curl, xmrig', async () => {
    await page.getByTestId('tab-tree').click();
    const tree = (await engine.call('capture.analyze', { id: cap.id, tree: true })).tree!;
    const ui = page.getByTestId('process-tree');
    await expect.poll(() => ui.getAttribute('data-nodes'), { timeout: 60_000 }).toBe(String(tree.nodes.length));
    const sh = tree.nodes.find((n) => n.name === 'sh' && n.args.includes('/tmp/xmrig'))!;
    expect(sh).toBeDefined();
    const nginx = tree.nodes.find((n) => n.id === sh.parent)!;
    expect(nginx.name).toBe('nginx');
    const kids = ['cat', 'curl', 'xmrig'].map((name) => tree.nodes.find((n) => n.parent === sh.id && n.name === name)!);
    expect(kids.every(Boolean)).toBe(true);

    // As drawn: each one nested one level under its parent, in the capture's order.
    const node = (id: string) => ui.locator(`[data-testid="ptree-node"][data-id="${id}"]`);
    const level = async (id: string) => Number(await node(id).getAttribute('aria-level'));
    const ids = await ui.getByTestId('ptree-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(await node(sh.id).getAttribute('data-parent')).toBe(nginx.id);
    expect(await level(sh.id)).toBe(await level(nginx.id) + 1);
    expect(ids.indexOf(sh.id)).toBeGreaterThan(ids.indexOf(nginx.id));
    for (const k of kids) {
      expect(await node(k.id).getAttribute('data-parent')).toBe(sh.id);
      expect(await level(k.id)).toBe(await level(sh.id) + 1);
      expect(ids.indexOf(k.id)).toBeGreaterThan(ids.indexOf(sh.id));
      expect(await node(k.id).locator('.ptree__name').innerText()).toBe(k.name);
    }
    expect(await node(kids[2]!.id).innerText()).toContain('/tmp/xmrig');
    await screenshot(page, 'demo-05-process-tree.png');
  });

  it('draws the miner’s connection to the pool on the topology map', async () => {
    await page.getByTestId('tab-topology').click();
    const topo = (await engine.call('capture.analyze', { id: cap.id, topology: 'process' })).topology!;
    const map = page.getByTestId('topology');
    await expect.poll(() => map.getAttribute('data-edges'), { timeout: 60_000 }).toBe(String(topo.edges.length));
    await expect.poll(() => map.getAttribute('data-settled'), { timeout: 30_000 }).toBe('true');
    const xmrig = topo.nodes.find((n) => n.kind === 'process' && n.label.startsWith('xmrig'))!;
    const pool = topo.nodes.find((n) => n.kind === 'endpoint' && n.label === POOL)!;
    expect(xmrig).toBeDefined();
    expect(pool).toBeDefined();
    const expectedEdge = topo.edges.find((e) => e.from === xmrig.id && e.to === pool.id)!;
    expect(expectedEdge).toMatchObject({ proto: 'tcp', port: 4444 });

    const edgeSelector = `[data-testid="topo-edge"][data-from="${xmrig.id}"][data-to="${pool.id}"]`;
    const edge = page.locator(edgeSelector);
    expect(await edge.count()).toBe(1);
    expect(await page.locator(`[data-testid="topo-node"][data-id="${pool.id}"]`).innerHTML()).toContain(POOL);
    // Hover the middle of the drawn path (its bounding box's centre may be off a curve).
    const mid = await page.evaluate(midpointOf(edgeSelector)) as { x: number; y: number };
    await page.mouse.move(mid.x, mid.y);
    const tip = page.getByTestId('topo-tooltip');
    await tip.waitFor();
    expect(await tip.innerText()).toContain(`${xmrig.label} → ${POOL}`);
    expect(await tip.innerText()).toContain('TCP :4444');
    await screenshot(page, 'demo-06-topology.png');
    await page.mouse.move(5, 5);
  });

  it('had no console errors or CSP violations', () => {
    expect(browser.problems).toEqual([]);
  });
});
