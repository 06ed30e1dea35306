/**
 * evt.* fields: the generic ones every event has (number, time) and the syscall-event ones
 * (type, direction, arguments, result, latency...). Semantics follow libsinsp's
 * sinsp_filter_check_gen_event and sinsp_filter_check_event.
 */
import { syscallName } from '../../capture/events/table.js';
import { EC, EF, ET, FD, ONE_SECOND_NS, O, S_IXANY } from '../constants.js';
import type { EventInfo } from '../../capture/events/types.js';
import type { InspectedEvent } from '../event.js';
import { renderEventArgs, renderEventParam, renderEventRawArg } from '../render.js';
import { concatenatePaths } from '../paths.js';
import { syscallCategory } from '../syscall-categories.js';
import { defineFields, type FieldContext, type FieldDef, type FieldValue } from './types.js';
import { formatDuration, secondsDotNs, tsToIso8601, tsToString } from './timefmt.js';

const NS = ONE_SECOND_NS;

function isExit(evt: InspectedEvent): boolean {
  return (evt.type & 1) === 1;
}

/** get_param_value_raw(name) as an int64, or null when the event has no such param. */
function rawI64(evt: InspectedEvent, name: string): bigint | null {
  const i = evt.indexOf(name);
  return i < 0 ? null : evt.i64big(i);
}

/**
 * Per event type, the table positions of the first "res" param and of the "fd" fallback (-1 when
 * none), with the table entry they were found in: the entry is checked on every use, so a
 * different event table for the same type simply finds them again.
 */
const resultInfo: Array<EventInfo | undefined> = [];
const resultResPos: number[] = [];
const resultFdPos: number[] = [];

function firstParam(info: EventInfo, name: string): number {
  const ps = info.params;
  for (let i = 0; i < ps.length; i++) if (ps[i]!.name === name) return i;
  return -1;
}

/**
 * The result param: "res", or "fd" for exits of fd-creating events. Like indexOf(), a position
 * counts only below the event's param count.
 */
function resultParam(evt: InspectedEvent): number {
  const type = evt.type;
  const info = evt.info;
  if (resultInfo[type] !== info) {
    resultInfo[type] = info;
    resultResPos[type] = firstParam(info, 'res');
    resultFdPos[type] = info.flags & EF.CREATES_FD && (type & 1) === 1 ? firstParam(info, 'fd') : -1;
  }
  const n = evt.nparams;
  const r = resultResPos[type]!;
  if (r >= 0 && r < n) return r;
  const f = resultFdPos[type]!;
  return f >= 0 && f < n ? f : -1;
}

function errorCount(evt: InspectedEvent): FieldValue {
  const i = resultParam(evt);
  if (i < 0) return null;
  return evt.i64neg(i) ? 1 : null;
}

/** sinsp_evt::get_category(&cat) flattened to the evt.category text. */
function categoryName(evt: InspectedEvent): string {
  const generic = evt.type === ET.GENERIC_E || evt.type === ET.GENERIC_X;
  const cat = generic ? syscallCategory(evt.u16(0)) : evt.category & 0x1ff;
  switch (cat) {
    case EC.UNKNOWN:
      return 'unknown';
    case EC.OTHER:
      return 'other';
    case EC.FILE:
      return 'file';
    case EC.NET:
      return 'net';
    case EC.IPC:
      return 'IPC';
    case EC.MEMORY:
      return 'memory';
    case EC.PROCESS:
      return 'process';
    case EC.SLEEP:
      return 'sleep';
    case EC.SYSTEM:
      return 'system';
    case EC.SIGNAL:
      return 'signal';
    case EC.USER:
      return 'user';
    case EC.TIME:
      return 'time';
    case EC.PROCESSING:
      return 'processing';
    case EC.IO_READ:
    case EC.IO_WRITE:
    case EC.IO_OTHER: {
      if (generic) return 'unknown';
      const f = evt.fdinfo;
      if (!f) return 'unknown';
      switch (f.type) {
        case FD.FILE:
        case FD.FILE_V2:
        case FD.DIRECTORY:
          return 'file';
        case FD.IPV4_SOCK:
        case FD.IPV6_SOCK:
        case FD.IPV4_SERVSOCK:
        case FD.IPV6_SERVSOCK:
          return 'net';
        case FD.FIFO:
        case FD.UNIX_SOCK:
        case FD.EVENT:
        case FD.SIGNALFD:
        case FD.INOTIFY:
          return 'ipc';
        default:
          return 'unknown';
      }
    }
    case EC.WAIT:
      return 'wait';
    case EC.SCHEDULER:
      return 'scheduler';
    default:
      return 'unknown';
  }
}

