/**
 * A tiny resolver over plain objects, standing in for the inspector's registry in unit tests of
 * the compiler. Events are `{ 'proc.name': 'bash', ... }`; argument fields read sub-keys.
 */
import type { FieldDescriptor, FieldLookupFailure, FieldResolver, FieldType, FieldValue, ResolvedField } from '../../../core/filter/fields.js';

export type TestEvent = Record<string, unknown>;

const FIELDS: FieldDescriptor[] = [
  { name: 'evt.type', type: 'CHARBUF' },
  { name: 'evt.num', type: 'UINT64' },
  { name: 'evt.rawres', type: 'INT64' },
  { name: 'evt.latency', type: 'RELTIME' },
  { name: 'evt.rawtime', type: 'ABSTIME' },
  { name: 'evt.is_open_write', type: 'BOOL' },
  { name: 'evt.buffer', type: 'BYTEBUF' },
  { name: 'evt.arg', type: 'CHARBUF', arg: 'required' },
  { name: 'proc.name', type: 'CHARBUF' },
  { name: 'proc.pname', type: 'CHARBUF' },
  { name: 'proc.exepath', type: 'FSPATH' },
  { name: 'proc.pid', type: 'INT64' },
  { name: 'proc.ppid', type: 'INT64' },
  { name: 'proc.aname', type: 'CHARBUF', arg: 'optional' },
  { name: 'proc.env', type: 'CHARBUF', arg: 'optional' },
  { name: 'fd.name', type: 'CHARBUF' },
  { name: 'fd.num', type: 'FD' },
  { name: 'fd.sip', type: 'IPADDR' },
  { name: 'fd.cip', type: 'IPADDR' },
  { name: 'fd.ip', type: 'IPADDR', anyOf: true, rhsSupported: false },
  { name: 'fd.snet', type: 'IPNET' },
  { name: 'fd.sport', type: 'PORT' },
  { name: 'user.uid', type: 'UINT32' },
  { name: 'k8s.ns.labels', type: 'CHARBUF', isList: true },
  { name: 'proc.ports', type: 'UINT64', isList: true },
];

const EVENT_NAMES = new Set(['open', 'openat', 'openat2', 'execve', 'execveat', 'connect', 'read', 'write', 'close']);

export class TestResolver implements FieldResolver<TestEvent> {
  readonly byName = new Map(FIELDS.map((f) => [f.name, f]));

  resolve(name: string, arg: string | undefined): ResolvedField<TestEvent> | FieldLookupFailure {
    if (name.startsWith('evt.arg.') && arg === undefined) {
      const key = name.slice('evt.arg.'.length);
      return { descriptor: { name, type: 'CHARBUF' }, extract: (e) => (e['evt.arg'] as Record<string, FieldValue> | undefined)?.[key] };
    }
    const d = this.byName.get(name);
    if (!d) return { error: 'unknown', message: `unknown field ${name}` };
    if (arg !== undefined) {
      if ((d.arg ?? 'none') === 'none') return { error: 'bad_arg', message: `field ${name} does not take an argument` };
      if (name === 'proc.aname') {
        const i = Number(arg);
        if (!Number.isInteger(i)) return { error: 'bad_arg', message: `bad index ${arg}` };
        return { descriptor: { name, type: 'CHARBUF' }, extract: (e) => (e['proc.aname'] as string[] | undefined)?.[i] };
      }
      return { descriptor: { name, type: d.type as FieldType }, extract: (e) => (e[name] as Record<string, FieldValue> | undefined)?.[arg] };
    }
    if (d.arg === 'required') return { error: 'bad_arg', message: `field ${name} requires an argument` };
    if (name === 'proc.aname') return { descriptor: { ...d, anyOf: true }, extract: (e) => e['proc.aname'] as FieldValue };
    const r: ResolvedField<TestEvent> = { descriptor: d, extract: (e) => e[name] as FieldValue };
    if (name === 'evt.type') {
      r.checkValue = (t) => {
        if (!EVENT_NAMES.has(t)) throw new Error(`unknown event type ${t}`);
      };
    }
    return r;
  }

  fieldNames(): readonly string[] {
    return [...this.byName.keys()];
  }

  describe(name: string): FieldDescriptor | undefined {
    return this.byName.get(name);
  }
}
