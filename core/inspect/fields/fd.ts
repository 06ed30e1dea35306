/**
 * fd.* fields (libsinsp sinsp_filter_check_fd): the fd an event uses or creates, and the name a
 * failed fd-creating call would have given it.
 */
import { EF, ET, FD } from '../constants.js';
import { ParamReader, type InspectedEvent } from '../event.js';
import { SO, type FdInfo } from '../fdinfo.js';
import { l4protoName } from '../net.js';
import { concatenatePaths, sanitize } from '../paths.js';
import { renderEventParam } from '../render.js';
import type { ThreadInfo } from '../threadinfo.js';
import { defineFields, type FieldContext, type FieldDef, type FieldValue } from './types.js';

interface FdCtx {
  t: ThreadInfo;
  f: FdInfo | null;
}

/** extract_fd(): only fd-related events have fd fields. Fills `x`; false when there is no fd context. */
function fdOf(c: FieldContext, x: FdCtx): boolean {
  const e = c.evt;
  if (!(e.flags & (EF.CREATES_FD | EF.USES_FD | EF.DESTROYS_FD))) return false;
  const t = e.tinfo ?? c.state.threads.getRef(e.tid, false);
  if (t === null) return false;
  let f = e.fdinfo;
  if (f === null && t.lastEventFd !== -1) f = t.getFd(t.lastEventFd);
  x.t = t;
  x.f = f;
  return true;
}

/**
 * Each field gets one FdCtx, filled again on every call rather than made per event (fd fields
 * run on most events). Nothing keeps an FdCtx past the call, and a field never calls itself.
 */
function withFd(fn: (x: FdCtx, c: FieldContext) => FieldValue) {
  const x: FdCtx = { t: null as unknown as ThreadInfo, f: null };
  return (c: FieldContext): FieldValue => (fdOf(c, x) ? fn(x, c) : null);
}

/** The fd's address bytes at `off` (4 or 16). */
function addr(f: FdInfo, off: number, len: 4 | 16): Uint8Array {
  return f.addr(off, len);
}

/** extract_fdname_from_creator(): the name a (possibly failed) fd-creating exit refers to. */
function nameFromCreator(c: FieldContext, sanitizeIt: boolean): string | null {
  const e = c.evt;
  const et = e.type;
  if ((et & 1) === 0) return null;
  switch (et) {
    case ET.OPEN_X:
    case ET.ACCEPT_X:
    case ET.ACCEPT_5_X:
    case ET.ACCEPT4_X:
    case ET.ACCEPT4_5_X:
    case ET.CREAT_X:
    case ET.CONNECT_X: {
      const t = renderEventParam(c.state, e, 1, c.render);
      if (!t) return '';
      return t.resolved !== '' ? t.resolved : t.value;
    }
    case ET.OPENAT_X:
    case ET.OPENAT_2_X:
    case ET.OPENAT2_X: {
      let name: Buffer;
      let dirfd: number;
      if (et === ET.OPENAT_X) {
        const enter = enterOf(c, e);
        if (enter === null) return null;
        name = enter.bytes(1);
        dirfd = enter.i64(0);
      } else {
        name = e.bytes(2);
        dirfd = e.i64(1);
      }
      const sdir = dirOf(e, name, dirfd);
      const p = concatenatePaths(sdir, name);
      return sanitizeIt ? sanitize(p) : p;
    }
    default:
      return '';
  }
}

/** The stored enter event of the thread, if it pairs with this exit (retrieve_enter_event). */
function enterOf(c: FieldContext, e: InspectedEvent): ParamReader | null {
  const t = e.tinfo;
  if (!t || !t.lastEventDataValid || !t.lastEventData) return null;
  const raw = t.lastEventData;
  if (typeof (raw as unknown) === 'symbol') return null;
  if (raw.type !== e.type - 1) return null;
  return new ParamReader().bind(raw, c.state.eventInfo(raw.type));
}

