import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM_LIKE = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'];

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
}

/**
 * Opens the URL in a chromium-like browser in app mode (it looks like a desktop window), else the
 * system default. Returns how it opened, or null when there is nothing to open it with (a headless box).
 */
export async function openInBrowser(url: string): Promise<string | null> {
  if (!hasDisplay()) return null;
  const chromium = CHROMIUM_LIKE.find((p) => existsSync(p));
  if (chromium) {
    const profile = mkdtempSync(join(tmpdir(), 'tracehound-browser-'));
    const args = [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update'];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    spawn(chromium, args, { detached: true, stdio: 'ignore' }).unref();
    return 'chromium';
  }
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(opener, [url], { detached: true, stdio: 'ignore' }).on('error', () => {}).unref();
    return opener;
  } catch {
    return null;
  }
}
