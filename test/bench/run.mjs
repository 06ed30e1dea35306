#!/usr/bin/env node
// `npm run bench`: Tracehound against sysdig on the same large file, in one run. Prints ratios; never
// asserts on time (the numbers depend on the machine and on what else it is doing).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBigCapture } from './make-big.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = join(root, '..', 'shared', 'data', 'captures', 'sysflow_mpm-event_full_capture.scap');
const BIG = join(root, '.bench', 'big.scap');
const TARGET = Number(process.env.BENCH_TARGET_BYTES ?? 200 * 1024 * 1024);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLI = join(root, 'main', 'cli', 'tracehound.mjs');
const RULES = ['falco_rules.yaml', 'falco-incubating_rules.yaml', 'falco-sandbox_rules.yaml'].map((f) => join(root, '..', 'shared', 'data', 'rules', f));

const setup = spawnSync(process.execPath, [join(root, 'main', 'launch', 'setup.mjs'), 'bench'], { stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

/** Wall seconds and peak RSS (KiB) of one command, via GNU time. */
function measure(cmd, args, okStatus = [0]) {
  const r = spawnSync('/usr/bin/time', ['-f', '%x %e %M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, TZ: 'UTC' } });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [status, secs, kib, user, sys] = last.split(' ').map(Number);
  if (!okStatus.includes(status)) return { ok: false, error: r.stderr.trim().split('\n').slice(-3).join(' | ') };
  return { ok: true, secs, kib, cpu: user + sys, stdout: r.stdout };
}

function best(cmd, args, okStatus = [0]) {
  let out = null;
  for (let i = 0; i < RUNS; i++) {
    const m = measure(cmd, args, okStatus);
    if (!m.ok) return m;
    if (!out || m.secs < out.secs) out = { ...m, kib: Math.max(m.kib, out?.kib ?? 0) };
  }
  return out;
}

const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : String(n));
const mb = (bytes) => bytes / (1024 * 1024);
const lines = [];
const row = (...cells) => lines.push(cells.join('  '));

console.log(`[bench] building ${BIG} (>= ${fmt(mb(TARGET), 0)} MB) from ${SOURCE} with Tracehound's writer…`);
const made = await makeBigCapture(root, SOURCE, BIG, TARGET);
const size = statSync(BIG).size;

// Event count from our own reader (the same for both tools: sysdig numbers every event it reads).
const { readCapture } = await import(join(root, 'dist', 'core', 'capture', 'reader.js'));
const events = (await readCapture(BIG, () => {})).events;
console.log(`[bench] ${fmt(mb(size), 1)} MB, ${events} events${made.reused ? ' (reused)' : ''}; best of ${RUNS} runs each`);

function compare(label, ours, theirs, unitCount = events) {
  if (!ours?.ok || !theirs?.ok) {
    row(label.padEnd(34), 'not measured:', (ours?.ok ? '' : `tracehound: ${ours?.error ?? 'unavailable'}`) + (theirs?.ok ? '' : ` sysdig: ${theirs?.error ?? 'unavailable'}`));
    return;
  }
  const ratio = theirs.secs / ours.secs;
  row(
    label.padEnd(34),
    `tracehound ${fmt(ours.secs)} s (${fmt(ours.cpu)} s CPU, ${fmt(unitCount / ours.secs / 1e6)} M ev/s, ${fmt(mb(size) / ours.secs, 0)} MB/s, peak ${fmt(ours.kib / 1024, 0)} MB)`,
    `sysdig ${fmt(theirs.secs)} s (${fmt(unitCount / theirs.secs / 1e6)} M ev/s, peak ${fmt(theirs.kib / 1024, 0)} MB)`,
    `ratio ${fmt(ratio)} ${ratio >= 1 ? '(faster or equal)' : '(slower)'}`,
  );
}

const hasCommand = (name) => spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout.includes(`  ${name} `);

// 1. Plain read.
const readOurs = hasCommand('read') ? best(process.execPath, [CLI, 'read', '-r', BIG, '-q']) : { ok: false, error: 'read command missing' };
const readSysdig = best('sysdig', ['-r', BIG, '-q']);
compare('read -q', readOurs, readSysdig);

// 2. Rules: Falco's three current rules files over the same file, against our own plain read.
if (hasCommand('rules') && RULES.every(existsSync)) {
  const args = [CLI, 'rules', '-r', BIG, ...RULES.flatMap((r) => ['--rules', r])];
  // Like Falco, a run that raised alerts may exit 1; that is a result, not a failure.
  const m = best(process.execPath, args, [0, 1]);
  if (m.ok && readOurs.ok) {
    row('rules (stable+incubating+sandbox)'.padEnd(34), `tracehound ${fmt(m.secs)} s (${fmt(events / m.secs / 1e6)} M ev/s, peak ${fmt(m.kib / 1024, 0)} MB)`, `ratio to read -q ${fmt(readOurs.secs / m.secs)}`);
  } else row('rules'.padEnd(34), 'not measured:', m.error ?? 'read -q failed');
} else row('rules'.padEnd(34), 'not measured: the rules command or the rules files are missing');

// 3. Views: every view in one pass, against sysdig's topprocs_cpu chisel; in one thread, then
// sharded over the cores as the explorer does it (wall time; the CPU time is in the line).
{
  const script = join(root, 'test', 'bench', 'all-views.mjs');
  const s = best('sysdig', ['-r', BIG, '-c', 'topprocs_cpu']);
  compare('all views, one thread vs topprocs_cpu', best(process.execPath, [script, BIG, '1']), s);
  const cores = availableParallelism();
  if (cores > 1) compare(`all views, ${Math.min(cores, 4)} shards vs topprocs_cpu`, best(process.execPath, [script, BIG]), s);
}

// 4. Opening a capture in the explorer: hashing and the event list's index (on disk past 1 M rows).
{
  const m = best(process.execPath, [join(root, 'test', 'bench', 'case-reopen.mjs'), 'open', BIG]);
  if (m.ok) row('explorer: open capture'.padEnd(34), `hash + index + last page ${fmt(m.secs)} s (${fmt(m.cpu)} s CPU, peak ${fmt(m.kib / 1024, 0)} MB)`);
  else row('explorer: open capture'.padEnd(34), 'not measured:', m.error);
}

// 5. Reopening a case: the list and the views come from the case, not from the capture.
{
  const dir = mkdtempSync(join(tmpdir(), 'th-bench-case-'));
  const file = join(dir, 'bench.thcase');
  const script = join(root, 'test', 'bench', 'case-reopen.mjs');
  const imp = measure(process.execPath, [script, 'import', file, BIG]);
  const reopen = imp.ok ? best(process.execPath, [script, 'reopen', file]) : imp;
  if (reopen.ok) row('case: import / reopen'.padEnd(34), `import with all views ${fmt(imp.secs)} s (peak ${fmt(imp.kib / 1024, 0)} MB); reopen and show list + views ${fmt(reopen.secs)} s (peak ${fmt(reopen.kib / 1024, 0)} MB)`);
  else row('case'.padEnd(34), 'not measured:', reopen.error);
  rmSync(dir, { recursive: true, force: true });
}

// 6. UI: frame times measured by the e2e scroll test, when it has run.
const frames = join(root, 'test-results', 'scroll-frames.json');
if (existsSync(frames)) {
  const f = JSON.parse(readFileSync(frames, 'utf8'));
  row('UI event-list scroll'.padEnd(34), `p95 frame ${fmt(f.p95, 1)} ms, max ${fmt(f.max ?? NaN, 1)} ms over ${f.frames ?? '?'} frames (${f.capture ?? ''}); target p95 < 50 ms`);
} else row('UI event-list scroll'.padEnd(34), 'not measured: run `npm run test:e2e` first (it writes test-results/scroll-frames.json)');

console.log(lines.join('\n'));
