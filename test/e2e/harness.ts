import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DATA = resolve(ROOT, '..', 'shared', 'data');
export const RESULTS_DIR = join(ROOT, 'test-results');
export const CHROMIUM = '/usr/bin/chromium';

const LISTENING = /^Tracehound listening on (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))$/;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ServerHandle {
  /** The URL exactly as printed, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout so far, and to stderr. */
  stdout(): string;
  stderr(): string;
  /** SIGINT, as a user pressing Ctrl+C; SIGKILL if it does not exit. Resolves to the exit code. */
  stop(): Promise<number | null>;
}

/** The harness builds nothing: it fails fast, saying what to run, when the build is missing. */
function assertBuilt(): void {
  const missing = [
    ['dist/main/cli/index.js', 'npm run build:engine'],
    ['dist/renderer/index.html', 'npm run build:renderer'],
  ].filter(([p]) => !existsSync(join(ROOT, p!)));
  if (missing.length) {
    throw new Error(`e2e needs a build: ${missing.map(([p, cmd]) => `${p} is missing (run \`${cmd}\`)`).join('; ')}`);
  }
}

export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

export interface StartOptions {
  /** 0 (a free port) unless a test restarts a server where the page expects it. */
  port?: number;
  token?: string;
  extraArgs?: string[];
}

/** Starts `tracehound serve` with a token of our choosing and waits for its one line. */
export async function startServer(options: StartOptions = {}): Promise<ServerHandle> {
  assertBuilt();
  const token = options.token ?? newToken();
  const child = spawn(
    process.execPath,
    [
      // --token=T: a random token may start with '-', which a separate argument would read as an option.
      join(ROOT, 'main', 'cli', 'tracehound.mjs'), 'serve', '--port', String(options.port ?? 0), '--no-open',
      `--token=${token}`, ...(options.extraArgs ?? []),
    ],
    // A page that goes away has its captures closed a second later (a minute outside tests), even
    // when its own close message dies with it.
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', TRACEHOUND_SESSION_GRACE_MS: '1000' } },
  );
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));

  const line = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`no listening line within ${START_TIMEOUT_MS} ms; stderr: ${err}`)), START_TIMEOUT_MS);
    const check = () => {
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      res(out.slice(0, nl));
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`tracehound serve exited (${code}) before listening; stdout: ${out} stderr: ${err}`));
    });
  });
  const m = LISTENING.exec(line);
  if (!m) {
    child.kill('SIGKILL');
    throw new Error(`unexpected first line from tracehound serve: ${JSON.stringify(line)}`);
  }
  if (m[3] !== token) {
    child.kill('SIGKILL');
    throw new Error('the printed URL does not carry the token given with --token');
  }
  const port = Number(m[2]);
  return {
    url: m[1]!,
    origin: `http://127.0.0.1:${port}`,
    port,
    token,
    child,
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/**
 * The captures start page of a server. A bare URL is a fresh start, which opens the built-in demo
 * capture (when the build made one); a URL naming the start page opens nothing.
 */
export function startPage(server: ServerHandle): string {
  return `${server.url}#/captures`;
}

/**
 * Loads the start page as a new document. From a page of the same server a URL that differs only
 * in its hash would be a same-document navigation, keeping whatever dialog or capture was open.
 */
export async function gotoStartPage(page: Page, server: ServerHandle): Promise<Response | null> {
  if (page.url().startsWith(server.origin)) await page.goto('about:blank');
  return page.goto(startPage(server));
}

export interface BrowserHandle {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  problems: string[];
  /** Every WebSocket frame the page sent and received, parsed, in order. */
  frames: { sent: unknown[]; received: unknown[] };
  /** The URL of every WebSocket the page opened. */
  sockets: string[];
  close(): Promise<void>;
}

/** Debian's chromium, headless, with a throwaway profile so no state leaks between runs. */
export async function launchBrowser(): Promise<BrowserHandle> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'tracehound-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 820 },
    deviceScaleFactor: 1,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic',
    ],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    // A failed load names no URL in its text; the location says which resource it was.
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const frames = { sent: [] as unknown[], received: [] as unknown[] };
  const sockets: string[] = [];
  const parse = (payload: string | Buffer) => {
    try { return JSON.parse(String(payload)) as unknown; } catch { return payload; }
  };
  page.on('websocket', (ws) => {
    sockets.push(ws.url());
    ws.on('framesent', (f) => frames.sent.push(parse(f.payload)));
    ws.on('framereceived', (f) => frames.received.push(parse(f.payload)));
  });
  return {
    context,
    page,
    problems,
    frames,
    sockets,
    close: async () => {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Screenshots with animations settled, so a toast or a progress bar is captured as it rests. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: await resultsPath(name), animations: 'disabled' });
}

export async function resultsPath(name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  return join(RESULTS_DIR, name);
}

/**
 * A 4 GiB sparse file: hashing it is a job long enough to watch and cancel mid-way, without
 * writing gigabytes to disk (the shared captures hash in milliseconds).
 */
export async function makeSparseFile(dir: string, name = 'big-sparse.bin', bytes = 4 * 2 ** 30): Promise<string> {
  const path = join(dir, name);
  const fh = await open(path, 'w');
  await fh.truncate(bytes);
  await fh.close();
  return path;
}
