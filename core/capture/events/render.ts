/**
 * Param text exactly as sysdig prints it in %evt.args / %evt.info, %evt.arg.NAME and
 * %evt.rawarg.NAME (libsinsp sinsp_evt::get_param_as_str and the filtercheck around it, as built
 * into sysdig 0.29.3).
 *
 * Each param renders to a pair: `value` (the number/text itself) and `resolved` (the name in
 * parentheses: errno, fd, flags, user, thread comm, absolute path...; '' when none). evt.args
 * joins "name=value" or "name=value(resolved)", each followed by a space; evt.arg.NAME shows
 * resolved when there is one, else value.
 *
 * State lives in the inspector, so fd names, cwd, thread comms and user names come in through a
 * small resolver the caller provides.
 */
import { dots, renderByteBuffer, truncateBufferText } from './bytebuf.js';
import type { BufferFormat } from './bytebuf.js';
import { cstrEnd, sanitizeString, sanitized } from './cstr.js';
import { AT_FDCWD, readI64, readI64Num } from './decode.js';
import { errnoToStr, signalName } from './errno.js';
import { DYN_TABLES } from './flag-tables.js';
import type { DynTableName, FlagTable } from './flag-tables.js';
import { ipv4Text, ipv6Text, isIpv4MappedIpv6 } from './net.js';
import { formatG, formatNumeric32, formatNumeric64, u32Hex, u64Hex, u64Text } from './numfmt.js';
import { resolveRelativePath } from './paths.js';
import { eventInfo, flagTable, syscallName } from './table.js';
import type { TableDialect } from './table.js';
import { EVENT_ROWS } from './event-rows.js';
import { PT } from './types.js';
import type { EventInfo, ParamInfo, ParamType, PrintFormat } from './types.js';

/** What rendering needs of an event: the RawEvent flyweight (core/capture/event.ts) satisfies it. */
export interface EventParams {
  readonly type: number;
  readonly nparams: number;
  readonly buf: Buffer;
  paramOffset(i: number): number;
  paramLen(i: number): number;
}

/** An open fd as the inspector knows it. */
export interface FdRef {
  /** fd.typechar: f, 4, 6, u, p, e, s, l, i, t, n, d, o, b... */
  readonly typeChar: string;
  /** IPv4/IPv6 sockets only: 't' tcp, 'u' udp, 'i' icmp, 'r' raw, '' unknown. */
  readonly l4?: string;
  readonly name: string;
}

/**
 * Inspector state for one event. Everything is optional: a missing callback behaves like an
 * inspector that does not know the answer.
 */
export interface ParamResolver {
  /**
   * Whether the inspector has a thread for the event's tid. Without one sysdig resolves no fd,
   * path or fd list (not even AT_FDCWD or a negative fd's errno). Default: true.
   */
  readonly hasThread?: boolean;
  /** An fd of the event's thread. */
  fd?(fd: number): FdRef | undefined;
  /** The event thread's (main thread's) cwd as sysdig keeps it: absolute, ending with '/'. */
  cwd?(): string | undefined;
  /**
   * Name of the event thread's fd used as a dirfd by *at() syscalls; sysdig uses whatever name
   * the fd has. Unknown: the base becomes '' (sysdig 0.29.3 would then try /proc of the machine
   * it runs on, which is meaningless for a capture file).
   */
  dirfdPath?(dirfd: number): string | undefined;
  /** comm of any thread by tid (PT_PID params). */
  comm?(tid: number): string | undefined;
  /** User and group names from the capture's user list (PT_UID/PT_GID). */
  user?(uid: number): string | undefined;
  group?(gid: number): string | undefined;
}

export interface RenderOptions {
  /** Which table to render with. Default 'sysdig029', the reference decoder's. */
  readonly dialect?: TableDialect;
  /** Byte buffer mode (sysdig -A/-x/-X/-b). Default 'normal'. */
  readonly bufferFormat?: BufferFormat;
  /** Cut normal-mode byte buffers to this many chars (sysdig CLI: 80 unless -v). 0 = never. */
  readonly maxBufferLen?: number;
  /** PF_SIMPLE: leave the type char out of fd names. */
  readonly simpleFd?: boolean;
  /**
   * How raw string bytes (CHARBUF, raw args) become JS strings: 'utf8' (default, what a terminal
   * shows) or 'latin1' (one char per byte, for callers that keep byte strings). Strings handed in
   * by the resolver are copied unchanged either way.
   */
  readonly text?: 'utf8' | 'latin1';
}

