/**
 * The field registry: every evt/proc/thread/fd/user/group/container/k8s field, with a lookup
 * that parses names (and their arguments) exactly the way sysdig reads them in -p formats.
 *
 * Parsing rules (libsinsp filter_check_list order and each class's parse_field_name):
 *  - field classes are tried in sysdig's order; the first class with any field that is a prefix
 *    of the text wins, and inside it the longest such field;
 *  - some fields take arguments: `proc.aname[2]`, `evt.arg.fd`, `evt.arg[0]`,
 *    `thread.cgroup.cpuacct`, `k8s.pod.label.app`, `container.mount[/usr/*]`...;
 *  - `evt.arg.X` / `evt.rawarg.X` match X against every param name of the event table (the
 *    longest one that prefixes the text), not against the event at hand.
 */
import { TracehoundError } from '../../api/errors.js';
import { EVENTS_SYSDIG029 } from '../../capture/events/table.js';
import { CONTAINER_FIELDS, K8S_FIELDS } from './container.js';
import { EVENT_FIELDS, GEN_EVENT_FIELDS } from './evt.js';
import { FD_FIELDS } from './fd.js';
import { PROC_FIELDS } from './proc.js';
import type { Extractor, FieldArg, FieldClassName, FieldDef } from './types.js';
import { GROUP_FIELDS, USER_FIELDS } from './usergroup.js';

export type { Extractor, FieldArg, FieldClassName, FieldDef, FieldValue, FieldContext } from './types.js';

interface ClassGroup {
  readonly fields: readonly FieldDef[];
  /** Class-specific parsing before the generic longest-prefix match. */
  readonly custom?: (text: string, byName: Map<string, FieldDef>, opts: ParseOptions) => ParsedField | null;
}

export interface ParseOptions {
  /**
   * Whose parsing quirks to follow where libsinsp versions differ: sysdig 0.29.3's (for output
   * that must match it byte for byte) or current libs' (default).
   */
  readonly dialect?: 'current' | 'sysdig029';
}

export interface ParsedField {
  readonly def: FieldDef;
  readonly arg?: FieldArg;
  /** Characters of the input the field (with its argument) used. */
  readonly length: number;
}

export interface ResolvedField extends ParsedField {
  /** Make a fresh extractor (each use keeps its own state, like a libsinsp filtercheck). */
  bind(): Extractor;
}

function syntaxError(text: string): TracehoundError {
  return new TracehoundError('FILTER_SYNTAX', `filter syntax error: ${text}`, { hint: 'Check the field name and its argument, e.g. proc.aname[2] or evt.arg.fd.' });
}

let paramNames: string[] | undefined;
/** Every param name of the event table, for evt.arg.NAME (find_longest_matching_evt_param). */
function longestParamName(rest: string): string | null {
  if (!paramNames) {
    const s = new Set<string>();
    for (const e of EVENTS_SYSDIG029) if (e) for (const p of e.params) s.add(p.name);
    paramNames = [...s];
  }
  let best: string | null = null;
  for (const n of paramNames) if (rest.startsWith(n) && (best === null || n.length > best.length)) best = n;
  return best;
}

function bracketArg(text: string, open: number): { arg: FieldArg; end: number } | null {
  if (text[open] !== '[') return null;
  const close = text.indexOf(']', open);
  if (close < 0) return null;
  const inner = text.slice(open + 1, close);
  const n = /^-?\d+$/.test(inner) ? Number(inner) : undefined;
  return { arg: n === undefined ? { text: inner } : { text: inner, index: n }, end: close + 1 };
}

