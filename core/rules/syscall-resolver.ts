/**
 * Adapts the inspector's field definitions (core/inspect/fields) to the filter compiler's
 * FieldResolver: name and argument parsing (`proc.aname[2]`, `evt.arg.fd`, `container.mount[/x*]`),
 * type mapping, and one bound extractor per use. Field semantics stay in the registry.
 */
import { EVENTS } from '../capture/events/table.js';
import { PARAM_TYPE_NAMES, type ParamTypeName } from '../capture/events/types.js';
import type { FieldDescriptor, FieldLookupFailure, FieldResolver, FieldType, ResolvedField } from '../filter/fields.js';
import type { FieldArg, FieldContext, FieldDef } from '../inspect/fields/types.js';

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

function parseArg(def: FieldDef, text: string): FieldArg | FieldLookupFailure {
  if (def.arg === 'index' || (def.arg === 'index-or-dotted' && /^-?\d+$/.test(text))) {
    if (!/^\s*-?\d+\s*$/.test(text)) return { error: 'bad_arg', message: `filter syntax error (${def.name}[${text}]): the argument must be a number` };
    return { text, index: Number(text) };
  }
  return { text };
}

export class RegistryResolver implements FieldResolver<FieldContext> {
  private readonly byName = new Map<string, FieldDef>();
  private readonly dotted: FieldDef[];

  constructor(defs: readonly FieldDef[]) {
    for (const d of defs) if (!this.byName.has(d.name)) this.byName.set(d.name, d);
    // Longest names first so `evt.arg.x` prefers a more specific definition when one exists.
    this.dotted = defs.filter((d) => d.arg === 'dotted' || d.arg === 'index-or-dotted').sort((a, b) => b.name.length - a.name.length);
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

  private bound(def: FieldDef, name: string, arg: FieldArg | undefined): ResolvedField<FieldContext> {
    const extract = def.bind(arg);
    return { descriptor: this.descriptor(def, name, arg?.text), extract };
  }

  resolve(name: string, arg: string | undefined): ResolvedField<FieldContext> | FieldLookupFailure {
    const def = this.byName.get(name);
    if (def) {
      if (arg === undefined) {
        if (def.flags.requiresArg) return { error: 'bad_arg', message: `filter syntax error (${name}): this field requires an argument` };
        return this.bound(def, name, undefined);
      }
      if (def.arg === 'none' || def.arg === 'dotted') return { error: 'unknown', message: `filter_check called with nonexistent field ${name}[${arg}]` };
      const a = parseArg(def, arg);
      if ('error' in a) return a;
      return this.bound(def, `${name}[${arg}]`, a);
    }
    if (arg !== undefined) return { error: 'unknown', message: `filter_check called with nonexistent field ${name}[${arg}]` };
    for (const d of this.dotted) {
      if (name.length > d.name.length + 1 && name.startsWith(d.name) && name[d.name.length] === '.') {
        return this.bound(d, name, { text: name.slice(d.name.length + 1) });
      }
    }
    return { error: 'unknown', message: `filter_check called with nonexistent field ${name}` };
  }

  fieldNames(): readonly string[] {
    return [...this.byName.keys()];
  }

  describe(name: string): FieldDescriptor | undefined {
    const def = this.byName.get(name);
    return def ? this.descriptor(def, name, undefined) : undefined;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }
}
