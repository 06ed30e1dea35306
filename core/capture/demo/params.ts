/**
 * Builds synthetic events from the event table: the caller names an event (its PPME id) and gives
 * a value for every parameter of the CURRENT libs row, by name; each value is encoded by the
 * param's type from the table. Missing or unknown names are errors, so an event can never be
 * written with params in the wrong order or with one forgotten.
 *
 * Only event codes that sysdig 0.29.3 also knows are accepted: the demo capture must stay
 * checkable by the reference decoder.
 */
import type { SyntheticEvent } from '../encode.js';
import { ipv4ToBytes, ipv6ToBytes } from '../ip.js';
import { eventInfo, flagTable, isLargePayload, PPME } from '../events/table.js';
import { PT, PARAM_TYPE_NAMES, type EventInfo, type ParamInfo } from '../events/types.js';

export class DemoEventError extends Error {
  readonly code = 'DEMO_EVENT_INVALID';
}

/** An endpoint of a socket tuple or a sockaddr. IPv6 when the address has a colon. */
export interface Endpoint {
  ip: string;
  port: number;
}

export interface Tuple {
  src: Endpoint;
  dst: Endpoint;
}

/**
 * What a param value may be:
 * - number | bigint: any integer type (and a flags param as its raw value);
 * - string: text types; for a FLAGS/ENUMFLAGS/MODE param, one flag name;
 * - string[]: for BYTEBUF, a NUL-separated list (argv, env, cgroups); for a flags param, names to OR;
 * - Uint8Array: BYTEBUF bytes;
 * - Endpoint: SOCKADDR; Tuple: SOCKTUPLE; { unix: path }: a unix SOCKADDR;
 * - [fd, events][]: FDLIST;
 * - null: an empty param, how the drivers mark a value they could not get.
 */
export type ParamValue =
  | number
  | bigint
  | string
  | readonly string[]
  | Uint8Array
  | Endpoint
  | Tuple
  | { unix: string }
  | readonly (readonly [number, number])[]
  | null;

export type ParamValues = Readonly<Record<string, ParamValue>>;

const u8 = (v: number) => Buffer.from([v & 0xff]);
function u16(v: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v & 0xffff);
  return b;
}
function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
}
function i32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32LE(v | 0);
  return b;
}
function u64(v: number | bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt.asUintN(64, BigInt(v)));
  return b;
}

const isV6 = (ip: string) => ip.includes(':');

function sockaddr(e: Endpoint | { unix: string }): Buffer {
  if ('unix' in e) return Buffer.concat([u8(1), Buffer.from(`${e.unix}\0`)]);
  // Addresses in network order, ports in host order (little endian), as the drivers store them.
  return isV6(e.ip) ? Buffer.concat([u8(10), ipv6ToBytes(e.ip), u16(e.port)]) : Buffer.concat([u8(2), ipv4ToBytes(e.ip), u16(e.port)]);
}

function socktuple(t: Tuple): Buffer {
  const v6 = isV6(t.src.ip) || isV6(t.dst.ip);
  if (v6) {
    return Buffer.concat([u8(10), ipv6ToBytes(t.src.ip), u16(t.src.port), ipv6ToBytes(t.dst.ip), u16(t.dst.port)]);
  }
  return Buffer.concat([u8(2), ipv4ToBytes(t.src.ip), u16(t.src.port), ipv4ToBytes(t.dst.ip), u16(t.dst.port)]);
}

function flagsValue(p: ParamInfo, v: ParamValue, where: string): number {
  if (typeof v === 'number') return v;
  const names = typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : undefined;
  if (!names || !p.flagTable) throw new DemoEventError(`${where}: flags need a number or flag names`);
  try {
    return flagBits(p.flagTable, names);
  } catch (e) {
    throw new DemoEventError(`${where}: ${(e as Error).message}`);
  }
}

/** OR of named entries of a flag table, e.g. flagBits('file_flags', ['O_WRONLY', 'O_APPEND']). */
export function flagBits(table: string, names: readonly string[]): number {
  const t = flagTable(table);
  if (!t) throw new DemoEventError(`no flag table ${table}`);
  let out = 0;
  for (const n of names) {
    const hit = t.find(([name]) => name === n);
    if (!hit) throw new DemoEventError(`${n} is not in flag table ${table}`);
    out = (out | hit[1]) >>> 0;
  }
  return out;
}

function int(v: ParamValue, where: string): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  throw new DemoEventError(`${where}: expected an integer`);
}

