#!/usr/bin/env node
// Second half of `npm start`: launch Electron on the demo case (or the file given after `--`); where
// Electron cannot run, say so in one line and fall back to web mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2).map((a) => (a.startsWith('-') ? a : resolve(process.cwd(), a)));

function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) {
    // Installs skip the binary (see setup.mjs); fetch it now, once, where the network allows.
    const installer = join(root, 'node_modules', 'electron', 'install.js');
    if (!existsSync(installer)) return { error: 'the electron package is not installed' };
    const r = spawnSync(process.execPath, [installer], { cwd: dirname(installer), stdio: 'ignore', timeout: 120_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
    if (r.status !== 0 || !existsSync(pathFile)) return { error: 'its binary could not be downloaded' };
  }
  try {
    const bin = require('electron');
    return typeof bin === 'string' && existsSync(bin) ? { bin } : { error: 'its binary is missing' };
  } catch (e) {
    return { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const electron = electronBinary();
if (electron.bin && hasDisplay()) {
  const child = spawn(electron.bin, [join(root, 'dist', 'main', 'electron', 'main.js'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = electron.bin ? 'there is no display' : `Electron cannot run here (${electron.error})`;
  process.stderr.write(`Tracehound: ${why}; starting web mode instead.\n`);
  const child = spawn(process.execPath, [join(root, 'main', 'cli', 'tracehound.mjs'), 'serve', ...args], { stdio: 'inherit' });
  const stop = () => child.kill('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