function evtTypeName(evt: InspectedEvent, dialect: 'current' | 'sysdig029'): string {
  if (evt.type === ET.GENERIC_E || evt.type === ET.GENERIC_X) return syscallName(evt.u16(0), dialect) ?? '';
  return evt.info.name;
}

function latencyOf(ctx: FieldContext): bigint | null {
  const t = ctx.evt.tinfo;
  if (t === null) return 0n;
  if (ctx.evt.category & EC.INTERNAL) return null;
  return t.latency;
}

function bufLen(evt: InspectedEvent): FieldValue {
  if (isExit(evt)) {
    // A non-negative int64 is its own u64: no asUintN needed.
    if (!evt.i64neg(0)) return evt.i64big(0);
  }
  return null;
}

/** evt.abspath: dirfd + relative path of the *at() syscalls. */
function abspath(ctx: FieldContext, which: 0 | 1 | 2): FieldValue {
  const evt = ctx.evt;
  const t = evt.tinfo;
  if (t === null) return null;
  let dirfdArg: string | null = null;
  let pathArg: string | null = null;
  const et = evt.type;
  if (et === ET.RENAMEAT_X || et === ET.RENAMEAT2_X) {
    if (which === 2) {
      dirfdArg = 'newdirfd';
      pathArg = 'newpath';
    } else {
      dirfdArg = 'olddirfd';
      pathArg = 'oldpath';
    }
  } else if (et === ET.SYMLINKAT_X) {
    dirfdArg = 'linkdirfd';
    pathArg = 'linkpath';
  } else if (et === ET.OPENAT_E || et === ET.OPENAT_2_X || et === ET.OPENAT2_X) {
    dirfdArg = 'dirfd';
    pathArg = 'name';
  } else if (et === ET.LINKAT_E || et === ET.LINKAT_2_X) {
    if (which === 2) {
      dirfdArg = 'newdir';
      pathArg = 'newpath';
    } else {
      dirfdArg = 'olddir';
      pathArg = 'oldpath';
    }
  } else if (et === ET.UNLINKAT_E || et === ET.UNLINKAT_2_X) {
    dirfdArg = 'dirfd';
    pathArg = 'name';
  } else if (et === ET.MKDIRAT_X) {
    dirfdArg = 'dirfd';
    pathArg = 'path';
  } else if (et === ET.FCHMODAT_X) {
    dirfdArg = 'dirfd';
    pathArg = 'filename';
  }
  if (dirfdArg === null || pathArg === null) return null;
  const di = evt.indexOf(dirfdArg);
  const pi = evt.indexOf(pathArg);
  if (di < 0 || pi < 0) return null;
  const dirfd = evt.i64(di);
  const path = evt.bytes(pi);
  let sdir: string;
  if (path[0] === 0x2f) sdir = '.';
  else if (dirfd === -100) sdir = t.getCwd();
  else {
    evt.fdinfo = t.getFd(dirfd);
    sdir = evt.fdinfo === null ? '<UNKNOWN>/' : evt.fdinfo.name + '/';
  }
  return concatenatePaths(sdir, path);
}

/** evt.is_open_read / write / exec. */
function openMode(evt: InspectedEvent, which: 'read' | 'write' | 'exec'): FieldValue {
  const et = evt.type;
  if (et === ET.OPEN_X || et === ET.OPENAT_E || et === ET.OPENAT_2_X || et === ET.OPENAT2_X) {
    const isNew = et === ET.OPENAT_2_X || et === ET.OPENAT2_X;
    const flags = evt.u32(isNew ? 3 : 2);
    if (which === 'read') return (flags & O.RDONLY) !== 0;
    if (which === 'write') return (flags & O.WRONLY) !== 0;
    if (flags & (O.TMPFILE | O.CREAT)) return (evt.u32(isNew ? 4 : 3) & S_IXANY) !== 0;
    return false;
  }
  if (which === 'exec' && et === ET.CREAT_X) return (evt.u32(2) & S_IXANY) !== 0;
  return false;
}

