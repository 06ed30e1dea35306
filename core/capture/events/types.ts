/**
 * Vocabulary of the event table: parameter types, print formats, event flags and categories.
 *
 * The numeric values are the ones the driver writes into capture files and the event table uses
 * (ppm_param_type, ppm_print_format, ppm_event_flags, ppm_event_category in falcosecurity/libs), so
 * they must never be renumbered.
 */

/** Parameter types (ppm_param_type). */
export const PT = {
  NONE: 0,
  INT8: 1,
  INT16: 2,
  INT32: 3,
  INT64: 4,
  UINT8: 5,
  UINT16: 6,
  UINT32: 7,
  UINT64: 8,
  /** NUL-terminated printable string. */
  CHARBUF: 9,
  /** Raw bytes (I/O data, NUL-separated argv/env lists). */
  BYTEBUF: 10,
  /** int64 syscall return value; negative means -errno. */
  ERRNO: 11,
  /** u8 family + address (see decodeSockaddr). */
  SOCKADDR: 12,
  /** u8 family + source and destination endpoints (see decodeSocktuple). */
  SOCKTUPLE: 13,
  /** int64 file descriptor. */
  FD: 14,
  /** int64 pid/tid. */
  PID: 15,
  /** u16 count, then count x (int64 fd, u16 poll flags). */
  FDLIST: 16,
  /** Path, relative ones resolved against the thread cwd. */
  FSPATH: 17,
  /** u16 ppm syscall code (PPM_SC_*). */
  SYSCALLID: 18,
  /** u8 signal number. */
  SIGTYPE: 19,
  /** u64 nanoseconds. */
  RELTIME: 20,
  /** u64 nanoseconds since the epoch. */
  ABSTIME: 21,
  /** u16 TCP/UDP port. */
  PORT: 22,
  /** u8 IP protocol. */
  L4PROTO: 23,
  /** u8 socket family. */
  SOCKFAMILY: 24,
  /** u32, zero is false. */
  BOOL: 25,
  /** 4 raw bytes in network order. */
  IPV4ADDR: 26,
  /** u8 index into the param's dynamic table, then a value of the type that entry names. */
  DYN: 27,
  FLAGS8: 28,
  FLAGS16: 29,
  FLAGS32: 30,
  /** u32; 0xffffffff means "no user". */
  UID: 31,
  /** u32; 0xffffffff means "no group". */
  GID: 32,
  /** IEEE 754 double. */
  DOUBLE: 33,
  /** u32: the low 32 bits of a sigset_t. */
  SIGSET: 34,
  /** List of strings. In files: NUL-separated strings (libsinsp itself keeps a pointer here). */
  CHARBUFARRAY: 35,
  /** List of string pairs. In files: NUL-separated key, value, key, value... */
  CHARBUF_PAIR_ARRAY: 36,
  /** 4-byte address + 4-byte netmask. */
  IPV4NET: 37,
  /** 16 raw bytes. */
  IPV6ADDR: 38,
  /** 16-byte address + 16-byte netmask. */
  IPV6NET: 39,
  /** 4 or 16 raw bytes; the length says which. */
  IPADDR: 40,
  /** IPV4NET or IPV6NET by length. */
  IPNET: 41,
  /** u32 file mode bits, rendered with a flag table. */
  MODE: 42,
  /** Path relative to a dirfd param of the same event (see ParamInfo.dirfd). */
  FSRELPATH: 43,
  /** u8/u16/u32 whose table entries are exclusive values, not bits. */
  ENUMFLAGS8: 44,
  ENUMFLAGS16: 45,
  ENUMFLAGS32: 46,
  /** int32 file descriptor (kernel iterator events). */
  FD32: 47,
  /** int32 pid (kernel iterator events). */
  PID32: 48,
} as const;

export type ParamTypeName = keyof typeof PT;
export type ParamType = (typeof PT)[ParamTypeName];

/** Index = PT value. */
export const PARAM_TYPE_NAMES: readonly ParamTypeName[] = (() => {
  const names: ParamTypeName[] = [];
  for (const [k, v] of Object.entries(PT) as [ParamTypeName, number][]) names[v] = k;
  return names;
})();

/** Print formats (ppm_print_format): how numeric params are shown. */
export const PF = {
  NA: 0,
  DEC: 1,
  /** Upper-case hex without a 0x prefix (printf %X). */
  HEX: 2,
  /** Zero-padded to 9 digits (the nanosecond part of a timestamp). */
  PADDED_DEC: 3,
  ID: 4,
  DIR: 5,
  /** Octal with a leading 0 (printf %#o). */
  OCT: 6,
} as const;

