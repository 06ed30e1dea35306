/**
 * Recursive-descent parser for the sysdig/Falco filter language. The grammar, the order in which
 * alternatives are tried, and the error wording follow libsinsp's filter/parser.cpp, because rules
 * files depend on its exact quirks (e.g. `and(` without a blank, operators that need a trailing
 * blank, lists that may be empty). Errors carry the cursor position where parsing stopped.
 */
import type {
  BinaryCheckExpr,
  Expr,
  FieldExpr,
  ListExpr,
  ListItem,
  Pos,
  TransformerExpr,
} from './ast.js';
import { FilterError, type FilterErrorReason } from './errors.js';
import { Scanner } from './lexer.js';

export const UNARY_OPS = ['exists'] as const;
export const NUM_OPS = ['<=', '<', '>=', '>'] as const;
// A trailing space marks operators that need a blank after them.
const STR_OPS = [
  '==', '=', '!=', 'glob ', 'iglob ', 'contains ', 'icontains ', 'bcontains ',
  'startswith ', 'bstartswith ', 'endswith ', 'regex ',
] as const;
const STR_MODIFIERS = ['oneof ', 'anyof ', 'allof '] as const;
export const LIST_OPS = ['intersects', 'in', 'pmatch'] as const;
const VAL_TRANSFORMER = 'val(';
const TRANSFORMERS = ['tolower(', 'toupper(', 'b64(', 'basename(', 'len(', 'join(', 'concat(', 'getopt('] as const;

/** Every operator, in the order libsinsp lists them. */
export const SUPPORTED_OPERATORS: readonly string[] = [
  ...UNARY_OPS, ...NUM_OPS, ...STR_OPS.map((o) => o.trim()), ...LIST_OPS,
];
export const STRING_OPERATORS: readonly string[] = STR_OPS.map((o) => o.trim());
export const OPERATOR_MODIFIERS: readonly string[] = STR_MODIFIERS.map((o) => o.trim());
export const TRANSFORMER_NAMES: readonly string[] = ['val', ...TRANSFORMERS.map((t) => t.slice(0, -1))];

function quotedList(vals: readonly string[]): string {
  return vals.map((v) => `'${v}'`).join(', ');
}

const TRANSFORMER_LIST_TEXT = quotedList(TRANSFORMER_NAMES);

export interface ParseOptions {
  /** Falco raises libsinsp's default of 100 to 1000 for rule conditions. */
  maxDepth?: number;
  /** Stop at the first position the grammar cannot continue from instead of failing. */
  partial?: boolean;
}

export interface ParseResult {
  ast: Expr;
  /** Where parsing stopped (only differs from the input length in partial mode). */
  end: number;
}

class Parser {
  private readonly s: Scanner;
  private depth = 0;
  private readonly maxDepth: number;

  constructor(input: string, private readonly opts: ParseOptions) {
    this.s = new Scanner(input);
    this.maxDepth = opts.maxDepth ?? 100;
  }

  fail(message: string, reason: FilterErrorReason, extra: { suggestion?: string; candidates?: string[]; pos?: Pos } = {}): never {
    const pos = extra.pos ?? this.s.pos();
    let suggestion = extra.suggestion;
    const q = this.s.unterminatedQuoteAt;
    if (q) suggestion = `the string starting at line ${q.line} column ${q.col} has no closing quote`;
    throw new FilterError('FILTER_SYNTAX', message, {
      reason,
      pos,
      ...(suggestion !== undefined ? { suggestion } : {}),
      ...(extra.candidates ? { candidates: extra.candidates } : {}),
    });
  }

  private enter(): void {
    this.depth++;
    if (this.depth >= this.maxDepth) this.fail(`exceeded max depth limit of ${this.maxDepth}`, 'TOO_DEEP');
  }