function eventCustom(text: string, byName: Map<string, FieldDef>): ParsedField | null {
  const f = (n: string): FieldDef => byName.get(n)!;
  if (text.startsWith('evt.arg') && !text.startsWith('evt.args')) return argLike(text, 'evt.arg', f('evt.arg'));
  if (text.startsWith('evt.rawarg')) return argLike(text, 'evt.rawarg', f('evt.rawarg'));
  if (text.startsWith('evt.around')) {
    const b = bracketArg(text, 'evt.around'.length);
    if (!b) throw syntaxError(text);
    return { def: f('evt.around'), arg: b.arg, length: b.end };
  }
  if (text.startsWith('evt.abspath')) {
    if (text.startsWith('evt.abspath.src')) return { def: f('evt.abspath'), arg: { text: 'src' }, length: 15 };
    if (text.startsWith('evt.abspath.dst')) return { def: f('evt.abspath'), arg: { text: 'dst' }, length: 15 };
    return { def: f('evt.abspath'), length: 11 };
  }
  if (text.startsWith('evt.type.is')) {
    if (text[11] !== '.') throw syntaxError(text);
    // libsinsp compares the whole rest of the text with a number or an event name, so the
    // field only takes its argument when it ends the format; otherwise it consumes nothing.
    const rest = text.slice(12);
    if (/^\s*\+?\d+$/.test(rest)) return { def: f('evt.type.is'), arg: { text: rest.trim() }, length: text.length };
    if (EVENTS_SYSDIG029.some((e) => e !== undefined && e.name === rest)) return { def: f('evt.type.is'), arg: { text: rest }, length: 12 + rest.length };
    return { def: f('evt.type.is'), arg: { text: '' }, length: 0 };
  }
  return null;
}

function argLike(text: string, base: string, def: FieldDef): ParsedField {
  const c = text[base.length];
  if (c === '[') {
    if (base === 'evt.rawarg') throw new TracehoundError('FILTER_SYNTAX', 'evt.arg fields must be expressed explicitly', { hint: 'Use evt.rawarg.NAME.' });
    const b = bracketArg(text, base.length);
    if (!b) throw syntaxError(text);
    return { def, arg: b.arg, length: b.end };
  }
  if (c === '.') {
    const name = longestParamName(text.slice(base.length + 1));
    if (name === null) throw new TracehoundError('FILTER_UNKNOWN_FIELD', `unknown event argument ${text.slice(base.length + 1)}`);
    return { def, arg: { text: name }, length: base.length + 1 + name.length };
  }
  throw syntaxError(text);
}

/** sinsp_numparser::parsed32: sscanf("%d%c") == 1, i.e. optional blanks, sign, digits, nothing else. */
function parsed32(s: string): number | null {
  return /^\s*[+-]?\d+$/.test(s) ? Number(s) | 0 : null;
}

/**
 * proc.apid[N] and friends. Without a valid [N] the field means "any ancestor" in filters and
 * the process itself in output. libs since 2023 then consume just the name; libsinsp of sysdig
 * 0.29.3 consumes nothing unless the text is exactly the name (so in a -p format the rest of
 * the token prints literally), and a valid number without ']' also consumes nothing.
 */
function ancestorArg(text: string, base: string, def: FieldDef, legacy: boolean): ParsedField {
  if (text[base.length] === '[') {
    const close = text.indexOf(']');
    const n = parsed32(close < 0 ? text.slice(base.length + 1) : text.slice(base.length + 1, close));
    if (n !== null && close >= 0) return { def, arg: { text: String(n), index: n }, length: close + 1 };
    if (n !== null && legacy) return { def, arg: { text: String(n), index: n }, length: 0 };
  }
  if (legacy && text !== base) return { def, length: 0 };
  return { def, length: base.length };
}

function threadCustom(text: string, byName: Map<string, FieldDef>, opts: ParseOptions): ParsedField | null {
  for (const base of ['proc.apid', 'proc.aname', 'proc.aexe', 'proc.aexepath', 'proc.acmdline']) {
    if (!text.startsWith(base)) continue;
    // Longer ancestor fields share prefixes (proc.aexe / proc.aexepath): take the longest base.
    const longer = ['proc.aexepath'].find((b) => b !== base && b.startsWith(base) && text.startsWith(b));
    if (longer) continue;
    const legacy = opts.dialect === 'sysdig029' && (base === 'proc.apid' || base === 'proc.aname');
    return ancestorArg(text, base, byName.get(base)!, legacy);
  }
  if (text.startsWith('thread.cgroup') && !text.startsWith('thread.cgroups')) {
    if (text[13] !== '.') throw syntaxError(text);
    const m = /^[A-Za-z_]*/.exec(text.slice(14))!;
    return { def: byName.get('thread.cgroup')!, arg: { text: m[0] }, length: 14 + m[0].length };
  }
  return null;
}

