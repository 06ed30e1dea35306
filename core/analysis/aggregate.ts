/**
 * Column aggregations, as a table: csysdig's view files name an aggregation per column (SUM, MAX,
 * AVG...), and so do ours. Each entry says how to start, fold one value in, and finish.
 *
 * Values are folded only when the field had something to say (absent values are skipped, as
 * csysdig's sinsp_table skips a NULL extraction), so a SUM over an empty group stays null rather
 * than pretending to be 0.
 */
import type { FieldValue } from '../filter/fields.js';
import type { FieldDescriptor } from '../filter/fields.js';
import { isAbsent, toNumber, valueText } from './fieldref.js';

export const AGGREGATIONS = ['SUM', 'MAX', 'MIN', 'AVG', 'COUNT', 'FIRST', 'LAST', 'DISTINCT'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** A finished cell: numbers for numeric aggregations, text for FIRST/LAST over text fields. */
export type Cell = number | string | null;

/** Per-cell accumulator state; `n` counts folded values (AVG divides by it). */
export interface Acc {
  /** bigint only for MIN/MAX over exact 64-bit values (timestamps); finished as decimal text. */
  v: number | string | bigint | null;
  n: number;
  set?: Set<string>;
}

interface AggSpec {
  numeric: boolean;
  /** `d` describes the value, for aggregations that keep it as text. */
  fold(acc: Acc, value: FieldValue, d: FieldDescriptor): void;
  finish(acc: Acc): Cell;
}

function num(value: FieldValue): number | undefined {
  return toNumber(value);
}

function exact(acc: Acc): Cell {
  return typeof acc.v === 'bigint' ? acc.v.toString() : acc.v;
}

export const AGG_TABLE: Readonly<Record<Aggregation, AggSpec>> = {
  SUM: {
    numeric: true,
    fold(acc, value) {
      const x = num(value);
      if (x === undefined) return;
      acc.v = (acc.v as number | null ?? 0) + x;
      acc.n++;
    },
    finish: (acc) => acc.v as Cell,
  },
  MAX: {
    numeric: true,
    fold(acc, value) {
      if (typeof value === 'bigint') {
        if (acc.v === null || value > (acc.v as bigint)) acc.v = value;
        acc.n++;
        return;
      }
      const x = num(value);
      if (x === undefined) return;
      if (acc.v === null || x > (acc.v as number)) acc.v = x;
      acc.n++;
    },
    finish: exact,
  },
  MIN: {
    numeric: true,
    fold(acc, value) {
      if (typeof value === 'bigint') {
        if (acc.v === null || value < (acc.v as bigint)) acc.v = value;
        acc.n++;
        return;
      }
      const x = num(value);
      if (x === undefined) return;
      if (acc.v === null || x < (acc.v as number)) acc.v = x;
      acc.n++;
    },
    finish: exact,
  },
  AVG: {
    numeric: true,
    fold(acc, value) {
      const x = num(value);
      if (x === undefined) return;
      acc.v = (acc.v as number | null ?? 0) + x;
      acc.n++;
    },
    finish: (acc) => (acc.n === 0 ? null : (acc.v as number) / acc.n),
  },
  COUNT: {
    numeric: true,
    fold(acc, value) {
      if (isAbsent(value) || value === false || value === 0) return;
      acc.n++;
    },
    finish: (acc) => acc.n,
  },
  FIRST: {
    numeric: false,
    fold(acc, value, d) {
      if (acc.n > 0 || isAbsent(value)) return;
      acc.v = typeof value === 'number' ? value : valueText(value, d);
      acc.n = 1;
    },
    finish: (acc) => acc.v as Cell,
  },
  LAST: {
    numeric: false,
    fold(acc, value, d) {
      if (isAbsent(value)) return;
      acc.v = typeof value === 'number' ? value : valueText(value, d);
      acc.n++;
    },
    finish: (acc) => acc.v as Cell,
  },
  DISTINCT: {
    numeric: true,
    fold(acc, value, d) {
      if (isAbsent(value)) return;
      (acc.set ??= new Set()).add(typeof value === 'string' ? value : valueText(value, d));
    },
    finish: (acc) => acc.set?.size ?? 0,
  },
};

export function newAcc(): Acc {
  return { v: null, n: 0 };
}
