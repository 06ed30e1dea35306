/**
 * Which event types can a condition match? Follows libsinsp's ppm_event_codes visitor: `and`
 * intersects, `or` unites, evt.type/syscall.type checks with =, ==, != and `in` give explicit sets,
 * `evt.num` checks with a known invariant (it starts at 1) resolve to nothing or everything, and
 * every other check is neutral (all types). Negation is pushed down to the leaves with De Morgan's
 * laws so only event-type leaves get complemented. Rules use this to index by event type, and
 * Falco warns when the result has more than 100 event codes.
 */
import type { Expr } from './ast.js';
import { EVENTS } from '../capture/events/table.js';
import { SYSCALL_NAMES } from '../capture/events/syscalls.js';

/** The universe of event codes and how names map to codes. */
export interface EventUniverse {
  /** Number of codes; codes are 0..size-1. */
  size: number;
  /** Codes an event-type name stands for (every version and direction). */
  codesForName(name: string): readonly number[];
  /** evt.type name of a code. */
  nameOf(code: number): string | undefined;
}

const GENERIC_E = 0;
const GENERIC_X = 1;

let defaultUniverse: EventUniverse | undefined;

/** The universe of the current libs event table (names of syscalls without their own event map to the generic event). */
export function libsEventUniverse(): EventUniverse {
  if (defaultUniverse) return defaultUniverse;
  const byName = new Map<string, number[]>();
  EVENTS.forEach((e, code) => {
    if (code < 2) return;
    const list = byName.get(e.name);
    if (list) list.push(code);
    else byName.set(e.name, [code]);
  });
  const syscalls = new Set(SYSCALL_NAMES);
  defaultUniverse = {
    size: EVENTS.length,
    codesForName: (name) => byName.get(name) ?? (syscalls.has(name) ? [GENERIC_E, GENERIC_X] : []),
    nameOf: (code) => EVENTS[code]?.name,
  };
  return defaultUniverse;
}

/** A set of event codes as a bitmap over the universe. */
export class CodeSet {
  constructor(readonly bits: Uint8Array) {}

  static none(size: number): CodeSet {
    return new CodeSet(new Uint8Array(size));
  }

  static all(size: number): CodeSet {
    return new CodeSet(new Uint8Array(size).fill(1));
  }

  get size(): number {
    let n = 0;
    for (const b of this.bits) n += b;
    return n;
  }

  has(code: number): boolean {
    return this.bits[code] === 1;
  }

  codes(): number[] {
    const out: number[] = [];
    this.bits.forEach((b, i) => {
      if (b) out.push(i);
    });
    return out;
  }

  isAll(): boolean {
    return this.bits.every((b) => b === 1);
  }

  union(o: CodeSet): CodeSet {
    return new CodeSet(this.bits.map((b, i) => b | o.bits[i]!));
  }

  intersect(o: CodeSet): CodeSet {
    return new CodeSet(this.bits.map((b, i) => b & o.bits[i]!));
  }

  complement(): CodeSet {
    return new CodeSet(this.bits.map((b) => 1 - b));
  }
}

type Invariant = 'empty' | 'all' | undefined;

function scanU64(text: string): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(text);
  if (!m) return undefined;
  const v = BigInt(m[2]!);
  return BigInt.asUintN(64, m[1] === '-' ? -v : v);
}

function evtNumInvariant(e: Extract<Expr, { kind: 'binary' }>): Invariant {
  if (e.left.kind !== 'field' || e.left.field !== 'evt.num' || e.left.arg !== undefined) return undefined;
  if (e.op === 'in') {
    if (e.right.kind !== 'list') return undefined;
    if (e.right.items.length === 0) return 'empty';
    return e.right.items.every((i) => scanU64(i.value) === 0n) ? 'empty' : undefined;
  }
  if (e.right.kind !== 'value') return undefined;
  const n = scanU64(e.right.value);
  if (n === undefined) return undefined;
  switch (e.op) {
    case '=': case '==': return n === 0n ? 'empty' : undefined;
    case '!=': return n === 0n ? 'all' : undefined;
    case '<': return n <= 1n ? 'empty' : undefined;
    case '<=': return n === 0n ? 'empty' : undefined;
    case '>': return n === 0n ? 'all' : undefined;
    case '>=': return n <= 1n ? 'all' : undefined;
    default: return undefined;
  }
}