  private guard<T>(fn: () => T): T {
    this.enter();
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  parse(): ParseResult {
    const s = this.s;
    if (s.input.length === 0) this.fail('filter input string is empty', 'EMPTY', { suggestion: 'type a condition such as proc.name = bash' });
    const ast = this.parseOr();
    if (!this.opts.partial && !s.atEnd()) {
      const extraParen = s.peek() === ')';
      this.fail(`unexpected token after '${s.last}', expecting 'or', 'and'`, extraParen ? 'UNBALANCED_PARENS' : 'UNEXPECTED_TOKEN', {
        suggestion: extraParen ? "there is a ')' without a matching '('" : "join conditions with 'and' / 'or'",
        candidates: ['and', 'or'],
      });
    }
    return { ast, end: s.idx };
  }

  private parseOr(): Expr {
    return this.guard(() => {
      const s = this.s;
      const pos = s.pos();
      const children: Expr[] = [];
      s.blank();
      children.push(this.parseAnd());
      s.blank();
      while (s.str('or')) {
        if (!s.blank()) {
          if (s.str('(')) children.push(this.parseEmbeddedRemainder());
          else this.fail("expected blank or '(' after 'or'", 'UNEXPECTED_TOKEN');
        } else {
          children.push(this.parseAnd());
        }
        s.blank();
      }
      if (children.length > 1) return { kind: 'or', children, pos, end: lastEnd(children) };
      return children[0]!;
    });
  }

  private parseAnd(): Expr {
    return this.guard(() => {
      const s = this.s;
      const pos = s.pos();
      const children: Expr[] = [];
      s.blank();
      children.push(this.parseNot());
      s.blank();
      while (s.str('and')) {
        if (!s.blank()) {
          if (s.str('(')) children.push(this.parseEmbeddedRemainder());
          else this.fail("expected blank or '(' after 'and'", 'UNEXPECTED_TOKEN');
        } else {
          children.push(this.parseNot());
        }
        s.blank();
      }
      if (children.length > 1) return { kind: 'and', children, pos, end: lastEnd(children) };
      return children[0]!;
    });
  }

  private parseNot(): Expr {
    return this.guard(() => {
      const s = this.s;
      const pos = s.pos();
      let negate = false;
      s.blank();
      while (s.rx('notBlank')) negate = !negate;
      let child: Expr;
      if (s.str('not(')) {
        negate = !negate;
        child = this.parseEmbeddedRemainder();
      } else {
        child = this.parseCheck();
      }
      return negate ? { kind: 'not', child, pos, end: child.end } : child;
    });
  }

  private parseEmbeddedRemainder(): Expr {
    return this.guard(() => {
      const s = this.s;
      const open = { idx: s.idx - 1, line: s.line, col: s.col - 1 };
      s.blank();
      const child = this.parseOr();
      s.blank();
      if (!s.str(')')) {
        this.fail("expected a ')' token", 'UNBALANCED_PARENS', {
          suggestion: `the '(' at line ${open.line} column ${open.col} is not closed`,
          candidates: [')', 'and', 'or'],
        });
      }
      // Parenthesised groups keep their children's node but widen the span to the ')'.
      child.end = Math.max(child.end, s.idx);
      return child;
    });
  }

  private parseCheck(): Expr {
    return this.guard(() => {
      const s = this.s;
      const pos = s.pos();
      s.blank();
      if (s.str('(')) return this.parseEmbeddedRemainder();
      if (s.rx('fieldName')) {
        const left = this.parseFieldRemainder(s.last, pos);
        return this.parseCondition(left, pos);
      }
      if (s.strList(TRANSFORMERS)) {
        s.blank();
        const left = this.parseTransformerRemainder(s.last.slice(0, -1), pos);
        return this.parseCondition(left, pos);
      }
      if (s.rx('identifier')) return { kind: 'identifier', name: s.last, pos, end: s.idx };
      this.fail("expected a '(' token, a field check, or an identifier", 'UNEXPECTED_TOKEN', {
        suggestion: 'start a check with a field name (e.g. proc.name), a macro name, or "("',
      });
    });
  }

  private parseFieldRemainder(field: string, pos: Pos): FieldExpr {
    return this.guard(() => {
      const arg = this.parseOptionalFieldArg();
      const node: FieldExpr = { kind: 'field', field, pos, end: this.s.idx };
      if (arg !== undefined) node.arg = arg;
      return node;
    });
  }

  private parseOptionalFieldArg(): string | undefined {
    const s = this.s;
    if (!s.str('[')) return undefined;
    if (!s.quoted() && !s.rx('fieldArgBare')) {
      this.fail('expected a valid field argument: a quoted string or a bare string', 'BAD_FIELD_ARG');
    }
    const arg = s.last;
    if (!s.str(']')) this.fail("expected a ']' token", 'UNBALANCED_PARENS', { candidates: [']'] });
    return arg;
  }

  private parseTransformerRemainder(name: string, pos: Pos): TransformerExpr {
    return this.guard(() => {
      const s = this.s;
      s.blank();
      const args: Expr[] = [];
      do {
        args.push(this.parseTransformerArg(s.pos()));
        s.blank();
      } while (s.str(','));
      s.blank();
      if (!s.str(')')) this.fail("expected a ')' token closing the transformer", 'UNBALANCED_PARENS', { candidates: [')'] });
      const arg = this.parseOptionalFieldArg();
      const node: TransformerExpr = { kind: 'transformer', name, args, pos, end: s.idx };
      if (arg !== undefined) node.arg = arg;
      return node;
    });
  }

  private parseTransformerArg(pos: Pos): Expr {
    return this.guard(() => {
      const s = this.s;
      s.blank();
      if (s.rx('hexNum') || s.rx('num')) return { kind: 'value', value: s.last, quoted: false, pos, end: s.idx };
      if (s.quoted()) return { kind: 'value', value: s.last, quoted: true, pos, end: s.idx };
      if (s.str('(')) return this.parseTransformerList(pos);
      if (s.strList(TRANSFORMERS)) return this.parseTransformerRemainder(s.last.slice(0, -1), pos);
      if (s.rx('fieldName')) return this.parseFieldRemainder(s.last, pos);
      this.fail('expected field transformer argument: field, transformer, quoted string, number, or transformer list', 'EXPECTED_VALUE');
    });
  }

  private parseTransformerList(pos: Pos): Expr {
    const s = this.s;
    const children: Expr[] = [];
    s.blank();
    if (s.str(')')) return { kind: 'transformer_list', children, pos, end: s.idx };
    children.push(this.parseTransformerListArg(pos));
    s.blank();
    while (s.str(',')) {
      s.blank();
      children.push(this.parseTransformerListArg(pos));
      s.blank();
    }
    if (!s.str(')')) this.fail("expected ')'", 'UNBALANCED_PARENS');
    return { kind: 'transformer_list', children, pos, end: s.idx };
  }

  private parseTransformerListArg(pos: Pos): Expr {
    const s = this.s;
    if (s.rx('fieldName')) return this.parseFieldRemainder(s.last, pos);
    if (s.strList(TRANSFORMERS)) {
      s.blank();
      return this.parseTransformerRemainder(s.last.slice(0, -1), pos);
    }
    if (s.quoted()) return { kind: 'value', value: s.last, quoted: true, pos, end: s.idx };
    if (s.rx('hexNum') || s.rx('num')) return { kind: 'value', value: s.last, quoted: false, pos, end: s.idx };
    this.fail('expected transformer list argument: field, transformer, quoted string, or number', 'EXPECTED_VALUE');
  }

  private parseCondition(left: Expr, pos: Pos): Expr {
    return this.guard(() => {
      const s = this.s;
      s.blank();
      if (s.operator(UNARY_OPS)) return { kind: 'unary', left, op: s.last.trim(), pos, end: s.idx - (s.last.length - s.last.trimEnd().length) };
      s.blank();
      let op: string;
      let right: Expr;
      if (s.operator(NUM_OPS)) {
        op = s.last;
        right = this.parseNumValueOrTransformer();
      } else if (s.operator(STR_OPS)) {
        op = s.last.trim();
        // Word operators consumed their blank already; symbol operators still need one.
        const hadBlank = /^[a-z]/i.test(op) || s.blank();
        const saved = s.save();
        if (hadBlank && s.operator(STR_MODIFIERS) && this.listValueFollows() && !s.boolKeywordFollows()) {
          op = `${op} ${s.last.trim()}`;
          right = this.parseListValue();
        } else {
          s.restore(saved);
          right = this.parseStrValueOrTransformer(false);
        }
      } else if (s.operator(LIST_OPS)) {
        op = s.last;
        right = this.parseListValueOrTransformer();
      } else {
        this.fail(`expected a valid check operator: one of ${quotedList(SUPPORTED_OPERATORS)}`, 'EXPECTED_OPERATOR', {
          suggestion: 'put an operator such as =, contains, in, exists after the field',
          candidates: [...SUPPORTED_OPERATORS],
        });
      }
      const node: BinaryCheckExpr = { kind: 'binary', left, op, right, pos, end: right.end };
      return node;
    });
  }

  fieldOrTransformer(): Expr {
    const s = this.s;
    const pos = s.pos();
    if (s.rx('fieldName')) return this.parseFieldRemainder(s.last, pos);
    if (s.strList(TRANSFORMERS)) {
      s.blank();
      return this.parseTransformerRemainder(s.last.slice(0, -1), pos);
    }
    this.fail(`unexpected token after '${s.last}'`, 'UNEXPECTED_TOKEN');
  }

  consumed(): number {
    return this.s.idx;
  }

  listBody(): ListItem[] {
    const list = this.tryParseListExpr();
    if (!list || !this.s.atEnd()) this.fail('invalid list item', 'BAD_VALUE');
    return list.items;
  }

  private listValueFollows(): boolean {
    const s = this.s;
    if (s.peek() === '(') return true;
    const saved = s.save();
    const ok = s.rx('identifier');
    s.restore(saved);
    return ok;
  }

  private parseNumValueOrTransformer(): Expr {
    return this.guard(() => {
      const s = this.s;
      s.blank();
      const pos = s.pos();
      const t = this.tryParseTransformerOrVal();
      if (t) return t;
      if (s.rx('hexNum')) return { kind: 'value', value: s.last, quoted: false, pos, end: s.idx };
      if (s.rx('num')) {
        let value = s.last;
        // Tracehound extension: a duration unit glued to the number (`evt.latency > 10ms`).
        if (s.rx('durationUnit')) value += s.last;
        return { kind: 'value', value, quoted: false, pos, end: s.idx };
      }
      this.fail(`expected a number value or a field with a valid transformer: ${TRANSFORMER_LIST_TEXT}`, 'EXPECTED_VALUE', {
        suggestion: '<, <=, > and >= compare numbers',
      });
    });
  }

  private parseStrValueOrTransformer(noTransformer: boolean): Expr {
    return this.guard(() => {
      const s = this.s;
      s.blank();
      const pos = s.pos();
      if (!noTransformer) {
        const t = this.tryParseTransformerOrVal();
        if (t) return t;
      }
      if (s.quoted()) return { kind: 'value', value: s.last, quoted: true, pos, end: s.idx };
      if (s.rx('bareStr')) return { kind: 'value', value: s.last, quoted: false, pos, end: s.idx };
      if (noTransformer) this.fail('expected a string value', 'EXPECTED_VALUE');
      this.fail(`expected a string value or a field with a valid transformer: ${TRANSFORMER_LIST_TEXT}`, 'EXPECTED_VALUE', {
        suggestion: 'quote values that contain blanks, parentheses, commas or =',
      });
    });
  }

  private tryParseListExpr(): ListExpr | null {
    const s = this.s;
    const pos = s.pos();
    if (!s.str('(')) return null;
    const items: ListItem[] = [];
    s.blank();
    const first = this.tryListItem();
    if (first) {
      items.push(first);
      s.blank();
      while (s.str(',')) {
        const item = this.tryListItem();
        if (!item) this.fail('expected a string value', 'EXPECTED_VALUE', { suggestion: 'remove the trailing comma or add a value' });
        items.push(item);
        s.blank();
      }
    }
    if (!s.str(')')) {
      this.fail("expected a ')' token", 'UNBALANCED_PARENS', {
        suggestion: `the list opened at line ${pos.line} column ${pos.col} is not closed`,
        candidates: [')', ','],
      });
    }
    return { kind: 'list', items, pos, end: s.idx };
  }

  private tryListItem(): ListItem | null {
    const s = this.s;
    s.blank();
    const pos = s.pos();
    if (s.quoted()) return { value: s.last, quoted: true, pos, end: s.idx };
    if (s.rx('bareStr')) return { value: s.last, quoted: false, pos, end: s.idx };
    return null;
  }

  private parseListValue(): Expr {
    return this.guard(() => {
      const s = this.s;
      s.blank();
      const pos = s.pos();
      const list = this.tryParseListExpr();
      if (list) return list;
      if (s.rx('identifier')) return { kind: 'value', value: s.last, quoted: false, pos, end: s.idx };
      this.fail('expected a list or an identifier', 'EXPECTED_VALUE', { suggestion: 'write the values as (a, b, c)' });
    });
  }

  private parseListValueOrTransformer(): Expr {
    return this.guard(() => {
      const s = this.s;
      s.blank();
      const pos = s.pos();
      const list = this.tryParseListExpr();
      if (list) return list;
      const t = this.tryParseTransformerOrVal();
      if (t) return t;
      if (s.rx('identifier')) return { kind: 'value', value: s.last, quoted: false, pos, end: s.idx };
      this.fail(`expected a list, an identifier, or a field with a valid transformer: ${TRANSFORMER_LIST_TEXT}`, 'EXPECTED_VALUE', {
        suggestion: 'write the values as (a, b, c)',
      });
    });
  }

  private tryParseTransformerOrVal(): Expr | null {
    return this.guard(() => {
      const s = this.s;
      s.blank();
      const pos = s.pos();
      if (s.str(VAL_TRANSFORMER)) {
        s.blank();
        const fieldPos = s.pos();
        if (!s.rx('fieldName')) this.fail("expected a field within 'val' transformer", 'EXPECTED_VALUE');
        const child = this.parseFieldRemainder(s.last, fieldPos);
        s.blank();
        if (!s.str(')')) this.fail("expected a ')' token closing the transformer", 'UNBALANCED_PARENS', { candidates: [')'] });
        const arg = this.parseOptionalFieldArg();
        const node: TransformerExpr = { kind: 'transformer', name: 'val', args: [child], pos, end: s.idx };
        if (arg !== undefined) node.arg = arg;
        return node;
      }
      if (s.strList(TRANSFORMERS)) {
        s.blank();
        return this.parseTransformerRemainder(s.last.slice(0, -1), pos);
      }
      return null;
    });
  }
}

/**
 * Parses one field or transformer at the start of `text` (output formats embed them in free
 * text). Returns the expression and how many characters it used; throws when none starts there.
 */
export function parseFieldOrTransformer(text: string): { expr: Expr; consumed: number } {
  const p = new Parser(text, {});
  const expr = p.fieldOrTransformer();
  return { expr, consumed: p.consumed() };
}

/**
 * Parses the inside of a value list (`a, "b c", 'd'`), as Falco does when it splices a list's
 * items into a condition. Throws FilterError when the text is not a valid list body.
 */
export function parseListItems(text: string): ListItem[] {
  const p = new Parser(`(${text})`, {});
  return p.listBody();
}

function lastEnd(children: Expr[]): number {
  return children[children.length - 1]!.end;
}

/** Parses a filter; throws FilterError (code FILTER_SYNTAX) with the position where parsing stopped. */
export function parseFilter(input: string, opts: ParseOptions = {}): Expr {
  return new Parser(input, opts).parse().ast;
}

/** Like parseFilter, but also reports where a partial parse stopped. */
export function parseFilterPartial(input: string, opts: ParseOptions = {}): ParseResult {
  return new Parser(input, { ...opts, partial: true }).parse();
}
