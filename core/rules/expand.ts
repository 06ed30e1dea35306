/**
 * List and macro expansion on the filter AST.
 *
 * Falco splices list items into the condition text before parsing; we expand on the AST instead
 * so positions keep pointing into the text the user wrote. A bare (unquoted) list value naming a
 * list becomes that list's items, each item read the way Falco's splice reads it: quoted when it
 * contains a blank, then lexed as a list element. Macros are bare identifiers in check position,
 * replaced by a copy of the macro's (already expanded) body, with Falco's loop detection.
 */
import { cloneExpr, type Expr, type ListItem, type Pos } from '../filter/ast.js';
import { FilterError } from '../filter/errors.js';
import { parseListItems } from '../filter/parser.js';

/** Falco's quote_item: items with a blank that are not already quoted get double quotes. */
export function quoteItem(item: string): string {
  if (item.includes(' ') && item[0] !== '"' && item[0] !== "'") return `"${item}"`;
  return item;
}

/** The list elements one raw list item stands for once spliced into a condition. */
export function itemValues(item: string, at: { pos: Pos; end: number }): ListItem[] {
  if (item === '') return [];
  return parseListItems(quoteItem(item)).map((i) => ({ value: i.value, quoted: i.quoted, pos: at.pos, end: at.end }));
}

export interface ListLookup {
  /** Items of the list called `name`, or undefined if there is no such list. */
  get(name: string): readonly string[] | undefined;
  /** Called once per list that got expanded (marks it used). */
  used(name: string): void;
}

function expandItems(items: ListItem[], lists: ListLookup): ListItem[] {
  const out: ListItem[] = [];
  for (const it of items) {
    const ref = it.quoted ? undefined : lists.get(it.value);
    if (ref === undefined) {
      out.push(it);
      continue;
    }
    lists.used(it.value);
    for (const raw of ref) out.push(...itemValues(raw, it));
  }
  return out;
}

const LIST_OPS = new Set(['in', 'intersects', 'pmatch']);

/** Replaces list references in value lists (and `in name`) with the list items, in place. */
export function expandLists(e: Expr, lists: ListLookup): Expr {
  switch (e.kind) {
    case 'and':
    case 'or':
      e.children = e.children.map((c) => expandLists(c, lists));
      return e;
    case 'not':
      e.child = expandLists(e.child, lists);
      return e;
    case 'binary':
      if (e.right.kind === 'list') {
        e.right.items = expandItems(e.right.items, lists);
      } else if (e.right.kind === 'value' && !e.right.quoted) {
        const ref = lists.get(e.right.value);
        if (ref !== undefined) {
          lists.used(e.right.value);
          const at = e.right;
          const items = expandItems([{ value: at.value, quoted: false, pos: at.pos, end: at.end }], lists);
          if (LIST_OPS.has(e.op) || e.op.includes(' ')) {
            e.right = { kind: 'list', items, pos: at.pos, end: at.end };
          } else if (items.length === 1) {
            // Falco splices the list text in place, so `proc.name=one_item_list` compares with the item.
            e.right = { kind: 'value', value: items[0]!.value, quoted: items[0]!.quoted, pos: at.pos, end: at.end };
          } else {
            throw new FilterError('FILTER_SYNTAX', `list '${at.value}' has ${items.length} items where operator '${e.op}' takes one value`, {
              reason: 'BAD_VALUE',
              pos: at.pos,
              end: at.end,
              suggestion: `use \`in (${at.value})\` to compare with every item of the list`,
            });
          }
        }
      }
      return e;
    default:
      return e;
  }
}

export interface MacroProblem {
  message: string;
  pos: Pos;
}

export interface MacroExpansion {
  ast: Expr;
  /** Macros substituted, in the order met. */
  resolved: string[];
  unknown: { name: string; pos: Pos }[];
  loops: MacroProblem[];
}

/**
 * Substitutes macro references. `macros` gives the body for each visible macro name. Nested
 * references inside substituted bodies are expanded too, with the same visibility.
 */
export function expandMacros(ast: Expr, macros: (name: string) => Expr | undefined): MacroExpansion {
  const resolved: string[] = [];
  const unknown: { name: string; pos: Pos }[] = [];
  const loops: MacroProblem[] = [];
  const path: string[] = [];

  const visit = (e: Expr): Expr => {
    switch (e.kind) {
      case 'and':
      case 'or':
        e.children = e.children.map(visit);
        return e;
      case 'not':
        e.child = visit(e.child);
        return e;
      case 'identifier': {
        const body = macros(e.name);
        if (!body) {
          unknown.push({ name: e.name, pos: e.pos });
          return e;
        }
        if (path.includes(e.name)) {
          loops.push({ message: `reference loop in macro '${e.name}'`, pos: e.pos });
          unknown.push({ name: e.name, pos: e.pos });
          return e;
        }
        path.push(e.name);
        const copy = visit(cloneExpr(body));
        path.pop();
        resolved.push(e.name);
        return copy;
      }
      default:
        return e;
    }
  };
  return { ast: visit(ast), resolved, unknown, loops };
}
