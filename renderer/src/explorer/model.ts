/**
 * Pure helpers of the capture explorer: filter text building, time arithmetic on nanosecond
 * strings (timestamps exceed a double's exact range, so offsets are computed with BigInt), and
 * value formatting by the units the engine tags its columns with.
 */
import type { Cell, Unit } from '../../../core/api/contract';

/** The filter language's value spelling: bare when the lexer reads it back unchanged, else quoted. */
export function filterValue(v: string): string {
  if (v !== '' && /^[^\s()"'=,\\]+$/.test(v)) return v;
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`;
}

export function eqFilter(field: string, value: string): string {
  return `${field}=${filterValue(value)}`;
}

/** True when `f` has an `or` outside parentheses and quotes, so it needs them once and-ed. */
function hasTopLevelOr(f: string): boolean {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < f.length; i++) {
    const c = f[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /\s/.test(c) && /^or[\s(]/i.test(f.slice(i + 1))) return true;
  }
  return false;
}

/** Joins filter fragments with `and`; blank fragments drop out; null when nothing is left. */
export function andFilters(...parts: (string | null | undefined)[]): string | null {
  const p = parts.map((x) => x?.trim() ?? '').filter((x) => x !== '');
  if (p.length === 0) return null;
  if (p.length === 1) return p[0]!;
  return p.map((x) => (hasTopLevelOr(x) ? `(${x})` : x)).join(' and ');
}

/**
 * The part of a view row's filter that is the row's own: the engine builds it as
 * `and(scope, view filter, key clauses)` and reports the first two as the view's `filter`. Keeping
 * only the key clauses lets a drill-down follow later changes of the global filter and time range.
 */
export function rowClause(rowFilter: string, base: string | null): string {
  if (!base) return rowFilter;
  for (const prefix of [`${base} and `, `(${base}) and `]) {
    if (rowFilter.startsWith(prefix)) return rowFilter.slice(prefix.length);
  }
  return rowFilter;
}

// ---- time ----------------------------------------------------------------------------------

const NS_PER_MS = 1_000_000n;

export function toBig(ns: string | null | undefined): bigint | null {
  if (ns === null || ns === undefined || !/^-?\d+$/.test(ns)) return null;
  return BigInt(ns);
}

/** Milliseconds from `origin` to `ns`, exact to the nanosecond as far as a double allows. */
export function msSince(ns: string, origin: string): number {
  const d = BigInt(ns) - BigInt(origin);
  return Number(d / NS_PER_MS) + Number(d % NS_PER_MS) / 1e6;
}

/** The timestamp `ms` milliseconds after `origin`, as ns text. */
export function addMs(origin: string, ms: number): string {
  return (BigInt(origin) + BigInt(Math.round(ms * 1e6))).toString();
}

/** evt.time's spelling: the UTC wall clock with nanoseconds. */
export function clockTime(ns: string | null | undefined): string {
  const b = toBig(ns);
  if (b === null) return '';
  const ms = Number(b / NS_PER_MS);
  const frac = (b % 1_000_000_000n).toString().padStart(9, '0');
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${frac}`;
}

/** Wall clock with milliseconds, for axes and chips. */
export function shortTime(ns: string): string {
  return clockTime(ns).slice(0, 12);
}

export function isoDate(ns: string | null | undefined): string {
  const b = toBig(ns);
  if (b === null) return '';
  return new Date(Number(b / NS_PER_MS)).toISOString().slice(0, 10);
}

/** A duration in ns as people read it: 850 ns, 12.4 µs, 3.20 ms, 1.53 s, 2m 05s. */
export function formatNs(ns: number): string {
  const a = Math.abs(ns);
  if (a < 1e3) return `${Math.round(ns)} ns`;
  if (a < 1e6) return `${(ns / 1e3).toFixed(a < 1e4 ? 2 : 1)} µs`;
  if (a < 1e9) return `${(ns / 1e6).toFixed(a < 1e7 ? 2 : 1)} ms`;
  if (a < 60e9) return `${(ns / 1e9).toFixed(2)} s`;
  const s = Math.round(ns / 1e9);
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor(s / 60) % 60).padStart(2, '0')}m`;
}

export function spanNs(from: string, to: string): number {
  return Number(BigInt(to) - BigInt(from));
}

// ---- numbers -------------------------------------------------------------------------------

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytesShort(n: number): string {
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < BYTE_UNITS.length - 1) { v /= 1024; u++; }
  return u === 0 ? `${v} B` : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${BYTE_UNITS[u]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Compact counts for tiles: 1,234 / 12.3k / 4.56M. */
export function formatCompact(n: number): string {
  const a = Math.abs(n);
  if (a < 10_000) return n.toLocaleString('en-US');
  if (a < 1e6) return `${(n / 1e3).toFixed(a < 1e5 ? 1 : 0)}k`;
  if (a < 1e9) return `${(n / 1e6).toFixed(a < 1e7 ? 2 : 1)}M`;
  return `${(n / 1e9).toFixed(2)}G`;
}

/** A view cell as text, by the unit of its column. */
export function formatCell(v: Cell, unit: Unit): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    if (unit === 'time' && /^\d{10,}$/.test(v)) return clockTime(v);
    return v;
  }
  switch (unit) {
    case 'bytes': return formatBytesShort(v);
    case 'ns': return formatNs(v);
    case 'count': return formatCount(v);
    case 'pct': return `${v.toFixed(1)}%`;
    case 'time': return clockTime(String(v));
    default: return String(v);
  }
}

/** Sort key of a cell: numbers compare as numbers, numeric text (ns times) by length then text. */
export function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  if (/^-?\d+$/.test(sa) && /^-?\d+$/.test(sb)) {
    const ba = BigInt(sa);
    const bb = BigInt(sb);
    return ba < bb ? -1 : ba > bb ? 1 : 0;
  }
  return sa.localeCompare(sb, 'en', { numeric: true });
}

// ---- bytes ---------------------------------------------------------------------------------

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

export function printable(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}

/** ASCII rendering that keeps line breaks and tabs, dots for other control and high bytes. */
export function asciiText(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b === 0x0a || b === 0x09 ? String.fromCharCode(b) : b === 0x0d ? '' : printable(b);
  return s;
}
