/**
 * The reference: sysdig 0.29.3's chisels run on the shared captures. Outputs are cached in the OS
 * temp dir (never in the repo), keyed by the capture's size and mtime and by the command line, so
 * reruns cost nothing and a changed capture is re-run.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const CAPTURE_DIR = resolve(PROJECT_ROOT, '../shared/data/captures');
const CACHE_DIR = join(tmpdir(), 'tracehound-oracle');
const SYSDIG = '/usr/bin/sysdig';
const CSYSDIG = '/usr/bin/csysdig';

export function sysdigAvailable(): boolean {
  return existsSync(SYSDIG);
}

export function csysdigAvailable(): boolean {
  return existsSync(CSYSDIG);
}

export function listCaptures(): string[] {
  if (!existsSync(CAPTURE_DIR)) return [];
  return readdirSync(CAPTURE_DIR)
    .filter((f) => f.endsWith('.scap'))
    .sort()
    .map((f) => join(CAPTURE_DIR, f));
}

export interface OracleRun {
  stdout: string;
  stderr: string;
  code: number;
}

function cacheKey(capture: string, args: string[], bin: string): string {
  const st = statSync(capture);
  const h = createHash('sha256').update(JSON.stringify([bin, capture, st.size, st.mtimeMs, args])).digest('hex').slice(0, 24);
  return join(CACHE_DIR, `${basename(capture, '.scap')}-${h}.json`);
}

/** Runs `sysdig -r CAPTURE ARGS...` with TZ=UTC (cached); `csysdig` for views. */
export function runSysdig(capture: string, args: string[], bin: 'sysdig' | 'csysdig' = 'sysdig'): Promise<OracleRun> {
  const file = cacheKey(capture, args, bin);
  if (existsSync(file)) return Promise.resolve(JSON.parse(readFileSync(file, 'utf8')) as OracleRun);
  return new Promise((done, fail) => {
    execFile(
      bin === 'sysdig' ? SYSDIG : CSYSDIG,
      ['-r', capture, ...args],
      { env: { ...process.env, TZ: 'UTC' }, cwd: tmpdir(), maxBuffer: 512 * 1024 * 1024, timeout: 300_000, encoding: 'latin1' },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
        if (e && (e.killed || typeof e.code === 'string')) return fail(e);
        const run: OracleRun = { stdout, stderr, code: e ? Number(e.code ?? 1) : 0 };
        mkdirSync(CACHE_DIR, { recursive: true });
        writeFileSync(file, JSON.stringify(run));
        done(run);
      },
    );
  });
}

/** A table chisel's `-j` output: rows of key texts plus the value. */
export interface ChiselTable {
  rows: { keys: string[]; value: number }[];
}

/** Parses table_generator / topprocs_cpu JSON (`{"ts":..,"data":[[k1,..,v],..],"info":[..]}`). */
export function parseChiselJson(stdout: string): ChiselTable {
  const start = stdout.indexOf('{');
  if (start < 0) throw new Error(`no JSON in chisel output: ${stdout.slice(0, 200)}`);
  const j = JSON.parse(stdout.slice(start)) as { data: (string | number)[][] };
  return {
    rows: j.data.map((r) => ({ keys: r.slice(0, -1).map(String), value: Number(r[r.length - 1]) })),
  };
}

/** Lines of a text chisel, without the trailing color reset some chisels print at the end. */
export function chiselLines(stdout: string): string[] {
  const lines = stdout.split('\n');
  while (lines.length && (lines[lines.length - 1] === '' || lines[lines.length - 1] === '\u001b[0m')) lines.pop();
  return lines;
}

/** One row of a csysdig `-v VIEW -j` table: its key and cells by legend name. */
export interface CsysdigRow {
  key: string;
  cells: Record<string, string | number>;
}

/** Parses csysdig's JSON (`{"slices":[...,{"progress":100,"data":[{"d":[..],"k":..}],"info":{"legend":..}}]}`). */
export function parseCsysdigJson(stdout: string): CsysdigRow[] {
  const j = JSON.parse(stdout) as { slices: { data?: { d: (string | number)[]; k: string }[]; info?: { legend: { name: string }[] } }[] };
  const last = j.slices[j.slices.length - 1]!;
  const legend = last.info?.legend.map((l) => l.name) ?? [];
  return (last.data ?? []).map((r) => ({ key: r.k, cells: Object.fromEntries(legend.map((n, i) => [n, r.d[i]!])) }));
}
