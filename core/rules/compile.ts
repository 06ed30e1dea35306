/**
 * Compiles what the collector holds: expands lists, macros and exceptions, compiles conditions
 * and outputs against the event source's field resolver, derives each rule's event types, and
 * reports Falco's errors and warnings. Unlike Falco, one bad item does not abort the rest: it is
 * reported and skipped, and everything else compiles.
 */
import type { Expr, Pos } from '../filter/ast.js';
import { walk } from '../filter/ast.js';
import { compileFilter, type Predicate } from '../filter/compiler.js';
import { FilterError } from '../filter/errors.js';
import { CodeSet, eventCodes, eventNames, EvttypeError, type EventUniverse } from '../filter/evttypes.js';
import type { FieldResolver } from '../filter/fields.js';
import { parseFilter } from '../filter/parser.js';
import type { Collector } from './collector.js';
import { buildExceptionCondition } from './exceptions.js';
import { expandLists, expandMacros, type ListLookup } from './expand.js';
import type { MacroInfo, Priority, RuleInfo, TextAnchor } from './items.js';
import { compileOutput, OutputFormatError, type CompiledOutput } from './output.js';
import { RuleLoadError, type Context, type LoadResult } from './result.js';

export interface CompiledRule<E> {
  name: string;
  source: string;
  description: string;
  priority: Priority;
  tags: string[];
  /** Enabled state from the rules files (the engine may override it). */
  enabled: boolean;
  capture: boolean;
  captureDuration: number;
  /** The full condition text (with exceptions) and its expanded AST. */
  conditionText: string;
  condition: Expr;
  match: Predicate<E>;
  outputFormat: string;
  output: CompiledOutput<E>;
  /** Event codes the rule can match (syscall source); all codes for other sources. */
  eventCodes: CodeSet;
  eventNames: string[] | 'all';
  exceptionFields: string[];
  file: string;
  line: number;
  /** Definition order across all loaded files. */
  index: number;
}

export interface SourceSpec<E> {
  resolver: FieldResolver<E>;
}

export interface CompileConfig<E> {
  sources: ReadonlyMap<string, SourceSpec<E>>;
  universe: EventUniverse;
}

const DEPRECATED_FIELDS: Record<string, string> = {
  'evt.dir': "due to the drop of enter events, 'evt.dir = <' always evaluates to true, and 'evt.dir = >' always evaluates to false. The rule expression can be simplified by removing the condition on 'evt.dir'",
  'evt.latency': 'field is not available due to the drop of enter events.',
  'evt.latency.s': 'field is not available due to the drop of enter events.',
  'evt.latency.ns': 'field is not available due to the drop of enter events.',
  'evt.latency.human': 'field is not available due to the drop of enter events.',
  'evt.wait_latency': 'field is not available due to the drop of enter events.',
};

const CONTAINER_INFO = '%container.info';

function shortCondition(cond: string): string {
  const s = cond.length > 20 ? `"${cond.slice(0, 17)}..."` : `"${cond}"`;
  return s.replace(/[\r\n]/g, ' ');
}

/** Where condition position `pos` lands in the file, given the condition's anchor. */
function conditionContext(parent: Context, condition: string, pos: Pos, anchor: TextAnchor | undefined): Context {
  let at;
  if (anchor && pos.idx <= condition.length) {
    at = anchor.reflowed
      ? { line: anchor.at.line + pos.line - 1, col: pos.line === 1 ? anchor.at.col + pos.col - 1 : pos.col, offset: anchor.at.offset + pos.idx }
      : { line: anchor.at.line, col: anchor.at.col + pos.idx, offset: anchor.at.offset + pos.idx };
  } else {
    const l = parent.last;
    at = { line: l.line, col: l.col, offset: l.offset };
  }
  return parent.child('condition expression', '', at, shortCondition(condition));
}

function condError(code: 'LOAD_ERR_COMPILE_CONDITION' | 'LOAD_ERR_VALIDATE', msg: string, parent: Context, condition: string, pos: Pos, anchor: TextAnchor | undefined): RuleLoadError {
  return new RuleLoadError(code, msg, conditionContext(parent, condition, pos, anchor), pos);
}

function isUnknownTypeOrField(msg: string): boolean {
  return msg.includes('nonexistent field') || msg.includes('invalid formatting token') || msg.includes('unknown event type') || msg.includes('unknown filter:');
}

