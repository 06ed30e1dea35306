/**
 * Adapts the inspector's field registry (core/inspect/fields/registry.ts) to the filter
 * compiler's FieldResolver: the registry parses names and arguments (`proc.aname[2]`,
 * `evt.arg.fd`, `container.mount[/x*]`) and binds extractors; this maps its types onto the
 * filter's and words lookup failures as Falco does. One bound extractor per use.
 */
import { valueToText } from '../inspect/format/value.js';
import { SYSCALL_NAMES } from '../capture/events/syscalls.js';
import { EVENTS } from '../capture/events/table.js';
import { PARAM_TYPE_NAMES, type ParamTypeName } from '../capture/events/types.js';
import { isNumericType, type FieldDescriptor, type FieldLookupFailure, type FieldResolver, type FieldType, type FieldValue, type ResolvedField } from '../filter/fields.js';
import type { TracehoundError } from '../api/errors.js';
import { ALL_FIELDS, resolveField, type ResolvedField as RegistryField } from '../inspect/fields/registry.js';
import type { FieldContext, FieldDef } from '../inspect/fields/types.js';

const SAME: ReadonlySet<string> = new Set<FieldType>([
  'INT8', 'INT16', 'INT32', 'INT64', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'ERRNO', 'FD', 'PID', 'SYSCALLID',
  'SIGTYPE', 'RELTIME', 'ABSTIME', 'PORT', 'L4PROTO', 'MODE', 'UID', 'GID', 'FLAGS8', 'FLAGS16', 'FLAGS32',
  'ENUMFLAGS8', 'ENUMFLAGS16', 'ENUMFLAGS32', 'DOUBLE', 'BOOL', 'CHARBUF', 'FSPATH', 'FSRELPATH', 'BYTEBUF',
  'IPV4ADDR', 'IPV6ADDR', 'IPADDR', 'IPV4NET', 'IPV6NET', 'IPNET', 'SOCKADDR', 'SOCKTUPLE', 'SOCKFAMILY', 'FDLIST', 'SIGSET',
]);

/** Maps a registry param type onto the filter's type vocabulary. */
export function filterType(t: ParamTypeName): { type: FieldType; isList: boolean } {
  if (SAME.has(t)) return { type: t as FieldType, isList: false };
  switch (t) {
    case 'FD32': return { type: 'FD', isList: false };
    case 'PID32': return { type: 'PID', isList: false };
    case 'CHARBUFARRAY':
    case 'CHARBUF_PAIR_ARRAY': return { type: 'CHARBUF', isList: true };
    default: return { type: 'CHARBUF', isList: false };
  }
}

/** evt.rawarg.NAME takes the type of the first event parameter called NAME, as libsinsp does. */
function rawArgType(name: string): FieldType | undefined {
  for (const e of EVENTS) {
    const p = e.params.find((x) => x.name === name);
    if (p) return filterType(PARAM_TYPE_NAMES[p.type]!).type;
  }
  return undefined;
}

/** Ancestor fields that, without an index, match when any ancestor matches (libsinsp compare_full_a*). */
const ANCESTOR_FIELDS = new Set(['proc.aname', 'proc.apid', 'proc.aexe', 'proc.aexepath', 'proc.acmdline']);
let eventNames: Set<string> | undefined;

/** evt.type values must name an event or a syscall, as libsinsp checks when compiling. */
function checkEventName(text: string): void {
  eventNames ??= new Set([...EVENTS.map((e) => e.name), ...SYSCALL_NAMES]);
  if (!eventNames.has(text)) throw new Error(`unknown event type ${text}`);
}

/** Fields that match when either end of the connection matches (libsinsp's custom compares). */
const EITHER_END: Record<string, readonly [string, string]> = {
  'fd.ip': ['fd.cip', 'fd.sip'],
  'fd.net': ['fd.cip', 'fd.sip'],
  'fd.port': ['fd.cport', 'fd.sport'],
};
/** Ancestry deeper than this is a loop in the thread table, not a real process tree. */
const MAX_ANCESTRY = 256;

/** Values of every ancestor (parent first), read through the indexed form of the field. */
function ancestors(def: FieldDef): (c: FieldContext) => FieldValue[] {
  const bound: ((c: FieldContext) => unknown)[] = [];
  return (c) => {
    const out: FieldValue[] = [];
    for (let j = 1; j <= MAX_ANCESTRY; j++) {
      bound[j] ??= def.bind({ text: String(j), index: j });
      const v = bound[j]!(c) as FieldValue;
      if (v === null || v === undefined) break;
      out.push(v);
    }
    return out;
  };
}

const SIGNED: ReadonlySet<FieldType> = new Set<FieldType>(['INT8', 'INT16', 'INT32', 'INT64', 'ERRNO', 'FD', 'PID']);

/**
 * Numeric evt.rawarg.NAME compares the param's raw bytes as a number, as libsinsp does; printing
 * it is another matter (sysdig 0.29.3 refuses to print uid, fd or flags raw args, but filters on
 * them fine). The param's own width decides how many bytes are read; the field type, whether
 * they are signed.
 */
function rawNumeric(name: string, extract: (c: FieldContext) => unknown, type: FieldType): (c: FieldContext) => FieldValue {
  if (!isNumericType(type)) return extract as (c: FieldContext) => FieldValue;
  const signed = SIGNED.has(type);
  return (c) => {
    const e = c.evt;
    const i = e.indexOf(name);
    if (i < 0) return null;
    switch (e.len(i)) {
      case 1: return BigInt(signed ? (e.u8(i) << 24) >> 24 : e.u8(i));
      case 2: return BigInt(signed ? (e.u16(i) << 16) >> 16 : e.u16(i));
      case 4: return BigInt(signed ? e.i32(i) : e.u32(i));
      case 8: return signed ? e.i64big(i) : e.u64(i);
      default: return null;
    }
  };
}

