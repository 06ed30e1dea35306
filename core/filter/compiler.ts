/**
 * Compiles a filter AST into a predicate made of closures. Each check resolves its field once,
 * parses its literals once into typed operands, and picks a comparison specialised for the
 * operator and type, so evaluating an event reads only the fields the filter names, stops at the
 * first decisive branch of and/or, and allocates nothing for the common operators.
 *
 * Semantics follow libsinsp: a check whose field is not available for the event is false
 * (so `not` of it is true); `in`/`intersects` on a scalar is set membership; on a list field `in`
 * means every extracted value is in the set and `intersects` means at least one is.
 */
import type { BinaryCheckExpr, Expr, Pos, TransformerExpr, UnaryCheckExpr, ValueExpr } from './ast.js';
import { FilterError } from './errors.js';
import {
  isAddrType,
  isLookupFailure,
  isNetType,
  isNumericType,
  isStringType,
  type FieldResolver,
  type FieldType,
  type FieldValue,
} from './fields.js';
import { globToRegExp } from './glob.js';
import {
  comparabilityError,
  comparatorText,
  operatorsFor,
  parseComparator,
  type BaseOp,
  type Comparator,
} from './operators.js';
import { parseFilter } from './parser.js';
import { PathPrefixSearch } from './pmatch.js';
import { nearestNames } from './suggest.js';
import { exampleValue, hexToBytes, parseIPv4, parseIPv6, parseOperand, ValueError, type Operand } from './values.js';
import { TRANSFORMER_NAMES } from './parser.js';

export type Predicate<E> = (evt: E) => boolean;

export interface CompileWarning {
  message: string;
  pos: Pos;
  end: number;
}

export interface CompiledFilter<E> {
  match: Predicate<E>;
  ast: Expr;
  /** Fields the filter reads, as written (with their argument). */
  fields: string[];
  /** Libsinsp's compile-time warnings (a regex that a simpler operator could do, a field name used as a string...). */
  warnings: CompileWarning[];
}

export interface CompileOptions {
  /** Maximum nesting depth when parsing from text. */
  maxDepth?: number;
  /** Generate one JavaScript function for the condition (default); false evaluates it as nested closures. */
  codegen?: boolean;
}

type Extract<E> = (evt: E) => FieldValue;

interface Side<E> {
  extract: Extract<E>;
  type: FieldType;
  isList: boolean;
  anyOf: boolean;
  /** Name as libsinsp prints it in errors: the field name with its argument. */
  name: string;
  rhsSupported: boolean;
  transformersSupported: boolean;
}

type Test = (v: unknown) => boolean;
type DynTest = (v: unknown, r: unknown) => boolean;

const TRANSFORMER_SET: ReadonlySet<string> = new Set(TRANSFORMER_NAMES);

/**
 * Tests whose whole behaviour is one JavaScript expression on the value, so the generated
 * predicate can do it in place instead of calling the closure.
 */
type InlineTest =
  | { kind: 'eq' | 'ne'; c: string }
  | { kind: 'has'; c: ReadonlySet<string> }
  | { kind: 'method'; method: 'includes' | 'startsWith' | 'endsWith'; c: string }
  /** For a number value the test is `v <op> c`; other values go through the closure. */
  | { kind: 'num'; op: '===' | '!==' | '<' | '<=' | '>' | '>='; c: number }
  /** For a boolean value the test is `v === c`; other values go through the closure. */
  | { kind: 'bool'; c: boolean };
const INLINE = new WeakMap<Test, InlineTest>();

function inlinable(t: Test, spec: InlineTest): Test {
  INLINE.set(t, spec);
  return t;
}

function fieldLabel(field: string, arg: string | undefined): string {
  return arg === undefined ? field : `${field}[${arg}]`;
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** strcasestr with ASCII folding and no allocation; `needle` must already be lower case. */
function includesAsciiCI(hay: string, needle: string): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const last = hay.length - n;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < n; j++) {
      let c = hay.charCodeAt(i + j);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== needle.charCodeAt(j)) continue outer;
    }
    return true;
  }
  return false;
}

