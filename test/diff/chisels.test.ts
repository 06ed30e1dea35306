/**
 * Differential test of core/analysis against sysdig 0.29.3's chisels, on every shared capture:
 * topprocs_cpu, topconns, topfiles_bytes, topfiles_errors, topscalls, topscalls_time,
 * `fdbytes_by fd.name` (compared through `-j`, exact values), spy_users and echo_fds (compared as
 * text, line for line). Our side is ONE pass per capture feeding every chisel at once.
 *
 * Known differences are listed in KNOWN with the reason; everything else must match exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basename, join } from 'node:path';
import { CHISEL_VIEWS, fdbytesBy } from '../../core/analysis/chisel-defs.js';
import { echoFdsLines, FollowStream } from '../../core/analysis/follow.js';
import { runPass } from '../../core/analysis/pass.js';
import { CaptureSource, eventData } from '../../core/analysis/source.js';
import { SpyUsers } from '../../core/analysis/spy-users.js';
import { TableView } from '../../core/analysis/table-view.js';
import type { TableViewDef } from '../../core/analysis/view-types.js';
import type { FieldContext } from '../../core/inspect/fields/types.js';
import { compareLines, compareTopTable, type KeyedValue } from './compare.js';
import { CAPTURE_DIR, chiselLines, listCaptures, parseChiselJson, runSysdig, sysdigAvailable } from './oracle.js';

/**
 * sysdig 0.29.3 cannot open this capture (its comment blocks are newer than libscap 0.29), but it
 * holds the same events as libs_curl_google.scap: we compare it with that file's oracle.
 */
const ORACLE_ALIAS: Record<string, string> = { 'libs_curl_google_comments.scap': 'libs_curl_google.scap' };

/** `capture:chisel` -> why our output legitimately differs from sysdig 0.29.3's. */
const KNOWN: Record<string, string> = {};

interface TableChisel {
  name: string;
  args: string[];
  def: TableViewDef;
  /** Relative tolerance for the value (topprocs_cpu sums doubles). */
  tol: number;
}

const TABLE_CHISELS: TableChisel[] = [
  ...CHISEL_VIEWS.map((def) => ({ name: def.id, args: ['-j', '-c', def.id], def, tol: 0 })),
  { name: 'fdbytes_by', args: ['-j', '-c', 'fdbytes_by', 'fd.name'], def: fdbytesBy('fd.name'), tol: 0 },
];

interface Ours {
  tables: Map<string, KeyedValue[]>;
  spy: string[];
  echo: string[];
}

async function runOurs(capture: string): Promise<Ours> {
  const src = new CaptureSource(capture, { dialect: 'sysdig029' });
  const views = TABLE_CHISELS.map((c) => new TableView(c.def, src.resolver));
  const spy = new SpyUsers(src.resolver);
  const echo = new FollowStream<FieldContext>(src.resolver, null, { data: eventData });
  await runPass<FieldContext>(src, [...views, spy, echo]);
  const tables = new Map<string, KeyedValue[]>();
  TABLE_CHISELS.forEach((c, i) => {
    const r = views[i]!.result({ top: 0 });
    const nk = c.def.keys.length;
    tables.set(c.name, r.rows.map((row) => ({ keys: row.key, value: row.cells[nk] as number })));
  });
  return { tables, spy: spy.chiselText(), echo: echo.chunks.flatMap((c) => echoFdsLines(c)) };
}

interface ReportRow {
  capture: string;
  chisel: string;
  matched: number;
  expected: number;
  note: string;
}

const captures = listCaptures();
const report: ReportRow[] = [];

describe.skipIf(!sysdigAvailable() || captures.length === 0)('chisels vs sysdig 0.29.3', () => {
  afterAll(() => {
    const w = Math.max(...report.map((r) => r.capture.length));
    const lines = report.map((r) => `${r.capture.padEnd(w)}  ${r.chisel.padEnd(15)} ${String(r.matched).padStart(5)}/${String(r.expected).padEnd(5)} ${r.note}`);
    console.log(`chisel differential (matched/expected rows or lines):\n${lines.join('\n')}`);
  });

  for (const capture of captures) {
    const name = basename(capture);
    const oracleCapture = join(CAPTURE_DIR, ORACLE_ALIAS[name] ?? name);

    describe(name, () => {
      let ours: Ours;
      beforeAll(async () => {
        ours = await runOurs(capture);
      });

      const record = (chisel: string, matched: number, expected: number, problems: string[]): void => {
        const known = KNOWN[`${name}:${chisel}`];
        report.push({ capture: name, chisel, matched, expected, note: problems.length === 0 ? '' : known ? `known: ${known}` : 'MISMATCH' });
        if (known) return;
        expect(problems, `${name} ${chisel}`).toEqual([]);
      };

      for (const c of TABLE_CHISELS) {
        it(c.name, async () => {
          const run = await runSysdig(oracleCapture, c.args);
          expect(run.code, run.stderr).toBe(0);
          const theirs = parseChiselJson(run.stdout).rows;
          const cmp = compareTopTable(ours.tables.get(c.name)!, theirs, c.def.top!, c.tol);
          record(c.name, cmp.matched, cmp.expected, cmp.problems);
        });
      }

      it('spy_users', async () => {
        const run = await runSysdig(oracleCapture, ['-c', 'spy_users']);
        expect(run.code, run.stderr).toBe(0);
        const cmp = compareLines(ours.spy, chiselLines(run.stdout));
        record('spy_users', cmp.matched, cmp.expected, cmp.problems);
      });

      it('echo_fds', async () => {
        const run = await runSysdig(oracleCapture, ['-c', 'echo_fds', 'disable_color']);
        expect(run.code, run.stderr).toBe(0);
        const cmp = compareLines(ours.echo, chiselLines(run.stdout));
        record('echo_fds', cmp.matched, cmp.expected, cmp.problems);
      });
    });
  }
});