/** The raw bytes of an event's data param, as libsinsp's evt.buffer extracts them for filters. */
function rawData(c: FieldContext): FieldValue {
  const i = c.evt.indexOf('data');
  return i < 0 ? null : c.evt.bytes(i);
}

export interface RegistryResolverOptions {
  /**
   * Share one extractor per field among all its uses and compute its value once per event. Falco
   * rules name the same fields over and over (an open event is tested by dozens of rules reading
   * proc.name, fd.name, evt.is_open_read...): on the bench capture 9.9 M extractions were 1.1 M
   * distinct ones. Fields with per-use state (FieldDef.perUse) keep their own extractors. Whoever
   * drives the events must call next() before each one, and only evaluate fields of the current
   * event (not for a capture filter that runs before the state update).
   */
  memo?: boolean;
}

export class RegistryResolver implements FieldResolver<FieldContext> {
  private readonly defs: readonly FieldDef[];
  private readonly memo: boolean;
  private gen = 0;
  private readonly shared = new Map<string, (c: FieldContext) => FieldValue | FieldValue[]>();

  constructor(defs: readonly FieldDef[] = ALL_FIELDS, opts: RegistryResolverOptions = {}) {
    this.defs = defs;
    this.memo = opts.memo ?? false;
  }

  /** With `memo`: a new event starts, values computed so far are stale. */
  next(): void {
    this.gen++;
  }

  /** The one memoizing extractor of `spec`, made from the first use's. */
  private sharedExtract(spec: string, make: () => (c: FieldContext) => FieldValue | FieldValue[]): (c: FieldContext) => FieldValue | FieldValue[] {
    let x = this.shared.get(spec);
    if (x === undefined) {
      const inner = make();
      let at = -1;
      let v: FieldValue | FieldValue[] = null;
      x = (c) => {
        if (at !== this.gen) {
          v = inner(c);
          at = this.gen;
        }
        return v;
      };
      this.shared.set(spec, x);
    }
    return x;
  }

  private descriptor(def: FieldDef, name: string, argText: string | undefined): FieldDescriptor {
    let { type, isList } = filterType(def.type);
    if (def.type === 'DYN' && argText !== undefined) type = rawArgType(argText) ?? 'CHARBUF';
    const d: FieldDescriptor = { name, type, description: def.desc };
    if (isList) d.isList = true;
    if (def.flags.requiresArg) d.arg = 'required';
    else if (def.flags.allowsArg || def.arg !== 'none') d.arg = 'optional';
    return d;
  }

  resolve(name: string, arg: string | undefined): ResolvedField<FieldContext> | FieldLookupFailure {
    const full = arg === undefined ? name : `${name}[${arg}]`;
    let r: RegistryField;
    try {
      r = resolveField(full);
    } catch (err) {
      const e = err as TracehoundError;
      if (e.code === 'FILTER_UNKNOWN_FIELD') return { error: 'unknown', message: `filter_check called with nonexistent field ${full}` };
      return { error: 'bad_arg', message: e.message };
    }
    if (!this.defs.includes(r.def)) return { error: 'unknown', message: `filter_check called with nonexistent field ${full}` };
    // evt.arg.NAME / evt.rawarg.NAME carry the param name as a dotted argument.
    const argText = r.arg?.text;
    const descriptor = this.descriptor(r.def, full, argText);
    const share = this.memo && !r.def.perUse;
    const extractor = (make: () => (c: FieldContext) => FieldValue | FieldValue[]): ((c: FieldContext) => FieldValue | FieldValue[]) => (share ? this.sharedExtract(full, make) : make());
    if (r.def.type === 'DYN') return { descriptor, extract: extractor(() => rawNumeric(argText ?? '', r.bind(), descriptor.type)) };
    if (arg === undefined && ANCESTOR_FIELDS.has(name)) {
      descriptor.anyOf = true;
      descriptor.rhsSupported = false;
      return { descriptor, extract: extractor(() => ancestors(r.def)) };
    }
    const pair = EITHER_END[name];
    if (arg === undefined && pair) {
      descriptor.anyOf = true;
      descriptor.rhsSupported = false;
      const both = pair.map((n) => resolveField(n));
      const [a, b] = both.map((f) => f.bind());
      return { descriptor, extract: this.memo && both.every((f) => !f.def.perUse) ? this.sharedExtract(full, () => (c) => [a!(c), b!(c)]) : (c) => [a!(c), b!(c)] };
    }
    // Outputs print values exactly as `-p` does (IP addresses, flags, times), with their own
    // binding so a stateful field (evt.deltatime) is not advanced twice per event.
    const printed = r.bind();
    // Filters search the data as captured (CR, LF, NUL...), not its printable rendering.
    const out: ResolvedField<FieldContext> = { descriptor, extract: extractor(() => (full === 'evt.buffer' ? rawData : r.bind())), toText: (c) => valueToText(r.def, printed(c)) ?? undefined };
    if (full === 'evt.type') out.checkValue = checkEventName;
    return out;
  }

  fieldNames(): readonly string[] {
    return this.defs.map((d) => d.name);
  }

  describe(name: string): FieldDescriptor | undefined {
    const def = this.defs.find((d) => d.name === name);
    return def ? this.descriptor(def, name, undefined) : undefined;
  }

  has(name: string): boolean {
    return this.defs.some((d) => d.name === name);
  }
}
