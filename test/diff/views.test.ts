/**
 * Differential test of the view engine against csysdig 0.29.3 (`csysdig -r FILE -v VIEW -j`,
 * the engine Sysdig Inspect ran), on every shared capture.
 *
 * Each csysdig view below is transcribed from its v_*.lua file into our ViewDef format (same
 * filter, keys, fields and aggregations; csysdig reports a closed capture as one sample, so its
 * TIME_AVG columns are totals) and run by our engine in ONE pass per capture together with our
 * product views. Every row on either side must match.
 *
 * Our product views differ from csysdig's on purpose in two places, checked here too:
 *  - OPENS: csysdig counts evt.type.is.3 (open() exits only); ours counts every open flavour.
 *  - procs FILE/NET: csysdig's evt.buflen.file/net also add the return values of "other I/O"
 *    calls (lseek offsets...), ours split reads and writes (evt.buflen.file.in/out...).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basename, join } from 'node:path';
import { runPass } from '../../core/analysis/pass.js';
import { CaptureSource } from '../../core/analysis/source.js';
import { formatReltime } from '../../core/analysis/format.js';
import { TableView } from '../../core/analysis/table-view.js';
import { DIRECTORIES, ERRORS, FILES, PROCS, SPORTS, SYSCALLS } from '../../core/analysis/view-defs.js';
import type { ColumnDef, TableViewDef, ViewResult } from '../../core/analysis/view-types.js';
import type { FieldContext } from '../../core/inspect/fields/types.js';
import { CAPTURE_DIR, csysdigAvailable, listCaptures, parseCsysdigJson, runSysdig } from './oracle.js';

const ORACLE_ALIAS: Record<string, string> = { 'libs_curl_google_comments.scap': 'libs_curl_google.scap' };

const sum = (title: string, field: string): ColumnDef => ({ id: title, title, field, agg: 'SUM', unit: 'count' });

function csysdigView(id: string, filter: string | undefined, key: string, cols: ColumnDef[], seed = false): TableViewDef {
  const d: TableViewDef = { kind: 'table', id, title: id, description: `csysdig ${id}`, keys: [key], keyTitles: [key], columns: cols, sort: cols[0]!.id };
  if (filter) d.filter = filter;
  if (seed) d.seedThreads = 'csysdig';
  return d;
}

const fileCols = [
  sum('BYTES IN', 'evt.buflen.file.in'),
  sum('BYTES OUT', 'evt.buflen.file.out'),
  sum('OPS', 'evt.count.exit'),
  sum('OPENS', 'evt.type.is.3'),
  sum('ERRORS', 'evt.count.error'),
];
const FILE_FILTER = "(fd.type=file or fd.type=directory) and fd.name!=''";
const NET_FILTER = "(fd.type=ipv4 or fd.type=ipv6) and fd.name!=''";

/** v_files, v_directories, v_errors, v_syscalls, v_sports, v_procs (numeric columns). */
const CSYSDIG: TableViewDef[] = [
  csysdigView('files', FILE_FILTER, 'fd.name', fileCols),
  csysdigView('directories', FILE_FILTER, 'fd.directory', fileCols),
  csysdigView('errors', 'evt.res != SUCCESS', 'evt.res', [sum('COUNT', 'evt.count')], true),
  csysdigView('syscalls', 'syscall.type exists', 'evt.type', [sum('CALLS/S', 'evt.count'), { ...sum('TOT TIME', 'evt.latency'), unit: 'ns' }], true),
  csysdigView('sports', NET_FILTER, 'fd.sport', [sum('BPS IN', 'evt.buflen.net.in'), sum('BPS OUT', 'evt.buflen.net.out'), sum('IO CALLS', 'evt.count')]),
  csysdigView('procs', 'evt.type!=switch', 'proc.pid', [sum('FILE', 'evt.buflen.file'), sum('NET', 'evt.buflen.net')], true),
];

/** csysdig legend name -> how our product view's row gives the same number. */
type Cells = Record<string, number | string | null>;
const n = (v: number | string | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));
const PRODUCT: { view: TableViewDef; csysdig: string; cols: Record<string, (c: Cells) => number> }[] = [
  { view: FILES, csysdig: 'files', cols: { 'BYTES IN': (c) => n(c.file_in), 'BYTES OUT': (c) => n(c.file_out), OPS: (c) => n(c.ops), ERRORS: (c) => n(c.errors) } },
  { view: DIRECTORIES, csysdig: 'directories', cols: { 'BYTES IN': (c) => n(c.file_in), 'BYTES OUT': (c) => n(c.file_out), OPS: (c) => n(c.ops), ERRORS: (c) => n(c.errors) } },
  { view: ERRORS, csysdig: 'errors', cols: { COUNT: (c) => n(c.count) } },
  { view: SYSCALLS, csysdig: 'syscalls', cols: { 'CALLS/S': (c) => n(c.events) } },
  { view: SPORTS, csysdig: 'sports', cols: { 'BPS IN': (c) => n(c.net_in), 'BPS OUT': (c) => n(c.net_out), 'IO CALLS': (c) => n(c.iocalls) } },
];