function argText(ctx: FieldContext, nameOrIndex: string | number): FieldValue {
  const evt = ctx.evt;
  const i = typeof nameOrIndex === 'number' ? nameOrIndex : evt.indexOf(nameOrIndex);
  if (i < 0 || i >= evt.nparams) return null;
  const t = renderEventParam(ctx.state, evt, i, ctx.render);
  if (!t) return null;
  return t.resolved !== '' ? t.resolved : t.value;
}

function syslogInfo(ctx: FieldContext): string | null {
  const f = ctx.evt.fdinfo;
  if (f !== null && f.syslogWatch) return ctx.state.syslog.infoLine();
  return null;
}

function infraElement(ctx: FieldContext, key: 'Event' | 'ID' | 'name' | 'Image'): FieldValue {
  const evt = ctx.evt;
  if (evt.type !== ET.INFRASTRUCTURE_EVENT_E) return null;
  for (const raw of evt.str(2).split(';')) {
    const e = raw.trim();
    if (!e.startsWith(key)) continue;
    const parts = e.split(':');
    if (key === 'Image') {
      let v = parts[1] ?? '';
      if (v.includes('@')) v = v.slice(0, v.indexOf('@'));
      else if (v.includes('sha256')) v = e.slice(e.indexOf(':') + 1);
      return v.trim();
    }
    const v = (parts[1] ?? '').trim();
    return key === 'ID' && v.length > 12 ? v.slice(0, 12) : v;
  }
  return null;
}

/** Fields sysdig lists under "evt (All event types)". */
export const GEN_EVENT_FIELDS: FieldDef[] = defineFields('evt', [
  { name: 'evt.num', type: 'UINT64', format: 'ID', display: 'Event Number', desc: 'event number.', get: (c) => c.evt.num },
  { name: 'evt.time', type: 'CHARBUF', display: 'Time', desc: 'event timestamp as a time string that includes the nanosecond part.', get: (c) => tsToString(c.evt.ts, false, true) },
  { name: 'evt.time.s', type: 'CHARBUF', display: 'Time (s)', desc: 'event timestamp as a time string with no nanoseconds.', get: (c) => tsToString(c.evt.ts, false, false) },
  { name: 'evt.time.iso8601', type: 'CHARBUF', display: 'ISO 8601 Time', desc: 'event timestamp in ISO 8601 format, including nanoseconds and time zone offset (in UTC).', get: (c) => tsToIso8601(c.evt.ts) },
  { name: 'evt.datetime', type: 'CHARBUF', display: 'Datetime', desc: 'event timestamp as a time string that includes the date.', get: (c) => tsToString(c.evt.ts, true, true) },
  { name: 'evt.datetime.s', type: 'CHARBUF', display: 'Datetime (s)', desc: 'event timestamp as a datetime string with no nanoseconds.', get: (c) => tsToString(c.evt.ts, true, false) },
  { name: 'evt.rawtime', type: 'ABSTIME', format: 'DEC', display: 'Absolute Time', desc: 'absolute event timestamp, i.e. nanoseconds from epoch.', get: (c) => c.evt.ts },
  { name: 'evt.rawtime.s', type: 'ABSTIME', format: 'DEC', display: 'Absolute Time (s)', desc: 'integer part of the event timestamp (e.g. seconds since epoch).', get: (c) => c.evt.ts / NS },
  { name: 'evt.rawtime.ns', type: 'ABSTIME', format: 'PADDED_DEC', display: 'Absolute Time (ns)', desc: 'fractional part of the absolute event timestamp.', get: (c) => c.evt.ts % NS },
  { name: 'evt.reltime', type: 'RELTIME', format: 'PADDED_DEC', display: 'Relative Time', desc: 'number of nanoseconds from the beginning of the capture.', get: (c) => BigInt.asUintN(64, c.evt.ts - c.state.firstEventTs) },
  { name: 'evt.reltime.s', type: 'RELTIME', format: 'DEC', display: 'Relative Time (s)', desc: 'number of seconds from the beginning of the capture.', get: (c) => BigInt.asUintN(64, c.evt.ts - c.state.firstEventTs) / NS },
  { name: 'evt.reltime.ns', type: 'RELTIME', format: 'PADDED_DEC', display: 'Relative Time (ns)', desc: 'fractional part (in ns) of the time from the beginning of the capture.', get: (c) => BigInt.asUintN(64, c.evt.ts - c.state.firstEventTs) % NS },
  { name: 'evt.pluginname', type: 'CHARBUF', display: 'Plugin Name', desc: 'if the event comes from a plugin, the name of the plugin that generated it. The plugin must be currently loaded.', get: () => null },
  { name: 'evt.plugininfo', type: 'CHARBUF', display: 'Plugin Info', desc: 'if the event comes from a plugin, a summary of the event as formatted by the plugin. The plugin must be currently loaded.', get: () => null },
  { name: 'evt.source', type: 'CHARBUF', display: 'Event Source', desc: 'the name of the source that produced the event.', origin: 'libs', get: (c) => (c.evt.type === ET.PLUGINEVENT_E ? null : 'syscall') },
  { name: 'evt.is_async', type: 'BOOL', display: 'Async Event', desc: "'true' for asynchronous events, 'false' otherwise.", origin: 'libs', get: () => false },
  { name: 'evt.asynctype', type: 'CHARBUF', display: 'Async-Event Type', desc: 'If the event is asynchronous, the type of the event (e.g. "container").', origin: 'libs', get: () => null },
  { name: 'evt.hostname', type: 'CHARBUF', display: 'Hostname', desc: 'The hostname of the underlying host can be customized by setting an environment variable (e.g. FALCO_HOSTNAME for the Falco agent).', origin: 'libs', get: () => null },
]);

