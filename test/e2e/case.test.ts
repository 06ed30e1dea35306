import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEngine, type EngineClient } from './engine.js';
import { SHARED_DATA, launchBrowser, screenshot, gotoStartPage, startServer, type BrowserHandle, type ServerHandle } from './harness.js';

const CAPTURE = join(SHARED_DATA, 'captures', 'inspect_502error.scap');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * The Case area in web mode: create a case, add the open capture (hashed, indexed, views stored),
 * keep an explorer bookmark and its note in the case, verify, read the audit log, and reopen the
 * capture from the case's stored index. What the page shows is checked against the engine's own
 * answers over a second connection to the same server.
 */
describe('web mode: cases', () => {
  let server: ServerHandle;
  let browser: BrowserHandle;
  let engine: EngineClient;
  let scratch: string;
  let events = '';
  let bookmarked = '';
  const sha256 = createHash('sha256').update(readFileSync(CAPTURE)).digest('hex');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    engine = await connectEngine(server);
    scratch = await mkdtemp(join(tmpdir(), 'tracehound-e2e-case-'));
  });

  afterAll(async () => {
    await engine?.close();
    await browser?.close();
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('creates a case and adds the open capture with its index', async () => {
    const { page } = browser;
    await gotoStartPage(page, server);
    await page.getByTestId('app-shell').waitFor();
    await page.getByTestId('capture-path-input').fill(CAPTURE);
    await page.getByTestId('open-capture').click();
    await page.getByTestId('explorer').waitFor({ timeout: 60_000 });
    events = (await page.getByTestId('capture-bar').getAttribute('data-events')) ?? '';
    expect(Number(events)).toBeGreaterThan(0);

    await page.getByTestId('nav-case').click();
    await page.locator('[data-testid="case-panel"][data-state="closed"]').waitFor();
    await page.getByTestId('case-new-path').fill(join(scratch, 'inc-502.thcase'));
    await page.getByTestId('case-new-name').fill('INC-502');
    await page.getByTestId('case-create').click();
    await page.locator('[data-testid="case-panel"][data-state="open"]').waitFor();
    expect(await page.getByTestId('case-name').innerText()).toBe('INC-502');

    await page.getByTestId('case-add-capture').click();
    const row = page.locator('[data-testid="artifact-row"][data-indexed="true"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.getByTestId('artifact-sha256').innerText()).toBe(sha256);
    expect((await row.getByTestId('artifact-index').innerText()).replace(/,/g, '')).toContain(`${events} events`);
    await page.locator('[data-testid="operation"][data-method="case.addCapture"][data-status="done"]').waitFor();
  });

  it('keeps an explorer bookmark and its note in the case', async () => {
    const { page } = browser;
    await page.getByTestId('nav-captures').click();
    await page.getByTestId('tab-events').click();
    const pick = page.getByTestId('event-row').nth(4);
    await pick.waitFor();
    bookmarked = (await pick.getAttribute('data-num')) ?? '';
    await pick.click();
    await page.locator(`[data-testid="event-detail"][data-num="${bookmarked}"]`).waitFor();
    await page.getByTestId('bookmark-toggle').click();
    await page.getByTestId('bookmark-note').fill('first request the proxy saw');

    await page.getByTestId('nav-case').click();
    const notes = page.getByTestId('case-notes');
    await notes.locator(`[data-testid="case-bookmark"][data-evt="${bookmarked}"]`).waitFor();
    await notes.locator(`[data-testid="note-row"][data-evt="${bookmarked}"]`).waitFor({ timeout: 15_000 });
    expect(await notes.innerText()).toContain('first request the proxy saw');

    // The explorer says where its marks are kept now: in the case as well as in this browser.
    await page.getByTestId('nav-captures').click();
    await page.getByTestId('tab-bookmarks').click();
    const kept = page.getByTestId('bookmarks-kept');
    expect(await kept.getAttribute('data-in-case')).toBe('true');
    expect(await kept.innerText()).toContain('Kept in the case INC-502');
    expect(await kept.innerText()).toContain('this browser profile');
    await screenshot(page, 'case-bookmarks.png');
    await page.getByTestId('nav-case').click();
  });

  it('verifies the case with progress and shows the audit log', async () => {
    const { page } = browser;
    await page.getByTestId('case-verify-run').click();
    const result = page.locator('[data-testid="case-verify-result"]');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.locator('[data-testid="verify-artifact"]').getAttribute('data-status')).toBe('ok');
    expect(await result.getByTestId('verify-audit').innerText()).toContain('chain intact');
    const op = page.locator('[data-testid="operation"][data-method="case.verify"][data-status="done"]');
    await op.waitFor();
    expect(await op.getByTestId('op-progress').getAttribute('aria-valuenow')).toBe('100');

    const caseId = (await page.getByTestId('case-panel').getAttribute('data-case-id'))!;
    const audit = await engine.call('case.audit', { caseId });
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(audit.total);
    const actions = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual([...audit.entries].reverse().map((e) => e.action));
    expect(actions).toEqual(expect.arrayContaining(['case.created', 'artifact.added', 'import.started', 'import.completed', 'bookmark.added', 'note.added']));
    const head = audit.entries[audit.entries.length - 1]!;
    expect(await page.getByTestId('case-audit-head').innerText()).toBe(`${head.seq}:${head.hash.slice(0, 12)}…`);
    await screenshot(page, 'case.png');
  });

  it('reopens the capture from the case’s stored index, with its marks', async () => {
    const { page } = browser;
    await page.getByTestId('nav-captures').click();
    await page.getByTestId('close-capture').click();
    await page.getByTestId('nav-case').click();
    const opensBefore = browser.frames.sent.filter((f) => isRecord(f) && f.method === 'capture.open').length;
    await page.getByTestId('artifact-open').click();
    await page.getByTestId('explorer').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('capture-bar').getAttribute('data-events')).toBe(events);
    expect(await page.getByTestId('capture-sha256').getAttribute('data-sha256')).toBe(sha256);
    expect(browser.frames.sent.some((f) => isRecord(f) && f.method === 'case.openCapture')).toBe(true);
    expect(browser.frames.sent.filter((f) => isRecord(f) && f.method === 'capture.open').length).toBe(opensBefore);
    await page.getByTestId('tab-bookmarks').click();
    await page.locator(`[data-testid="bookmark-row"][data-num="${bookmarked}"]`).waitFor();
    await screenshot(page, 'case-reopened.png');
    expect(browser.problems).toEqual([]);
  });
});
