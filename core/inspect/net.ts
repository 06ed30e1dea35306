/**
 * Address rendering exactly as libsinsp prints it (glibc inet_ntop for IPv6, host-order ports, no
 * service-name resolution).
 */
import { ipv4Text, ipv6Text, isIpv4MappedIpv6 as mapped } from '../capture/events/net.js';
import { L4 } from './constants.js';

// One inet_ntop for the whole engine: the event layer's, which the decoders already use.
export function ipv4ToString(b: Uint8Array, off = 0): string {
  return ipv4Text(b, off);
}

export function ipv6ToString(b: Uint8Array, off = 0): string {
  return ipv6Text(b, off);
}

export function isIpv4MappedIpv6(b: Uint8Array, off = 0): boolean {
  return mapped(b, off);
}

/** Service-name resolution is off by default in sysdig (-R turns it on); we never resolve. */
export function portToString(port: number): string {
  return String(port);
}

export function l4protoName(l4: number): string | null {
  switch (l4) {
    case L4.TCP:
      return 'tcp';
    case L4.UDP:
      return 'udp';
    case L4.ICMP:
      return 'icmp';
    case L4.RAW:
      return 'raw';
    default:
      return null;
  }
}
