/**
 * Column aggregations, as a table: csysdig's view files name an aggregation per column (SUM, MAX,
 * AVG...), and so do ours. Each entry says where its state lives, how one value folds in, and
 * how the state finishes into a cell.
 *
 * Values are folded only when the field had something to say (absent values are skipped, as
 * csysdig's sinsp_table skips a NULL extraction), so a SUM over an empty group stays null rather
 * than pretending to be 0.
 *
 * A fold is JavaScript source, not a function: table-view.ts pastes the folds of a view's
 * columns into one function per view, so each column's field is called from a call site of its
 * own and no fold goes through a call shared by every column of every view (per event, that
 * shared call was most of a pass's time). Numeric states are two doubles (value, folds) in the
 * group's Float64Array, so folding a number allocates nothing.
 */
import type { FieldDescriptor, FieldValue } from '../filter/fields.js';
import { toNumber, valueText } from './fieldref.js';

export const AGGREGATIONS = ['SUM', 'MAX', 'MIN', 'AVG', 'COUNT', 'FIRST', 'LAST', 'DISTINCT'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** A finished cell: numbers for numeric aggregations, text for FIRST/LAST over text fields. */
export type Cell = number | string | null;

/** State of a cell that is not two doubles; `n` counts folded values. */
export interface Acc {
  /** bigint only for MIN/MAX over exact 64-bit values (timestamps); finished as decimal text. */
  v: number | string | bigint | null;
  n: number;
  /** DISTINCT: the texts seen. */
  set: Set<string> | null;
  /** DISTINCT: numbers already added to `set` (a number's text depends only on it), so a repeat costs no text. */
  seen: Set<number> | null;
  /** DISTINCT: the last primitive value added (events come in runs: a repeat costs no lookup). */
  last: FieldValue | undefined;
}

/** Names the generated fold uses; `skip` is the statement that leaves the column for this event. */
export interface FoldRefs {
  /** The value (already scaled / converted by the column). */
  v: string;
  /** The Float64Array of numeric states and the index of this column's value (its count follows). */
  num: string;
  at: number;
  /** Expression of this column's Acc. */
  acc: string;
  /** The value's descriptor (text of addresses and the like). */
  d: string;
  skip: string;
}

export type AggState =
  | { slot: 'num'; fold(r: FoldRefs): string; finish(v: number, n: number): Cell }
  | { slot: 'obj'; fold(r: FoldRefs): string; finish(acc: Acc): Cell };

interface AggSpec {
  numeric: boolean;
  /** The state for values that are numbers (or not numbers at all). */
  plain: AggState;
  /** MIN/MAX when exact 64-bit values (bigint) may arrive: they are compared as bigints. */
  exact?: AggState;
}

/** `x` = the value as a number, or leave the column (toNumber's reading: decimal text counts). */
const asNumber = (r: FoldRefs): string =>
  `let x; if (typeof ${r.v} === 'number') x = ${r.v}; else { x = toNumber(${r.v}); if (x === undefined) ${r.skip}; }`;
const absent = (r: FoldRefs): string => `(${r.v} === null || ${r.v} === undefined)`;
const orNull = (v: number, n: number): Cell => (n === 0 ? null : v);

function extreme(op: '>' | '<'): Pick<AggSpec, 'plain' | 'exact'> {
  return {
    plain: {
      slot: 'num',
      fold: (r) => `${asNumber(r)} if (${r.num}[${r.at + 1}] === 0 || x ${op} ${r.num}[${r.at}]) ${r.num}[${r.at}] = x; ${r.num}[${r.at + 1}]++;`,
      finish: orNull,
    },
    exact: {
      slot: 'obj',
      fold: (r) =>
        `if (typeof ${r.v} === 'bigint') { if (${r.acc}.v === null || ${r.v} ${op} ${r.acc}.v) ${r.acc}.v = ${r.v}; ${r.acc}.n++; }` +
        ` else { ${asNumber(r)} if (${r.acc}.v === null || x ${op} ${r.acc}.v) ${r.acc}.v = x; ${r.acc}.n++; }`,
      finish: (acc) => (typeof acc.v === 'bigint' ? acc.v.toString() : acc.v),
    },
  };
}

export const AGG_TABLE: Readonly<Record<Aggregation, AggSpec>> = {
  SUM: {
    numeric: true,
    plain: { slot: 'num', fold: (r) => `${asNumber(r)} ${r.num}[${r.at}] += x; ${r.num}[${r.at + 1}]++;`, finish: orNull },
  },
  MAX: { numeric: true, ...extreme('>') },
  MIN: { numeric: true, ...extreme('<') },
  AVG: {
    numeric: true,
    plain: { slot: 'num', fold: (r) => `${asNumber(r)} ${r.num}[${r.at}] += x; ${r.num}[${r.at + 1}]++;`, finish: (v, n) => (n === 0 ? null : v / n) },
  },
  COUNT: {
    numeric: true,
    plain: { slot: 'num', fold: (r) => `if (${absent(r)} || ${r.v} === false || ${r.v} === 0) ${r.skip}; ${r.num}[${r.at + 1}]++;`, finish: (_v, n) => n },
  },
  FIRST: {
    numeric: false,
    plain: {
      slot: 'obj',
      fold: (r) => `if (${r.acc}.n > 0 || ${absent(r)}) ${r.skip}; ${r.acc}.v = typeof ${r.v} === 'number' ? ${r.v} : valueText(${r.v}, ${r.d}); ${r.acc}.n = 1;`,
      finish: (acc) => acc.v as Cell,
    },
  },
  LAST: {
    numeric: false,
    plain: {
      slot: 'obj',
      fold: (r) => `if ${absent(r)} ${r.skip}; ${r.acc}.v = typeof ${r.v} === 'number' || typeof ${r.v} === 'string' ? ${r.v} : valueText(${r.v}, ${r.d}); ${r.acc}.n++;`,
      finish: (acc) => acc.v as Cell,
    },
  },
  DISTINCT: {
    numeric: true,
    plain: {
      slot: 'obj',
      fold: (r) =>
        `if ${absent(r)} ${r.skip}; if (typeof ${r.v} !== 'object') { if (${r.v} === ${r.acc}.last) ${r.skip}; ${r.acc}.last = ${r.v}; }` +
        ` if (typeof ${r.v} === 'number') { if (${r.acc}.seen.has(${r.v})) ${r.skip}; ${r.acc}.seen.add(${r.v}); }` +
        ` ${r.acc}.set.add(typeof ${r.v} === 'string' ? ${r.v} : valueText(${r.v}, ${r.d}));`,
      finish: (acc) => acc.set?.size ?? 0,
    },
  },
};

/** The state of a column of `agg`; `bigints`: exact 64-bit values may reach the fold. */
export function aggState(agg: Aggregation, bigints: boolean): AggState {
  const spec = AGG_TABLE[agg];
  return bigints && spec.exact ? spec.exact : spec.plain;
}

export function newAcc(agg: Aggregation): Acc {
  return agg === 'DISTINCT' ? { v: null, n: 0, set: new Set(), seen: new Set(), last: undefined } : { v: null, n: 0, set: null, seen: null, last: undefined };
}

/** What generated folds call: the readings every fold shares with filters and list views. */
export const FOLD_HELPERS: { toNumber: (v: FieldValue) => number | undefined; valueText: (v: FieldValue, d: FieldDescriptor) => string } = { toNumber, valueText };