function toBytes(v: unknown): Uint8Array | undefined {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return Buffer.from(v, 'latin1');
  return undefined;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function bytesIndexOf(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  if (needle.length === 0) return from;
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function bytesStartsWith(hay: Uint8Array, p: Uint8Array): boolean {
  if (p.length > hay.length) return false;
  for (let i = 0; i < p.length; i++) if (hay[i] !== p[i]) return false;
  return true;
}

function bytesEndsWith(hay: Uint8Array, p: Uint8Array): boolean {
  if (p.length > hay.length) return false;
  const off = hay.length - p.length;
  for (let i = 0; i < p.length; i++) if (hay[off + i] !== p[i]) return false;
  return true;
}

type Addr = { v4: number } | { v6: Uint8Array };

/** Normalises an extracted address (number, dotted/colon text, or 4/16 bytes). */
function toAddr(v: unknown): Addr | undefined {
  if (typeof v === 'number') return { v4: v >>> 0 };
  if (typeof v === 'string') {
    const a = parseIPv4(v);
    if (a !== undefined) return { v4: a };
    const b = parseIPv6(v);
    return b ? { v6: b } : undefined;
  }
  if (v instanceof Uint8Array) {
    if (v.length === 4) return { v4: ((v[0]! << 24) | (v[1]! << 16) | (v[2]! << 8) | v[3]!) >>> 0 };
    if (v.length === 16) return { v6: v };
  }
  return undefined;
}

function inNet6(ip: Uint8Array, net: Uint8Array, bits: number): boolean {
  let remaining = bits;
  for (let i = 0; i < 16 && remaining > 0; i++) {
    const take = Math.min(8, remaining);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((ip[i]! & mask) !== (net[i]! & mask)) return false;
    remaining -= take;
  }
  return true;
}

/** Equality between an address value and an address or network operand, per libsinsp. */
function addrMatches(a: Addr, o: Operand): boolean {
  if ('v4' in a) {
    if (o.t === 'v4') return a.v4 === o.v;
    if (o.t === 'net4') return ((a.v4 & o.mask) >>> 0) === ((o.ip & o.mask) >>> 0);
    return false;
  }
  if (o.t === 'v6') return bytesEqual(a.v6, o.v);
  if (o.t === 'net6') return inNet6(a.v6, o.ip, o.bits);
  return false;
}

function numOf(v: unknown): number | bigint | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

const NUM_JS_OPS: Partial<Record<BaseOp, '===' | '!==' | '<' | '<=' | '>' | '>='>> = {
  '=': '===', in: '===', intersects: '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
};

function numCmp(op: BaseOp, v: number | bigint, o: { n: number; b?: bigint }): boolean {
  if (typeof v === 'bigint' && o.b !== undefined) {
    switch (op) {
      case '=': case 'in': case 'intersects': return v === o.b;
      case '!=': return v !== o.b;
      case '<': return v < o.b;
      case '<=': return v <= o.b;
      case '>': return v > o.b;
      case '>=': return v >= o.b;
      default: return false;
    }
  }
  const x = Number(v);
  switch (op) {
    case '=': case 'in': case 'intersects': return x === o.n;
    case '!=': return x !== o.n;
    case '<': return x < o.n;
    case '<=': return x <= o.n;
    case '>': return x > o.n;
    case '>=': return x >= o.n;
    default: return false;
  }
}

/** Compiles the anchored POSIX-flavoured regex libsinsp builds with RE2. */
function compileRegex(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (err) {
    throw new ValueError(`invalid regex pattern: ${(err as Error).message}`);
  }
}

/** A test for one operator against one constant operand, on a non-null scalar value. */
function singleTest(op: BaseOp, type: FieldType, o: Operand): Test {
  if (isStringType(type) || o.t === 'str') {
    const s = (o as { s: string }).s;
    switch (op) {
      case '=': case 'in': case 'intersects': return inlinable((v) => v === s, { kind: 'eq', c: s });
      case '!=': return inlinable((v) => v !== s, { kind: 'ne', c: s });
      case 'contains': return inlinable((v) => (v as string).includes(s), { kind: 'method', method: 'includes', c: s });
      case 'icontains': {
        const low = asciiLower(s);
        return (v) => includesAsciiCI(v as string, low);
      }
      case 'startswith': return inlinable((v) => (v as string).startsWith(s), { kind: 'method', method: 'startsWith', c: s });
      case 'endswith': return inlinable((v) => (v as string).endsWith(s), { kind: 'method', method: 'endsWith', c: s });
      case 'glob': { const re = globToRegExp(s); return (v) => re.test(v as string); }
      case 'iglob': { const re = globToRegExp(s, true); return (v) => re.test(v as string); }
      case 'regex': { const re = compileRegex(s); return (v) => re.test(v as string); }
      case 'pmatch': { const p = new PathPrefixSearch(); p.add(s); return (v) => p.match(v as string); }
      case '<': return (v) => (v as string) < s;
      case '<=': return (v) => (v as string) <= s;
      case '>': return (v) => (v as string) > s;
      case '>=': return (v) => (v as string) >= s;
      default: return () => false;
    }
  }
  if (o.t === 'num' || o.t === 'dbl') {
    const operand = o.t === 'num' ? { n: o.n, b: o.b } : { n: o.n };
    const t: Test = (v) => {
      const x = numOf(v);
      return x !== undefined && numCmp(op, x, operand);
    };
    // numCmp on a number value is Number(v) <op> n, i.e. v <op> n.
    const jsOp = NUM_JS_OPS[op];
    return jsOp ? inlinable(t, { kind: 'num', op: jsOp, c: o.n }) : t;
  }
  if (o.t === 'bool') {
    const want = o.v;
    const eq = op !== '!=';
    // On a boolean value: (v === want) === eq, i.e. v === (eq ? want : !want).
    return inlinable((v) => (Boolean(typeof v === 'bigint' ? v !== 0n : v) === want) === eq, { kind: 'bool', c: eq ? want : !want });
  }
  if (o.t === 'bytes') {
    const b = o.b;
    switch (op) {
      case '=': case 'in': case 'intersects': return (v) => { const x = toBytes(v); return !!x && bytesEqual(x, b); };
      case '!=': return (v) => { const x = toBytes(v); return !x || !bytesEqual(x, b); };
      case 'contains': case 'bcontains': return (v) => { const x = toBytes(v); return !!x && bytesIndexOf(x, b) >= 0; };
      case 'startswith': case 'bstartswith': return (v) => { const x = toBytes(v); return !!x && bytesStartsWith(x, b); };
      case 'endswith': return (v) => { const x = toBytes(v); return !!x && bytesEndsWith(x, b); };
      default: return () => false;
    }
  }
  // Addresses and networks: only equality-like operators reach here.
  return op === '!='
    ? (v) => { const a = toAddr(v); return !a || !addrMatches(a, o); }
    : (v) => { const a = toAddr(v); return !!a && addrMatches(a, o); };
}

/** A test against a set of operands for in/intersects/pmatch, using hashing where it can. */
function setTest(op: BaseOp, type: FieldType, operands: Operand[]): Test {
  if (op === 'pmatch') {
    const p = new PathPrefixSearch();
    for (const o of operands) p.add((o as { s: string }).s);
    return (v) => p.match(v as string);
  }
  if (operands.every((o) => o.t === 'str')) {
    const set = new Set(operands.map((o) => (o as { s: string }).s));
    return inlinable((v) => set.has(v as string), { kind: 'has', c: set });
  }
  if (operands.every((o) => o.t === 'num')) {
    const nums = new Set(operands.map((o) => (o as { n: number }).n));
    const bigs = new Set(operands.map((o) => (o as { b: bigint }).b));
    return (v) => (typeof v === 'bigint' ? bigs.has(v) : typeof v === 'number' ? nums.has(v) : typeof v === 'boolean' ? nums.has(v ? 1 : 0) : false);
  }
  const tests = operands.map((o) => singleTest('=', type, o));
  return (v) => {
    for (const t of tests) if (t(v)) return true;
    return false;
  };
}

/** A test comparing with a value extracted at run time from a right-hand field. */
function dynamicTest(op: BaseOp, type: FieldType): DynTest {
  if (isStringType(type)) {
    switch (op) {
      case '=': case 'in': case 'intersects': return (v, r) => v === r;
      case '!=': return (v, r) => v !== r;
      case 'contains': return (v, r) => (v as string).includes(r as string);
      case 'icontains': return (v, r) => includesAsciiCI(v as string, asciiLower(r as string));
      case 'startswith': return (v, r) => (v as string).startsWith(r as string);
      case 'endswith': return (v, r) => (v as string).endsWith(r as string);
      case 'glob': return (v, r) => globToRegExp(r as string).test(v as string);
      case 'iglob': return (v, r) => globToRegExp(r as string, true).test(v as string);
      case '<': return (v, r) => (v as string) < (r as string);
      case '<=': return (v, r) => (v as string) <= (r as string);
      case '>': return (v, r) => (v as string) > (r as string);
      case '>=': return (v, r) => (v as string) >= (r as string);
      default: return () => false;
    }
  }
  if (isNumericType(type) || type === 'BOOL') {
    return (v, r) => {
      const x = numOf(v);
      const y = numOf(r);
      if (x === undefined || y === undefined) return false;
      const operand = typeof y === 'bigint' ? { n: Number(y), b: y } : { n: y, b: Number.isInteger(y) ? BigInt(y) : undefined };
      return numCmp(op, x, operand);
    };
  }
  if (isAddrType(type)) {
    return (v, r) => {
      const a = toAddr(v);
      const b = toAddr(r);
      const same = !!a && !!b && ('v4' in a && 'v4' in b ? a.v4 === b.v4 : 'v6' in a && 'v6' in b ? bytesEqual(a.v6, b.v6) : false);
      return op === '!=' ? !same : same;
    };
  }
  if (type === 'BYTEBUF') {
    return (v, r) => {
      const a = toBytes(v);
      const b = toBytes(r);
      if (!a || !b) return op === '!=';
      switch (op) {
        case '=': case 'in': case 'intersects': return bytesEqual(a, b);
        case '!=': return !bytesEqual(a, b);
        case 'contains': case 'bcontains': return bytesIndexOf(a, b) >= 0;
        case 'startswith': case 'bstartswith': return bytesStartsWith(a, b);
        case 'endswith': return bytesEndsWith(a, b);
        default: return false;
      }
    };
  }
  return () => false;
}

function isNil(v: unknown): v is null | undefined {
  return v === undefined || v === null;
}

/**
 * A compiled condition before it becomes one predicate: and/or lists, negation, and leaves that
 * are either opaque predicates or a scalar check (extract, then test a non-null value).
 */
type PNode<E> =
  | { k: 'and' | 'or'; cs: PNode<E>[] }
  | { k: 'not'; c: PNode<E> }
  | { k: 'leaf'; p: Predicate<E> }
  | { k: 'check'; x: Extract<E>; t: Test };

let codegenAllowed = true;
let generatedCount = 0;

/**
 * Turns the tree into one function whose and/or/not are plain JavaScript operators and whose
 * calls to extractors and tests are each their own call site. A tree of closures calling closures
 * goes through the same few megamorphic call sites for every rule; generated code gets its own
 * type feedback, so V8 can inline the field reads and the common comparisons.
 */
function generatePredicate<E>(root: PNode<E>): Predicate<E> {
  const refs: unknown[] = [];
  const ref = (v: unknown): string => {
    refs.push(v);
    return `r${refs.length - 1}`;
  };
  const emit = (n: PNode<E>): string => {
    switch (n.k) {
      case 'and':
        return n.cs.length === 0 ? 'true' : `(${n.cs.map(emit).join(' && ')})`;
      case 'or':
        return n.cs.length === 0 ? 'false' : `(${n.cs.map(emit).join(' || ')})`;
      case 'not':
        return `!${emit(n.c)}`;
      case 'leaf':
        return `${ref(n.p)}(evt)`;
      case 'check': {
        const x = ref(n.x);
        const test = inlineTest(n.t, ref);
        // `!= null` is exactly isNil: undefined or null.
        return `((v = ${x}(evt)) != null && ${test})`;
      }
    }
  };
  const expr = emit(root);
  const decls = refs.map((_, i) => `const r${i} = R[${i}];`).join('\n');
  // The counter keeps V8 from sharing one compiled function (and its type feedback) between
  // conditions that happen to generate the same text.
  const body = `${decls}\nreturn function match(evt) { // filter ${generatedCount++}\nlet v;\nreturn ${expr};\n};`;
  return new Function('R', body)(refs) as Predicate<E>;
}

/** The test as a JavaScript expression on `v`: its body where it is that simple, else a call. */
function inlineTest(t: Test, ref: (v: unknown) => string): string {
  const inl = INLINE.get(t);
  if (!inl) return `${ref(t)}(v)`;
  switch (inl.kind) {
    case 'eq': return `v === ${ref(inl.c)}`;
    case 'ne': return `v !== ${ref(inl.c)}`;
    case 'has': return `${ref(inl.c)}.has(v)`;
    case 'method': return `v.${inl.method}(${ref(inl.c)})`;
    case 'num': return `(typeof v === 'number' ? v ${inl.op} ${ref(inl.c)} : ${ref(t)}(v))`;
    case 'bool': return `(typeof v === 'boolean' ? v === ${ref(inl.c)} : ${ref(t)}(v))`;
  }
}

/** The same predicate as closures, where generating code is not allowed or fails. */
function closurePredicate<E>(n: PNode<E>): Predicate<E> {
  switch (n.k) {
    case 'leaf':
      return n.p;
    case 'check': {
      const { x, t } = n;
      return (evt) => {
        const v = x(evt);
        return !isNil(v) && t(v);
      };
    }
    case 'not': {
      const c = closurePredicate(n.c);
      return (evt) => !c(evt);
    }
    case 'and': {
      const cs = n.cs.map(closurePredicate);
      if (cs.length === 2) {
        const [a, b] = cs as [Predicate<E>, Predicate<E>];
        return (evt) => a(evt) && b(evt);
      }
      return (evt) => {
        for (let i = 0; i < cs.length; i++) if (!cs[i]!(evt)) return false;
        return true;
      };
    }
    case 'or': {
      const cs = n.cs.map(closurePredicate);
      if (cs.length === 2) {
        const [a, b] = cs as [Predicate<E>, Predicate<E>];
        return (evt) => a(evt) || b(evt);
      }
      return (evt) => {
        for (let i = 0; i < cs.length; i++) if (cs[i]!(evt)) return true;
        return false;
      };
    }
  }
}

function buildPredicate<E>(n: PNode<E>, codegen: boolean): Predicate<E> {
  if (n.k === 'leaf') return n.p;
  if (codegen && codegenAllowed) {
    try {
      return generatePredicate(n);
    } catch (err) {
      // EvalError: the process forbids code from strings. Anything else (a condition nested too
      // deep for the JavaScript parser) only affects this filter.
      if (err instanceof EvalError) codegenAllowed = false;
    }
  }
  return closurePredicate(n);
}

class Compiler<E> {
  readonly warnings: CompileWarning[] = [];
  readonly fields = new Set<string>();

  constructor(private readonly resolver: FieldResolver<E>) {}

  compile(e: Expr, codegen = true): Predicate<E> {
    return buildPredicate(this.node(e), codegen);
  }

  private node(e: Expr): PNode<E> {
    switch (e.kind) {
      case 'and':
      case 'or': {
        // Nested chains of the same operator (macros expand to parenthesised groups) become one
        // list: and/or are associative and the left-to-right short-circuit order is unchanged.
        const cs: PNode<E>[] = [];
        for (const c of e.children) {
          const n = this.node(c);
          if (n.k === e.kind) cs.push(...n.cs);
          else cs.push(n);
        }
        return { k: e.kind, cs };
      }
      case 'not':
        return { k: 'not', c: this.node(e.child) };
      case 'identifier':
        throw new FilterError('FILTER_SYNTAX', `filter error: unexpected identifier '${e.name}'`, {
          reason: 'UNKNOWN_IDENTIFIER',
          pos: e.pos,
          end: e.end,
          suggestion: this.identifierHint(e.name),
          candidates: nearestNames(e.name, this.resolver.fieldNames()),
        });
      case 'unary':
        return { k: 'leaf', p: this.compileUnary(e) };
      case 'binary':
        return this.compileBinary(e);
      default:
        throw new FilterError('FILTER_SYNTAX', `filter error: unexpected standalone ${e.kind} expression`, { reason: 'UNEXPECTED_TOKEN', pos: e.pos, end: e.end });
    }
  }

  private identifierHint(name: string): string {
    const near = nearestNames(name, this.resolver.fieldNames());
    const base = `'${name}' is not a field; a bare word is a macro reference, and macros only exist in rules files`;
    return near.length ? `${base}. Did you mean ${near.join(', ')}?` : base;
  }

  side(e: Expr): Side<E> {
    if (e.kind === 'field') return this.fieldSide(e.field, e.arg, e);
    if (e.kind === 'transformer') return this.transformerSide(e);
    throw new FilterError('FILTER_SYNTAX', 'filter error: expected a field or a transformer', { reason: 'UNEXPECTED_TOKEN', pos: e.pos, end: e.end });
  }

  private fieldSide(field: string, arg: string | undefined, e: Expr): Side<E> {
    const label = fieldLabel(field, arg);
    const r = this.resolver.resolve(field, arg);
    if (isLookupFailure(r)) {
      if (r.error === 'unknown') {
        const near = nearestNames(label, this.resolver.fieldNames());
        throw new FilterError('FILTER_UNKNOWN_FIELD', `filter_check called with nonexistent field ${label}`, {
          reason: 'UNKNOWN_FIELD',
          pos: e.pos,
          end: e.end,
          ...(near.length ? { suggestion: `did you mean ${near.join(', ')}?`, candidates: near } : {}),
        });
      }
      throw new FilterError('FILTER_UNKNOWN_FIELD', r.message, { reason: 'BAD_FIELD_ARG', pos: e.pos, end: e.end });
    }
    this.fields.add(label);
    const d = r.descriptor;
    this.checkers.set(e, r.checkValue);
    if (r.toText) this.texts.set(e, r.toText.bind(r));
    return {
      extract: r.extract.bind(r),
      type: d.type,
      isList: d.isList ?? false,
      anyOf: d.anyOf ?? false,
      name: label,
      rhsSupported: d.rhsSupported ?? true,
      transformersSupported: d.transformersSupported ?? true,
    };
  }

  /** Field renderers supplied by the registry, keyed by field node. */
  readonly texts = new Map<Expr, (evt: E) => string | undefined>();

  /** Per-field literal validators (evt.type names), keyed by the left-hand node. */
  private readonly checkers = new Map<Expr, ((text: string) => void) | undefined>();

  private transformerSide(e: TransformerExpr): Side<E> {
    if (!TRANSFORMER_SET.has(e.name)) {
      throw new FilterError('FILTER_UNSUPPORTED', `filter error: unknown transformer '${e.name}'`, { reason: 'BAD_TRANSFORMER', pos: e.pos, end: e.end });
    }
    if (e.args.length !== 1 || (e.args[0]!.kind !== 'field' && e.args[0]!.kind !== 'transformer')) {
      throw new FilterError('FILTER_UNSUPPORTED', `filter error: multi-value transformer '${e.name}' is not supported`, {
        reason: 'UNSUPPORTED',
        pos: e.pos,
        end: e.end,
        suggestion: 'tolower, toupper, b64, basename, len and val take exactly one field',
      });
    }
    if (e.arg !== undefined) {
      throw new FilterError('FILTER_SYNTAX', `filter error: transformer '${e.name}' does not support field arguments`, { reason: 'BAD_TRANSFORMER', pos: e.pos, end: e.end });
    }
    const inner = this.side(e.args[0]!);
    if (e.name === 'val') return inner;
    if (!inner.transformersSupported) {
      throw new FilterError('FILTER_UNSUPPORTED', `field '${inner.name}' does not support transformers`, { reason: 'BAD_TRANSFORMER', pos: e.pos, end: e.end });
    }
    const typeErr = (): never => {
      throw new FilterError('FILTER_BAD_OPERATOR', `can't add field transformer: type '${inner.type}' is not supported by '${e.name}' transformer applied on ${inner.isList ? 'list ' : ''}field '${inner.name}'`, {
        reason: 'BAD_TRANSFORMER',
        pos: e.pos,
        end: e.end,
      });
    };
    const str = isStringType(inner.type);
    const mapOne = (fn: (v: unknown) => unknown): Extract<E> => {
      const x = inner.extract;
      if (inner.isList || inner.anyOf) {
        return (evt) => {
          const v = x(evt);
          if (isNil(v)) return v;
          return (v as unknown[]).map(fn) as FieldValue;
        };
      }
      return (evt) => {
        const v = x(evt);
        return isNil(v) ? v : (fn(v) as FieldValue);
      };
    };
    switch (e.name) {
      case 'tolower':
      case 'toupper': {
        if (!str) typeErr();
        const f = e.name === 'tolower' ? asciiLower : asciiUpper;
        return { ...inner, extract: mapOne((v) => f(v as string)) };
      }
      case 'basename': {
        if (!str) typeErr();
        return { ...inner, extract: mapOne((v) => { const s = v as string; return s.slice(s.lastIndexOf('/') + 1); }) };
      }
      case 'b64': {
        if (inner.type !== 'CHARBUF' && inner.type !== 'BYTEBUF') typeErr();
        // Decoded bytes stay bytes: a CHARBUF result is their latin1 string, like every string here.
        const decode = (v: unknown): unknown => {
          const b = base64Decode(typeof v === 'string' ? v : Buffer.from(v as Uint8Array).toString('latin1'));
          if (!b) return undefined;
          return inner.type === 'CHARBUF' ? b.toString('latin1') : b;
        };
        const x = inner.extract;
        if (inner.isList || inner.anyOf) {
          // One value that does not decode fails the whole extraction, as in libsinsp.
          return {
            ...inner,
            extract: (evt) => {
              const v = x(evt);
              if (isNil(v)) return v;
              const out = (v as unknown[]).map(decode);
              return out.includes(undefined) ? undefined : (out as FieldValue);
            },
          };
        }
        return { ...inner, extract: (evt) => { const v = x(evt); return isNil(v) ? v : (decode(v) as FieldValue); } };
      }
      case 'len': {
        const x = inner.extract;
        if (inner.isList) {
          return { ...inner, type: 'UINT64', isList: false, anyOf: false, extract: (evt) => { const v = x(evt); return isNil(v) ? v : (v as unknown[]).length; } };
        }
        if (!str && inner.type !== 'BYTEBUF') typeErr();
        const len = (v: unknown): number => (typeof v === 'string' ? stringByteLength(v) : (v as Uint8Array).length);
        return { ...inner, type: 'UINT64', extract: mapOne(len) };
      }
      default:
        throw new FilterError('FILTER_UNSUPPORTED', `filter error: transformer '${e.name}' is not supported`, { reason: 'UNSUPPORTED', pos: e.pos, end: e.end });
    }
  }

  private opError(cmp: Comparator, side: Side<E>, e: Expr, msg: string): never {
    const valid = operatorsFor(side.type, side.isList);
    throw new FilterError('FILTER_BAD_OPERATOR', `filter error: ${msg}`, {
      reason: 'OPERATOR_TYPE',
      pos: e.pos,
      end: e.end,
      suggestion: `'${side.name}' is ${side.isList ? 'a list of ' : ''}${side.type}; it accepts ${valid.join(', ')}`,
      candidates: [...valid],
    });
  }

  private compileUnary(e: UnaryCheckExpr): Predicate<E> {
    const side = this.side(e.left);
    const cmp = parseComparator(e.op)!;
    const err = comparabilityError(cmp, side.type, side.isList);
    if (err) this.opError(cmp, side, e, err);
    const x = side.extract;
    if (side.anyOf) return (evt) => { const v = x(evt); return !isNil(v) && (v as unknown[]).length > 0; };
    return (evt) => !isNil(x(evt));
  }

  private compileBinary(e: BinaryCheckExpr): PNode<E> {
    const side = this.side(e.left);
    const cmp = parseComparator(e.op);
    if (!cmp) throw new FilterError('FILTER_SYNTAX', `unrecognized filter comparison operator '${e.op}'`, { reason: 'EXPECTED_OPERATOR', pos: e.pos, end: e.end });
    const err = comparabilityError(cmp, side.type, side.isList);
    if (err) this.opError(cmp, side, e, err);

    if (e.right.kind === 'field' || e.right.kind === 'transformer') return { k: 'leaf', p: this.compileFieldToField(e, side, cmp) };

    const values: ValueExpr[] = e.right.kind === 'list'
      ? e.right.items.map((i) => ({ kind: 'value', value: i.value, quoted: i.quoted, pos: i.pos, end: i.end }))
      : e.right.kind === 'value' ? [e.right] : [];
    const checker = e.left.kind === 'field' ? this.checkers.get(e.left) : undefined;
    const operands = values.map((v) => this.operand(v, side, cmp, checker));
    const test = this.valueTest(cmp, side, operands);
    return this.wrap(side, cmp, test);
  }

  private operand(v: ValueExpr, side: Side<E>, cmp: Comparator, checker: ((t: string) => void) | undefined): Operand {
    this.valueWarnings(v, cmp);
    try {
      checker?.(v.value);
      if (cmp.op === 'bcontains' || cmp.op === 'bstartswith') {
        const b = hexToBytes(v.value);
        if (!b) throw new ValueError('filter error: bcontains and bstartswith operator support hex strings only');
        return { t: 'bytes', b };
      }
      const o = parseOperand(v.value, side.type);
      if (cmp.op === 'regex' && o.t === 'str') compileRegex(o.s);
      return o;
    } catch (err) {
      const message = (err as Error).message;
      throw new FilterError('FILTER_BAD_VALUE', message, {
        reason: 'BAD_VALUE',
        pos: v.pos,
        end: v.end,
        suggestion: `'${side.name}' is ${side.type}; for example ${side.name} ${comparatorText(cmp)} ${exampleValue(side.type)}`,
      });
    }
  }

  /** Libsinsp's heuristics for suspicious literals (reported by Falco as LOAD_COMPILE_CONDITION). */
  private valueWarnings(v: ValueExpr, cmp: Comparator): void {
    const text = v.value;
    const nospaces = text.replace(/[ \t\n\v\f\r]/g, '');
    if (cmp.op === 'regex') {
      const special = '.+*?^$()[]{}|\\';
      let simple = true;
      for (let i = 0; i < text.length; i++) {
        if ((i === 0 && text[i] === '^') || (i === text.length - 1 && text[i] === '$')) continue;
        if (((i === 0 && text.length > 1) || i === text.length - 2) && text[i] === '.' && '+*?'.includes(text[i + 1] ?? '')) {
          i++;
          continue;
        }
        if (special.includes(text[i]!)) {
          simple = false;
          break;
        }
      }
      if (simple) {
        this.warnings.push({ message: `regex check with '${text}' may be optimized with simpler operators such as '=', 'contains', 'startswith', 'endswith'`, pos: v.pos, end: v.end });
      }
    }
    const m = /^([a-zA-Z]+[a-zA-Z0-9_]*(?:\.[a-zA-Z]+[a-zA-Z0-9_]*)+)(?:\[([^\]]*)\])?$/.exec(nospaces);
    if (m) {
      try {
        const r = this.resolver.resolve(m[1]!, m[2]);
        if (!isLookupFailure(r)) {
          this.warnings.push({ message: `'${text}' may be a valid field misused as a const string value`, pos: v.pos, end: v.end });
        }
      } catch {
        // A resolver that throws on odd names just means "not a field".
      }
    }
    for (const t of TRANSFORMER_NAMES) {
      if (nospaces.length >= t.length + 2 && nospaces.startsWith(t) && nospaces[t.length] === '(' && nospaces.endsWith(')')) {
        this.warnings.push({ message: `'${text}' may be a valid field transformer misused as a const string value`, pos: v.pos, end: v.end });
      }
    }
  }

  private valueTest(cmp: Comparator, side: Side<E>, operands: Operand[]): Test {
    const op = cmp.op;
    if (cmp.mod) {
      const tests = operands.map((o) => singleTest(op, side.type, o));
      if (tests.length === 0) return () => false;
      switch (cmp.mod) {
        case 'anyof':
          return (v) => { for (const t of tests) if (t(v)) return true; return false; };
        case 'allof':
          return (v) => { for (const t of tests) if (!t(v)) return false; return true; };
        case 'oneof':
          return (v) => {
            let n = 0;
            for (const t of tests) if (t(v) && ++n > 1) return false;
            return n === 1;
          };
      }
    }
    if (op === 'in' || op === 'intersects' || op === 'pmatch') return setTest(op, side.type, operands);
    if (operands.length !== 1) {
      // The grammar only gives one value to scalar operators; keep the first like libsinsp would.
      if (operands.length === 0) return () => false;
    }
    return singleTest(op, side.type, operands[0]!);
  }

  /** Applies a value test to what the side extracts: scalar, list, or any-of. */
  private wrap(side: Side<E>, cmp: Comparator, test: Test): PNode<E> {
    const x = side.extract;
    if (!side.isList && !side.anyOf) return { k: 'check', x, t: test };
    return { k: 'leaf', p: this.wrapMany(side, cmp, test) };
  }

  private wrapMany(side: Side<E>, cmp: Comparator, test: Test): Predicate<E> {
    const x = side.extract;
    if (side.isList) {
      if (cmp.op === 'in') {
        return (evt) => {
          const v = x(evt);
          if (isNil(v)) return false;
          for (const item of v as unknown[]) if (!test(item)) return false;
          return true;
        };
      }
      return (evt) => {
        const v = x(evt);
        if (isNil(v)) return false;
        for (const item of v as unknown[]) if (test(item)) return true;
        return false;
      };
    }
    if (side.anyOf) {
      return (evt) => {
        const v = x(evt);
        if (isNil(v)) return false;
        for (const item of v as unknown[]) if (!isNil(item) && test(item)) return true;
        return false;
      };
    }
    return (evt) => {
      const v = x(evt);
      return !isNil(v) && test(v);
    };
  }

  private compileFieldToField(e: BinaryCheckExpr, left: Side<E>, cmp: Comparator): Predicate<E> {
    const right = this.side(e.right);
    const fail = (msg: string): never => {
      throw new FilterError('FILTER_BAD_OPERATOR', msg, { reason: 'RHS_FIELD', pos: e.right.pos, end: e.right.end });
    };
    if (cmp.op === 'pmatch' || cmp.op === 'regex') fail(`operator '${cmp.op.toUpperCase()}' doesn't support right-hand side fields`);
    if (isNetType(left.type)) fail("field type 'IPNET' doesn't support right-hand side fields");
    if (!left.rhsSupported) fail(`field '${left.name}' doesn't support right-hand side fields`);
    if (!right.rhsSupported) fail(`field '${right.name}' can't be used as a right-hand side field`);
    if (left.type !== right.type || left.isList !== right.isList) {
      fail(`field '${left.name}' has type '${left.type}${left.isList ? ' (list)' : ''}' while the right-hand side field '${right.name}' has incompatible type '${right.type}${right.isList ? ' (list)' : ''}'`);
    }
    const dyn = dynamicTest(cmp.op, left.type);
    const lx = left.extract;
    const rx = right.extract;
    const many = right.isList || right.anyOf;
    if (left.isList || left.anyOf) {
      const all = left.isList && cmp.op === 'in';
      return (evt) => {
        const lv = lx(evt);
        if (isNil(lv)) return false;
        const rv = rx(evt);
        if (isNil(rv)) return false;
        const rs = many ? (rv as unknown[]) : [rv];
        const match = (item: unknown): boolean => { for (const r of rs) if (dyn(item, r)) return true; return false; };
        if (all) { for (const item of lv as unknown[]) if (!match(item)) return false; return true; }
        for (const item of lv as unknown[]) if (match(item)) return true;
        return false;
      };
    }
    if (many) {
      return (evt) => {
        const lv = lx(evt);
        if (isNil(lv)) return false;
        const rv = rx(evt);
        if (isNil(rv)) return false;
        for (const r of rv as unknown[]) if (dyn(lv, r)) return true;
        return false;
      };
    }
    return (evt) => {
      const lv = lx(evt);
      if (isNil(lv)) return false;
      const rv = rx(evt);
      return !isNil(rv) && dyn(lv, rv);
    };
  }
}

/** Byte length of a field string: latin1 strings are bytes already; others are UTF-8 text. */
function stringByteLength(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return Buffer.byteLength(s, 'utf8');
  return s.length;
}

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Strict base64 decoding, as libsinsp's b64() does it: up to two trailing '=' are dropped, every
 * other character must be in the alphabet, a lone trailing character is an error, and the bits a
 * short final group leaves over must be zero. Anything else makes the extraction fail.
 */
function base64Decode(text: string): Buffer | undefined {
  let n = text.length;
  if (n > 0 && text[n - 1] === '=') {
    n--;
    if (n > 0 && text[n - 1] === '=') n--;
  }
  if (n === 0) return text.length === 0 ? Buffer.alloc(0) : undefined;
  if (n % 4 === 1) return undefined;
  const out = Buffer.alloc(Math.floor((n * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = B64_ALPHABET.indexOf(text[i]!);
    if (c < 0) return undefined;
    acc = ((acc << 6) | c) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

/**
 * Compiles a filter (text or an already expanded AST) against a field resolver. Throws
 * FilterError with a code, a position and, where it can, a suggestion.
 */
export function compileFilter<E>(source: string | Expr, resolver: FieldResolver<E>, opts: CompileOptions = {}): CompiledFilter<E> {
  const ast = typeof source === 'string' ? parseFilter(source, opts.maxDepth !== undefined ? { maxDepth: opts.maxDepth } : {}) : source;
  const c = new Compiler(resolver);
  const match = c.compile(ast, opts.codegen ?? true);
  return { match, ast, fields: [...c.fields], warnings: c.warnings };
}

export interface ValueExtractor<E> {
  name: string;
  type: FieldType;
  isList: boolean;
  extract: (evt: E) => FieldValue;
  /** Text as sysdig prints it; undefined when the value is not available. */
  text: (evt: E) => string | undefined;
}

function bytesText(b: Uint8Array): string {
  let out = '';
  for (const c of b) out += c >= 32 && c < 127 ? String.fromCharCode(c) : '.';
  return out;
}

/** Generic rendering for values whose field has no renderer of its own. */
export function valueText(v: FieldValue): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Uint8Array) return bytesText(v);
  if (Array.isArray(v)) return `(${v.map((x) => valueText(x as FieldValue) ?? '<NA>').join(',')})`;
  return String(v);
}

/** Compiles a field or transformer expression (as used in output formats) to an extractor. */
export function compileValueExpr<E>(e: Expr, resolver: FieldResolver<E>): ValueExtractor<E> {
  const c = new Compiler(resolver);
  const side = c.side(e);
  const own = e.kind === 'field' ? c.texts.get(e) : undefined;
  const extract = side.extract;
  return {
    name: side.name,
    type: side.type,
    isList: side.isList,
    extract,
    text: own ?? ((evt: E) => valueText(extract(evt))),
  };
}