function containerCustom(text: string, byName: Map<string, FieldDef>): ParsedField | null {
  if (text.startsWith('container.mount.')) {
    const sub = ['source', 'dest', 'mode', 'rdwr', 'propagation'].find((s) => text.startsWith(s, 16));
    if (!sub) throw syntaxError(text);
    return mountArg(text, 16, byName.get(`container.mount.${sub}`)!);
  }
  if (text.startsWith('container.mount') && text[15] !== 's') return mountArg(text, 15, byName.get('container.mount')!);
  if (text.startsWith('container.label') && text[15] !== 's') {
    const b = bracketArg(text, 15);
    if (!b) throw syntaxError(text);
    return { def: byName.get('container.label')!, arg: b.arg, length: b.end };
  }
  return null;
}

function mountArg(text: string, from: number, def: FieldDef): ParsedField {
  const open = text.indexOf('[', from);
  if (open < 0) throw syntaxError(text);
  const close = text.indexOf(']', open);
  if (close < 0) throw syntaxError(text);
  const inner = text.slice(open + 1, close);
  const arg: FieldArg = /^-?\d+$/.test(inner) ? { text: inner, index: Number(inner) } : { text: inner };
  return { def, arg, length: close + 1 };
}

function k8sCustom(text: string, byName: Map<string, FieldDef>): ParsedField | null {
  for (const kind of ['pod', 'rc', 'rs', 'svc', 'ns', 'deployment']) {
    const base = `k8s.${kind}.label`;
    if (text.startsWith(base) && !text.startsWith(base + 's')) {
      if (text[base.length] !== '.') throw syntaxError(text);
      const m = /^[A-Za-z0-9/_.-]*/.exec(text.slice(base.length + 1))!;
      return { def: byName.get(base)!, arg: { text: m[0] }, length: base.length + 1 + m[0].length };
    }
  }
  return null;
}

const GROUPS: readonly ClassGroup[] = [
  { fields: GEN_EVENT_FIELDS },
  { fields: EVENT_FIELDS, custom: eventCustom },
  { fields: PROC_FIELDS, custom: threadCustom },
  { fields: USER_FIELDS },
  { fields: GROUP_FIELDS },
  { fields: CONTAINER_FIELDS, custom: containerCustom },
  { fields: FD_FIELDS },
  { fields: K8S_FIELDS, custom: k8sCustom },
];

const BY_NAME = new Map<string, FieldDef>();
for (const g of GROUPS) for (const f of g.fields) BY_NAME.set(f.name, f);

/** All fields, in sysdig's class order. */
export const ALL_FIELDS: readonly FieldDef[] = GROUPS.flatMap((g) => g.fields);

/**
 * Parse the field at the start of `text` (the rest of a -p format after '%'). Returns null when
 * no field name prefixes it. Throws for malformed arguments, like sysdig does.
 */
export function parseFieldPrefix(text: string, opts: ParseOptions = {}): ParsedField | null {
  for (const g of GROUPS) {
    let hit = false;
    for (const f of g.fields) {
      if (text.startsWith(f.name)) {
        hit = true;
        break;
      }
    }
    if (!hit) continue;
    if (g.custom) {
      const p = g.custom(text, BY_NAME, opts);
      if (p) return p;
    }
    let best: FieldDef | null = null;
    for (const f of g.fields) if (text.startsWith(f.name) && (best === null || f.name.length > best.name.length)) best = f;
    if (best === null) continue;
    if (best.flags.requiresArg && best.arg !== 'none') {
      // A dotted argument the class has no custom parser for (none today), or a missing one.
      throw syntaxError(text);
    }
    return { def: best, length: best.name.length };
  }
  return null;
}

/**
 * Resolve a complete field name such as "proc.aname[2]" or "evt.arg.fd" to its definition,
 * argument and an extractor factory. Throws FILTER_UNKNOWN_FIELD when it is not a field.
 */
export function resolveField(name: string): ResolvedField {
  const p = parseFieldPrefix(name);
  if (p === null || p.length !== name.length) {
    throw new TracehoundError('FILTER_UNKNOWN_FIELD', `unknown field ${name}`, { hint: 'See `listFields()` for the available fields.' });
  }
  return { ...p, bind: () => p.def.bind(p.arg) };
}

/** The definition of a field by its exact name (no argument), if it exists. */
export function fieldByName(name: string): FieldDef | undefined {
  return BY_NAME.get(name);
}

/** List fields, optionally one class (evt, process, user, group, container, fd, k8s). */
export function listFields(cls?: FieldClassName): FieldDef[] {
  return cls === undefined ? [...ALL_FIELDS] : ALL_FIELDS.filter((f) => f.cls === cls);
}
