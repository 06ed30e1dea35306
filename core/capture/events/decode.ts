/**
 * Parameter bytes -> typed values. Everything is little endian except addresses (network order)
 * and what the driver copied verbatim from userspace (strings, buffers).
 *
 * Integer width policy: fds, pids and syscall results fit in 2^53 and are decoded to `number`
 * (they are hot: the inspector reads them on every event). INT64, UINT64, RELTIME and ABSTIME
 * can use all 64 bits (timestamps, masks, -1 sentinels) and are decoded to `bigint`.
 *
 * Decoders never read outside [off, off + len): a short or empty param decodes to `undefined`
 * (fixed-size types) or to what is there (strings and buffers).
 */
import { cstr, cstrEnd } from './cstr.js';
import { DYN_TABLES } from './flag-tables.js';
import type { DynTableName } from './flag-tables.js';
import { ipv4Text, ipv6Text, isIpv4MappedIpv6 } from './net.js';
import { PT } from './types.js';
import type { ParamInfo, ParamType } from './types.js';

/** PPM_AF_* values as the driver writes them in sockaddr/socktuple params. */
export const AF = { UNIX: 1, INET: 2, INET6: 10 } as const;

/** PPM_AT_FDCWD: the dirfd of *at() syscalls meaning "relative to the cwd". */
export const AT_FDCWD = -100;

export type Sockaddr =
  | { readonly kind: 'unix'; readonly family: 1; readonly path: string }
  | { readonly kind: 'inet'; readonly family: 2; readonly addr: string; readonly port: number }
  | { readonly kind: 'inet6'; readonly family: 10; readonly addr: string; readonly port: number }
  /** invalid: an INET/INET6 payload of the wrong size; other: a family we do not decode. */
  | { readonly kind: 'invalid' | 'other'; readonly family: number };

export type Socktuple =
  | {
      readonly kind: 'inet' | 'inet6';
      readonly family: 2 | 10;
      readonly sip: string;
      readonly sport: number;
      readonly dip: string;
      readonly dport: number;
      /** INET6 with both ends IPv4-mapped (or all zero): sip/dip hold the dotted IPv4 form. */
      readonly v4mapped: boolean;
    }
  /** Unix sockets: kernel socket pointers (source, peer) and the path, if any. */
  | { readonly kind: 'unix'; readonly family: 1; readonly source: bigint; readonly dest: bigint; readonly path: string }
  | { readonly kind: 'invalid' | 'other'; readonly family: number };

export interface FdListEntry {
  readonly fd: number;
  /** Poll flags (u16, PPM_POLL* bits; see FLAG_TABLES.poll_flags). */
  readonly flags: number;
}

export interface IpNet {
  readonly addr: string;
  readonly mask: string;
}

export interface DynValue {
  /** Index into the param's dynamic table. */
  readonly index: number;
  readonly type: ParamType;
  readonly value: ParamValue;
}

export type ParamValue =
  | number
  | bigint
  | boolean
  | string
  | Buffer
  | Sockaddr
  | Socktuple
  | readonly FdListEntry[]
  | readonly string[]
  | readonly (readonly [string, string])[]
  | IpNet
  | DynValue
  | undefined;

export function readI64(buf: Buffer, off: number): bigint {
  return buf.readBigInt64LE(off);
}

export function readU64(buf: Buffer, off: number): bigint {
  return buf.readBigUInt64LE(off);
}

/** int64 as a number (exact below 2^53): fds, pids, syscall results. */
export function readI64Num(buf: Buffer, off: number): number {
  return buf.readInt32LE(off + 4) * 4294967296 + buf.readUInt32LE(off);
}

export function decodeSockaddr(buf: Buffer, off: number, len: number): Sockaddr | undefined {
  if (len === 0) return undefined;
  const family = buf[off];
  if (family === AF.UNIX) return { kind: 'unix', family, path: cstr(buf, off + 1, len - 1) };
  if (family === AF.INET) {
    if (len !== 7) return { kind: 'invalid', family };
    return { kind: 'inet', family, addr: ipv4Text(buf, off + 1), port: buf.readUInt16LE(off + 5) };
  }
  if (family === AF.INET6) {
    if (len !== 19) return { kind: 'invalid', family };
    return { kind: 'inet6', family, addr: ipv6Text(buf, off + 1), port: buf.readUInt16LE(off + 17) };
  }
  return { kind: 'other', family };
}