export function compileCollected<E>(col: Collector, cfg: CompileConfig<E>, res: LoadResult): CompiledRule<E>[] {
  // Lists: items naming an earlier list are replaced by that list's items.
  const lists = new Map<string, string[]>();
  const usedLists = new Set<string>();
  for (const l of col.lists.values()) {
    const items: string[] = [];
    for (const item of l.items) {
      const ref = col.lists.get(item);
      if (ref && ref.index < l.visibility) {
        usedLists.add(ref.name);
        items.push(...ref.items);
      } else {
        items.push(item);
      }
    }
    lists.set(l.name, items);
  }
  const lookup: ListLookup = { get: (n) => lists.get(n), used: (n) => usedLists.add(n) };

  const parseCondition = (cond: string, parent: Context, anchor: TextAnchor | undefined): Expr => {
    let ast: Expr;
    try {
      ast = parseFilter(cond, { maxDepth: 1000 });
    } catch (err) {
      if (err instanceof FilterError) throw condError('LOAD_ERR_COMPILE_CONDITION', err.bare, parent, cond, err.pos, anchor);
      throw err;
    }
    try {
      return expandLists(ast, lookup);
    } catch (err) {
      if (err instanceof FilterError) throw condError('LOAD_ERR_COMPILE_CONDITION', err.bare, parent, cond, err.pos, anchor);
      throw err;
    }
  };

  // Macros: parse all, then expand references among them (a macro sees macros defined before its last change).
  const macroAst = new Map<string, Expr | null>();
  const usedMacros = new Set<string>();
  const macroInfos = [...col.macros.values()];
  for (const m of macroInfos) {
    try {
      macroAst.set(m.name, parseCondition(m.cond, m.condCtx, m.anchor));
    } catch (err) {
      macroAst.set(m.name, null);
      report(res, err);
    }
  }
  const resolveRefs = (ast: Expr, cond: string, ctx: Context, anchor: TextAnchor | undefined, visible: (m: MacroInfo) => boolean): Expr => {
    const broken: string[] = [];
    const exp = expandMacros(ast, (name) => {
      const info = col.macros.get(name);
      if (!info || !visible(info)) return undefined;
      const body = macroAst.get(name);
      if (!body) {
        broken.push(name);
        return undefined;
      }
      return body;
    });
    for (const n of exp.resolved) usedMacros.add(n);
    if (exp.loops.length > 0) throw condError('LOAD_ERR_VALIDATE', exp.loops[0]!.message, ctx, cond, exp.loops[0]!.pos, anchor);
    const first = exp.unknown[0];
    if (first) {
      const msg = broken.includes(first.name) ? `Macro '${first.name}' used in filter has errors` : `Undefined macro '${first.name}' used in filter.`;
      throw condError('LOAD_ERR_VALIDATE', msg, ctx, cond, first.pos, anchor);
    }
    return exp.ast;
  };
  for (const m of macroInfos) {
    const ast = macroAst.get(m.name);
    if (!ast) continue;
    try {
      macroAst.set(m.name, resolveRefs(ast, m.cond, m.ctx, m.anchor, (o) => o.index < m.visibility));
    } catch (err) {
      macroAst.set(m.name, null);
      report(res, err);
    }
  }

  const out: CompiledRule<E>[] = [];
  for (const r of col.rules.values()) {
    if (r.unknownSource) continue;
    try {
      const compiled = compileRule(r, cfg, res, (cond, anchor) => {
        const ast = parseCondition(cond, r.condCtx, anchor);
        return resolveRefs(ast, cond, r.ctx, anchor, () => true);
      });
      if (compiled) out.push(compiled);
    } catch (err) {
      report(res, err);
    }
  }

  for (const m of macroInfos) {
    if (!usedMacros.has(m.name)) res.addWarning('LOAD_UNUSED_MACRO', 'Macro not referred to by any other rule/macro', m.ctx);
  }
  for (const l of col.lists.values()) {
    if (!usedLists.has(l.name)) res.addWarning('LOAD_UNUSED_LIST', 'List not referred to by any other rule/macro', l.ctx);
  }
  return out;
}

function report(res: LoadResult, err: unknown): void {
  if (err instanceof RuleLoadError) res.addError(err.code, err.message, err.ctx, err.conditionPos);
  else throw err;
}

