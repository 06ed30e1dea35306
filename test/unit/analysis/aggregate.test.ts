import { describe, expect, it } from 'vitest';
import { AGGREGATIONS, type Aggregation, type Cell } from '../../../core/analysis/aggregate.js';
import { isAbsent, toNumber, valueText } from '../../../core/analysis/fieldref.js';
import { TableView } from '../../../core/analysis/table-view.js';
import type { ColumnDef, TableViewDef } from '../../../core/analysis/view-types.js';
import { compileFilter } from '../../../core/filter/compiler.js';
import type { FieldDescriptor, FieldLookupFailure, FieldResolver, FieldType, FieldValue, ResolvedField } from '../../../core/filter/fields.js';

/**
 * Table views fold through generated code (table-view.ts, aggregate.ts). This pins it to a plain
 * reading of the column semantics, folded one value at a time, over values of every shape a field
 * may hand out: numbers (NaN, -0), bigints, booleans, decimal and other text, address bytes.
 */

type Ev = Record<string, FieldValue>;

const TYPES: Record<string, FieldType> = { num: 'UINT64', time: 'ABSTIME', ip: 'IPV4ADDR', text: 'CHARBUF', k1: 'CHARBUF', k2: 'IPV4ADDR', w: 'UINT32' };

class Resolver implements FieldResolver<Ev> {
  // Fields are x.NAME (the filter language wants a class), read from the event's NAME.
  resolve(name: string): ResolvedField<Ev> | FieldLookupFailure {
    const key = name.slice(2);
    const type = name.startsWith('x.') ? TYPES[key] : undefined;
    if (!type) return { error: 'unknown', message: name };
    const descriptor: FieldDescriptor = { name, type };
    return { descriptor, extract: (e) => (e[key] === undefined ? null : e[key]!) };
  }
  fieldNames(): readonly string[] {
    return Object.keys(TYPES).map((k) => `x.${k}`);
  }
}

const POOLS: Record<string, FieldValue[]> = {
  num: [null, 0, -0, 1, 7, 2.5, -3, NaN, 5n, -7n, 2n ** 60n, true, false, '12', '-4.5', 'abc', ''],
  time: [null, 1_700_000_000_000_000_001n, 1_700_000_000_000_000_000n, 1_699_999_999_999_999_999n, 5, 3.5, '9', 'x'],
  ip: [null, 0x0a000001, Uint8Array.of(10, 0, 0, 1), '10.0.0.1', -1, 4294967295, 0],
  text: [null, 'x', 'y', '', 5, 5n, true, '5'],
  k1: ['a', 'b', 5, '5', 5n, Uint8Array.of(0x61), null],
  k2: [167772161, Uint8Array.of(10, 0, 0, 1), '10.0.0.1', 0, null],
  w: [0, 1, null],
};

/** Every aggregation over every field shape, with and without condition, scale and positive-only. */
function columns(): ColumnDef[] {
  const out: ColumnDef[] = [];
  for (const agg of AGGREGATIONS) {
    for (const field of ['num', 'time', 'ip', 'text', null]) {
      for (const unit of ['count', 'time'] as const) {
        for (const where of [undefined, 'x.w=1']) {
          for (const [scale, positiveOnly] of [[undefined, undefined], [10, undefined], [undefined, true], [3, true]] as const) {
            const c: ColumnDef = { id: `c${out.length}`, title: `${agg} ${field} ${unit}`, agg, unit };
            if (field) c.field = `x.${field}`;
            if (where) c.where = where;
            if (scale !== undefined) c.scale = scale;
            if (positiveOnly) c.positiveOnly = true;
            out.push(c);
          }
        }
      }
    }
  }
  return out;
}

interface RefAcc {
  v: number | string | bigint | null;
  n: number;
  set?: Set<string>;
}

/** One value into one cell, as the columns are specified (aggregate.ts's table). */
function refFold(agg: Aggregation, acc: RefAcc, value: FieldValue, d: FieldDescriptor): void {
  switch (agg) {
    case 'SUM':
    case 'AVG': {
      const x = toNumber(value);
      if (x === undefined) return;
      acc.v = ((acc.v as number | null) ?? 0) + x;
      acc.n++;
      return;
    }
    case 'MAX':
    case 'MIN': {
      const better = (a: number | bigint, b: number | bigint): boolean => (agg === 'MAX' ? a > b : a < b);
      if (typeof value === 'bigint') {
        if (acc.v === null || better(value, acc.v as bigint)) acc.v = value;
        acc.n++;
        return;
      }
      const x = toNumber(value);
      if (x === undefined) return;
      if (acc.v === null || better(x, acc.v as number)) acc.v = x;
      acc.n++;
      return;
    }
    case 'COUNT':
      if (isAbsent(value) || value === false || value === 0) return;
      acc.n++;
      return;
    case 'FIRST':
      if (acc.n > 0 || isAbsent(value)) return;
      acc.v = typeof value === 'number' ? value : valueText(value, d);
      acc.n = 1;
      return;
    case 'LAST':
      if (isAbsent(value)) return;
      acc.v = typeof value === 'number' ? value : valueText(value, d);
      acc.n++;
      return;
    case 'DISTINCT':
      if (isAbsent(value)) return;
      (acc.set ??= new Set()).add(typeof value === 'string' ? value : valueText(value, d));
  }
}