export function decodeSocktuple(buf: Buffer, off: number, len: number): Socktuple | undefined {
  if (len === 0) return undefined;
  const family = buf[off];
  if (family === AF.INET) {
    if (len !== 13) return { kind: 'invalid', family };
    return {
      kind: 'inet',
      family,
      sip: ipv4Text(buf, off + 1),
      sport: buf.readUInt16LE(off + 5),
      dip: ipv4Text(buf, off + 7),
      dport: buf.readUInt16LE(off + 11),
      v4mapped: false,
    };
  }
  if (family === AF.INET6) {
    if (len !== 37) return { kind: 'invalid', family };
    const v4mapped = isIpv4MappedIpv6(buf, off + 1) && isIpv4MappedIpv6(buf, off + 19);
    return {
      kind: 'inet6',
      family,
      sip: v4mapped ? ipv4Text(buf, off + 13) : ipv6Text(buf, off + 1),
      sport: buf.readUInt16LE(off + 17),
      dip: v4mapped ? ipv4Text(buf, off + 31) : ipv6Text(buf, off + 19),
      dport: buf.readUInt16LE(off + 35),
      v4mapped,
    };
  }
  if (family === AF.UNIX) {
    if (len < 17) return { kind: 'invalid', family };
    const path = cstr(buf, off + 17, len - 17);
    return { kind: 'unix', family, source: readU64(buf, off + 1), dest: readU64(buf, off + 9), path };
  }
  return { kind: 'other', family };
}

export function decodeFdList(buf: Buffer, off: number, len: number): FdListEntry[] | undefined {
  if (len < 2) return undefined;
  const n = buf.readUInt16LE(off);
  const out: FdListEntry[] = [];
  for (let i = 0, p = off + 2; i < n && p + 10 <= off + len; i++, p += 10) {
    out.push({ fd: readI64Num(buf, p), flags: buf.readUInt16LE(p + 8) });
  }
  return out;
}

/** NUL-separated strings (execve args/env, cgroups, PT_CHARBUFARRAY in files); a final NUL is optional. */
export function decodeStringList(buf: Buffer, off: number, len: number): string[] {
  const out: string[] = [];
  const end = off + len;
  let p = off;
  while (p < end) {
    const e = cstrEnd(buf, p, end - p);
    out.push(buf.toString('utf8', p, e));
    p = e + 1;
  }
  return out;
}

export function decodeStringPairs(buf: Buffer, off: number, len: number): [string, string][] {
  const list = decodeStringList(buf, off, len);
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < list.length; i += 2) out.push([list[i], list[i + 1]]);
  return out;
}

const FIXED: Partial<Record<ParamType, number>> = {
  [PT.INT8]: 1, [PT.UINT8]: 1, [PT.FLAGS8]: 1, [PT.ENUMFLAGS8]: 1, [PT.SIGTYPE]: 1, [PT.L4PROTO]: 1, [PT.SOCKFAMILY]: 1,
  [PT.INT16]: 2, [PT.UINT16]: 2, [PT.FLAGS16]: 2, [PT.ENUMFLAGS16]: 2, [PT.SYSCALLID]: 2, [PT.PORT]: 2,
  [PT.INT32]: 4, [PT.UINT32]: 4, [PT.FLAGS32]: 4, [PT.ENUMFLAGS32]: 4, [PT.UID]: 4, [PT.GID]: 4, [PT.MODE]: 4,
  [PT.SIGSET]: 4, [PT.BOOL]: 4, [PT.FD32]: 4, [PT.PID32]: 4, [PT.IPV4ADDR]: 4,
  [PT.INT64]: 8, [PT.UINT64]: 8, [PT.ERRNO]: 8, [PT.FD]: 8, [PT.PID]: 8, [PT.RELTIME]: 8, [PT.ABSTIME]: 8,
  [PT.DOUBLE]: 8, [PT.IPV4NET]: 8, [PT.IPV6ADDR]: 16, [PT.IPV6NET]: 32,
};