function compileRule<E>(
  r: RuleInfo,
  cfg: CompileConfig<E>,
  res: LoadResult,
  parse: (cond: string, anchor: TextAnchor | undefined) => Expr,
): CompiledRule<E> | undefined {
  const source = cfg.sources.get(r.source);
  if (!source) throw new RuleLoadError('LOAD_ERR_VALIDATE', `Unknown source at compile-time${r.source}`, r.ctx);
  const exceptionFields = new Set<string>();
  const condition = r.exceptions.length > 0 ? buildExceptionCondition(r.cond, r.exceptions, exceptionFields) : r.cond;
  // With exceptions the text gains a leading '(' so user positions shift by one.
  const anchor = r.condAnchor && r.exceptions.length > 0
    ? { ...r.condAnchor, at: { ...r.condAnchor.at, col: r.condAnchor.at.col - 1, offset: r.condAnchor.at.offset - 1 } }
    : r.condAnchor;

  let outputFormat = r.output;
  if (outputFormat.includes(CONTAINER_INFO)) {
    res.addWarning('LOAD_DEPRECATED_ITEM', '%container.info is deprecated and no more useful, and will be dropped by Falco 1.0.0. The container plugin will automatically add required fields to the output message.', r.ctx);
    outputFormat = outputFormat.split(CONTAINER_INFO).join('');
  }
  let output: CompiledOutput<E>;
  try {
    output = compileOutput(outputFormat, source.resolver);
  } catch (err) {
    if (!(err instanceof OutputFormatError)) throw err;
    if (isUnknownTypeOrField(err.message) && r.skipIfUnknownFilter) {
      res.addWarning('LOAD_UNKNOWN_FILTER', err.message, r.outputCtx);
      return undefined;
    }
    throw new RuleLoadError('LOAD_ERR_COMPILE_OUTPUT', err.message, r.outputCtx);
  }
  for (const f of Object.keys(DEPRECATED_FIELDS)) {
    if (outputFormat.includes(f)) res.addWarning('LOAD_DEPRECATED_ITEM', `usage of deprecated field '${f}' has been detected in the rule output`, r.outputCtx);
  }

  const ast = parse(condition, anchor);
  warnCondition(ast, res, conditionContext(r.condCtx, condition, { idx: 0, line: 1, col: 1 }, anchor));

  let match: Predicate<E>;
  try {
    const f = compileFilter(ast, source.resolver);
    match = f.match;
    for (const w of f.warnings) res.addWarning('LOAD_COMPILE_CONDITION', w.message, conditionContext(r.condCtx, condition, w.pos, anchor), w.pos);
  } catch (err) {
    if (!(err instanceof FilterError) && !(err instanceof Error)) throw err;
    const msg = err instanceof FilterError ? err.bare : err.message;
    const pos = err instanceof FilterError ? err.pos : { idx: 0, line: 1, col: 1 };
    const ctx = conditionContext(r.condCtx, condition, pos, anchor);
    if (isUnknownTypeOrField(msg) && r.skipIfUnknownFilter) {
      res.addWarning('LOAD_UNKNOWN_FILTER', msg, ctx, pos);
      return undefined;
    }
    throw new RuleLoadError('LOAD_ERR_COMPILE_CONDITION', msg, ctx, pos);
  }

  let codes: CodeSet;
  if (r.source === 'syscall') {
    try {
      codes = eventCodes(ast, cfg.universe);
    } catch (err) {
      if (!(err instanceof EvttypeError)) throw err;
      throw new RuleLoadError('LOAD_ERR_COMPILE_CONDITION', err.message, r.condCtx);
    }
    // An empty set is a statically false condition (the never_true idiom), not a broad one.
    if (codes.size > 100 && r.warnEvttypes) {
      res.addWarning('LOAD_NO_EVTTYPE', 'Rule matches too many evt.type values. This has a significant performance penalty.', r.ctx);
    }
  } else {
    codes = CodeSet.all(cfg.universe.size);
  }

  const pos = r.ctx.filePosition;
  return {
    name: r.name,
    source: r.source,
    description: r.desc,
    priority: r.priority,
    tags: [...r.tags],
    enabled: r.enabled,
    capture: r.capture,
    captureDuration: r.captureDuration,
    conditionText: condition,
    condition: ast,
    match,
    outputFormat,
    output,
    eventCodes: codes,
    eventNames: r.source === 'syscall' ? eventNames(codes, cfg.universe) : 'all',
    exceptionFields: [...exceptionFields],
    file: r.ctx.fileName,
    line: pos.line,
    index: r.index,
  };
}

/** Falco's filter_warning_resolver: <NA> compared on unsafe (ka./jevt.) fields, deprecated fields. */
function warnCondition(ast: Expr, res: LoadResult, ctx: Context): void {
  let unsafeNa = false;
  const deprecated = new Set<string>();
  walk(ast, (n) => {
    if (n.kind === 'field' && DEPRECATED_FIELDS[n.field] !== undefined) deprecated.add(n.field);
    if (n.kind === 'binary' && n.left.kind === 'field' && (n.left.field.startsWith('ka.') || n.left.field.startsWith('jevt.'))) {
      if (['==', '=', '!=', 'in', 'intersects', 'pmatch'].includes(n.op)) {
        if (n.right.kind === 'value' && n.right.value === '<NA>') unsafeNa = true;
        if (n.right.kind === 'list' && n.right.items.some((i) => i.value === '<NA>')) unsafeNa = true;
      }
    }
  });
  if (unsafeNa) res.addWarning('LOAD_UNSAFE_NA_CHECK', '', ctx);
  for (const f of deprecated) res.addWarning('LOAD_DEPRECATED_ITEM', DEPRECATED_FIELDS[f]!, ctx);
}
