/**
 * Runs a list view (csysdig's view_type "list"): one row per matching event, cells taken from
 * that event. Each row's filter is `evt.num=N`, which selects exactly that event.
 */
import type { FieldResolver } from '../filter/fields.js';
import type { Predicate } from '../filter/compiler.js';
import type { Cell } from './aggregate.js';
import { andFilters } from './drilldown.js';
import { bindField, isAbsent, toNumber, valueText, type BoundField } from './fieldref.js';
import { sortRows } from './table-view.js';
import { viewFilter } from './view-filter.js';
import type { ListViewDef, ResultOptions, ViewColumn, ViewResult, ViewRow } from './view-types.js';

/** Keeps a list view bounded on huge captures; the count of what was dropped is reported. */
export const DEFAULT_LIST_LIMIT = 100_000;

export class ListView<E> {
  private readonly filter: Predicate<E>;
  private readonly cols: BoundField<E>[];
  private readonly numField: BoundField<E>;
  private readonly rows: ViewRow[] = [];
  private seen = 0;

  constructor(
    readonly def: ListViewDef,
    resolver: FieldResolver<E>,
    private readonly scope: string | null = null,
    private readonly limit = DEFAULT_LIST_LIMIT,
  ) {
    this.filter = viewFilter(def.filter, resolver);
    this.cols = def.columns.map((c) => bindField(resolver, c.field));
    this.numField = bindField(resolver, 'evt.num');
  }

  // The row is made in its own method: a closure over `evt` here would make V8 allocate a
  // context on every call, matching or not (a GB over the bench capture's list views).
  add(evt: E): void {
    if (!this.filter(evt)) return;
    this.seen++;
    if (this.rows.length >= this.limit) return;
    this.addRow(evt);
  }

  private addRow(evt: E): void {
    const cells: Cell[] = [];
    for (let i = 0; i < this.cols.length; i++) cells.push(this.cell(this.cols[i]!, i, evt));
    const num = valueText(this.numField.extract(evt), this.numField.descriptor);
    this.rows.push({ key: [num], cells, filter: `evt.num=${num}` });
  }

  private cell(c: BoundField<E>, i: number, evt: E): Cell {
    const v = c.extract(evt);
    if (isAbsent(v)) return null;
    const unit = this.def.columns[i]!.unit;
    if (unit !== 'text' && unit !== 'id' && unit !== 'time') {
      const n = toNumber(v);
      if (n !== undefined) return n;
    }
    return valueText(v, c.descriptor);
  }

  /** Matching events, including any past the row limit. */
  get matched(): number {
    return this.seen;
  }

  result(opts: ResultOptions = {}): ViewResult {
    const def = this.def;
    const columns: ViewColumn[] = def.columns.map((c) => ({ id: c.id, title: c.title, unit: c.unit }));
    const rows = this.rows.map((r) => ({ ...r, filter: andFilters(this.scope, r.filter)! }));
    const sortId = opts.sort ?? def.sort;
    const sortIdx = sortId === undefined ? -1 : columns.findIndex((c) => c.id === sortId || c.title === sortId);
    const desc = opts.desc ?? def.sortDesc ?? true;
    if (sortIdx >= 0) sortRows(rows, sortIdx, desc, 0);
    const base = andFilters(this.scope, def.filter);
    return {
      id: def.id,
      title: def.title,
      kind: 'list',
      columns,
      rows: opts.top !== undefined && opts.top > 0 ? rows.slice(0, opts.top) : rows,
      totalRows: this.seen,
      sort: sortIdx >= 0 ? { column: columns[sortIdx]!.id, desc } : null,
      filter: base,
    };
  }
}
