/**
 * Filter AST. Node kinds and their shapes follow libsinsp's filter AST so that rules, macro
 * expansion and event-type derivation reason about the same structure Falco does. Every node carries
 * the source position where it starts (`pos`, like libsinsp's pos_info) and the offset just past its
 * last character (`end`), so errors and the UI can underline exactly what a node covers.
 */

export interface Pos {
  /** 0-based character offset into the filter text. */
  idx: number;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
}

interface NodeBase {
  pos: Pos;
  /** Offset just past the node's text. Nodes produced by macro expansion keep the macro's offsets. */
  end: number;
}

export interface AndExpr extends NodeBase {
  kind: 'and';
  children: Expr[];
}

export interface OrExpr extends NodeBase {
  kind: 'or';
  children: Expr[];
}

export interface NotExpr extends NodeBase {
  kind: 'not';
  child: Expr;
}

/** A bare identifier in check position: a macro reference in rules, an error in a plain filter. */
export interface IdentifierExpr extends NodeBase {
  kind: 'identifier';
  name: string;
}

export interface ValueExpr extends NodeBase {
  kind: 'value';
  /** The value after unescaping (quotes removed). */
  value: string;
  /** True when written in quotes; bare values may name a Falco list. */
  quoted: boolean;
}

export interface ListItem {
  value: string;
  quoted: boolean;
  pos: Pos;
  end: number;
}

export interface ListExpr extends NodeBase {
  kind: 'list';
  items: ListItem[];
}

export interface FieldExpr extends NodeBase {
  kind: 'field';
  /** Field name without the argument, e.g. `proc.aname`. */
  field: string;
  /** The text between brackets, e.g. `2` for `proc.aname[2]`; undefined when absent. */
  arg?: string;
}

/** `tolower(proc.name)`, `val(fd.name)`, and the newer multi-argument transformers. */
export interface TransformerExpr extends NodeBase {
  kind: 'transformer';
  name: string;
  args: Expr[];
  /** Optional `[arg]` after the closing parenthesis (only meaningful for multi-value transformers). */
  arg?: string;
}

/** A parenthesised list passed as a transformer argument, e.g. `join(",", (a, b))`. */
export interface TransformerListExpr extends NodeBase {
  kind: 'transformer_list';
  children: Expr[];
}

export interface UnaryCheckExpr extends NodeBase {
  kind: 'unary';
  left: Expr;
  op: string;
}

export interface BinaryCheckExpr extends NodeBase {
  kind: 'binary';
  left: Expr;
  /** Operator as written without surrounding blanks, e.g. `=`, `in`, `startswith oneof`. */
  op: string;
  right: Expr;
}

export type Expr =
  | AndExpr
  | OrExpr
  | NotExpr
  | IdentifierExpr
  | ValueExpr
  | ListExpr
  | FieldExpr
  | TransformerExpr
  | TransformerListExpr
  | UnaryCheckExpr
  | BinaryCheckExpr;

/** Deep copy; macro expansion clones a macro body for every place it is used. */
export function cloneExpr<T extends Expr>(e: T): T {
  return structuredClone(e);
}

/** Escape a value the way libsinsp prints it back (quoted only when it has to be). */
export function escapeValue(s: string): string {
  let out = '';
  let needQuotes = s.length === 0;
  for (const ch of s) {
    switch (ch) {
      case '\b': out += '\\b'; needQuotes = true; break;
      case '\f': out += '\\f'; needQuotes = true; break;
      case '\n': out += '\\n'; needQuotes = true; break;
      case '\r': out += '\\r'; needQuotes = true; break;
      case '\t': out += '\\t'; needQuotes = true; break;
      case '\\': out += '\\\\'; needQuotes = true; break;
      case '"': out += '\\"'; needQuotes = true; break;
      case ' ': case '=': case "'": case '(': case ')': case ',':
        out += ch; needQuotes = true; break;
      default: out += ch;
    }
  }
  return needQuotes ? `"${out}"` : out;
}

function fieldText(name: string, arg: string | undefined): string {
  return arg === undefined ? name : `${name}[${arg}]`;
}

/** Canonical text of an expression, in the same shape libsinsp's string visitor prints. */
export function exprToString(e: Expr): string {
  switch (e.kind) {
    case 'and':
    case 'or':
      return `(${e.children.map(exprToString).join(` ${e.kind} `)})`;
    case 'not':
      return `not ${exprToString(e.child)}`;
    case 'identifier':
      return e.name;
    case 'value':
      return escapeValue(e.value);
    case 'list':
      return `(${e.items.map((i) => escapeValue(i.value)).join(', ')})`;
    case 'field':
      return fieldText(e.field, e.arg);
    case 'transformer':
      return `${e.name}(${e.args.map(exprToString).join(',')})${e.arg === undefined ? '' : `[${e.arg}]`}`;
    case 'transformer_list':
      return `(${e.children.map(exprToString).join(',')})`;
    case 'unary':
      return `${exprToString(e.left)} ${e.op}`;
    case 'binary':
      return `${exprToString(e.left)} ${e.op} ${exprToString(e.right)}`;
  }
}

/** Calls `fn` on every node, parents before children. */
export function walk(e: Expr, fn: (node: Expr) => void): void {
  fn(e);
  switch (e.kind) {
    case 'and':
    case 'or':
      for (const c of e.children) walk(c, fn);
      break;
    case 'not':
      walk(e.child, fn);
      break;
    case 'transformer':
      for (const c of e.args) walk(c, fn);
      break;
    case 'transformer_list':
      for (const c of e.children) walk(c, fn);
      break;
    case 'unary':
      walk(e.left, fn);
      break;
    case 'binary':
      walk(e.left, fn);
      walk(e.right, fn);
      break;
    default:
      break;
  }
}
