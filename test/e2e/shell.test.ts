import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchBrowser, screenshot, gotoStartPage, startServer, type BrowserHandle, type ServerHandle } from './harness.js';

const AREAS = [
  { id: 'captures', label: 'Captures', empty: 'Open a capture' },
  { id: 'cluster', label: 'Cluster', empty: 'No cluster connected' },
  { id: 'cloud', label: 'Cloud', empty: 'No cloud logs loaded' },
  { id: 'scans', label: 'Scans', empty: 'No scans yet' },
  { id: 'compliance', label: 'Compliance', empty: 'No assessment yet' },
  { id: 'case', label: 'Case', empty: 'No case open' },
] as const;

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('web mode: the app shell', () => {
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

  it('renders the shell with all six areas and connects to the engine', async () => {
    const { page } = browser;
    const response = await gotoStartPage(page, server);
    expect(response?.status()).toBe(200);
    await page.getByTestId('app-shell').waitFor({ state: 'visible' });
    for (const a of AREAS) {
      const nav = page.getByTestId(`nav-${a.id}`);
      expect(await nav.isVisible()).toBe(true);
      expect(await nav.innerText()).toContain(a.label);
    }
    expect(await page.getByTestId('app-name').innerText()).toBe('Tracehound');
    // app.info came back over the WebSocket: the version is the package's, the mode is web.
    await page.getByTestId('app-version').waitFor();
    expect(await page.getByTestId('app-version').innerText()).toBe(`v${version}`);
    expect(await page.getByTestId('connection').getAttribute('data-state')).toBe('connected');
    expect(await page.getByTestId('status-bar').innerText()).toContain('web');
    expect(await page.getByTestId('capture-start').isVisible()).toBe(true);

    await screenshot(page, 'shell.png');
  });

  it('switches areas from the navigation, each with an honest empty state', async () => {
    const { page } = browser;
    await gotoStartPage(page, server);
    await page.getByTestId('app-shell').waitFor();
    for (const a of [...AREAS].reverse()) {
      await page.getByTestId(`nav-${a.id}`).click();
      const area = page.getByTestId(`area-${a.id}`);
      await area.waitFor({ state: 'visible' });
      // Captures works now: its empty state is the page that opens one.
      expect(await page.getByTestId(a.id === 'captures' ? 'capture-start' : `empty-${a.id}`).isVisible()).toBe(true);
      expect(await area.innerText()).toContain(a.empty);
      expect(await page.getByTestId(`nav-${a.id}`).getAttribute('aria-current')).toBe('page');
      expect(await page.getByTestId('app-shell').getAttribute('data-area')).toBe(a.id);
      // Only one area at a time.
      expect(await page.locator('[data-testid^="area-"]').count()).toBe(1);
    }
    // Areas whose engine has not landed say so instead of showing dead controls.
    await page.getByTestId('nav-cluster').click();
    expect(await page.getByTestId('empty-cluster-available').innerText()).toContain('Nothing in this area works yet');
    expect(await page.getByTestId('area-cluster').locator('button, input').count()).toBe(0);
    await screenshot(page, 'area-cluster.png');
    await page.getByTestId('nav-case').click();
    await screenshot(page, 'area-case.png');
    await page.getByTestId('nav-captures').click();
    expect(await page.getByTestId('capture-start').innerText()).toContain('SHA-256');
    await screenshot(page, 'areas-captures.png');
  });

  it('switches areas with Alt+1..6 and shows the shortcut help on ?', async () => {
    const { page } = browser;
    await gotoStartPage(page, server);
    await page.getByTestId('app-shell').waitFor();
    for (const [i, a] of AREAS.entries()) {
      await page.keyboard.press(`Alt+Digit${i + 1}`);
      await page.getByTestId(`area-${a.id}`).waitFor({ state: 'visible' });
    }
    await page.keyboard.press('Shift+Slash');
    const help = page.getByTestId('help-overlay');
    await help.waitFor({ state: 'visible' });
    const text = await help.innerText();
    for (const a of AREAS) expect(text).toContain(`Go to ${a.label}`);
    expect(text).toContain('Alt');
    await screenshot(page, 'help.png');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // `?` typed into a text field is text, not a shortcut.
    await page.keyboard.press('Alt+Digit1');
    await page.getByTestId('open-capture-button').click();
    await page.getByTestId('capture-path').fill('');
    await page.getByTestId('capture-path').press('Shift+Slash');
    expect(await page.getByTestId('capture-path').inputValue()).toBe('?');
    expect(await help.isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await page.getByTestId('open-capture-dialog').waitFor({ state: 'hidden' });
  });

  it('loads under the strict CSP with no console errors', () => {
    expect(browser.problems).toEqual([]);
  });

  it('prints exactly one line on stdout', () => {
    expect(server.stdout()).toBe(`Tracehound listening on ${server.url}\n`);
  });
});
