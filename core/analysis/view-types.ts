/**
 * The shape of a view, as data. A view is what csysdig and Sysdig Inspect call a view: a filter,
 * key fields (table views group by them) and columns, each a sysdig field with an aggregation.
 * Definitions live in view-defs.ts; table-view.ts and list-view.ts run them.
 */
import type { Aggregation, Cell } from './aggregate.js';

/** How a column's numbers are meant, so every front end formats them the same way. */
export type Unit = 'bytes' | 'ns' | 'count' | 'text' | 'time' | 'id' | 'pct';

export interface ColumnDef {
  id: string;
  title: string;
  /** A sysdig field. Omitted for COUNT columns that count events. */
  field?: string;
  agg: Aggregation;
  unit: Unit;
  /** Only events that also match this filter feed the column (e.g. OPENS counts open exits). */
  where?: string;
  /** Multiplies every folded value (procinfo CPU ticks to nanoseconds). */
  scale?: number;
  /** Fold only values > 0 (the chisels' table_generator ignores zero and negative values). */
  positiveOnly?: boolean;
  description?: string;
}

export interface TableViewDef {
  kind: 'table';
  id: string;
  title: string;
  description: string;
  /** Events the view looks at (before the user's filter). */
  filter?: string;
  /** Group-by fields; an event without a value for every key is left out, as in csysdig. */
  keys: string[];
  /** Titles of the key columns, in key order. */
  keyTitles: string[];
  columns: ColumnDef[];
  /** Column id sorted on by default (descending). */
  sort: string;
  /** The view a row drills into, with the row's filter. */
  drilldown?: string;
  /** Leave out rows whose sort column never received a value (table_generator's behaviour). */
  omitEmpty?: boolean;
  /** Rows shown by default (the chisels' TOP_NUMBER). */
  top?: number;
  /**
   * Also list the threads still in the inspector's table at the end of the range, even without
   * an event in it, as csysdig does (it feeds its tables one fake event per known thread).
   * 'identity' fills only identity columns (FIRST/LAST) for them, so counters stay honest;
   * 'csysdig' folds them into every column like csysdig (they count as events).
   */
  seedThreads?: 'identity' | 'csysdig';
}

export interface ListColumnDef {
  id: string;
  title: string;
  field: string;
  unit: Unit;
}

export interface ListViewDef {
  kind: 'list';
  id: string;
  title: string;
  description: string;
  filter: string;
  columns: ListColumnDef[];
  /** Column id to sort on; absent keeps event order. */
  sort?: string;
  sortDesc?: boolean;
}

export type ViewDef = TableViewDef | ListViewDef;

// The result shapes are the API's: views cross to the UI unchanged.
export type { ViewColumn, ViewRow, ViewResult } from '../api/contract.js';

export interface ResultOptions {
  sort?: string;
  desc?: boolean;
  top?: number;
}
