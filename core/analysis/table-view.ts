/**
 * Runs a table view: groups the events that pass the view's filter by its key fields and folds
 * every column's field with the column's aggregation. One instance per view per pass; it never
 * re-reads anything, so many of them share a single pass over a capture.
 *
 * The per-event work is one function per view, generated from the view's definition (filter,
 * keys, then each column's condition, conversion and fold from aggregate.ts). A generic loop over
 * columns called every field and fold through the same few call sites for every view, which V8
 * cannot specialise; a view's own function calls each field from a site of its own.
 */
import type { FieldDescriptor, FieldResolver, FieldValue } from '../filter/fields.js';
import type { Predicate } from '../filter/compiler.js';
import { aggState, FOLD_HELPERS, newAcc, type Acc, type AggState, type Cell } from './aggregate.js';
import { andFilters, eqClause } from './drilldown.js';
import { bindField, valueText, type BoundField, type Extractor } from './fieldref.js';
import type { MemoSource } from './source.js';
import { viewFilter } from './view-filter.js';
import type { ColumnDef, ResultOptions, TableViewDef, ViewColumn, ViewResult, ViewRow } from './view-types.js';

interface BoundColumn<E> {
  def: ColumnDef;
  field: BoundField<E> | null;
  where: Predicate<E> | null;
  state: AggState;
  /** Index of the state: in the group's `num` (value, count at +1) or `obj`. */
  at: number;
  /** A FIRST/LAST column describing the key (name, command), not measuring it. */
  identity: boolean;
}

interface Group {
  key: string[];
  num: Float64Array;
  obj: Acc[];
}

type Fold<E> = (evt: E) => void;

const KEY_SEP = '\u0001\u0001';
const COUNT_DESCRIPTOR: FieldDescriptor = { name: 'evt.count', type: 'UINT32' };

/** What a generated fold reads from its view. */
interface FoldParts<E> {
  filter: Predicate<E> | null;
  keys: Extractor<E>[];
  fields: (Extractor<E> | null)[];
  wheres: (Predicate<E> | null)[];
  descriptors: FieldDescriptor[];
  scales: number[];
  /**
   * Per column, the memo behind its field when the resolver shares it (see AnalysisResolver):
   * the fold reads a value already computed for this event without calling the extractor.
   */
  memos: ({ slot: unknown; clock: unknown } | undefined)[];
  /** The same for the keys. */
  keyMemos: ({ slot: unknown; clock: unknown } | undefined)[];
  /** Nested maps from primitive key values to their group. */
  root: Map<unknown, unknown>;
  /** The group of key values (by their texts). */
  group: (vals: FieldValue[]) => Group;
}

/**
 * The source of a view's fold. Per column: its `where` condition, the field's value, the column's
 * conversion (positive-only and scaled columns read numbers; other columns read 64-bit values as
 * plain numbers unless they keep time exactly), then the aggregation's fold. `identityOnly` folds
 * only identity columns (threads seeded without an event).
 */