function refFinish(agg: Aggregation, acc: RefAcc): Cell {
  switch (agg) {
    case 'AVG':
      return acc.n === 0 ? null : (acc.v as number) / acc.n;
    case 'COUNT':
      return acc.n;
    case 'DISTINCT':
      return acc.set?.size ?? 0;
    case 'MAX':
    case 'MIN':
      return typeof acc.v === 'bigint' ? acc.v.toString() : acc.v;
    default:
      return acc.v as Cell;
  }
}

/** The view's rows by key text, folding each event column by column. */
function reference(def: TableViewDef, events: { e: Ev; seed: boolean }[]): Map<string, Cell[]> {
  const R = new Resolver();
  const d = (f: string): FieldDescriptor => (R.resolve(f) as ResolvedField<Ev>).descriptor;
  const where = compileFilter('x.w=1', R).match;
  const groups = new Map<string, RefAcc[]>();
  for (const { e, seed } of events) {
    if (seed && !def.seedThreads) continue;
    const identityOnly = seed && def.seedThreads === 'identity';
    const vals = def.keys.map((k) => e[k.slice(2)] ?? null);
    if (vals.some(isAbsent)) continue;
    const id = vals.map((v, i) => valueText(v, d(def.keys[i]!))).join('\u0001\u0001');
    let accs = groups.get(id);
    if (!accs) groups.set(id, (accs = def.columns.map(() => ({ v: null, n: 0 }))));
    def.columns.forEach((c, i) => {
      if (identityOnly && !((c.agg === 'LAST' || c.agg === 'FIRST') && c.unit !== 'time')) return;
      if (c.where && !where(e)) return;
      if (!c.field) return refFold(c.agg, accs![i]!, 1, { name: 'evt.count', type: 'UINT32' });
      let v = e[c.field.slice(2)] ?? null;
      const scale = c.scale ?? 1;
      if (c.positiveOnly || scale !== 1) {
        const x = toNumber(v);
        if (c.positiveOnly && !(x !== undefined && x > 0)) return;
        if (x !== undefined) v = x * scale;
      } else if (typeof v === 'bigint' && c.unit !== 'time') v = Number(v);
      refFold(c.agg, accs![i]!, v, d(c.field));
    });
  }
  return new Map([...groups].map(([k, accs]) => [k, accs.map((a, i) => refFinish(def.columns[i]!.agg, a))]));
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function sameCell(a: Cell, b: Cell): boolean {
  return Object.is(a, b);
}

describe('generated folds', () => {
  for (const [keys, seedThreads] of [
    [['k1'], undefined],
    [['k1', 'k2'], 'identity'],
    [['k2'], 'csysdig'],
  ] as const) {
    it(`match the column semantics (keys ${keys.join(',')}, seeds ${seedThreads ?? 'none'})`, () => {
      const def: TableViewDef = { kind: 'table', id: 't', title: 't', description: '', keys: keys.map((k) => `x.${k}`), keyTitles: [...keys], columns: columns(), sort: 'c0' };
      if (seedThreads) def.seedThreads = seedThreads;
      const next = rng(keys.length * 7 + 1);
      const pick = (f: string): FieldValue => POOLS[f]![Math.floor(next() * POOLS[f]!.length)]!;
      const events: { e: Ev; seed: boolean }[] = [];
      for (let i = 0; i < 3000; i++) {
        const e: Ev = {};
        for (const f of Object.keys(POOLS)) e[f] = pick(f);
        events.push({ e, seed: next() < 0.2 });
      }
      const view = new TableView(def, new Resolver());
      for (const { e, seed } of events) (seed ? view.seed(e) : view.add(e));
      const want = reference(def, events);
      const got = new Map(view.result().rows.map((r) => [r.key.join('\u0001\u0001'), r.cells.slice(keys.length)]));
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [k, cells] of want) {
        const g = got.get(k)!;
        cells.forEach((c, i) => {
          if (!sameCell(g[i]!, c)) expect({ key: k, column: def.columns[i], got: g[i] }).toEqual({ key: k, column: def.columns[i], got: c });
        });
      }
    });
  }
});
