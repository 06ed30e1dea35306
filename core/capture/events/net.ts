/**
 * Address text exactly as libsinsp prints it: dotted quads from network-order bytes, IPv6 via
 * glibc inet_ntop, ports as plain decimals (sysdig does not resolve service names by default).
 */

export function ipv4Text(buf: Uint8Array, off: number): string {
  return `${buf[off]}.${buf[off + 1]}.${buf[off + 2]}.${buf[off + 3]}`;
}

/**
 * glibc inet_ntop(AF_INET6): lower-case hex groups, the longest run (>= 2) of zero groups
 * becomes "::" (first run wins a tie), and an address whose first 96 bits are zero, or that is
 * IPv4-mapped (::ffff:0:0/96), ends in a dotted quad, except "::" and "::1" which fall out of
 * the run rule (their zero run is longer than 6 groups).
 */
export function ipv6Text(buf: Uint8Array, off: number): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((buf[off + 2 * i] << 8) | buf[off + 2 * i + 1]);
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (w[i] === 0) {
      if (curBase === -1) {
        curBase = i;
        curLen = 1;
      } else {
        curLen++;
      }
    } else if (curBase !== -1) {
      if (bestBase === -1 || curLen > bestLen) {
        bestBase = curBase;
        bestLen = curLen;
      }
      curBase = -1;
    }
  }
  if (curBase !== -1 && (bestBase === -1 || curLen > bestLen)) {
    bestBase = curBase;
    bestLen = curLen;
  }
  if (bestBase !== -1 && bestLen < 2) bestBase = -1;

  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
      out += ipv4Text(buf, off + 12);
      break;
    }
    out += w[i].toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

/** sinsp_utils::is_ipv4_mapped_ipv6: ::ffff:a.b.c.d, or the all-zero address. */
export function isIpv4MappedIpv6(buf: Uint8Array, off: number): boolean {
  for (let i = 0; i < 10; i++) if (buf[off + i] !== 0) return false;
  if (buf[off + 10] === 0xff && buf[off + 11] === 0xff) return true;
  for (let i = 10; i < 16; i++) if (buf[off + i] !== 0) return false;
  return true;
}
