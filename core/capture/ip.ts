/** Text forms of the raw addresses stored in fd and interface lists (network byte order). */

export function ipv4ToString(buf: Buffer, off: number): string {
  return `${buf[off]}.${buf[off + 1]}.${buf[off + 2]}.${buf[off + 3]}`;
}

/** RFC 5952 text: lowercase, longest run of zero groups (2+) compressed, IPv4-mapped as ::ffff:a.b.c.d. */
export function ipv6ToString(buf: Buffer, off: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push((buf[off + 2 * i] << 8) | buf[off + 2 * i + 1]);
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `::ffff:${ipv4ToString(buf, off + 12)}`;
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (a: number[]) => a.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(g);
  return `${hex(g.slice(0, bestStart))}::${hex(g.slice(bestStart + bestLen))}`;
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
