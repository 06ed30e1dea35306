#!/usr/bin/env node
// First half of `npm start` and `npm test`: make a fresh clone ready with nothing but Node and npm.
// Plain JavaScript on purpose: it runs before any dependency (TypeScript included) is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mode = process.argv[2] ?? 'start';
const log = (m) => process.stderr.write(`[setup] ${m}\n`);

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    log(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

function lockHash() {
  const lock = join(root, 'package-lock.json');
  const src = existsSync(lock) ? readFileSync(lock) : readFileSync(join(root, 'package.json'));
  return createHash('sha256').update(src).digest('hex');
}

function ensureDependencies() {
  const stamp = join(root, 'node_modules', '.tracehound-installed');
  const want = lockHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  log('installing npm dependencies…');
  // The Electron binary is fetched separately by `npm start` when it is wanted, so installs work
  // on machines that cannot download it (CI, build boxes).
  const env = { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  run('npm', existsSync(join(root, 'package-lock.json')) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'], env);
  writeFileSync(stamp, want);
}

const SYSTEM_PACKAGES = [
  { bin: 'sysdig', pkg: 'sysdig', why: 'the reference decoder for differential tests' },
  { bin: 'chromium', pkg: 'chromium', why: 'the browser the end-to-end tests drive' },
];

function has(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !has(p.bin));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg).join(' ');
  const isDebian = existsSync('/etc/debian_version');
  const isRoot = process.getuid?.() === 0;
  if (isDebian && isRoot) {
    log(`installing system packages: ${names}`);
    run('apt-get', ['update', '-q']);
    // --no-install-recommends: sysdig otherwise pulls a kernel-module package that cannot build in containers.
    run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing.map((p) => p.pkg)], { DEBIAN_FRONTEND: 'noninteractive' });
    return;
  }
  log('the tests need system packages that are not installed:');
  for (const p of missing) log(`  ${p.bin}: ${p.why}`);
  log(isDebian ? `install them with: sudo apt-get install -y --no-install-recommends ${names}` : `install ${names} with your package manager (sysdig 0.29.x is the reference version), then run npm test again.`);
  process.exit(1);
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const sources = Math.max(...['core', 'main', 'preload', 'renderer', 'assets'].map((d) => newestMtime(join(root, d))));
  const stamp = join(root, 'dist', '.built');
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  log('building…');
  run('npm', ['run', 'build', '--silent']);
  writeFileSync(stamp, new Date().toISOString());
}

ensureDependencies();
if (mode === 'test' || mode === 'bench') ensureSystemPackages();
if (mode === 'start' || mode === 'bench') ensureBuilt();

