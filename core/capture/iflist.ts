import { BlockFormatError, Cursor, cString } from './cursor.js';
import { ipv4ToString, ipv6ToString } from './ip.js';
import { IF_TYPES, type InterfaceInfo } from './metadata.js';

/**
 * Interface list blocks. Entries: u16 type, u16 name length, addresses, [u64 linkspeed], name.
 * V2 prefixes each entry with a u32 length (not counting itself) so later fields can be appended.
 */

interface IfLayout {
  family: 4 | 6;
  addrLen: number;
  linkspeed: boolean;
}

const LAYOUTS: ReadonlyMap<number, IfLayout> = new Map([
  [IF_TYPES.IPV4, { family: 4, addrLen: 4, linkspeed: true }],
  [IF_TYPES.IPV6, { family: 6, addrLen: 16, linkspeed: true }],
  [IF_TYPES.IPV4_NOLINKSPEED, { family: 4, addrLen: 4, linkspeed: false }],
  [IF_TYPES.IPV6_NOLINKSPEED, { family: 6, addrLen: 16, linkspeed: false }],
]);

export function parseIfList(buf: Buffer, start: number, end: number, version: number): InterfaceInfo[] {
  const out: InterfaceInfo[] = [];
  const c = new Cursor(buf, start, end);
  while (c.left >= 4) {
    let entryEnd: number | undefined;
    if (version >= 2) {
      const len = c.u32('entry length');
      entryEnd = c.pos + len;
      if (entryEnd > end) throw new BlockFormatError(`interface entry length ${len} does not fit the block`, c.pos - 4);
    }
    const type = c.u16('interface type');
    const nameLen = c.u16('interface name length');
    const layout = LAYOUTS.get(type);
    if (!layout) throw new BlockFormatError(`unknown interface type ${type}`, c.pos - 4);
    const addrAt = c.pos;
    c.skip(layout.addrLen * 3, 'interface addresses');
    const fmt = layout.family === 4 ? ipv4ToString : ipv6ToString;
    const linkspeed = layout.linkspeed ? c.u64('linkspeed') : 0n;
    const name = cString(c.bytes(nameLen, 'interface name'));
    out.push({
      type,
      family: layout.family,
      name,
      addr: fmt(buf, addrAt),
      netmask: fmt(buf, addrAt + layout.addrLen),
      bcast: fmt(buf, addrAt + 2 * layout.addrLen),
      linkspeed,
    });
    if (entryEnd !== undefined && entryEnd > c.pos) c.pos = entryEnd;
  }
  return out;
}
