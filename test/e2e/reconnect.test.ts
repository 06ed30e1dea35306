import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA, launchBrowser, screenshot, gotoStartPage, startServer, type BrowserHandle, type ServerHandle } from './harness.js';

describe('web mode: the page survives a server restart', () => {
  let server: ServerHandle | undefined;
  let browser: BrowserHandle;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reports the lost link, fails calls plainly while down, and reconnects on its own', async () => {
    const { page } = browser;
    const first = server!;
    await gotoStartPage(page, first);
    const connection = page.getByTestId('connection');
    await page.locator('[data-testid="connection"][data-state="connected"]').waitFor();
    // The page's own loads (the favicon comes after the load event) finish before the server goes,
    // or one fails with ERR_CONNECTION_REFUSED and reads as a problem of the page.
    await page.waitForLoadState('networkidle');

    // Ctrl+C on the server: it exits cleanly and the page notices.
    expect(await first.stop()).toBe(0);
    server = undefined;
    await page.locator('[data-testid="connection"][data-state="reconnecting"]').waitFor({ timeout: 30_000 });
    expect(await connection.innerText()).toContain('Reconnecting');

    // A call made while the server is down fails with a plain error instead of hanging.
    await page.getByTestId('open-capture-button').click();
    const err = page.getByTestId('browser-error');
    await err.waitFor({ timeout: 30_000 });
    expect(await err.innerText()).toContain('Cannot reach the Tracehound server');
    await screenshot(page, 'reconnecting.png');

    // The same port and token again, as after a restart: the page reconnects without a reload.
    server = await startServer({ port: first.port, token: first.token });
    await page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('browser-path').fill(SHARED_DATA);
    await page.getByTestId('browser-path').press('Enter');
    await expect.poll(() => page.getByTestId('browser-entry').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(browser.problems.filter((p) => !p.includes('WebSocket'))).toEqual([]);
  });
});
