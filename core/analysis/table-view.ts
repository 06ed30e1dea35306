/**
 * Runs a table view: groups the events that pass the view's filter by its key fields and folds
 * every column's field with the column's aggregation. One instance per view per pass; it never
 * re-reads anything, so many of them share a single pass over a capture.
 */
import type { FieldResolver, FieldValue } from '../filter/fields.js';
import type { Predicate } from '../filter/compiler.js';
import { AGG_TABLE, newAcc, type Acc, type Cell } from './aggregate.js';
import { andFilters, eqClause } from './drilldown.js';
import { bindField, isAbsent, toNumber, valueText, type BoundField } from './fieldref.js';
import { viewFilter } from './view-filter.js';
import type { ResultOptions, TableViewDef, ViewColumn, ViewResult, ViewRow } from './view-types.js';

interface BoundColumn<E> {
  field: BoundField<E> | null;
  where: Predicate<E> | null;
  fold: (typeof AGG_TABLE)[keyof typeof AGG_TABLE]['fold'];
  finish: (acc: Acc) => Cell;
  scale: number;
  positiveOnly: boolean;
  /** Keep 64-bit values exact (timestamps); other columns fold plain numbers. */
  exact: boolean;
  /** A FIRST/LAST column describing the key (name, command), not measuring it. */
  identity: boolean;
}

interface Group {
  key: string[];
  accs: Acc[];
}

const KEY_SEP = '\u0001\u0001';
const COUNT_DESCRIPTOR = { name: 'evt.count', type: 'UINT32' } as const;

export class TableView<E> {
  private readonly filter: Predicate<E> | null;
  private readonly keys: BoundField<E>[];
  private readonly cols: BoundColumn<E>[];
  private readonly groups = new Map<string, Group>();
  private readonly keyText: string[];
  private readonly keyVals: FieldValue[];
  private readonly byValue = new Map<unknown, unknown>();

  constructor(
    readonly def: TableViewDef,
    resolver: FieldResolver<E>,
    /** The user's filter and time range, already applied by the pass; only used in row filters. */
    private readonly scope: string | null = null,
  ) {
    this.filter = def.filter ? viewFilter(def.filter, resolver) : null;
    this.keys = def.keys.map((k) => bindField(resolver, k));
    this.keyText = new Array<string>(this.keys.length);
    this.keyVals = new Array<FieldValue>(this.keys.length);
    this.cols = def.columns.map((c) => {
      const agg = AGG_TABLE[c.agg];
      return {
        field: c.field ? bindField(resolver, c.field) : null,
        where: c.where ? viewFilter(c.where, resolver) : null,
        fold: agg.fold,
        finish: agg.finish,
        scale: c.scale ?? 1,
        positiveOnly: c.positiveOnly ?? false,
        exact: c.unit === 'time',
        identity: (c.agg === 'LAST' || c.agg === 'FIRST') && c.unit !== 'time',
      };
    });
  }

  add(evt: E): void {
    this.fold(evt, false);
  }

  /** A known thread without an event in range (see TableViewDef.seedThreads). */
  seed(evt: E): void {
    if (this.def.seedThreads) this.fold(evt, this.def.seedThreads === 'identity');
  }

  private fold(evt: E, identityOnly: boolean): void {
    if (this.filter && !this.filter(evt)) return;
    const keys = this.keys;
    const vals = this.keyVals;
    let primitive = true;
    for (let i = 0; i < keys.length; i++) {
      const v = keys[i]!.extract(evt);
      if (isAbsent(v)) return;
      if (typeof v === 'object') primitive = false;
      vals[i] = v;
    }
    // Primitive key values find their group through nested maps (a value's text depends only on
    // the value and the field), so the common case builds no key text and no joined id.
    let g: Group | undefined;
    if (primitive) {
      let node = this.byValue;
      const last = vals.length - 1;
      for (let i = 0; i < last; i++) {
        let next = node.get(vals[i]) as Map<unknown, unknown> | undefined;
        if (next === undefined) {
          next = new Map();
          node.set(vals[i], next);
        }
        node = next;
      }
      g = node.get(vals[last]) as Group | undefined;
      if (g === undefined) {
        g = this.groupOf();
        node.set(vals[last], g);
      }
    } else g = this.groupOf();
    const cols = this.cols;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      if (identityOnly && !c.identity) continue;
      if (c.where && !c.where(evt)) continue;
      if (c.field === null) {
        c.fold(g.accs[i]!, 1, COUNT_DESCRIPTOR);
        continue;
      }
      const f = c.field;
      let v = f.extract(evt);
      if (c.positiveOnly || c.scale !== 1) {
        const x = toNumber(v);
        if (c.positiveOnly && !(x !== undefined && x > 0)) continue;
        if (x !== undefined) v = x * c.scale;
      } else if (typeof v === 'bigint' && !c.exact) v = Number(v);
      c.fold(g.accs[i]!, v, f.descriptor);
    }
  }

  /** The group of the key values in keyVals, by their texts. */
  private groupOf(): Group {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) this.keyText[i] = valueText(this.keyVals[i]!, keys[i]!.descriptor);
    const id = this.keyText.length === 1 ? this.keyText[0]! : this.keyText.join(KEY_SEP);
    let g = this.groups.get(id);
    if (g === undefined) {
      g = { key: this.keyText.slice(), accs: this.cols.map(() => newAcc()) };
      this.groups.set(id, g);
    }
    return g;
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
      const cells: Cell[] = [...g.key, ...g.accs.map((a, i) => this.cols[i]!.finish(a))];
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