export class EvttypeError extends Error {}

class Visitor {
  negated = false;
  constructor(private readonly u: EventUniverse) {}

  private all(): CodeSet {
    return CodeSet.all(this.u.size);
  }

  private names(names: Iterable<string>): CodeSet {
    const s = CodeSet.none(this.u.size);
    for (const n of names) for (const c of this.u.codesForName(n)) s.bits[c] = 1;
    return s;
  }

  /** Returns the set for `e`, already complemented when it sits under an odd number of `not`s. */
  visit(e: Expr): CodeSet {
    switch (e.kind) {
      case 'and':
      case 'or': {
        const intersect = (e.kind === 'and') !== this.negated;
        let acc = intersect ? this.all() : CodeSet.none(this.u.size);
        for (const c of e.children) acc = intersect ? acc.intersect(this.visit(c)) : acc.union(this.visit(c));
        return acc;
      }
      case 'not': {
        this.negated = !this.negated;
        try {
          return this.visit(e.child);
        } finally {
          this.negated = !this.negated;
        }
      }
      case 'binary': {
        const inv = evtNumInvariant(e);
        if (inv) {
          const s = inv === 'empty' ? CodeSet.none(this.u.size) : this.all();
          return this.negated ? s.complement() : s;
        }
        const isTypeField = e.left.kind === 'field' && (e.left.field === 'evt.type' || e.left.field === 'syscall.type') && e.left.arg === undefined;
        if (e.left.kind === 'transformer' && containsTypeField(e.left)) {
          throw new EvttypeError('event code search does not support `evt.type` checks with transformers');
        }
        if (isTypeField && (e.op === '=' || e.op === '==' || e.op === '!=' || e.op === 'in')) {
          let s: CodeSet;
          if (e.right.kind === 'value') s = this.names([e.right.value]);
          else if (e.right.kind === 'list') s = this.names(e.right.items.map((i) => i.value));
          else throw new EvttypeError('right-hand field comparisons on `evt.type`/`syscall.type` checks are not supported by event code search');
          // Negation under `not` and `!=` compose: each one complements.
          if (this.negated) s = s.complement();
          if (e.op === '!=') s = s.complement();
          return s;
        }
        return this.all();
      }
      case 'unary': {
        // `evt.type exists` matches everything, so under negation it matches nothing.
        const typeExists = e.op === 'exists' && containsTypeField(e.left) && e.left.kind === 'field';
        return typeExists && this.negated ? CodeSet.none(this.u.size) : this.all();
      }
      default:
        // Other checks and macros not yet expanded are neutral.
        return this.all();
    }
  }
}

function containsTypeField(e: Expr): boolean {
  if (e.kind === 'field') return (e.field === 'evt.type' || e.field === 'syscall.type') && e.arg === undefined;
  if (e.kind === 'transformer') return e.args.some(containsTypeField);
  return false;
}

/** The set of event codes `ast` can match. */
export function eventCodes(ast: Expr, universe: EventUniverse = libsEventUniverse()): CodeSet {
  return new Visitor(universe).visit(ast);
}

/** Event-type names of a code set, or 'all' when it covers the whole universe. */
export function eventNames(set: CodeSet, universe: EventUniverse = libsEventUniverse()): string[] | 'all' {
  if (set.isAll()) return 'all';
  const names = new Set<string>();
  for (const c of set.codes()) {
    const n = universe.nameOf(c);
    if (n !== undefined) names.add(n);
  }
  return [...names].sort();
}
