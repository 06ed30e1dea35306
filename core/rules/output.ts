/**
 * Rule output formats: literal text with `%field` substitutions, as libsinsp's event formatter
 * reads them. After a `%` (and an optional field width) the longest field or transformer that
 * compiles is taken; the rest is literal. A leading `*` prints even when some fields are missing.
 */
import { compileValueExpr, type ValueExtractor } from '../filter/compiler.js';
import { isLookupFailure, type FieldResolver } from '../filter/fields.js';
import { parseFieldOrTransformer } from '../filter/parser.js';

export type OutputToken<E> = { kind: 'text'; text: string } | { kind: 'field'; width: number; field: ValueExtractor<E>; source: string };

export interface CompiledOutput<E> {
  tokens: OutputToken<E>[];
  requireAllValues: boolean;
  /** The fields named, as written (for JSON output_fields). */
  fieldNames: string[];
}

export class OutputFormatError extends Error {}

function tryField<E>(text: string, resolver: FieldResolver<E>): { field: ValueExtractor<E>; consumed: number } | undefined {
  try {
    const { expr, consumed } = parseFieldOrTransformer(text);
    // Most tries are prefixes that name no field: answer those from the resolver, without the
    // compiler's "did you mean" search over every field name (~80 ms for Falco's rules files).
    if (expr.kind === 'field' && isLookupFailure(resolver.resolve(expr.field, expr.arg))) return undefined;
    return { field: compileValueExpr(expr, resolver), consumed };
  } catch {
    return undefined;
  }
}

export function compileOutput<E>(format: string, resolver: FieldResolver<E>): CompiledOutput<E> {
  if (format.length === 0) throw new OutputFormatError('empty formatting token');
  let fmt = format;
  let requireAllValues = true;
  if (fmt[0] === '*') {
    requireAllValues = false;
    fmt = fmt.slice(1);
  }
  const tokens: OutputToken<E>[] = [];
  const fieldNames: string[] = [];
  let literalStart = 0;
  let j = 0;
  for (; j < fmt.length; j++) {
    if (fmt[j] !== '%') continue;
    if (literalStart !== j) tokens.push({ kind: 'text', text: fmt.slice(literalStart, j) });
    if (j === fmt.length - 1) throw new OutputFormatError('invalid formatting syntax: formatting cannot end with a %');
    let width = 0;
    if (/[0-9]/.test(fmt[j + 1]!)) {
      const m = /^[0-9]+/.exec(fmt.slice(j + 1))!;
      width = Number(m[0]);
      if (j + m[0].length >= fmt.length - 1) throw new OutputFormatError('invalid formatting syntax: formatting cannot end with a number');
      j += m[0].length;
    }
    const rest = fmt.slice(j + 1);
    // Take the longest prefix that is a known field or transformer.
    let found: { field: ValueExtractor<E>; consumed: number } | undefined;
    const first = tryField(rest, resolver);
    if (first) found = first;
    else {
      let natural: number;
      try {
        natural = parseFieldOrTransformer(rest).consumed;
      } catch {
        natural = 0;
      }
      for (let size = natural - 1; size > 0 && !found; size--) found = tryField(rest.slice(0, size), resolver);
    }
    if (!found) {
      const tok = /^\S*/.exec(rest)![0];
      throw new OutputFormatError(`invalid formatting token ${tok}`);
    }
    tokens.push({ kind: 'field', width, field: found.field, source: rest.slice(0, found.consumed) });
    fieldNames.push(rest.slice(0, found.consumed));
    j += found.consumed;
    literalStart = j + 1;
  }
  if (literalStart < fmt.length) tokens.push({ kind: 'text', text: fmt.slice(literalStart) });
  return { tokens, requireAllValues, fieldNames };
}

/** Renders the output for an event; missing values print as <NA>. */
export function renderOutput<E>(out: CompiledOutput<E>, evt: E): string {
  let s = '';
  for (const t of out.tokens) {
    if (t.kind === 'text') {
      s += t.text;
      continue;
    }
    const v = t.field.text(evt) ?? '<NA>';
    s += t.width > 0 ? v.padEnd(t.width) : v;
  }
  return s;
}

/** Field values by name, as Falco's JSON output_fields carries them. */
export function outputFields<E>(out: CompiledOutput<E>, evt: E): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  for (const t of out.tokens) if (t.kind === 'field') fields[t.source] = t.field.text(evt) ?? null;
  return fields;
}
