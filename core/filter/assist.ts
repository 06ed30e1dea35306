/**
 * What the UI filter bar needs: `validateFilter` (parse and compile, returning the first problem
 * with its span, or the fields and warnings) and `completeFilter` (what can be typed at the
 * cursor: field names, operators that fit the field's type, values from a caller-supplied source,
 * boolean keywords).
 */
import type { Expr } from './ast.js';
import { compileFilter, type CompileWarning } from './compiler.js';
import { FilterError, type FilterErrorCode, type FilterErrorReason } from './errors.js';
import type { FieldDescriptor, FieldResolver } from './fields.js';
import { operatorsFor } from './operators.js';
import { SUPPORTED_OPERATORS, TRANSFORMER_NAMES } from './parser.js';

export interface FilterProblem {
  code: FilterErrorCode;
  reason: FilterErrorReason;
  message: string;
  /** Span to underline: start offset and end offset (exclusive). */
  start: number;
  end: number;
  line: number;
  col: number;
  suggestion?: string;
  candidates?: string[];
  /** Text that fixes the problem when it replaces start..end (a one-click fix), when there is one. */
  replacement?: string;
}

export type ValidateResult =
  | { ok: true; ast: Expr; fields: string[]; warnings: CompileWarning[] }
  | { ok: false; problem: FilterProblem };

export function validateFilter<E>(text: string, resolver: FieldResolver<E>): ValidateResult {
  try {
    const f = compileFilter(text, resolver);
    return { ok: true, ast: f.ast, fields: f.fields, warnings: f.warnings };
  } catch (err) {
    if (!(err instanceof FilterError)) throw err;
    const start = err.pos.idx;
    let end = err.end ?? start;
    if (end <= start) {
      // Underline the token at the error position (or one character at the end).
      const m = /^[^\s()]+/.exec(text.slice(start));
      end = start + Math.max(1, m ? m[0].length : 1);
    }
    const problem: FilterProblem = { code: err.code as FilterErrorCode, reason: err.reason, message: err.bare, start, end: Math.min(end, Math.max(text.length, start + 1)), line: err.pos.line, col: err.pos.col };
    if (err.suggestion !== undefined) problem.suggestion = err.suggestion;
    if (err.candidates !== undefined) problem.candidates = err.candidates;
    if (err.reason === 'UNKNOWN_FIELD' && err.candidates?.length) {
      // Keep the bracket argument the user wrote, replace only the name.
      const arg = /\[.*\]$/.exec(text.slice(start, problem.end))?.[0] ?? '';
      problem.replacement = `${err.candidates[0]!.replace(/\[.*\]$/, '')}${arg}`;
    }
    return { ok: false, problem };
  }
}

export type CompletionKind = 'field' | 'operator' | 'value' | 'keyword' | 'transformer' | 'macro';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** Type or description to show beside the label. */
  detail?: string;
  /** Text to insert when it differs from the label (quoted values). */
  insert?: string;
}

export interface CompletionResult {
  /** The range the chosen item replaces. */
  from: number;
  to: number;
  items: CompletionItem[];
}

export interface CompleteOptions {
  /** Values seen for a field (from the capture index, say); `prefix` is what is typed so far. */
  values?: (field: string, prefix: string) => readonly string[];
  /** Macro names to offer where a check can start. */
  macros?: readonly string[];
  /** Maximum items to return. */
  limit?: number;
}

const WORD_OPS = new Set(SUPPORTED_OPERATORS.filter((o) => /^[a-z]/.test(o)));
const FIELD_AT_END = /([a-zA-Z]+[a-zA-Z0-9_]*(?:\.[a-zA-Z]+[a-zA-Z0-9_]*)+)(\[[^\]]*\])?\s*$/;
const OP_AT_END = /(==|=|!=|<=|<|>=|>|[a-z]+)\s*$/;