/** parse_dirfd() as the fd fields use it (it also points the event at the dir fd). */
function dirOf(e: InspectedEvent, name: Buffer, dirfd: number): string {
  if (name[0] === 0x2f) return '.';
  const t = e.tinfo!;
  if (dirfd === -100) return t.getCwd();
  e.fdinfo = t.getFd(dirfd);
  return e.fdinfo === null ? '<UNKNOWN>' : e.fdinfo.name + '/';
}

function dirname(name: string): string {
  const pos = name.lastIndexOf('/');
  if (pos !== -1 && pos !== 0) return pos < name.length - 1 ? name.slice(0, pos) : name;
  return '/';
}

/** fd.directory of a file or directory fd: its sanitized name, or the directory of a file's. */
function fdDirectory(f: FdInfo): string {
  const name = f.name;
  if (f.dirMemoName !== name || f.dirMemoType !== f.type) {
    const n = sanitize(name);
    f.dirMemo = f.isFile() ? dirname(n) : n;
    f.dirMemoName = name;
    f.dirMemoType = f.type;
  }
  return f.dirMemo;
}

/** fd.containername of an fd with state: "<container id>:<name>", sanitized. */
function fdContainerName(f: FdInfo, cid: string): string {
  const name = f.name;
  if (f.cnameMemoName !== name || f.cnameMemoCid !== cid) {
    f.cnameMemo = sanitize(`${cid}:${name}`);
    f.cnameMemoName = name;
    f.cnameMemoCid = cid;
  }
  return f.cnameMemo;
}

function basenameOf(name: string, slashIfNone: boolean): string {
  const pos = name.lastIndexOf('/');
  if (pos !== -1) return pos < name.length - 1 ? name.slice(pos + 1) : name;
  return slashIfNone ? '/' : name;
}

/** extract_from_null_fd(): what fd fields show for an event without fd state. */
function fromNullFd(c: FieldContext, field: 'name' | 'containername' | 'directory' | 'containerdirectory' | 'filename' | 'typechar', t: ThreadInfo): FieldValue {
  const e = c.evt;
  switch (field) {
    case 'name':
      return nameFromCreator(c, true);
    case 'containername': {
      const n = nameFromCreator(c, true);
      return n === null ? null : `${t.containerId}:${n}`;
    }
    case 'directory':
    case 'containerdirectory': {
      const n = nameFromCreator(c, true);
      if (n === null) return null;
      const d = dirname(sanitize(n));
      return field === 'containerdirectory' ? `${t.containerId}:${d}` : d;
    }
    case 'filename': {
      const et = e.type;
      if (et !== ET.OPEN_E && et !== ET.OPENAT_E && et !== ET.OPENAT_2_E && et !== ET.OPENAT2_E && et !== ET.CREAT_E) return null;
      const n = nameFromCreator(c, true);
      return n === null ? null : basenameOf(sanitize(n), false);
    }
    case 'typechar': {
      const enter = e.type & ~1;
      switch (enter) {
        case ET.OPEN_E:
        case ET.OPENAT_E:
        case ET.OPENAT_2_E:
        case ET.OPENAT2_E:
        case ET.CREAT_E:
          return 'f';
        case ET.SOCKET_E:
        case ET.ACCEPT_E:
        case ET.ACCEPT_5_E:
        case ET.ACCEPT4_E:
        case ET.ACCEPT4_5_E:
          return '4';
        case ET.PIPE_E:
          return 'p';
        case ET.EVENTFD_E:
          return 'e';
        case ET.SIGNALFD_E:
          return 's';
        case ET.TIMERFD_CREATE_E:
          return 't';
        case ET.INOTIFY_INIT_E:
          return 'i';
        default:
          return 'o';
      }
    }
  }
}

function failedConnect(e: InspectedEvent): boolean {
  return e.type === ET.CONNECT_X && e.i64(0) < 0;
}

function isLocal(c: FieldContext, f: FdInfo, t: ThreadInfo, ipOff: number): boolean {
  if (f.type === FD.IPV4_SOCK) return c.state.ifaces.isIpv4Local(f.sock.readUInt32LE(ipOff), t);
  return c.state.ifaces.isIpv6Local(f.sock, ipOff, t);
}