/** Fields sysdig lists under "evt (Syscall events only)". */
export const EVENT_FIELDS: FieldDef[] = defineFields('evt', [
  { name: 'evt.latency', type: 'RELTIME', format: 'DEC', display: 'Latency', desc: 'delta between an exit event and the correspondent enter event, in nanoseconds.', get: (c) => latencyOf(c) },
  { name: 'evt.latency.s', type: 'RELTIME', format: 'DEC', display: 'Latency (s)', desc: 'integer part of the event latency delta.', get: (c) => { const l = latencyOf(c); return l === null ? null : l / NS; } },
  { name: 'evt.latency.ns', type: 'RELTIME', format: 'PADDED_DEC', display: 'Latency (ns)', desc: 'fractional part of the event latency delta.', get: (c) => { const l = latencyOf(c); return l === null ? null : l % NS; } },
  { name: 'evt.latency.quantized', type: 'UINT64', format: 'DEC', display: 'Quantized Latency', desc: '10-base log of the delta between an exit event and the correspondent enter event.', flags: { tableOnly: true }, get: (c) => { const t = c.evt.tinfo; if (!t || c.evt.category & EC.INTERNAL || t.latency === 0n) return null; const l = Math.min(Math.log10(Number(t.latency)), 11); return Math.floor((l * 80) / 11) + 1; } },
  {
    name: 'evt.latency.human', type: 'CHARBUF', display: 'Human-Readable Latency', desc: 'delta between an exit event and the correspondent enter event, as a human readable string (e.g. 10.3ms).',
    // Without a thread libsinsp returns its text buffer untouched: the previous event's value.
    bind: () => { let last = ''; return (c) => { const l = latencyOf(c); if (l === null) return null; if (c.evt.tinfo) last = formatDuration(l); return last; }; },
  },
  {
    name: 'evt.deltatime', type: 'RELTIME', format: 'DEC', display: 'Delta', desc: 'delta between this event and the previous event, in nanoseconds.',
    bind: () => { let prev = 0n; return (c) => { const ts = c.evt.ts; if (prev === 0n) { prev = ts; return 0n; } const d = ts - prev; prev = ts; return BigInt.asUintN(64, d); }; },
  },
  {
    name: 'evt.deltatime.s', type: 'RELTIME', format: 'DEC', display: 'Delta (s)', desc: 'integer part of the delta between this event and the previous event.',
    bind: () => { let prev = 0n; return (c) => { const ts = c.evt.ts; if (prev === 0n) { prev = ts; return 0n; } const d = ts - prev; prev = ts; return BigInt.asUintN(64, d) / NS; }; },
  },
  {
    name: 'evt.deltatime.ns', type: 'RELTIME', format: 'PADDED_DEC', display: 'Delta (ns)', desc: 'fractional part of the delta between this event and the previous event.',
    bind: () => { let prev = 0n; return (c) => { const ts = c.evt.ts; if (prev === 0n) { prev = ts; return 0n; } const d = ts - prev; prev = ts; return BigInt.asUintN(64, d) % NS; }; },
  },
  {
    name: 'evt.outputtime', type: 'CHARBUF', display: 'Output Time', desc: "this depends on -t param, default is %evt.time ('h').", flags: { printOnly: true },
    bind: () => {
      let prev = 0n;
      return (c) => {
        const ts = c.evt.ts;
        switch (c.render.timeFormat ?? 'h') {
          case 'a':
            return `${ts / NS}.${ts % NS}`;
          case 'r':
            return secondsDotNs(BigInt.asUintN(64, ts - c.state.firstEventTs));
          case 'd': {
            const t = c.evt.tinfo;
            return t ? secondsDotNs(t.latency) : '0.000000000';
          }
          case 'D': {
            if (prev === 0n) prev = ts;
            const d = BigInt.asUintN(64, ts - prev);
            prev = ts;
            return secondsDotNs(d);
          }
          default:
            return tsToString(ts, false, true);
        }
      };
    },
  },
  { name: 'evt.dir', type: 'CHARBUF', format: 'DIR', display: 'Direction', desc: "event direction can be either '>' for enter events or '<' for exit events.", get: (c) => (isExit(c.evt) ? '<' : '>') },
  { name: 'evt.type', type: 'CHARBUF', display: 'Type', desc: "The name of the event (e.g. 'open').", get: (c) => evtTypeName(c.evt, c.state.dialect) },
  {
    name: 'evt.type.is', type: 'UINT32', display: 'Type Is', desc: 'allows one to specify an event type, and returns 1 for events that are of that type. For example, evt.type.is.open returns 1 for open events, 0 for any other event.', flags: { requiresArg: true }, arg: 'dotted',
    get: (c, a) => {
      const want = a?.text ?? '';
      if (/^\d+$/.test(want)) return c.evt.type === Number(want) ? 1 : 0;
      return c.evt.info.name === want ? 1 : 0;
    },
  },
  {
    name: 'syscall.type', type: 'CHARBUF', display: 'Syscall Type', desc: "For system call events, the name of the system call (e.g. 'open'). Unset for other events (e.g. switch or internal events). Use this field instead of evt.type if you need to make sure that the filtered/printed value is actually a system call.",
    get: (c) => { const e = c.evt; if (e.type === ET.SCHEDSWITCH_6_E || e.flags & EC.INTERNAL || e.flags & EF.SKIPPARSERESET) return null; return evtTypeName(e, c.state.dialect); },
  },
  { name: 'evt.category', type: 'CHARBUF', display: 'Category', desc: "The event category. Example values are 'file' (for file operations like open and close), 'net' (for network operations like socket and bind), memory (for things like brk or mmap), and so on.", get: (c) => categoryName(c.evt) },
  { name: 'evt.cpu', type: 'INT16', format: 'ID', display: 'CPU Number', desc: 'number of the CPU where this event happened.', get: (c) => (c.evt.cpu << 16) >> 16 },
  { name: 'evt.args', type: 'CHARBUF', display: 'Arguments', desc: 'all the event arguments, aggregated into a single string.', get: (c) => renderEventArgs(c.state, c.evt, c.render) ?? '' },
  {
    name: 'evt.arg', type: 'CHARBUF', display: 'Argument', desc: "one of the event arguments specified by name or by number. Some events (e.g. return codes or FDs) will be converted into a text representation when possible. E.g. 'evt.arg.fd' or 'evt.arg[0]'.", flags: { requiresArg: true }, arg: 'index-or-dotted',
    get: (c, a) => (a === undefined ? null : argText(c, a.index ?? a.text)),
  },
  {
    name: 'evt.rawarg', type: 'DYN', display: 'Raw Argument', desc: "one of the event arguments specified by name. E.g. 'evt.rawarg.fd'.", flags: { requiresArg: true }, arg: 'dotted',
    get: (c, a) => (a === undefined ? null : (renderEventRawArg(c.evt, a.text) ?? null)),
  },
  { name: 'evt.info', type: 'CHARBUF', display: 'Information', desc: 'for most events, this field returns the same value as evt.args. However, for some events (like writes to /dev/log) it provides higher level information coming from decoding the arguments.', get: (c) => syslogInfo(c) ?? renderEventArgs(c.state, c.evt, c.render) ?? '' },
  {
    name: 'evt.buffer', type: 'BYTEBUF', display: 'Buffer', desc: "the binary data buffer for events that have one, like read(), recvfrom(), etc. Use this field in filters with 'contains' to search into I/O data buffers.",
    get: (c) => { const i = c.evt.indexOf('data'); if (i < 0) return null; const t = renderEventParam(c.state, c.evt, i, c.render); return t ? t.value : null; },
  },
  { name: 'evt.buflen', type: 'UINT64', format: 'DEC', display: 'Buffer Length', desc: 'the length of the binary data buffer for events that have one, like read(), recvfrom(), etc.', get: (c) => (c.evt.fdinfo && c.evt.category & EC.IO_BASE ? bufLen(c.evt) : null) },
  {
    name: 'evt.res', type: 'CHARBUF', format: 'DEC', display: 'Return Value', desc: "event return value, as a string. If the event failed, the result is an error code string (e.g. 'ENOENT'), otherwise the result is the string 'SUCCESS'.",
    get: (c) => {
      const i = resultParam(c.evt);
      if (i < 0) return null;
      if (!c.evt.i64neg(i)) return 'SUCCESS';
      const t = renderEventParam(c.state, c.evt, i, { ...c.render, bufferFormat: 'normal' });
      if (!t) return null;
      return t.resolved !== '' ? t.resolved : t.value;
    },
  },
  { name: 'evt.rawres', type: 'INT64', format: 'DEC', display: 'Raw Return Value', desc: 'event return value, as a number (e.g. -2). Useful for range comparisons.', get: (c) => { const i = resultParam(c.evt); return i < 0 ? null : c.evt.i64big(i); } },
  { name: 'evt.failed', type: 'BOOL', display: 'Failed', desc: "'true' for events that returned an error status.", get: (c) => { const i = resultParam(c.evt); return i >= 0 && c.evt.i64neg(i); } },
  { name: 'evt.is_io', type: 'BOOL', display: 'Is I/O', desc: "'true' for events that read or write to FDs, like read(), send, recvfrom(), etc.", get: (c) => (c.evt.flags & (EF.READS_FROM_FD | EF.WRITES_TO_FD)) !== 0 },
  { name: 'evt.is_io_read', type: 'BOOL', display: 'Is Read', desc: "'true' for events that read from FDs, like read(), recv(), recvfrom(), etc.", get: (c) => (c.evt.flags & EF.READS_FROM_FD) !== 0 },
  { name: 'evt.is_io_write', type: 'BOOL', display: 'Is Write', desc: "'true' for events that write to FDs, like write(), send(), etc.", get: (c) => (c.evt.flags & EF.WRITES_TO_FD) !== 0 },
  { name: 'evt.io_dir', type: 'CHARBUF', display: 'I/O Direction', desc: "'r' for events that read from FDs, like read(); 'w' for events that write to FDs, like write().", get: (c) => (c.evt.flags & EF.WRITES_TO_FD ? 'write' : c.evt.flags & EF.READS_FROM_FD ? 'read' : null) },
  { name: 'evt.is_wait', type: 'BOOL', display: 'Is Wait', desc: "'true' for events that make the thread wait, e.g. sleep(), select(), poll().", get: (c) => (c.evt.flags & EF.WAITS) !== 0 },
  { name: 'evt.wait_latency', type: 'RELTIME', format: 'DEC', display: 'Wait Latency', desc: 'for events that make the thread wait (e.g. sleep(), select(), poll()), this is the time spent waiting for the event to return, in nanoseconds.', get: (c) => (c.evt.flags & EF.WAITS && isExit(c.evt) ? (c.evt.tinfo?.latency ?? 0n) : null) },
  { name: 'evt.is_syslog', type: 'BOOL', display: 'Is Syslog', desc: "'true' for events that are writes to /dev/log.", get: (c) => Boolean(c.evt.flags & EF.WRITES_TO_FD && c.evt.fdinfo && c.evt.fdinfo.name.includes('/dev/log')) },
  { name: 'evt.count', type: 'UINT32', format: 'DEC', display: 'Count', desc: 'This filter field always returns 1 and can be used to count events from inside chisels.', get: () => 1 },
  { name: 'evt.count.error', type: 'UINT32', format: 'DEC', display: 'Error Count', desc: 'This filter field returns 1 for events that returned with an error, and can be used to count event failures from inside chisels.', get: (c) => errorCount(c.evt) },
  {
    name: 'evt.count.error.file', type: 'UINT32', format: 'DEC', display: 'File Error Count', desc: 'This filter field returns 1 for events that returned with an error and are related to file I/O, and can be used to count event failures from inside chisels.',
    get: (c) => { const f = c.evt.fdinfo; if (f) return f.type === FD.FILE || f.type === FD.FILE_V2 || f.type === FD.DIRECTORY ? errorCount(c.evt) : null; const t = c.evt.type; return t === ET.OPEN_X || t === ET.CREAT_X || t === ET.OPENAT_X || t === ET.OPENAT_2_X || t === ET.OPENAT2_X ? errorCount(c.evt) : null; },
  },
  {
    name: 'evt.count.error.net', type: 'UINT32', format: 'DEC', display: 'Network Error Count', desc: 'This filter field returns 1 for events that returned with an error and are related to network I/O, and can be used to count event failures from inside chisels.',
    get: (c) => { const f = c.evt.fdinfo; if (f) return f.type === FD.IPV4_SOCK || f.type === FD.IPV6_SOCK || f.type === FD.IPV4_SERVSOCK || f.type === FD.IPV6_SERVSOCK || f.type === FD.UNIX_SOCK ? errorCount(c.evt) : null; const t = c.evt.type; return t === ET.ACCEPT_X || t === ET.ACCEPT_5_X || t === ET.ACCEPT4_X || t === ET.ACCEPT4_5_X || t === ET.CONNECT_X ? errorCount(c.evt) : null; },
  },
  { name: 'evt.count.error.memory', type: 'UINT32', format: 'DEC', display: 'Memory Error Count', desc: 'This filter field returns 1 for events that returned with an error and are related to memory allocation, and can be used to count event failures from inside chisels.', get: (c) => ((c.evt.category & 0x1ff) === EC.MEMORY ? errorCount(c.evt) : null) },
  {
    name: 'evt.count.error.other', type: 'UINT32', format: 'DEC', display: 'Other Error Count', desc: 'This filter field returns 1 for events that returned with an error and are related to none of the previous categories, and can be used to count event failures from inside chisels.',
    get: (c) => {
      const f = c.evt.fdinfo;
      if (f) {
        const known = [FD.FILE, FD.FILE_V2, FD.DIRECTORY, FD.IPV4_SOCK, FD.IPV6_SOCK, FD.IPV4_SERVSOCK, FD.IPV6_SERVSOCK, FD.UNIX_SOCK] as number[];
        return known.includes(f.type) ? null : errorCount(c.evt);
      }
      const t = c.evt.type;
      const known = [ET.OPEN_X, ET.CREAT_X, ET.OPENAT_X, ET.OPENAT_2_X, ET.OPENAT2_X, ET.ACCEPT_X, ET.ACCEPT_5_X, ET.ACCEPT4_X, ET.ACCEPT4_5_X, ET.CONNECT_X] as number[];
      return known.includes(t) || (c.evt.category & 0x1ff) === EC.MEMORY ? null : errorCount(c.evt);
    },
  },
  { name: 'evt.count.exit', type: 'UINT32', format: 'DEC', display: 'Exit Count', desc: 'This filter field returns 1 for exit events, and can be used to count single events from inside chisels.', get: (c) => (isExit(c.evt) ? 1 : null) },
  { name: 'evt.count.procinfo', type: 'UINT32', format: 'DEC', display: 'Procinfo Count', desc: 'This filter field returns 1 for procinfo events generated by process main threads, and can be used to count processes from inside views.', flags: { tableOnly: true }, get: (c) => (c.evt.type === ET.PROCINFO_E && c.evt.tinfo?.isMainThread() ? 1 : null) },
  { name: 'evt.count.threadinfo', type: 'UINT32', format: 'DEC', display: 'Thread Info Count', desc: 'This filter field returns 1 for procinfo events, and can be used to count processes from inside views.', flags: { tableOnly: true }, get: (c) => (c.evt.type === ET.PROCINFO_E ? 1 : null) },
  { name: 'evt.around', type: 'UINT64', format: 'DEC', display: 'Around Interval', desc: "Accepts the event if it's around the specified time interval. The syntax is evt.around[T]=D, where T is the value returned by %evt.rawtime for the event and D is a delta in milliseconds. For example, evt.around[1404996934793590564]=1000 will return the events with timestamp with one second before the timestamp and one second after it, for a total of two seconds of capture.", flags: { filterOnly: true, requiresArg: true }, arg: 'index', get: (c) => c.evt.ts },
  {
    name: 'evt.abspath', type: 'CHARBUF', display: 'Absolute Path', desc: "Absolute path calculated from dirfd and name during syscalls like renameat and symlinkat. Use 'evt.abspath.src' or 'evt.abspath.dst' for syscalls that support multiple paths.", flags: { allowsArg: true }, arg: 'dotted',
    get: (c, a) => abspath(c, a?.text === 'src' ? 1 : a?.text === 'dst' ? 2 : 0),
  },
  ...(['in', 'out', 'file', 'file.in', 'file.out', 'net', 'net.in', 'net.out'] as const).map((k) => {
    // What the suffix asks for is decided once here, not tested as text on every event.
    const isIn = k.endsWith('in');
    const isOut = k.endsWith('out');
    const fileOnly = k.startsWith('file');
    const netOnly = k.startsWith('net');
    return {
      name: `evt.buflen.${k}`, type: 'UINT64' as const, format: 'DEC' as const, display: 'Buffer Length', desc: `the length of the binary data buffer, but only for ${k.replace('.', ' ')} I/O events.`, flags: { tableOnly: true },
      get: (c: FieldContext): FieldValue => {
        const e = c.evt;
        const f = e.fdinfo;
        if (!f) return null;
        const cat = e.category & 0x1ff;
        const dirOk = isIn ? cat === EC.IO_READ : isOut ? cat === EC.IO_WRITE : (cat & EC.IO_BASE) !== 0;
        if (!dirOk) return null;
        if (fileOnly && !(f.type === FD.FILE || f.type === FD.FILE_V2)) return null;
        if (netOnly && !(f.type >= FD.IPV4_SOCK && f.type <= FD.IPV6_SERVSOCK)) return null;
        return bufLen(e);
      },
    };
  }),
  { name: 'evt.is_open_read', type: 'BOOL', display: 'Is Opened For Reading', desc: "'true' for open/openat/openat2 events where the path was opened for reading", get: (c) => openMode(c.evt, 'read') },
  { name: 'evt.is_open_write', type: 'BOOL', display: 'Is Opened For Writing', desc: "'true' for open/openat/openat2 events where the path was opened for writing", get: (c) => openMode(c.evt, 'write') },
  { name: 'evt.infra.docker.name', type: 'CHARBUF', display: 'Docker Name', desc: 'for docker infrastructure events, the name of the event.', flags: { tableOnly: true }, get: (c) => infraElement(c, 'Event') },
  { name: 'evt.infra.docker.container.id', type: 'CHARBUF', display: 'Docker ID', desc: 'for docker infrastructure events, the id of the impacted container.', flags: { tableOnly: true }, get: (c) => infraElement(c, 'ID') },
  { name: 'evt.infra.docker.container.name', type: 'CHARBUF', display: 'Container Name', desc: 'for docker infrastructure events, the name of the impacted container.', flags: { tableOnly: true }, get: (c) => infraElement(c, 'name') },
  { name: 'evt.infra.docker.container.image', type: 'CHARBUF', display: 'Container Image', desc: 'for docker infrastructure events, the image name of the impacted container.', flags: { tableOnly: true }, get: (c) => infraElement(c, 'Image') },
  { name: 'evt.is_open_exec', type: 'BOOL', display: 'Is Created With Execute Permissions', desc: "'true' for open/openat/openat2 or creat events where a file is created with execute permissions", get: (c) => openMode(c.evt, 'exec') },
  {
    name: 'evt.is_open_create', type: 'BOOL', display: 'Is Created', desc: "'true' for open/openat/openat2 events where a file is created.", origin: 'libs',
    get: (c) => { const e = c.evt; const t = e.type; if (t === ET.OPEN_X || t === ET.OPENAT_E || t === ET.OPENAT_2_X || t === ET.OPENAT2_X) return (e.u32(t === ET.OPENAT_2_X || t === ET.OPENAT2_X ? 3 : 2) & O.CREAT) !== 0; return t === ET.CREAT_X; },
  },
]);

export { rawI64 };