function text(v: ParamValue, where: string): string {
  if (typeof v === 'string') return v;
  throw new DemoEventError(`${where}: expected a string`);
}

function encodeParam(p: ParamInfo, v: ParamValue, where: string): Buffer {
  if (v === null) return Buffer.alloc(0);
  switch (p.type) {
    case PT.INT8:
    case PT.UINT8:
    case PT.SIGTYPE:
    case PT.L4PROTO:
    case PT.SOCKFAMILY:
      return u8(Number(int(v, where)));
    case PT.FLAGS8:
    case PT.ENUMFLAGS8:
      return u8(flagsValue(p, v, where));
    case PT.INT16:
    case PT.UINT16:
    case PT.PORT:
    case PT.SYSCALLID:
      return u16(Number(int(v, where)));
    case PT.FLAGS16:
    case PT.ENUMFLAGS16:
      return u16(flagsValue(p, v, where));
    case PT.INT32:
    case PT.FD32:
    case PT.PID32:
      return i32(Number(int(v, where)));
    case PT.UINT32:
    case PT.UID:
    case PT.GID:
    case PT.BOOL:
    case PT.SIGSET:
      return u32(Number(int(v, where)));
    case PT.FLAGS32:
    case PT.ENUMFLAGS32:
    case PT.MODE:
      return u32(flagsValue(p, v, where));
    case PT.INT64:
    case PT.UINT64:
    case PT.ERRNO:
    case PT.FD:
    case PT.PID:
    case PT.RELTIME:
    case PT.ABSTIME:
      return u64(int(v, where));
    case PT.CHARBUF:
    case PT.FSPATH:
    case PT.FSRELPATH:
      return Buffer.from(`${text(v, where)}\0`, 'utf8');
    case PT.BYTEBUF:
      if (v instanceof Uint8Array) return Buffer.from(v);
      if (typeof v === 'string') return Buffer.from(v, 'utf8');
      if (Array.isArray(v)) return Buffer.from((v as string[]).map((s) => `${s}\0`).join(''), 'utf8');
      throw new DemoEventError(`${where}: expected bytes, text or a string list`);
    case PT.SOCKADDR:
      if (typeof v === 'object' && ('unix' in v || 'ip' in v)) return sockaddr(v as Endpoint | { unix: string });
      throw new DemoEventError(`${where}: expected an endpoint`);
    case PT.SOCKTUPLE:
      if (typeof v === 'object' && 'src' in v) return socktuple(v as Tuple);
      throw new DemoEventError(`${where}: expected a tuple`);
    case PT.FDLIST: {
      if (!Array.isArray(v)) throw new DemoEventError(`${where}: expected [fd, events] pairs`);
      const pairs = v as readonly (readonly [number, number])[];
      return Buffer.concat([u16(pairs.length), ...pairs.map(([fd, ev]) => Buffer.concat([u64(fd), u16(ev)]))]);
    }
    default:
      throw new DemoEventError(`${where}: param type ${PARAM_TYPE_NAMES[p.type]} is not supported by the demo builder`);
  }
}

/** The current table row of a PPME id, checked to be one sysdig 0.29.3 can decode too. */
export function demoEventInfo(id: string): EventInfo {
  const code = PPME[id];
  const info = code === undefined ? undefined : eventInfo(code);
  if (code === undefined || !info) throw new DemoEventError(`unknown event id ${id}`);
  if (!eventInfo(code, 'sysdig029')) throw new DemoEventError(`${id} (${code}) is newer than sysdig 0.29.3; pick a version it knows`);
  return info;
}

export interface EventHeader {
  ts: bigint;
  tid: number;
  cpu: number;
}

/** One synthetic event with every param of the current row, in table order. */
export function buildEvent(id: string, h: EventHeader, values: ParamValues): SyntheticEvent {
  const info = demoEventInfo(id);
  const known = new Set(info.params.map((p) => p.name));
  for (const k of Object.keys(values)) {
    if (!known.has(k)) throw new DemoEventError(`${id}: no param named ${k} (params: ${[...known].join(', ')})`);
  }
  const params = info.params.map((p) => {
    const where = `${id}.${p.name}`;
    if (!(p.name in values)) throw new DemoEventError(`${where}: missing`);
    return encodeParam(p, values[p.name] as ParamValue, where);
  });
  return { ts: h.ts, tid: h.tid, cpu: h.cpu, type: info.code, params, large: isLargePayload(info.code) };
}