function localRemoteIp(c: FieldContext, x: FdCtx, local: boolean): FieldValue {
  const f = x.f;
  if (f === null || (f.type !== FD.IPV4_SOCK && f.type !== FD.IPV6_SOCK) || f.isRoleNone()) return null;
  const v4 = f.type === FD.IPV4_SOCK;
  const srcIsLocal = isLocal(c, f, x.t, v4 ? SO.V4_SIP : SO.V6_SIP);
  const useSrc = srcIsLocal === local;
  return v4 ? addr(f, useSrc ? SO.V4_SIP : SO.V4_DIP, 4) : addr(f, useSrc ? SO.V6_SIP : SO.V6_DIP, 16);
}

function localRemotePort(c: FieldContext, x: FdCtx, local: boolean): number | null {
  const f = x.f;
  if (f === null || (f.type !== FD.IPV4_SOCK && f.type !== FD.IPV6_SOCK) || f.isRoleNone()) return null;
  const v4 = f.type === FD.IPV4_SOCK;
  const srcIsLocal = isLocal(c, f, x.t, v4 ? SO.V4_SIP : SO.V6_SIP);
  const useSrc = srcIsLocal === local;
  if (v4) return useSrc ? f.v4sport : f.v4dport;
  return useSrc ? f.v6sport : f.v6dport;
}

function serverPort(f: FdInfo): number | null {
  switch (f.type) {
    case FD.IPV4_SOCK:
      return f.isRoleNone() ? null : f.v4dport;
    case FD.IPV4_SERVSOCK:
      return f.v4sPort;
    case FD.IPV6_SOCK:
      return f.isRoleNone() ? null : f.v6dport;
    case FD.IPV6_SERVSOCK:
      return f.v6sPort;
    default:
      return null;
  }
}

function clientIp(f: FdInfo | null): FieldValue {
  if (f === null || f.isRoleNone()) return null;
  if (f.type === FD.IPV4_SOCK) return addr(f, SO.V4_SIP, 4);
  if (f.type === FD.IPV6_SOCK) return addr(f, SO.V6_SIP, 16);
  return null;
}

function serverIp(f: FdInfo | null): FieldValue {
  if (f === null || f.isRoleNone()) return null;
  switch (f.type) {
    case FD.IPV4_SOCK:
      return addr(f, SO.V4_DIP, 4);
    case FD.IPV4_SERVSOCK:
      return addr(f, SO.V4S_IP, 4);
    case FD.IPV6_SOCK:
      return addr(f, SO.V6_DIP, 16);
    case FD.IPV6_SERVSOCK:
      return addr(f, 0, 16);
    default:
      return null;
  }
}

/**
 * fd.cport: libsinsp falls through into the fd.cproto code for sockets that are not IP sockets,
 * returning an empty string where a port was expected; the port printer then reads the two bytes
 * of that empty string (a NUL and whatever follows). We report the visible result: 0.
 */
function clientPort(f: FdInfo | null): FieldValue {
  if (f === null || f.isRoleNone()) return null;
  if (f.type === FD.IPV4_SOCK) return f.v4sport;
  if (f.type === FD.IPV6_SOCK) return f.v6sport;
  return 0;
}

