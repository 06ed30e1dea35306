/**
 * The filter language has no separate token stream: libsinsp's parser lexes on demand at the
 * cursor with a handful of anchored patterns, and which pattern is tried depends on where the
 * grammar is. This scanner reproduces those lexing primitives (same character classes, same
 * position bookkeeping) so the parser built on it accepts and rejects exactly what Falco does.
 */
import type { Pos } from './ast.js';
import { unescapeQuoted } from './escaping.js';

// POSIX [:space:] as RE2 sees it.
const SPACE = ' \\t\\n\\v\\f\\r';
const RX = {
  notBlank: new RegExp(`not[${SPACE}]+`, 'y'),
  identifier: /[a-zA-Z]+[a-zA-Z0-9_]*/y,
  fieldName: /[a-zA-Z]+[a-zA-Z0-9_]*(?:\.[a-zA-Z]+[a-zA-Z0-9_]*)+/y,
  fieldArgBare: new RegExp(`[^\\]\\["'${SPACE}]+`, 'y'),
  hexNum: /0[xX][0-9a-fA-F]+/y,
  // The exponent needs a sign in libsinsp's grammar, so `1e5` lexes as `1`.
  num: /[+-]?[0-9]+\.?[0-9]*(?:[eE][+-][0-9]+)?/y,
  bareStr: new RegExp(`[^()"'${SPACE}=,]+`, 'y'),
  durationUnit: /(?:ns|us|µs|ms|s|m|h)(?![A-Za-z0-9_.])/y,
} as const;

export type LexPattern = keyof typeof RX;

export interface ScanState {
  idx: number;
  line: number;
  col: number;
  last: string;
}

export class Scanner {
  readonly input: string;
  idx = 0;
  line = 1;
  col = 1;
  /** Text of the last token consumed (quoted strings: the unescaped value). */
  last = '';
  /** Set when a quoted string starts at the cursor but never closes (for a better error). */
  unterminatedQuoteAt: Pos | undefined;

  constructor(input: string) {
    this.input = input;
  }

  pos(): Pos {
    return { idx: this.idx, line: this.line, col: this.col };
  }

  save(): ScanState {
    return { idx: this.idx, line: this.line, col: this.col, last: this.last };
  }

  restore(s: ScanState): void {
    this.idx = s.idx;
    this.line = s.line;
    this.col = s.col;
    this.last = s.last;
  }

  atEnd(): boolean {
    return this.idx >= this.input.length;
  }

  peek(): string {
    return this.input.charAt(this.idx);
  }

  rest(): string {
    return this.input.slice(this.idx);
  }

  private advance(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      this.col++;
      // libsinsp counts both \r and \n as line breaks.
      if (c === 13 || c === 10) {
        this.col = 1;
        this.line++;
      }
      this.idx++;
    }
  }

  /** Skips blanks; the only primitive that leaves `last` untouched. */
  blank(): boolean {
    let found = false;
    for (;;) {
      const c = this.input.charCodeAt(this.idx);
      // space, \t, \b, \r, \n: the blank set of libsinsp's lex_blank.
      if (c === 32 || c === 9 || c === 8 || c === 13 || c === 10) {
        found = true;
        this.advance(this.input[this.idx]!);
      } else {
        return found;
      }
    }
  }

  str(s: string): boolean {
    if (this.input.startsWith(s, this.idx)) {
      this.last = s;
      this.advance(s);
      return true;
    }
    return false;
  }

  strList(list: readonly string[]): boolean {
    for (const s of list) if (this.str(s)) return true;
    return false;
  }

  rx(p: LexPattern): boolean {
    const re = RX[p];
    re.lastIndex = this.idx;
    const m = re.exec(this.input);
    if (!m || m[0].length === 0) return false;
    this.last = m[0];
    this.advance(m[0]);
    return true;
  }

  /**
   * Operators listed with a trailing space must be followed by a blank (which is consumed), so
   * `containsx` is not `contains x`.
   */
  operator(list: readonly string[]): boolean {
    for (const op of list) {
      if (!op.endsWith(' ')) {
        if (this.str(op)) return true;
        continue;
      }
      const saved = this.save();
      if (this.str(op.trimEnd())) {
        if (this.blank()) return true;
        this.restore(saved);
      }
    }
    return false;
  }

  /**
   * A single- or double-quoted string. Like libsinsp, a quote preceded by a backslash does not
   * close the string (even when that backslash is itself escaped). Escapes are then decoded;
   * a bad escape throws from unescapeQuoted.
   */
  quoted(): boolean {
    const delim = this.peek();
    if (delim !== '"' && delim !== "'") return false;
    let prev = '\\';
    for (let i = this.idx; i < this.input.length; i++) {
      const c = this.input[i]!;
      if (c === delim && prev !== '\\' && i > this.idx) {
        const raw = this.input.slice(this.idx, i + 1);
        const start = this.pos();
        this.advance(raw);
        this.last = unescapeQuoted(raw, start);
        return true;
      }
      prev = c;
    }
    this.unterminatedQuoteAt ??= this.pos();
    return false;
  }

  /** True if the text at the cursor starts with one of the boolean keywords as a whole word. */
  boolKeywordFollows(): boolean {
    for (const kw of ['and', 'or', 'not']) {
      if (this.input.startsWith(kw, this.idx)) {
        const next = this.input.charAt(this.idx + kw.length);
        if (next === '' || !/[A-Za-z0-9]/.test(next)) return true;
      }
    }
    return false;
  }
}