function quoteIfNeeded(v: string): string {
  return /^[^()"'\s=,]+$/.test(v) ? v : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The field (with argument) whose check the text before `upto` is in the middle of. */
function fieldBefore(text: string): string | undefined {
  const m = FIELD_AT_END.exec(text);
  return m ? m[1]! + (m[2] ?? '') : undefined;
}

export function completeFilter<E>(text: string, cursor: number, resolver: FieldResolver<E>, opts: CompleteOptions = {}): CompletionResult {
  const limit = opts.limit ?? 50;
  const before = text.slice(0, cursor);
  // The word being typed: back to a blank, a parenthesis, a comma or a quote.
  const wm = /[^\s(),"']*$/.exec(before)!;
  const from = cursor - wm[0].length;
  let to = cursor;
  const after = /^[^\s(),"']*/.exec(text.slice(cursor))!;
  to += after[0].length;
  const word = wm[0];
  const head = text.slice(0, from);
  const describe = (name: string): FieldDescriptor | undefined => resolver.describe?.(name.replace(/\[.*$/, ''));

  const done = (items: CompletionItem[]): CompletionResult => ({ from, to, items: items.slice(0, limit) });

  // Inside a value list `field in (a, b, |`: values of that field.
  const listCtx = /([a-zA-Z][\w.]*(?:\[[^\]]*\])?)\s+(in|intersects|pmatch|[a-z]+\s+(?:oneof|anyof|allof))\s*\(([^()]*)$/.exec(head);
  if (listCtx) return done(valueItems(listCtx[1]!, word, describe(listCtx[1]!), opts));

  // After an operator: values.
  const opm = OP_AT_END.exec(head);
  if (opm && (!/^[a-z]+$/.test(opm[1]!) || WORD_OPS.has(opm[1]!))) {
    const field = fieldBefore(head.slice(0, head.length - opm[0].length));
    if (field && opm[1] !== 'exists') return done(valueItems(field, word, describe(field), opts));
  }

  // Right after a field: operators that fit its type.
  const field = fieldBefore(head);
  if (field && /\s$/.test(head)) {
    const d = describe(field);
    const ops = d ? operatorsFor(d.type, d.isList ?? false) : SUPPORTED_OPERATORS;
    return done(ops.filter((o) => o.startsWith(word)).map((o) => ({ label: o, kind: 'operator' as const, ...(d ? { detail: d.type } : {}) })));
  }

  // After a complete check: boolean keywords.
  const trimmed = head.trimEnd();
  const afterCheck = trimmed.length > 0 && /\s$/.test(head) && !/(\(|\band|\bor|\bnot)$/.test(trimmed);
  if (afterCheck) {
    return done(['and', 'or'].filter((k) => k.startsWith(word)).map((k) => ({ label: k, kind: 'keyword' as const })));
  }

  // Where a check starts: fields, transformers, macros, `not`.
  const items: CompletionItem[] = [];
  if ('not'.startsWith(word)) items.push({ label: 'not', kind: 'keyword' });
  const names = [...resolver.fieldNames()].filter((n) => n.startsWith(word)).sort();
  for (const n of names) {
    const d = describe(n);
    items.push({ label: n, kind: 'field', ...(d ? { detail: d.description ? `${d.type} — ${d.description}` : d.type } : {}) });
  }
  for (const m of opts.macros ?? []) if (m.startsWith(word)) items.push({ label: m, kind: 'macro' });
  for (const t of TRANSFORMER_NAMES) if (t.startsWith(word) && word.length > 0) items.push({ label: `${t}(`, kind: 'transformer' });
  return done(items);
}

function valueItems(field: string, prefix: string, d: FieldDescriptor | undefined, opts: CompleteOptions): CompletionItem[] {
  const raw = prefix.replace(/^["']/, '');
  const out: CompletionItem[] = [];
  if (d?.type === 'BOOL') for (const v of ['true', 'false']) if (v.startsWith(raw)) out.push({ label: v, kind: 'value' });
  for (const v of opts.values?.(field, raw) ?? []) {
    if (!v.startsWith(raw)) continue;
    const insert = quoteIfNeeded(v);
    out.push({ label: v, kind: 'value', ...(insert !== v ? { insert } : {}) });
  }
  return out;
}