export const FD_FIELDS: FieldDef[] = defineFields('fd', [
  { name: 'fd.num', type: 'INT64', format: 'ID', display: 'FD Number', desc: 'the unique number identifying the file descriptor.', get: withFd((x) => x.t.lastEventFd) },
  { name: 'fd.type', type: 'CHARBUF', format: 'DEC', display: 'FD Type', desc: "type of FD. Can be 'file', 'directory', 'ipv4', 'ipv6', 'unix', 'pipe', 'event', 'signalfd', 'eventpoll', 'inotify' or 'signalfd'.", get: withFd((x) => (x.f === null ? null : x.f.typestring)) },
  { name: 'fd.typechar', type: 'CHARBUF', format: 'DEC', display: 'FD Type Char', desc: "type of FD as a single character. Can be 'f' for file, 4 for IPv4 socket, 6 for IPv6 socket, 'u' for unix socket, p for pipe, 'e' for eventfd, 's' for signalfd, 'l' for eventpoll, 'i' for inotify, 'o' for unknown.", get: withFd((x, c) => (x.f === null ? fromNullFd(c, 'typechar', x.t) : x.f.typechar)) },
  {
    name: 'fd.name', type: 'CHARBUF', display: 'FD Name', desc: 'FD full name. If the fd is a file, this field contains the full path. If the FD is a socket, this field contain the connection tuple.',
    get: withFd((x, c) => (x.f === null || failedConnect(c.evt) ? fromNullFd(c, 'name', x.t) : sanitize(x.f.name))),
  },
  {
    name: 'fd.directory', type: 'CHARBUF', display: 'FD Directory', desc: 'If the fd is a file, the directory that contains it.',
    get: withFd((x, c) => {
      const f = x.f;
      if (f === null) return fromNullFd(c, 'directory', x.t);
      if (!(f.isFile() || f.isDirectory())) return null;
      return fdDirectory(f);
    }),
  },
  {
    name: 'fd.filename', type: 'CHARBUF', display: 'FD Filename', desc: 'If the fd is a file, the filename without the path.',
    get: withFd((x, c) => {
      const f = x.f;
      if (f === null) return fromNullFd(c, 'filename', x.t);
      if (!f.isFile()) return null;
      return basenameOf(sanitize(f.name), true);
    }),
  },
  { name: 'fd.ip', type: 'IPADDR', display: 'FD IP Address', desc: 'matches the ip address (client or server) of the fd.', flags: { filterOnly: true }, get: withFd((x) => clientIp(x.f) ?? serverIp(x.f)) },
  { name: 'fd.cip', type: 'IPADDR', display: 'FD Client Address', desc: 'client IP address.', get: withFd((x) => clientIp(x.f)) },
  { name: 'fd.sip', type: 'IPADDR', display: 'FD Server Address', desc: 'server IP address.', get: withFd((x) => serverIp(x.f)) },
  { name: 'fd.lip', type: 'IPADDR', display: 'FD Local Address', desc: 'local IP address.', get: withFd((x, c) => localRemoteIp(c, x, true)) },
  { name: 'fd.rip', type: 'IPADDR', display: 'FD Remote Address', desc: 'remote IP address.', get: withFd((x, c) => localRemoteIp(c, x, false)) },
  { name: 'fd.port', type: 'PORT', format: 'DEC', display: 'FD Port', desc: 'matches the port (either client or server) of the fd.', flags: { filterOnly: true }, get: withFd((x) => (x.f === null ? null : (serverPort(x.f) ?? clientPort(x.f)))) },
  { name: 'fd.cport', type: 'PORT', format: 'DEC', display: 'FD Client Port', desc: 'for TCP/UDP FDs, the client port.', get: withFd((x) => clientPort(x.f)) },
  { name: 'fd.sport', type: 'PORT', format: 'DEC', display: 'FD Server Port', desc: 'for TCP/UDP FDs, server port.', get: withFd((x) => (x.f === null ? null : serverPort(x.f))) },
  { name: 'fd.lport', type: 'PORT', format: 'DEC', display: 'FD Local Port', desc: 'for TCP/UDP FDs, the local port.', get: withFd((x, c) => localRemotePort(c, x, true)) },
  { name: 'fd.rport', type: 'PORT', format: 'DEC', display: 'FD Remote Port', desc: 'for TCP/UDP FDs, the remote port.', get: withFd((x, c) => localRemotePort(c, x, false)) },
  { name: 'fd.l4proto', type: 'CHARBUF', display: 'FD IP Protocol', desc: "the IP protocol of a socket. Can be 'tcp', 'udp', 'icmp' or 'raw'.", get: withFd((x) => (x.f === null ? null : (l4protoName(x.f.l4proto()) ?? '<NA>'))) },
  {
    name: 'fd.sockfamily', type: 'CHARBUF', display: 'FD Socket Family', desc: "the socket family for socket events. Can be 'ip' or 'unix'.",
    get: withFd((x) => {
      const f = x.f;
      if (f === null) return null;
      if (f.type === FD.IPV4_SOCK || f.type === FD.IPV6_SOCK || f.type === FD.IPV4_SERVSOCK || f.type === FD.IPV6_SERVSOCK) return 'ip';
      return f.type === FD.UNIX_SOCK ? 'unix' : null;
    }),
  },
  {
    name: 'fd.is_server', type: 'BOOL', display: 'FD Server', desc: "'true' if the process owning this FD is the server endpoint in the connection.",
    get: withFd((x, c) => {
      const f = x.f;
      if (f === null) return null;
      if (f.type === FD.IPV4_SERVSOCK || f.type === FD.IPV6_SERVSOCK) return true;
      if (f.type === FD.IPV4_SOCK) return c.state.ifaces.isIpv4Local(f.v4dip, x.t);
      if (f.type === FD.IPV6_SOCK) return c.state.ifaces.isIpv6Local(f.sock, SO.V6_DIP, x.t);
      return false;
    }),
  },
  {
    name: 'fd.uid', type: 'CHARBUF', display: 'FD ID', desc: 'a unique identifier for the FD, created by chaining the FD number and the thread ID.',
    get: withFd((x, c) => (c.evt.type === ET.CONTAINER_JSON_E || c.evt.type === ET.CONTAINER_JSON_2_E ? null : `${x.t.tid}${x.t.lastEventFd}`)),
  },
  {
    name: 'fd.containername', type: 'CHARBUF', display: 'FD Container Name', desc: 'chaining of the container ID and the FD name. Useful when trying to identify which container an FD belongs to.',
    get: withFd((x, c) => (x.f === null || failedConnect(c.evt) ? fromNullFd(c, 'containername', x.t) : fdContainerName(x.f, x.t.containerId))),
  },
  {
    name: 'fd.containerdirectory', type: 'CHARBUF', display: 'FD Container Directory', desc: 'chaining of the container ID and the directory name. Useful when trying to identify which container a directory belongs to.',
    get: withFd((x, c) => {
      const f = x.f;
      if (f === null) return fromNullFd(c, 'containerdirectory', x.t);
      if (!(f.isFile() || f.isDirectory())) return null;
      return `${x.t.containerId}:${fdDirectory(f)}`;
    }),
  },
  { name: 'fd.proto', type: 'PORT', display: 'FD Protocol', desc: 'matches the protocol (either client or server) of the fd.', flags: { filterOnly: true }, get: withFd((x) => (x.f === null ? null : (serverPort(x.f) ?? clientPort(x.f)))) },
  { name: 'fd.cproto', type: 'CHARBUF', display: 'FD Client Protocol', desc: 'for TCP/UDP FDs, the client protocol.', get: withFd((x) => { const f = x.f; if (f === null || f.isRoleNone()) return null; if (f.type === FD.IPV4_SOCK) return String(f.v4sport); if (f.type === FD.IPV6_SOCK) return String(f.v6sport); return ''; }) },
  { name: 'fd.sproto', type: 'CHARBUF', display: 'FD Server Protocol', desc: 'for TCP/UDP FDs, server protocol.', get: withFd((x) => { const f = x.f; if (f === null) return null; const p = serverPort(f); if (p === null) return null; return f.type === FD.IPV4_SOCK || f.type === FD.IPV6_SOCK ? String(p) : ''; }) },
  { name: 'fd.lproto', type: 'CHARBUF', display: 'FD Local Protocol', desc: 'for TCP/UDP FDs, the local protocol.', get: withFd((x, c) => { const p = localRemotePort(c, x, true); return p === null ? null : String(p); }) },
  { name: 'fd.rproto', type: 'CHARBUF', display: 'FD Remote Protocol', desc: 'for TCP/UDP FDs, the remote protocol.', get: withFd((x, c) => { const p = localRemotePort(c, x, false); return p === null ? null : String(p); }) },
  { name: 'fd.net', type: 'IPNET', display: 'FD IP Network', desc: 'matches the IP network (client or server) of the fd.', flags: { filterOnly: true }, get: withFd((x) => clientIp(x.f) ?? serverIp(x.f)) },
  { name: 'fd.cnet', type: 'IPNET', display: 'FD Client Network', desc: 'matches the client IP network of the fd.', flags: { filterOnly: true }, get: withFd((x) => clientIp(x.f)) },
  { name: 'fd.snet', type: 'IPNET', display: 'FD Server Network', desc: 'matches the server IP network of the fd.', flags: { filterOnly: true }, get: withFd((x) => serverIp(x.f)) },
  { name: 'fd.lnet', type: 'IPNET', display: 'FD Local Network', desc: 'matches the local IP network of the fd.', flags: { filterOnly: true }, get: withFd((x, c) => localRemoteIp(c, x, true)) },
  { name: 'fd.rnet', type: 'IPNET', display: 'FD Remote Network', desc: 'matches the remote IP network of the fd.', flags: { filterOnly: true }, get: withFd((x, c) => localRemoteIp(c, x, false)) },
  { name: 'fd.connected', type: 'BOOL', display: 'FD Connected', desc: "for TCP/UDP FDs, 'true' if the socket is connected.", get: withFd((x) => (x.f === null ? null : x.f.isSocketConnected())) },
  { name: 'fd.name_changed', type: 'BOOL', display: 'FD Name Changed', desc: 'True when an event changes the name of an fd used by this event. This can occur in some cases such as udp connections where the connection tuple changes.', get: withFd((x, c) => (x.f === null ? null : c.evt.fdinfoNameChanged)) },
  // Host names need DNS; a capture file cannot answer them, so these are always unavailable.
  { name: 'fd.cip.name', type: 'CHARBUF', display: 'FD Client Domain Name', desc: 'Domain name associated with the client IP address.', get: () => null },
  { name: 'fd.sip.name', type: 'CHARBUF', display: 'FD Server Domain Name', desc: 'Domain name associated with the server IP address.', get: () => null },
  { name: 'fd.lip.name', type: 'CHARBUF', display: 'FD Local Domain Name', desc: 'Domain name associated with the local IP address.', get: () => null },
  { name: 'fd.rip.name', type: 'CHARBUF', display: 'FD Remote Domain Name', desc: 'Domain name associated with the remote IP address.', get: () => null },
  { name: 'fd.dev', type: 'INT32', format: 'HEX', display: 'FD Device', desc: 'device number (major/minor) containing the referenced file', get: withFd((x) => (x.f === null ? null : x.f.dev | 0)) },
  { name: 'fd.dev.major', type: 'INT32', format: 'DEC', display: 'FD Major Device', desc: 'major device number containing the referenced file', get: withFd((x) => (x.f === null ? null : x.f.deviceMajor())) },
  { name: 'fd.dev.minor', type: 'INT32', format: 'DEC', display: 'FD Minor Device', desc: 'minor device number containing the referenced file', get: withFd((x) => (x.f === null ? null : x.f.deviceMinor())) },
  { name: 'fd.ino', type: 'INT64', format: 'DEC', display: 'FD Inode Number', desc: 'inode number of the referenced file', origin: 'libs', get: withFd((x) => (x.f === null ? null : BigInt.asIntN(64, x.f.ino))) },
  { name: 'fd.nameraw', type: 'CHARBUF', display: 'FD Name Raw', desc: 'FD full name raw. Just like fd.name, but only used if fd is a file path. File path is kept raw with limited sanitization and without deriving the absolute path.', origin: 'libs', get: withFd((x) => (x.f === null ? null : x.f.name)) },
]);

