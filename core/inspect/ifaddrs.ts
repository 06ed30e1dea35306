/**
 * The capturing host's interface addresses (libsinsp sinsp_network_interfaces), used to decide
 * which end of a socket is local and to complete half-known UDP tuples.
 */
import { FD } from './constants.js';
import type { ContainerManager } from './containers.js';
import { SO, type FdInfo } from './fdinfo.js';
import type { ThreadInfo } from './threadinfo.js';

/** 127.0.0.1 as the little-endian u32 libsinsp compares against. */
const LOOPBACK_ADDR = 0x0100007f;

export interface Ipv4If {
  /** Address as the u32 read little-endian from network-order bytes (libsinsp's representation). */
  addr: number;
  netmask: number;
  bcast: number;
  name: string;
}

export interface Ipv6If {
  net: Uint8Array;
  name: string;
}

const IPV6_LOOPBACK = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);

function eq16(a: Uint8Array, ao: number, b: Uint8Array, bo: number): boolean {
  for (let i = 0; i < 16; i++) if (a[ao + i] !== b[bo + i]) return false;
  return true;
}
function sameSubnet(a: Uint8Array, ao: number, b: Uint8Array, bo: number): boolean {
  for (let i = 0; i < 8; i++) if (a[ao + i] !== b[bo + i]) return false;
  return true;
}
function isEmpty16(a: Uint8Array, ao: number): boolean {
  for (let i = 0; i < 16; i++) if (a[ao + i] !== 0) return false;
  return true;
}

/** Host-order u32 (as stored in container metadata) to libsinsp's little-endian network u32. */
function htonl(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | ((v >>> 24) & 0xff)) >>> 0;
}

export class NetworkInterfaces {
  v4: Ipv4If[] = [];
  v6: Ipv6If[] = [];

  constructor(private readonly containers: ContainerManager) {}

  private inferIpv4(dst: number): number {
    for (const i of this.v4) if (i.addr === dst) return i.addr;
    for (const i of this.v4) if (((i.addr & i.netmask) >>> 0) === ((dst & i.netmask) >>> 0)) return i.addr;
    for (const i of this.v4) if (i.addr !== LOOPBACK_ADDR) return i.addr;
    return 0;
  }

  private inferIpv6(dst: Uint8Array, off: number): Uint8Array {
    for (const i of this.v6) if (eq16(dst, off, i.net, 0)) return i.net;
    for (const i of this.v6) if (sameSubnet(i.net, 0, dst, off)) return i.net;
    for (const i of this.v6) if (!eq16(i.net, 0, IPV6_LOOPBACK, 0)) return i.net;
    return new Uint8Array(16);
  }

  /** update_fd(): fill in a missing local or remote address of an IP socket. */
  updateFd(fd: FdInfo): void {
    if (fd.type === FD.IPV4_SOCK) {
      const sip = fd.v4sip;
      const dip = fd.v4dip;
      if (sip !== 0 && dip !== 0) return;
      if (sip === 0) {
        const n = this.inferIpv4(dip);
        if (n === dip && fd.v4sport === fd.v4dport) return;
        fd.v4sip = n;
      } else {
        const n = this.inferIpv4(sip);
        if (n === sip && fd.v4sport === fd.v4dport) return;
        fd.v4dip = n;
      }
    } else if (fd.type === FD.IPV6_SOCK) {
      const s = fd.sock;
      const sEmpty = isEmpty16(s, SO.V6_SIP);
      if (!sEmpty && !isEmpty16(s, SO.V6_DIP)) return;
      if (sEmpty) {
        const n = this.inferIpv6(s, SO.V6_DIP);
        if (eq16(n, 0, s, SO.V6_DIP) && fd.v6sport === fd.v6dport) return;
        s.set(n, SO.V6_SIP);
      } else {
        const n = this.inferIpv6(s, SO.V6_SIP);
        if (eq16(n, 0, s, SO.V6_SIP) && fd.v6sport === fd.v6dport) return;
        s.set(n, SO.V6_DIP);
      }
    }
  }

  isIpv4Local(addr: number, t: ThreadInfo): boolean {
    if (t.containerId !== '') {
      const c = this.containers.get(t.containerId);
      if (c) {
        if (c.ip !== 0) {
          if (addr === htonl(c.ip)) return true;
        } else {
          for (const other of this.containers.containers.values()) if (htonl(other.ip) === addr) return true;
        }
      }
    }
    for (const i of this.v4) if (i.addr === addr) return true;
    return false;
  }

  isIpv6Local(addr: Uint8Array, off: number, t: ThreadInfo): boolean {
    if (t.containerId !== '') return false;
    for (const i of this.v6) if (sameSubnet(addr, off, i.net, 0)) return true;
    return false;
  }
}