/** Bytes a fixed-size type occupies; undefined for variable-size types. */
export function fixedSize(type: ParamType): number | undefined {
  return FIXED[type];
}

/**
 * Decode one param. `dynTable` is needed for PT_DYN only (ParamInfo.dynTable); without it the
 * raw bytes come back.
 */
export function decodeValue(type: ParamType, buf: Buffer, off: number, len: number, dynTable?: string): ParamValue {
  const size = FIXED[type];
  if (size !== undefined && len < size) return undefined;
  switch (type) {
    case PT.INT8:
      return buf.readInt8(off);
    case PT.INT16:
      return buf.readInt16LE(off);
    case PT.INT32:
    case PT.FD32:
    case PT.PID32:
      return buf.readInt32LE(off);
    case PT.UINT8:
    case PT.FLAGS8:
    case PT.ENUMFLAGS8:
    case PT.SIGTYPE:
    case PT.L4PROTO:
    case PT.SOCKFAMILY:
      return buf[off];
    case PT.UINT16:
    case PT.FLAGS16:
    case PT.ENUMFLAGS16:
    case PT.SYSCALLID:
    case PT.PORT:
      return buf.readUInt16LE(off);
    case PT.UINT32:
    case PT.FLAGS32:
    case PT.ENUMFLAGS32:
    case PT.UID:
    case PT.GID:
    case PT.MODE:
    case PT.SIGSET:
      return buf.readUInt32LE(off);
    case PT.BOOL:
      return buf.readUInt32LE(off) !== 0;
    case PT.INT64:
      return readI64(buf, off);
    case PT.UINT64:
    case PT.RELTIME:
    case PT.ABSTIME:
      return readU64(buf, off);
    case PT.ERRNO:
    case PT.FD:
    case PT.PID:
      return readI64Num(buf, off);
    case PT.DOUBLE:
      return buf.readDoubleLE(off);
    case PT.CHARBUF:
    case PT.FSPATH:
    case PT.FSRELPATH:
      return cstr(buf, off, len);
    case PT.BYTEBUF:
      return buf.subarray(off, off + len);
    case PT.SOCKADDR:
      return decodeSockaddr(buf, off, len);
    case PT.SOCKTUPLE:
      return decodeSocktuple(buf, off, len);
    case PT.FDLIST:
      return decodeFdList(buf, off, len);
    case PT.CHARBUFARRAY:
      return decodeStringList(buf, off, len);
    case PT.CHARBUF_PAIR_ARRAY:
      return decodeStringPairs(buf, off, len);
    case PT.IPV4ADDR:
      return ipv4Text(buf, off);
    case PT.IPV6ADDR:
      return ipv6Text(buf, off);
    case PT.IPADDR:
      if (len === 4) return ipv4Text(buf, off);
      if (len === 16) return ipv6Text(buf, off);
      return undefined;
    case PT.IPV4NET:
      return { addr: ipv4Text(buf, off), mask: ipv4Text(buf, off + 4) };
    case PT.IPV6NET:
      return { addr: ipv6Text(buf, off), mask: ipv6Text(buf, off + 16) };
    case PT.IPNET:
      if (len === 8) return { addr: ipv4Text(buf, off), mask: ipv4Text(buf, off + 4) };
      if (len === 32) return { addr: ipv6Text(buf, off), mask: ipv6Text(buf, off + 16) };
      return undefined;
    case PT.DYN: {
      if (len === 0) return undefined;
      const table = dynTable ? DYN_TABLES[dynTable as DynTableName] : undefined;
      const index = buf[off];
      const entry = table?.[index];
      if (!entry) return buf.subarray(off, off + len);
      return { index, type: entry.type, value: decodeValue(entry.type, buf, off + 1, len - 1) };
    }
    default:
      return buf.subarray(off, off + len);
  }
}

export function decodeParam(info: ParamInfo, buf: Buffer, off: number, len: number): ParamValue {
  return decodeValue(info.type, buf, off, len, info.dynTable);
}