export interface ParamText {
  readonly value: string;
  /** '' when there is nothing to show in parentheses. */
  readonly resolved: string;
}

const NO_RESOLVER: ParamResolver = {};

/** The event info a dialect renders with, or undefined when that table does not know the type. */
export function renderInfo(type: number, options: RenderOptions = {}): EventInfo | undefined {
  return eventInfo(type, options.dialect ?? 'sysdig029');
}

/** libsinsp shows min(table params, event params). */
export function visibleParamCount(info: EventInfo, ev: EventParams): number {
  return Math.min(info.params.length, ev.nparams);
}

function text(value: string, resolved = ''): ParamText {
  return { value, resolved };
}

/** Raw C string bytes (%s prints them verbatim; a terminal decodes them as UTF-8). */
function rawCstr(buf: Buffer, off: number, len: number, enc: 'utf8' | 'latin1' = 'utf8'): string {
  return buf.toString(enc, off, cstrEnd(buf, off, len));
}

/**
 * libsinsp prints CHARBUF params with %s from the param start, ignoring the param length: an
 * empty (zero-length) string shows the bytes of the following params up to the next NUL.
 */
function unboundedCstr(buf: Buffer, off: number, enc: 'utf8' | 'latin1' = 'utf8'): string {
  return buf.toString(enc, off, cstrEnd(buf, off, buf.length - off));
}

/**
 * Flag names for a value. sysdig 0.29.3 walks the table until it meets the entry equal to the
 * whole value, naming every earlier entry whose bits are all still set (and clearing them), then
 * names that entry; the current libs name an equal entry only if its bits were not consumed
 * earlier, and keep walking otherwise. Enum tables (ENUMFLAGS) name every exactly equal entry.
 */
export function renderFlags(value: number, table: FlagTable | undefined, mode: 'sysdig029' | 'current' | 'enum'): string {
  if (!table) return '';
  const initial = value >>> 0;
  let val = initial;
  const names: string[] = [];
  if (mode === 'enum') {
    for (const [name, v] of table) if (v >>> 0 === initial) names.push(name);
    return names.join('|');
  }
  for (const [name, raw] of table) {
    const v = raw >>> 0;
    if (mode === 'sysdig029' && v === initial) {
      names.push(name);
      break;
    }
    const hit = (v === 0 && initial === 0) || (v !== 0 && (val & v) >>> 0 === v && val !== 0);
    if (hit) {
      names.push(name);
      val = (val & ~v) >>> 0;
      if (mode === 'current' && v === initial) break;
    }
  }
  return names.join('|');
}

function renderFd(fd: number, r: ParamResolver, options: RenderOptions): ParamText {
  const value = String(fd);
  if (r.hasThread === false) return text(value);
  if (fd >= 0) {
    const ref = r.fd?.(fd);
    if (!ref) return text(value);
    const typeStr = (options.simpleFd ? '' : ref.typeChar) + (ref.l4 ?? '');
    return text(value, `<${typeStr}>${sanitizeString(ref.name)}`);
  }
  if (fd === AT_FDCWD) return text(value, 'AT_FDCWD');
  return text(value, errnoToStr(fd | 0));
}

/** get_base_dir: the thread cwd, or for FSRELPATH the dirfd's name plus '/'. */
function baseDir(info: EventInfo, param: ParamInfo, ev: EventParams, visible: number, r: ParamResolver): string {
  const cwd = r.cwd?.() ?? '';
  if (param.type !== PT.FSRELPATH || param.dirfd === undefined) return cwd;
  const d = param.dirfd;
  if (d >= info.params.length || info.params[d].type !== PT.FD || d >= visible || ev.paramLen(d) < 8) return cwd;
  const dirfd = readI64Num(ev.buf, ev.paramOffset(d));
  if (dirfd === AT_FDCWD) return cwd;
  const name = r.dirfdPath?.(dirfd);
  if (!name) return '';
  return `${sanitizeString(name)}/`;
}

function renderSockaddr(buf: Buffer, off: number, len: number): string {
  if (len === 0) return 'NULL';
  const family = buf[off];
  if (family === 1) return sanitized(buf, off + 1, len - 1);
  if (family === 2) {
    return len === 7 ? `${ipv4Text(buf, off + 1)}:${buf.readUInt16LE(off + 5)}` : 'INVALID IPv4';
  }
  if (family === 10) {
    return len === 19 ? `${ipv6Text(buf, off + 1)}:${buf.readUInt16LE(off + 17)}` : 'INVALID IPv6';
  }
  return `family ${(family << 24) >> 24}`;
}