export type PrintFormatName = keyof typeof PF;
export type PrintFormat = (typeof PF)[PrintFormatName];

export const PRINT_FORMAT_NAMES: readonly PrintFormatName[] = (() => {
  const names: PrintFormatName[] = [];
  for (const [k, v] of Object.entries(PF) as [PrintFormatName, number][]) names[v] = k;
  return names;
})();

/** Event flags (ppm_event_flags). */
export const EF = {
  NONE: 0,
  /** Returns a new fd (open, socket, accept...). */
  CREATES_FD: 1 << 0,
  /** Removes an fd (close). */
  DESTROYS_FD: 1 << 1,
  /** Operates on the fd in its first PT_FD param. */
  USES_FD: 1 << 2,
  READS_FROM_FD: 1 << 3,
  WRITES_TO_FD: 1 << 4,
  /** Changes thread/fd state: a consumer that drops events must keep these. */
  MODIFIES_STATE: 1 << 5,
  /** Placeholder slot, never emitted. */
  UNUSED: 1 << 6,
  WAITS: 1 << 7,
  /** Internal event that must not count as the thread's "last event" (drop, procinfo...). */
  SKIPPARSERESET: 1 << 8,
  /**
   * Kept for reading old captures. Careful: the current table also sets it on nearly every
   * *enter* event, because current drivers only send exit events (the enter params were merged
   * into the exit event). Captures from 2016-2024 are full of such "old" events.
   */
  OLD_VERSION: 1 << 9,
  /** Only in tables up to 2022 (sysdig 0.29.3): low-priority event a "simple consumer" may drop. */
  DROP_SIMPLE_CONS: 1 << 10,
  /** Param lengths are u32 instead of u16. */
  LARGE_PAYLOAD: 1 << 11,
  /** Newer libscap rewrites this event to its current layout when reading (we do not). */
  CONVERTER_MANAGED: 1 << 12,
} as const;

export type EventFlagName = keyof typeof EF;

/**
 * Event categories (ppm_event_category). The low bits (up to 0x1ff) hold one syscall category;
 * since 2023 a source bit (SYSCALL, TRACEPOINT, PLUGIN, METAEVENT, ITER) is or-ed in.
 */
export const EC = {
  UNKNOWN: 0,
  OTHER: 1,
  FILE: 2,
  NET: 3,
  IPC: 4,
  MEMORY: 5,
  PROCESS: 6,
  SLEEP: 7,
  SYSTEM: 8,
  SIGNAL: 9,
  USER: 10,
  TIME: 11,
  PROCESSING: 12,
  IO_BASE: 32,
  IO_READ: 32,
  IO_WRITE: 33,
  IO_OTHER: 34,
  WAIT: 1 << 6,
  SCHEDULER: 1 << 7,
  /** Generated by the libraries, hidden by sysdig unless -D. */
  INTERNAL: 1 << 8,
  SYSCALL: 1 << 9,
  TRACEPOINT: 1 << 10,
  PLUGIN: 1 << 11,
  METAEVENT: 1 << 12,
  ITER: 1 << 13,
} as const;

/** Mask of the source bits of a category. */
export const EC_SOURCE_MASK = EC.SYSCALL | EC.TRACEPOINT | EC.PLUGIN | EC.METAEVENT | EC.ITER;

export type EventDirection = 'enter' | 'exit';

/** One parameter of an event type. */
export interface ParamInfo {
  readonly name: string;
  readonly type: ParamType;
  readonly format: PrintFormat;
  /** Name of the flag/enum table (FLAGS*, ENUMFLAGS*, MODE params). */
  readonly flagTable?: string;
  /** FSRELPATH: index of the PT_FD param that holds the directory fd. */
  readonly dirfd?: number;
  /** DYN: name of the dynamic table that the first payload byte indexes. */
  readonly dynTable?: string;
}

/** One event type. */
export interface EventInfo {
  /** ppm event number (PPME_*). */
  readonly code: number;
  /** The PPME_ enum name without the prefix, e.g. SYSCALL_OPEN_E. */
  readonly id: string;
  /** evt.type, e.g. "open". Every version of a syscall shares it. */
  readonly name: string;
  readonly dir: EventDirection;
  readonly category: number;
  readonly flags: number;
  readonly params: readonly ParamInfo[];
}

/** An entry of a dynamic param table (PT_DYN). */
export interface DynParamInfo {
  readonly type: ParamType;
  readonly format: PrintFormat;
}