/** Rows csysdig has that our product views leave out on purpose. */
const CSYSDIG_ONLY_KEYS: Record<string, RegExp> = {
  // csysdig's per-thread fake events ("sysdigevent") pass its syscalls filter; they are not calls.
  syscalls: /^sysdigevent$/,
  // Enter events have no result: csysdig's "evt.res != SUCCESS" lets the fake per-thread events
  // through as an empty errno; ours counts failed calls only.
  errors: /^$/,
};

function cellsByKey(v: ViewResult): Map<string, Cells> {
  const ids = v.columns.map((c) => c.id);
  return new Map(v.rows.map((r) => [r.key[0]!, Object.fromEntries(ids.map((id, i) => [id, r.cells[i]!]))]));
}

const captures = listCaptures();
const report: string[] = [];

describe.skipIf(!csysdigAvailable() || captures.length === 0)('views vs csysdig 0.29.3', () => {
  afterAll(() => console.log(`view differential (csysdig rows matched by the transcribed view / by our product view):\n${report.join('\n')}`));

  for (const capture of captures) {
    const name = basename(capture);
    const oracleCapture = join(CAPTURE_DIR, ORACLE_ALIAS[name] ?? name);
    describe(name, () => {
      const results = new Map<string, ViewResult>();
      beforeAll(async () => {
        const src = new CaptureSource(capture, { dialect: 'sysdig029' });
        const literal = CSYSDIG.map((d) => new TableView(d, src.resolver));
        const product = PRODUCT.map((p) => new TableView(p.view, src.resolver));
        const procs = new TableView(PROCS, src.resolver);
        await runPass<FieldContext>(src, [...literal, ...product, procs]);
        literal.forEach((v) => results.set(`csysdig:${v.def.id}`, v.result({ top: 0 })));
        product.forEach((v) => results.set(`ours:${v.def.id}`, v.result({ top: 0 })));
        results.set(`ours:${PROCS.id}`, procs.result({ top: 0 }));
      });

      for (const def of CSYSDIG) {
        it(def.id, async () => {
          const run = await runSysdig(oracleCapture, ['-v', def.id, '-j'], 'csysdig');
          expect(run.code, run.stderr).toBe(0);
          const theirs = parseCsysdigJson(run.stdout);
          const problems: string[] = [];

          // 1. The transcribed view: every row, every column.
          const mine = cellsByKey(results.get(`csysdig:${def.id}`)!);
          let matched = 0;
          for (const t of theirs) {
            const m = mine.get(t.key);
            if (!m) {
              problems.push(`missing row ${JSON.stringify(t.key)}`);
              continue;
            }
            // csysdig prints RELTIME columns as text ("4.15us", "1:38").
            const same = (c: ColumnDef): boolean =>
              c.unit === 'ns' ? String(t.cells[c.title]).trim() === formatReltime(n(m[c.id])) : n(t.cells[c.title] as number) === n(m[c.id]);
            const bad = def.columns.filter((c) => !same(c));
            if (bad.length) problems.push(`${t.key}: ${bad.map((c) => `${c.title} csysdig ${t.cells[c.title]} ours ${m[c.id]}`).join(', ')}`);
            else matched++;
          }
          const theirKeys = new Set(theirs.map((t) => t.key));
          for (const k of mine.keys()) if (!theirKeys.has(k)) problems.push(`extra row ${JSON.stringify(k)}`);

          // 2. Our product view, on the columns whose meaning is csysdig's.
          const p = PRODUCT.find((x) => x.csysdig === def.id);
          let pmatched = 0;
          let pexpected = 0;
          if (p) {
            const ours = cellsByKey(results.get(`ours:${p.view.id}`)!);
            const skip = CSYSDIG_ONLY_KEYS[def.id];
            for (const t of theirs) {
              if (skip?.test(t.key)) continue;
              pexpected++;
              const m = ours.get(t.key);
              if (!m) {
                problems.push(`product view ${p.view.id}: missing row ${JSON.stringify(t.key)}`);
                continue;
              }
              const bad = Object.entries(p.cols).filter(([col, f]) => n(t.cells[col] as number) !== f(m));
              if (bad.length) problems.push(`product view ${p.view.id} ${t.key}: ${bad.map(([col, f]) => `${col} csysdig ${t.cells[col]} ours ${f(m)}`).join(', ')}`);
              else pmatched++;
            }
            for (const k of ours.keys()) if (!theirKeys.has(k)) problems.push(`product view ${p.view.id}: extra row ${JSON.stringify(k)}`);
          }
          report.push(`${name.padEnd(46)} ${def.id.padEnd(12)} ${String(matched).padStart(5)}/${theirs.length}${p ? `  ${pmatched}/${pexpected}` : ''}${problems.length ? `  MISMATCH ${problems.slice(0, 3).join('; ')}` : ''}`);
          expect(problems.slice(0, 10), `${name} ${def.id}`).toEqual([]);
        });
      }

      it('product procs view lists the same processes as csysdig', async () => {
        const run = await runSysdig(oracleCapture, ['-v', 'procs', '-j'], 'csysdig');
        const theirs = new Set(parseCsysdigJson(run.stdout).map((r) => r.key));
        const ours = new Set(results.get(`ours:${PROCS.id}`)?.rows.map((r) => r.key[0]!) ?? []);
        expect([...ours].filter((k) => !theirs.has(k))).toEqual([]);
        expect([...theirs].filter((k) => !ours.has(k))).toEqual([]);
      });
    });
  }
});