function renderSocktuple(buf: Buffer, off: number, len: number): string {
  if (len === 0) return 'NULL';
  const family = buf[off];
  if (family === 2) {
    if (len !== 13) return 'INVALID IPv4';
    return `${ipv4Text(buf, off + 1)}:${buf.readUInt16LE(off + 5)}->${ipv4Text(buf, off + 7)}:${buf.readUInt16LE(off + 11)}`;
  }
  if (family === 10) {
    if (len !== 37) return 'INVALID IPv6';
    const sport = buf.readUInt16LE(off + 17);
    const dport = buf.readUInt16LE(off + 35);
    if (isIpv4MappedIpv6(buf, off + 1) && isIpv4MappedIpv6(buf, off + 19)) {
      return `${ipv4Text(buf, off + 13)}:${sport}->${ipv4Text(buf, off + 31)}:${dport}`;
    }
    return `${ipv6Text(buf, off + 1)}:${sport}->${ipv6Text(buf, off + 19)}:${dport}`;
  }
  if (family === 1) {
    // Source and destination are kernel pointers; the path follows them.
    const src = len >= 9 ? u64Hex(readI64(buf, off + 1)) : '0';
    const dst = len >= 17 ? u64Hex(readI64(buf, off + 9)) : '0';
    const path = len > 17 ? sanitized(buf, off + 17, len - 17) : '';
    return `${src}->${dst} ${path}`;
  }
  return `family ${(family << 24) >> 24}`;
}

function renderFdList(buf: Buffer, off: number, len: number, r: ParamResolver): string {
  if (r.hasThread === false || len < 2) return '';
  const n = buf.readUInt16LE(off);
  const parts: string[] = [];
  for (let j = 0, p = off + 2; j < n && p + 10 <= off + len; j++, p += 10) {
    const fd = readI64(buf, p);
    const fdNum = Number(fd);
    const tch = r.fd?.(fdNum)?.typeChar ?? '?';
    // The flags are read as int16 and widened to unsigned int before %x.
    parts.push(`${u64Text(fd)}:${tch}${u32Hex(buf.readInt16LE(p + 8))}`);
  }
  return parts.join(' ');
}

