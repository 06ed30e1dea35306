#!/usr/bin/env node
// The `tracehound` bin. The CLI is TypeScript compiled to dist/; build it once if a fresh checkout
// has not been built yet, so `npx tracehound` works right after `npm install`.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = join(root, 'dist', 'main', 'cli', 'index.js');
if (!existsSync(entry)) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    process.stderr.write('tracehound: dependencies are not installed; run `npm install` (or `npm start`) first.\n');
    process.exit(1);
  }
  process.stderr.write('tracehound: building the engine (first run)...\n');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
}
const { main } = await import(pathToFileURL(entry).href);
await main();
