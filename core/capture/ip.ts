/** Text forms of the raw addresses stored in fd and interface lists (network byte order). */
import { ipv4Text, ipv6Text } from './events/net.js';

// Names in fd and interface lists print as libsinsp prints addresses everywhere else (glibc
// inet_ntop), so a socket read from the fd table and one seen in an event look the same.
export function ipv4ToString(buf: Buffer, off: number): string {
  return ipv4Text(buf, off);
}

export function ipv6ToString(buf: Buffer, off: number): string {
  return ipv6Text(buf, off);
}

/** Parse dotted IPv4 into 4 bytes; used by the writer. */
export function ipv4ToBytes(s: string): Buffer {
  const parts = s.split('.').map((p) => Number(p));
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    throw new Error(`not an IPv4 address: ${s}`);
  }
  return Buffer.from(parts);
}

/** Parse IPv6 text (with optional :: and trailing dotted quad) into 16 bytes; used by the writer. */
export function ipv6ToBytes(s: string): Buffer {
  const bad = () => new Error(`not an IPv6 address: ${s}`);
  let text = s;
  const tail: number[] = [];
  const m = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (m) {
    const v4 = ipv4ToBytes(m[2]);
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    text = m[1].endsWith('::') ? m[1] : m[1].slice(0, -1);
  }
  const groups = (p: string): number[] =>
    p === ''
      ? []
      : p.split(':').map((h) => {
          if (!/^[0-9a-fA-F]{1,4}$/.test(h)) throw bad();
          return parseInt(h, 16);
        });
  let all: number[];
  const dbl = text.indexOf('::');
  if (dbl >= 0) {
    const head = groups(text.slice(0, dbl));
    const rest = groups(text.slice(dbl + 2));
    const fill = 8 - tail.length - head.length - rest.length;
    if (fill < 1) throw bad();
    all = [...head, ...new Array<number>(fill).fill(0), ...rest, ...tail];
  } else {
    all = [...groups(text), ...tail];
  }
  if (all.length !== 8) throw bad();
  const out = Buffer.alloc(16);
  all.forEach((v, i) => out.writeUInt16BE(v, 2 * i));
  return out;
}