function renderAbsTime(ns: bigint): string {
  // Current libs: local time "%Y-%m-%d %H:%M:%S.<ns> %z"; we render UTC (captures are compared with TZ=UTC).
  const sec = ns / 1_000_000_000n;
  const frac = ns % 1_000_000_000n;
  const d = new Date(Number(sec) * 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return `${date} ${time}.${String(frac).padStart(9, '0')} +0000`;
}

interface RenderCtx {
  readonly info: EventInfo;
  readonly ev: EventParams;
  readonly visible: number;
  readonly r: ParamResolver;
  readonly options: RenderOptions;
  /** Value text of the param rendered just before, within the same evt.args line. */
  readonly prevValue: string;
}

/**
 * Render one value of `type` from bytes. `outer` is the declared param (its print format and flag
 * table apply even when a PT_DYN param switched the type).
 */
function renderTyped(
  type: ParamType,
  outer: ParamInfo,
  buf: Buffer,
  off: number,
  len: number,
  ctx: RenderCtx,
): ParamText {
  const fmt: PrintFormat = outer.format;
  const { r, options } = ctx;
  const dialect = options.dialect ?? 'sysdig029';
  const need = (n: number): boolean => len >= n;
  switch (type) {
    case PT.INT8:
      return need(1) ? text(formatNumeric32(buf.readInt8(off), fmt)) : text('');
    case PT.INT16:
      return need(2) ? text(formatNumeric32(buf.readInt16LE(off), fmt)) : text('');
    case PT.INT32:
      return need(4) ? text(formatNumeric32(buf.readInt32LE(off), fmt)) : text('');
    case PT.UINT8:
      return need(1) ? text(formatNumeric32(buf[off], fmt)) : text('');
    case PT.UINT16:
      return need(2) ? text(formatNumeric32(buf.readUInt16LE(off), fmt)) : text('');
    case PT.UINT32:
      return need(4) ? text(formatNumeric32(buf.readUInt32LE(off), fmt)) : text('');
    case PT.INT64:
    case PT.UINT64:
      return need(8) ? text(formatNumeric64(readI64(buf, off), fmt)) : text('');
    case PT.FD:
      return need(8) ? renderFd(readI64Num(buf, off), r, options) : text('');
    case PT.PID: {
      if (!need(8)) return text('');
      const pid = readI64Num(buf, off);
      return text(String(pid), r.comm?.(pid) ?? '');
    }
    case PT.ERRNO: {
      if (!need(8)) return text('');
      const v = readI64(buf, off);
      // errno_to_str takes the value cast to int32.
      return text(String(v), v < 0n ? errnoToStr(Number(BigInt.asIntN(32, v))) : '');
    }
    case PT.CHARBUF:
      return text(unboundedCstr(buf, off, options.text));
    case PT.FSPATH:
    case PT.FSRELPATH: {
      // libsinsp copies zero bytes into its reused text buffer, which still holds the previous
      // param's text: an empty openat name shows the dirfd number ("name=-100").
      if (len === 0) return text(ctx.prevValue);
      const value = sanitized(buf, off, len);
      if (r.hasThread === false) return text(value);
      // A literal "<NA>" (what drivers write when they could not read the path) is not resolved.
      if (len >= 4 && buf.toString('latin1', off, off + 4) === '<NA>') return text(value);
      const base = baseDir(ctx.info, outer, ctx.ev, ctx.visible, r);
      return text(value, resolveRelativePath(base, buf, off, len) ?? '');
    }
    case PT.BYTEBUF: {
      const format = options.bufferFormat ?? 'normal';
      const s = renderByteBuffer(buf, off, len, format);
      return text(truncateBufferText(s, options.maxBufferLen ?? 0, format));
    }
    case PT.SOCKADDR:
      return text(renderSockaddr(buf, off, len));
    case PT.SOCKTUPLE:
      return text(renderSocktuple(buf, off, len));
    case PT.FDLIST:
      return text(renderFdList(buf, off, len, r));
    case PT.SYSCALLID: {
      if (!need(2)) return text('');
      const sc = buf.readUInt16LE(off);
      const name = syscallName(sc, dialect);
      return name === undefined ? text('<unknown syscall>') : text(String(sc), name);
    }
    case PT.SIGTYPE:
      return need(1) ? text(String(buf[off]), signalName(buf[off])) : text('');
    case PT.RELTIME: {
      if (!need(8)) return text('');
      const v = buf.readBigUInt64LE(off);
      if (v === 0xffff_ffff_ffff_ffffn) return text('none');
      return text(String(v), `${formatG(Number(v) / 1e9)}s`);
    }
    case PT.FLAGS8:
    case PT.FLAGS16:
    case PT.FLAGS32:
    case PT.ENUMFLAGS8:
    case PT.ENUMFLAGS16:
    case PT.ENUMFLAGS32: {
      const w = type === PT.FLAGS8 || type === PT.ENUMFLAGS8 ? 1 : type === PT.FLAGS16 || type === PT.ENUMFLAGS16 ? 2 : 4;
      if (!need(w)) return text('');
      const v = w === 1 ? buf[off] : w === 2 ? buf.readUInt16LE(off) : buf.readUInt32LE(off);
      const isEnum = type === PT.ENUMFLAGS8 || type === PT.ENUMFLAGS16 || type === PT.ENUMFLAGS32;
      const table = outer.flagTable ? flagTable(outer.flagTable, dialect) : undefined;
      return text(String(v), renderFlags(v, table, isEnum ? 'enum' : dialect));
    }
    case PT.MODE: {
      if (!need(4)) return text('');
      const v = buf.readUInt32LE(off);
      const table = outer.flagTable ? flagTable(outer.flagTable, dialect) : undefined;
      // MODE walks its table the 0.29.3 way in every libs version.
      return text(formatNumeric32(v, fmt), renderFlags(v, table, 'sysdig029'));
    }
    case PT.UID:
    case PT.GID: {
      if (!need(4)) return text('');
      const v = buf.readUInt32LE(off);
      if (v === 0xffffffff) return text('-1', '<NONE>');
      const name = type === PT.UID ? r.user?.(v) : r.group?.(v);
      return text(String(v | 0), name === undefined ? '<NA>' : sanitizeString(name));
    }
    case PT.SIGSET: {
      if (!need(4)) return text('');
      const v = buf.readUInt32LE(off);
      const names: string[] = [];
      for (let sig = 0; sig < 32; sig++) {
        if ((v >>> sig) & 1) {
          const n = signalName(sig + 1);
          if (n) names.push(n);
        }
      }
      return text(names.join(' '));
    }
    case PT.CHARBUFARRAY:
      // In files: NUL-separated strings; libsinsp joins its in-memory list with '.'.
      return text(dots(buf, off, len > 0 && buf[off + len - 1] === 0 ? len - 1 : len));
    case PT.CHARBUF_PAIR_ARRAY: {
      const parts = buf.toString(options.text ?? 'utf8', off, off + len).split('\0');
      if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
      const pairs: string[] = [];
      for (let i = 0; i + 1 < parts.length; i += 2) pairs.push(`${parts[i]}:${parts[i + 1]}`);
      return text(pairs.join(','));
    }
    case PT.ABSTIME:
      // Unknown to sysdig 0.29.3 (its switch falls into the PT_DYN error text).
      if (dialect === 'sysdig029') return text('INVALID DYNAMIC PARAMETER');
      return need(8) ? text(renderAbsTime(buf.readBigUInt64LE(off))) : text('');
    case PT.DYN:
      return text('INVALID DYNAMIC PARAMETER');
    default:
      return text('(n.a.)');
  }
}

/**
 * get_param_as_str for param `index` of an event. Undefined when the index is beyond what sysdig
 * would show (table or event has fewer params) or the dialect does not know the event type.
 */
export function renderParam(
  ev: EventParams,
  index: number,
  resolver: ParamResolver = NO_RESOLVER,
  options: RenderOptions = {},
): ParamText | undefined {
  const info = renderInfo(ev.type, options);
  if (!info) return undefined;
  const visible = visibleParamCount(info, ev);
  if (index < 0 || index >= visible) return undefined;
  return renderParamOf(info, ev, index, visible, resolver, options);
}

function renderParamOf(
  info: EventInfo,
  ev: EventParams,
  index: number,
  visible: number,
  r: ParamResolver,
  options: RenderOptions,
  prevValue = '',
): ParamText {
  const param = info.params[index];
  let off = ev.paramOffset(index);
  let len = ev.paramLen(index);
  let type: ParamType = param.type;
  if (type === PT.DYN && param.dynTable !== undefined && len !== 0) {
    const idx = ev.buf[off];
    const entry = DYN_TABLES[param.dynTable as DynTableName]?.[idx];
    if (entry) {
      type = entry.type;
      off += 1;
      len -= 1;
    }
  }
  return renderTyped(type, param, ev.buf, off, len, { info, ev, visible, r, options, prevValue });
}

/**
 * %evt.args (and %evt.info for events without a protocol decoder). Generic syscall events show
 * nothing. Undefined when the dialect's table does not know the event type (sysdig skips those).
 */
export function renderArgs(ev: EventParams, resolver: ParamResolver = NO_RESOLVER, options: RenderOptions = {}): string | undefined {
  const info = renderInfo(ev.type, options);
  if (!info) return undefined;
  if (ev.type === 0 || ev.type === 1) return '';
  const visible = visibleParamCount(info, ev);
  let out = '';
  let prev = '';
  for (let i = 0; i < visible; i++) {
    const t = renderParamOf(info, ev, i, visible, resolver, options, prev);
    prev = t.value;
    out += t.resolved === '' ? `${info.params[i].name}=${t.value} ` : `${info.params[i].name}=${t.value}(${t.resolved}) `;
  }
  return out;
}

/**
 * %evt.arg.NAME (first param with that name) or %evt.arg[N]: the resolved text when there is
 * one, else the value. Undefined when absent (sysdig prints <NA>).
 */
export function renderArg(
  ev: EventParams,
  nameOrIndex: string | number,
  resolver: ParamResolver = NO_RESOLVER,
  options: RenderOptions = {},
): string | undefined {
  const info = renderInfo(ev.type, options);
  if (!info) return undefined;
  const visible = visibleParamCount(info, ev);
  const index =
    typeof nameOrIndex === 'number' ? nameOrIndex : info.params.slice(0, visible).findIndex((p) => p.name === nameOrIndex);
  if (index < 0 || index >= visible) return undefined;
  const t = renderParamOf(info, ev, index, visible, resolver, options);
  return t.resolved !== '' ? t.resolved : t.value;
}

/** sysdig's error for %evt.rawarg of a type it cannot print; it aborts the whole run. */
export class RawArgTypeError extends Error {
  readonly code = 'RAWARG_TYPE_UNSUPPORTED';
  constructor(readonly paramType: ParamType) {
    super(`wrong event type ${paramType}`);
  }
}

let rawArgTypes: Map<string, ParamType> | undefined;

/**
 * The type sysdig 0.29.3 gives %evt.rawarg.NAME: not the event's own param type but that of the
 * first param in the whole table (in code order) whose name is the longest prefix of NAME. So
 * rawarg.res is ERRNO everywhere (close_x comes first) and brk's u64 result prints signed.
 */
export function rawArgType(name: string): { name: string; type: ParamType } | undefined {
  if (!rawArgTypes) {
    rawArgTypes = new Map();
    for (const row of EVENT_ROWS) {
      const info = eventInfo(row[0], 'sysdig029');
      if (!info) continue;
      for (const p of info.params) if (!rawArgTypes.has(p.name)) rawArgTypes.set(p.name, p.type);
    }
  }
  let best: string | undefined;
  for (const k of rawArgTypes.keys()) {
    if (name.startsWith(k) && (best === undefined || k.length > best.length)) best = k;
  }
  return best === undefined ? undefined : { name: best, type: rawArgTypes.get(best) as ParamType };
}

/**
 * %evt.rawarg.NAME as sysdig 0.29.3 prints it. Undefined when the event has no such param or
 * sysdig prints nothing for that type/format combination (it shows <NA>); throws RawArgTypeError
 * for types sysdig refuses (fd, flags, tuples, uid...: "wrong event type N").
 */
export function renderRawArg(ev: EventParams, name: string, text: 'utf8' | 'latin1' = 'utf8'): string | undefined {
  const match = rawArgType(name);
  if (!match) return undefined;
  const { type } = match;
  const info = eventInfo(ev.type, 'sysdig029');
  if (!info) return undefined;
  const visible = visibleParamCount(info, ev);
  const index = info.params.slice(0, visible).findIndex((p) => p.name === match.name);
  if (index < 0) return undefined;
  // sysdig only fails once an event actually has the param.
  if (!RAWARG_PRINTABLE.has(type)) throw new RawArgTypeError(type);
  const off = ev.paramOffset(index);
  const len = ev.paramLen(index);
  const buf = ev.buf;
  // The evt.rawarg field's own print format is PF_NA: sized ints other than int64 print nothing.
  switch (type) {
    case PT.INT64:
    case PT.PID:
    case PT.ERRNO:
      return len >= 8 ? String(readI64(buf, off)) : undefined;
    case PT.CHARBUF:
    case PT.FSPATH:
    case PT.FSRELPATH:
      return unboundedCstr(buf, off, text);
    case PT.BYTEBUF:
      return rawCstr(buf, off, len, text);
    case PT.BOOL:
      return len >= 4 ? String(buf.readUInt32LE(off) !== 0) : undefined;
    case PT.IPV4ADDR:
      return len >= 4 ? ipv4Text(buf, off) : undefined;
    case PT.IPV6ADDR:
      return len >= 16 ? ipv6Text(buf, off) : undefined;
    case PT.IPADDR:
      return len === 4 ? ipv4Text(buf, off) : len === 16 ? ipv6Text(buf, off) : undefined;
    case PT.DOUBLE:
      return len >= 8 ? buf.readDoubleLE(off).toFixed(1) : undefined;
    default:
      return undefined;
  }
}

/** Types rawval_to_string handles; the rest make sysdig 0.29.3 fail with "wrong event type". */
const RAWARG_PRINTABLE: ReadonlySet<ParamType> = new Set<ParamType>([
  PT.INT8, PT.INT16, PT.INT32, PT.INT64, PT.PID, PT.ERRNO, PT.L4PROTO, PT.UINT8, PT.PORT, PT.UINT16,
  PT.UINT32, PT.UINT64, PT.RELTIME, PT.ABSTIME, PT.CHARBUF, PT.FSPATH, PT.FSRELPATH, PT.BYTEBUF,
  PT.SOCKADDR, PT.SOCKFAMILY, PT.BOOL, PT.IPV4ADDR, PT.IPV6ADDR, PT.IPADDR, PT.DOUBLE,
]);

