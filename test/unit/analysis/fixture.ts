/**
 * A resolver over plain objects for unit tests of the analysis layer: an event is
 * `{ 'proc.pid': 12, 'fd.name': '/etc/passwd', ... }`, indexed fields are stored under their full
 * spelling ('proc.aname[1]'). Types are sysdig's, so filters compile as they would on the real
 * registry.
 */
import type { FieldDescriptor, FieldLookupFailure, FieldResolver, FieldType, FieldValue, ResolvedField } from '../../../core/filter/fields.js';

export type Ev = Record<string, FieldValue>;

const TYPES: Record<string, FieldType> = {
  'evt.num': 'UINT64',
  'evt.rawtime': 'ABSTIME',
  'evt.type': 'CHARBUF',
  'evt.dir': 'CHARBUF',
  'evt.res': 'CHARBUF',
  'evt.rawres': 'INT64',
  'evt.rawarg.res': 'INT64',
  'evt.failed': 'BOOL',
  'evt.is_io': 'BOOL',
  'evt.is_io_read': 'BOOL',
  'evt.is_io_write': 'BOOL',
  'evt.latency': 'RELTIME',
  'evt.count': 'UINT32',
  'evt.count.exit': 'UINT32',
  'evt.count.error': 'UINT32',
  'evt.buflen': 'UINT32',
  'evt.buflen.in': 'UINT32',
  'evt.buflen.out': 'UINT32',
  'evt.buflen.file.in': 'UINT32',
  'evt.buflen.file.out': 'UINT32',
  'evt.buflen.net.in': 'UINT32',
  'evt.buflen.net.out': 'UINT32',
  'evt.rawarg.data': 'BYTEBUF',
  'evt.buffer': 'BYTEBUF',
  'evt.time.s': 'CHARBUF',
  'proc.pid': 'INT64',
  'proc.ppid': 'INT64',
  'thread.tid': 'INT64',
  'proc.name': 'CHARBUF',
  'proc.pname': 'CHARBUF',
  'proc.exe': 'CHARBUF',
  'proc.args': 'CHARBUF',
  'proc.exeline': 'CHARBUF',
  'user.name': 'CHARBUF',
  'container.id': 'CHARBUF',
  'container.name': 'CHARBUF',
  'thread.cpu': 'DOUBLE',
  'fd.name': 'CHARBUF',
  'fd.num': 'FD',
  'fd.type': 'CHARBUF',
  'fd.containername': 'CHARBUF',
  'fd.l4proto': 'CHARBUF',
  'fd.is_server': 'BOOL',
  'fd.cip': 'IPADDR',
  'fd.sip': 'IPADDR',
  'fd.sport': 'PORT',
  'fd.cport': 'PORT',
  'syscall.type': 'CHARBUF',
};

function typeOf(name: string): FieldType {
  if (TYPES[name]) return TYPES[name]!;
  if (name.startsWith('proc.apid')) return 'INT64';
  if (name.startsWith('evt.rawarg.')) return 'INT64';
  return 'CHARBUF';
}

export class ObjResolver implements FieldResolver<Ev> {
  resolve(name: string, arg: string | undefined): ResolvedField<Ev> | FieldLookupFailure {
    const full = arg === undefined ? name : `${name}[${arg}]`;
    const descriptor: FieldDescriptor = { name: full, type: typeOf(name) };
    if (name === 'evt.count') return { descriptor, extract: () => 1 };
    return { descriptor, extract: (e) => (e[full] === undefined ? null : e[full]) };
  }

  fieldNames(): readonly string[] {
    return Object.keys(TYPES);
  }
}

let num = 0;
const T0 = 1_700_000_000_000_000_000n;

/** An event with a fresh evt.num and a timestamp `ms` milliseconds after a fixed origin. */
export function ev(ms: number, fields: Ev): Ev {
  num++;
  return { 'evt.num': num, 'evt.rawtime': T0 + BigInt(Math.round(ms * 1e6)), ...fields };
}

export const ORIGIN = T0;
