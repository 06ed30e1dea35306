import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA, launchBrowser, makeSparseFile, screenshot, gotoStartPage, startServer, type BrowserHandle, type ServerHandle } from './harness.js';

const CAPTURES = join(SHARED_DATA, 'captures');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
const LARGEST = join(CAPTURES, 'sysflow_mpm-event_full_capture.scap');

describe('web mode: opening captures', () => {
  let server: ServerHandle;
  let browser: BrowserHandle;
  let scratch: string;
  let bigFile: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    scratch = await mkdtemp(join(tmpdir(), 'tracehound-e2e-data-'));
    bigFile = await makeSparseFile(scratch);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  async function openDialog() {
    const { page } = browser;
    await gotoStartPage(page, server);
    await page.getByTestId('app-shell').waitFor();
    await page.getByTestId('open-capture-button').click();
    await page.getByTestId('open-capture-dialog').waitFor();
    return page;
  }

  it('opens a shared capture from the dialog: the explorer shows its sha256 and event count', async () => {
    const page = await openDialog();
    await screenshot(page, 'open-capture.png');
    await page.getByTestId('capture-path').fill(LARGEST);
    await page.getByTestId('open-capture-submit').click();

    const op = page.getByTestId('status-bar').getByTestId('operation');
    await op.first().waitFor({ state: 'visible' });
    expect(await op.first().innerText()).toContain('sysflow_mpm-event_full_capture.scap');

    await page.getByTestId('explorer').waitFor({ timeout: 60_000 });
    const expected = createHash('sha256').update(readFileSync(LARGEST)).digest('hex');
    expect(await page.getByTestId('capture-sha256').getAttribute('data-sha256')).toBe(expected);
    expect(await page.getByTestId('capture-bar').innerText()).toContain('sysflow_mpm-event_full_capture.scap');

    // The finished operation stays readable for a moment: done, at 100%.
    const done = page.getByTestId('status-bar').locator('[data-testid="operation"][data-status="done"][data-method="capture.open"]');
    await done.waitFor();
    expect(await done.getByTestId('op-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await done.getByTestId('op-phase').innerText()).toBe('done');
    await screenshot(page, 'capture-opened.png');

    // The Case area lists what was fingerprinted this session.
    await page.getByTestId('nav-case').click();
    const card = page.getByTestId('area-case').getByTestId('hash-result');
    expect(await card.getByTestId('hash-sha256').innerText()).toBe(expected);
    expect(await card.getByTestId('hash-size').innerText()).toBe(`${statSync(LARGEST).size.toLocaleString('en-US')} bytes`);
    await page.getByTestId('nav-captures').click();
    await page.getByTestId('close-capture').click();
    await page.getByTestId('capture-start').waitFor();
  });

  it('shows phase, progress and ETA while opening, and Cancel stops it', async () => {
    const page = await openDialog();
    await page.getByTestId('capture-path').fill(bigFile);
    await page.getByTestId('open-capture-submit').click();

    const op = page.getByTestId('status-bar').locator('[data-testid="operation"][data-status="running"]');
    await op.waitFor();
    // Wait for real progress from the engine: a fraction strictly between 0 and 1 and an ETA.
    await expect.poll(async () => Number(await op.getByTestId('op-progress').getAttribute('aria-valuenow') ?? 0), {
      timeout: 60_000, interval: 50,
    }).toBeGreaterThan(0);
    await expect.poll(async () => op.getByTestId('op-eta').innerText(), { timeout: 60_000, interval: 50 }).toMatch(/^ETA /);
    expect(await op.getByTestId('op-phase').innerText()).toMatch(/^hashing/);
    const pct = Number(await op.getByTestId('op-progress').getAttribute('aria-valuenow'));
    expect(pct).toBeGreaterThan(0);
    expect(pct).toBeLessThan(100);
    // The same progress where the user is looking, with its own Cancel.
    const panel = page.getByTestId('progress');
    expect(await panel.getByTestId('progress-phase').innerText()).toContain('Fingerprinting');
    await screenshot(page, 'open-progress.png');

    await panel.getByTestId('progress-cancel').click();
    await page.getByTestId('status-bar').locator('[data-testid="operation"][data-status="cancelled"]').waitFor();
    // The cancel reached the engine over the wire, and the engine confirmed it stopped.
    const call = browser.frames.sent.find((f): f is { id: number } =>
      isRecord(f) && f.kind === 'call' && f.method === 'capture.open' && isRecord(f.params) && f.params.path === bigFile);
    expect(call).toBeDefined();
    expect(browser.frames.sent).toContainEqual({ kind: 'cancel', id: call!.id });
    await expect.poll(() => browser.frames.received.find((f) => isRecord(f) && f.kind === 'error' && f.id === call!.id), {
      timeout: 30_000,
    }).toMatchObject({ error: { code: 'CANCELLED' } });
    const toast = page.getByTestId('toast').filter({ hasText: 'cancelled' });
    await toast.waitFor();
    expect(await toast.getAttribute('data-tone')).toBe('info');
    await panel.waitFor({ state: 'detached' });
    expect(await page.getByTestId('explorer').count()).toBe(0);
  });

  it('shows an error toast with the code when the path does not exist', async () => {
    const page = await openDialog();
    const missing = join(scratch, 'no-such-capture.scap');
    await page.getByTestId('capture-path').fill(missing);
    await page.getByTestId('open-capture-submit').click();

    const toast = page.getByTestId('toast').filter({ has: page.getByTestId('toast-code') });
    await toast.waitFor();
    expect(await toast.getAttribute('data-tone')).toBe('error');
    expect(await toast.getByTestId('toast-code').innerText()).toBe('FILE_NOT_FOUND');
    expect(await toast.getByTestId('toast-message').innerText()).toContain('no-such-capture.scap');
    expect(await toast.getByTestId('toast-hint').innerText()).not.toBe('');
    await page.getByTestId('status-bar').locator('[data-testid="operation"][data-status="failed"]').waitFor();
    expect(await page.getByTestId('explorer').count()).toBe(0);
    await screenshot(page, 'error-toast.png');

    await toast.getByTestId('toast-dismiss').click();
    await toast.waitFor({ state: 'detached' });
  });

  it('browses folders, marks captures by their header and opens one by double-click', async () => {
    const page = await openDialog();
    await page.getByTestId('browser-path').fill(CAPTURES);
    await page.getByTestId('browser-path').press('Enter');
    const entries = page.getByTestId('browser-entry');
    const scapNames = readdirSync(CAPTURES).filter((n) => n.endsWith('.scap'));
    await expect.poll(() => entries.count()).toBe(readdirSync(CAPTURES).length);
    expect(await page.locator('[data-testid="browser-entry"][data-capture="true"]').count()).toBe(scapNames.length);
    const provenance = entries.filter({ hasText: 'PROVENANCE.md' });
    expect(await provenance.getAttribute('data-capture')).toBe('false');
    await screenshot(page, 'browser.png');

    await page.getByTestId('browser-captures-only').check();
    await expect.poll(() => entries.count()).toBe(scapNames.length);

    const target = entries.filter({ hasText: 'libs_sample.scap' });
    await target.click();
    expect(await page.getByTestId('capture-path').inputValue()).toBe(join(CAPTURES, 'libs_sample.scap'));
    await target.dblclick();
    await page.getByTestId('open-capture-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('explorer').waitFor({ timeout: 60_000 });
    const expected = createHash('sha256').update(readFileSync(join(CAPTURES, 'libs_sample.scap'))).digest('hex');
    expect(await page.getByTestId('capture-sha256').getAttribute('data-sha256')).toBe(expected);

    // Going up lands in the parent folder, where `captures` is a directory entry.
    await page.getByTestId('open-another').click();
    await page.getByTestId('browser-up').click();
    await expect.poll(() => page.getByTestId('browser-path').inputValue()).toBe(SHARED_DATA);
    expect(await entries.filter({ hasText: /^captures$/ }).getAttribute('data-kind')).toBe('dir');
  });

  it('hides dot-files unless asked', async () => {
    await writeFile(join(scratch, '.bash_history'), 'ls\n');
    const page = await openDialog();
    await page.getByTestId('browser-path').fill(scratch);
    await page.getByTestId('browser-path').press('Enter');
    const entries = page.getByTestId('browser-entry');
    await entries.filter({ hasText: 'big-sparse.bin' }).waitFor();
    expect(await entries.filter({ hasText: '.bash_history' }).count()).toBe(0);
    await page.getByTestId('browser-show-hidden').check();
    await entries.filter({ hasText: '.bash_history' }).waitFor();
  });

  it('shows a folder error inline with its code', async () => {
    const page = await openDialog();
    await page.getByTestId('browser-path').fill(LARGEST);
    await page.getByTestId('browser-path').press('Enter');
    const err = page.getByTestId('browser-error');
    await err.waitFor();
    expect(await err.innerText()).toContain('NOT_A_DIRECTORY');
  });

  it('had no console errors or CSP violations', () => {
    expect(browser.problems).toEqual([]);
  });
});