function foldSource<E>(cols: readonly BoundColumn<E>[], parts: FoldParts<E>, hasFilter: boolean, identityOnly: boolean): string {
  const { memos, keyMemos } = parts;
  const nkeys = parts.keys.length;
  const out: string[] = ["'use strict';", 'const toNumber = H.toNumber, valueText = H.valueText, root = P.root, group = P.group;'];
  if (hasFilter) out.push('const F = P.filter;');
  for (let k = 0; k < nkeys; k++) out.push(`const K${k} = P.keys[${k}];`);
  for (let k = 0; k < nkeys; k++) if (keyMemos[k]) out.push(`const KM${k} = P.keyMemos[${k}].slot, KT${k} = P.keyMemos[${k}].clock;`);
  cols.forEach((c, i) => {
    if (c.field) out.push(`const X${i} = P.fields[${i}], D${i} = P.descriptors[${i}];`);
    else out.push(`const D${i} = P.descriptors[${i}];`);
    if (c.field && memos[i]) out.push(`const M${i} = P.memos[${i}].slot, T${i} = P.memos[${i}].clock;`);
    if (c.where) out.push(`const W${i} = P.wheres[${i}];`);
    if (c.def.positiveOnly || (c.def.scale !== undefined && c.def.scale !== 1)) out.push(`const S${i} = P.scales[${i}];`);
  });
  out.push('return function fold(evt) {');
  if (hasFilter) out.push('if (!F(evt)) return;');
  const ks: string[] = [];
  for (let k = 0; k < nkeys; k++) {
    const read = keyMemos[k] ? `KM${k}.at === KT${k}.gen ? KM${k}.v : K${k}(evt)` : `K${k}(evt)`;
    out.push(`const k${k} = ${read}; if (k${k} === null || k${k} === undefined) return;`);
    ks.push(`k${k}`);
  }
  // Primitive key values find their group through nested maps (a value's text depends only on
  // the value and the field), so the common case builds no key text and no joined id.
  // The last primitive key values and their group are kept too: events come in runs of one
  // thread, and a key's group never changes once made.
  out.splice(2, 0, `let lastG = null${ks.map((k) => `, last_${k}`).join('')};`);
  out.push('let g;');
  out.push(`if (lastG !== null && ${ks.map((k) => `${k} === last_${k}`).join(' && ')}) g = lastG;`);
  out.push(`else if (${ks.map((k) => `typeof ${k} !== 'object'`).join(' && ')}) {`);
  out.push('let n0 = root;');
  for (let k = 0; k < nkeys - 1; k++) {
    out.push(`let n${k + 1} = n${k}.get(k${k}); if (n${k + 1} === undefined) { n${k + 1} = new Map(); n${k}.set(k${k}, n${k + 1}); }`);
  }
  const last = nkeys - 1;
  out.push(`g = n${last}.get(k${last}); if (g === undefined) { g = group([${ks.join(', ')}]); n${last}.set(k${last}, g); }`);
  out.push(`lastG = g; ${ks.map((k) => `last_${k} = ${k};`).join(' ')}`);
  out.push(`} else g = group([${ks.join(', ')}]);`);
  out.push('const num = g.num, obj = g.obj;');
  cols.forEach((c, i) => {
    if (identityOnly && !c.identity) return;
    const skip = `break c${i}`;
    const body: string[] = [];
    if (c.where) body.push(`if (!W${i}(evt)) ${skip};`);
    if (c.field === null) body.push('let v = 1;');
    else {
      body.push(memos[i] ? `let v = M${i}.at === T${i}.gen ? M${i}.v : X${i}(evt);` : `let v = X${i}(evt);`);
      const scaled = c.def.scale !== undefined && c.def.scale !== 1;
      if (c.def.positiveOnly || scaled) {
        const positive = c.def.positiveOnly ? ` if (!(y !== undefined && y > 0)) ${skip};` : '';
        body.push(`{ const y = typeof v === 'number' ? v : toNumber(v);${positive} if (y !== undefined) v = y * S${i}; }`);
      } else if (c.def.unit !== 'time') body.push("if (typeof v === 'bigint') v = Number(v);");
    }
    body.push(c.state.fold({ v: 'v', num: 'num', at: c.at, acc: `obj[${c.at}]`, d: `D${i}`, skip }));
    out.push(`c${i}: { ${body.join(' ')} }`);
  });
  out.push('};');
  return out.join('\n');
}

function compileFold<E>(src: string, parts: FoldParts<E>): Fold<E> {
  // The source is built from the view definition's shape only (indexes, kinds); every value it
  // uses (fields, filters, scales) is passed in, never pasted as text.
  return new Function('P', 'H', src)(parts, FOLD_HELPERS) as Fold<E>;
}

export class TableView<E> {
  private readonly keys: BoundField<E>[];
  private readonly cols: BoundColumn<E>[];
  private readonly groups = new Map<string, Group>();
  private readonly nnum: number;
  private readonly objAggs: ColumnDef['agg'][] = [];
  /** Folds one event: the generated function itself, so the pass calls it without a wrapper. */
  readonly add: Fold<E>;
  private readonly foldIdentity: Fold<E>;

  constructor(
    readonly def: TableViewDef,
    resolver: FieldResolver<E>,
    /** The user's filter and time range, already applied by the pass; only used in row filters. */
    private readonly scope: string | null = null,
  ) {
    const filter = def.filter ? viewFilter(def.filter, resolver) : null;
    const memo = typeof (resolver as Partial<MemoSource<E>>).memoSlot === 'function' ? (resolver as unknown as MemoSource<E>) : null;
    this.keys = def.keys.map((k) => bindField(resolver, k));
    let nnum = 0;
    this.cols = def.columns.map((c) => {
      const field = c.field ? bindField(resolver, c.field) : null;
      // Only an exact (time) column without conversion hands 64-bit values to its fold.
      const bigints = field !== null && c.unit === 'time' && !c.positiveOnly && (c.scale ?? 1) === 1;
      const state = aggState(c.agg, bigints);
      let at: number;
      if (state.slot === 'num') {
        at = nnum;
        nnum += 2;
      } else {
        at = this.objAggs.length;
        this.objAggs.push(c.agg);
      }
      return {
        def: c,
        field,
        where: c.where ? viewFilter(c.where, resolver) : null,
        state,
        at,
        identity: (c.agg === 'LAST' || c.agg === 'FIRST') && c.unit !== 'time',
      };
    });
    this.nnum = nnum;
    const parts: FoldParts<E> = {
      filter,
      keys: this.keys.map((k) => k.extract),
      fields: this.cols.map((c) => c.field?.extract ?? null),
      wheres: this.cols.map((c) => c.where),
      descriptors: this.cols.map((c) => c.field?.descriptor ?? COUNT_DESCRIPTOR),
      scales: this.cols.map((c) => c.def.scale ?? 1),
      memos: this.cols.map((c) => (c.field && memo ? memo.memoSlot(c.field.extract) : undefined)),
      keyMemos: this.keys.map((k) => (memo ? memo.memoSlot(k.extract) : undefined)),
      root: new Map(),
      group: (vals) => this.groupOf(vals),
    };
    this.add = compileFold(foldSource(this.cols, parts, filter !== null, false), parts);
    this.foldIdentity = def.seedThreads === 'identity' ? compileFold(foldSource(this.cols, parts, filter !== null, true), parts) : this.add;
  }

