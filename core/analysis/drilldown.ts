/**
 * Building the filter text that selects a row's events. Every row of every view carries one, so a
 * click in the UI (or a copy into `tracehound read`) shows exactly the events behind a number.
 */
import { escapeValue } from '../filter/ast.js';
import type { FieldDescriptor } from '../filter/fields.js';
import { isNumericType } from '../filter/fields.js';

/** Joins filter fragments with `and`, parenthesising each when there is more than one. */
export function andFilters(...parts: (string | null | undefined)[]): string | null {
  const p = parts.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  if (p.length === 0) return null;
  if (p.length === 1) return p[0]!;
  return p.map((x) => (hasTopLevelOr(x) ? `(${x})` : x)).join(' and ');
}

/** `field=value` where the value is spelled so the filter parser reads it back unchanged. */
export function eqClause(field: string, text: string, d?: FieldDescriptor): string {
  if (d && isNumericType(d.type) && /^-?\d+(\.\d+)?$/.test(text)) return `${field}=${text}`;
  return `${field}=${escapeValue(text)}`;
}

/** `and` is associative, so only a fragment with a top-level `or` needs parentheses. */
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
    else if (depth === 0 && /\s/.test(c)) {
      if (/^or[\s(]/i.test(f.slice(i + 1))) return true;
    }
  }
  return false;
}

export function timeRangeClause(fromNs: bigint | null, toNs: bigint | null): string | null {
  const parts: string[] = [];
  if (fromNs !== null) parts.push(`evt.rawtime>=${fromNs}`);
  if (toNs !== null) parts.push(`evt.rawtime<=${toNs}`);
  return parts.length ? parts.join(' and ') : null;
}
