import { BlockFormatError, Cursor } from './cursor.js';
import { ipv4ToString, ipv6ToString } from './ip.js';
import { FD_TYPES, type FdInfo } from './metadata.js';

/**
 * Fd list blocks: one block per thread (`u64 tid`, then entries). V2 prefixes each entry with its
 * length so appended fields (FILE_V2's dev) can be present or not; V1 entries are self-describing
 * by type only.
 */

type PayloadKind = 'ip4' | 'ip6' | 'u16' | 'u8' | 'u32' | 'u64' | 'str' | 'optU32';
type PayloadField = readonly [keyof FdInfo, PayloadKind];

const NAME_ONLY: readonly PayloadField[] = [['name', 'str']];

/** On-disk payload after `fd, ino, type`, per fd type. */
const PAYLOADS: ReadonlyMap<number, readonly PayloadField[]> = new Map<number, readonly PayloadField[]>([
  [FD_TYPES.IPV4_SOCK, [['sip', 'ip4'], ['dip', 'ip4'], ['sport', 'u16'], ['dport', 'u16'], ['l4proto', 'u8']]],
  [FD_TYPES.IPV4_SERVSOCK, [['sip', 'ip4'], ['sport', 'u16'], ['l4proto', 'u8']]],
  [FD_TYPES.IPV6_SOCK, [['sip', 'ip6'], ['dip', 'ip6'], ['sport', 'u16'], ['dport', 'u16'], ['l4proto', 'u8']]],
  [FD_TYPES.IPV6_SERVSOCK, [['sip', 'ip6'], ['sport', 'u16'], ['l4proto', 'u8']]],
  [FD_TYPES.UNIX_SOCK, [['unixSource', 'u64'], ['unixDest', 'u64'], ['name', 'str']]],
  // dev was appended later: present only when the V2 entry length covers it.
  [FD_TYPES.FILE_V2, [['openFlags', 'u32'], ['name', 'str'], ['dev', 'optU32']]],
  [FD_TYPES.UNKNOWN, []],
  ...(
    [
      'FIFO', 'FILE', 'DIRECTORY', 'UNSUPPORTED', 'EVENT', 'SIGNALFD', 'EVENTPOLL', 'INOTIFY', 'TIMERFD',
      'NETLINK', 'BPF', 'USERFAULTFD', 'IOURING', 'MEMFD', 'PIDFD',
    ] as const
  ).map((k) => [FD_TYPES[k], NAME_ONLY] as [number, readonly PayloadField[]]),
]);

/** Exposed so the writer encodes exactly the layout the reader decodes. */
export function fdPayloadLayout(type: number): readonly PayloadField[] | undefined {
  return PAYLOADS.get(type);
}

function readPayload(c: Cursor, fd: FdInfo, layout: readonly PayloadField[], entryEnd: number | undefined): void {
  const rec = fd as unknown as Record<string, unknown>;
  for (const [key, kind] of layout) {
    switch (kind) {
      case 'ip4':
        c.need(4, key);
        rec[key] = ipv4ToString(c.buf, c.pos);
        c.pos += 4;
        break;
      case 'ip6':
        c.need(16, key);
        rec[key] = ipv6ToString(c.buf, c.pos);
        c.pos += 16;
        break;
      case 'u8':
        rec[key] = c.u8(key);
        break;
      case 'u16':
        rec[key] = c.u16(key);
        break;
      case 'u32':
        rec[key] = c.u32(key);
        break;
      case 'u64':
        rec[key] = c.u64(key);
        break;
      case 'str':
        rec[key] = c.str16(key);
        break;
      case 'optU32':
        if (entryEnd !== undefined && c.pos + 4 <= entryEnd) rec[key] = c.u32(key);
        break;
    }
  }
}

/** Decode the body [start, end) of an FDL block. */
export function parseFdList(buf: Buffer, start: number, end: number, version: number): { tid: number; fds: FdInfo[] } {
  const c = new Cursor(buf, start, end);
  const tid = c.i64('tid');
  const fds: FdInfo[] = [];
  while (c.left >= 4) {
    const entryStart = c.pos;
    let entryEnd: number | undefined;
    if (version >= 2) {
      const subLen = c.u32('entry length');
      if (subLen !== 0) {
        entryEnd = entryStart + subLen;
        if (entryEnd > end || subLen < 4 + 17) {
          throw new BlockFormatError(`fd entry length ${subLen} does not fit the block`, entryStart);
        }
      }
    }
    const ec = entryEnd === undefined ? c : new Cursor(buf, c.pos, entryEnd);
    const fd: FdInfo = { tid, fd: ec.i64('fd'), ino: ec.u64('ino'), type: ec.u8('fd type') };
    const layout = PAYLOADS.get(fd.type);
    if (layout) {
      readPayload(ec, fd, layout, entryEnd);
    } else {
      // A type from a newer library: libscap keeps the fd as UNSUPPORTED without reading a payload.
      fd.name = `unknown-type:[${fd.type}]`;
      fd.type = FD_TYPES.UNSUPPORTED;
    }
    c.pos = entryEnd ?? ec.pos;
    fds.push(fd);
  }
  return { tid, fds };
}