  /** A known thread without an event in range (see TableViewDef.seedThreads). */
  seed(evt: E): void {
    if (this.def.seedThreads) this.foldIdentity(evt);
  }

  /** The group of key values, by their texts. */
  private groupOf(vals: FieldValue[]): Group {
    const keys = this.keys;
    const text = vals.map((v, i) => valueText(v, keys[i]!.descriptor));
    const id = text.length === 1 ? text[0]! : text.join(KEY_SEP);
    let g = this.groups.get(id);
    if (g === undefined) {
      g = { key: text, num: new Float64Array(this.nnum), obj: this.objAggs.map(newAcc) };
      this.groups.set(id, g);
    }
    return g;
  }

  private finish(c: BoundColumn<E>, g: Group): Cell {
    const s = c.state;
    return s.slot === 'num' ? s.finish(g.num[c.at]!, g.num[c.at + 1]!) : s.finish(g.obj[c.at]!);
  }

  get size(): number {
    return this.groups.size;
  }

  result(opts: ResultOptions = {}): ViewResult {
    const def = this.def;
    const columns: ViewColumn[] = [
      ...def.keys.map((k, i) => ({ id: k, title: def.keyTitles[i] ?? k, unit: 'text' as const, key: true })),
      ...def.columns.map((c) => ({ id: c.id, title: c.title, unit: c.unit })),
    ];
    const base = andFilters(this.scope, def.filter);
    const nk = def.keys.length;
    let rows: ViewRow[] = [];
    for (const g of this.groups.values()) {
      const cells: Cell[] = [...g.key, ...this.cols.map((c) => this.finish(c, g))];
      const clauses = g.key.map((t, i) => eqClause(def.keys[i]!, t, this.keys[i]!.descriptor));
      rows.push({ key: g.key, cells, filter: andFilters(base, ...clauses)! });
    }
    const sortId = opts.sort ?? def.sort;
    const sortIdx = columns.findIndex((c) => c.id === sortId || c.title === sortId);
    const desc = opts.desc ?? true;
    if (def.omitEmpty) {
      const defIdx = columns.findIndex((c) => c.id === def.sort);
      rows = rows.filter((r) => r.cells[defIdx] !== null);
    }
    if (sortIdx >= 0) sortRows(rows, sortIdx, desc, nk);
    const totalRows = rows.length;
    const n = opts.top ?? def.top;
    const top = n !== undefined && n > 0 ? rows.slice(0, n) : rows;
    const res: ViewResult = {
      id: def.id,
      title: def.title,
      kind: 'table',
      columns,
      rows: top,
      totalRows,
      sort: sortIdx >= 0 ? { column: columns[sortIdx]!.id, desc } : null,
      filter: base,
    };
    if (def.drilldown) res.drilldown = def.drilldown;
    return res;
  }
}

/** Sorts on one column, nulls last, ties broken by the key texts so output is deterministic. */
export function sortRows(rows: ViewRow[], idx: number, desc: boolean, nkeys: number): void {
  const sign = desc ? -1 : 1;
  rows.sort((a, b) => {
    const x = a.cells[idx]!;
    const y = b.cells[idx]!;
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    const c = compareCells(x, y);
    if (c !== 0) return sign * c;
    for (let i = 0; i < nkeys; i++) {
      const k = compareCells(a.key[i] ?? null, b.key[i] ?? null);
      if (k !== 0) return k;
    }
    return 0;
  });
}

export function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const as = String(a);
  const bs = String(b);
  return as < bs ? -1 : as > bs ? 1 : 0;
}
