import { BT, EVENT_HEADER_V2_LEN, SHB_MAGIC } from './blocks.js';
import type { RawEvent } from './event.js';
import { fdPayloadLayout } from './fdlist.js';
import { ipv4ToBytes, ipv6ToBytes } from './ip.js';
import { MACHINE_INFO_LEN } from './machine.js';
import { FD_TYPES, IF_TYPES, type FdInfo, type GroupInfo, type InterfaceInfo, type MachineInfo, type PcapngOption, type PLTailField, type ThreadInfo, type UserInfo } from './metadata.js';
import { encodeOptions } from './options.js';

/**
 * Block encoders for the writer. Each returns complete blocks (header, body, padding, trailer).
 * String limits are libscap's read limits: a longer string would make libscap (and sysdig) refuse
 * the whole file, so strings are cut to fit.
 */

const PATH_MAX = 1024; // SCAP_MAX_PATH_SIZE: comm/exe/exepath/cwd/root may be this long
const FD_NAME_MAX = 1023; // fd names must be shorter than SCAP_MAX_PATH_SIZE
const LIST_MAX = 4096; // args, env, cgroups
const CRED_MAX = 255; // user/group names, home, shell: shorter than MAX_CREDENTIALS_STR_LEN

/** Growable little-endian byte builder. */
export class ByteBuilder {
  buf: Buffer;
  len = 0;

  constructor(initial = 4096) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const nb = Buffer.allocUnsafe(size);
    this.buf.copy(nb, 0, 0, this.len);
    this.buf = nb;
  }

  u8(v: number): this {
    this.room(1);
    this.buf[this.len++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    this.room(2);
    this.buf.writeUInt16LE(v & 0xffff, this.len);
    this.len += 2;
    return this;
  }

  u32(v: number): this {
    this.room(4);
    this.buf.writeUInt32LE(v >>> 0, this.len);
    this.len += 4;
    return this;
  }

  /** Signed or unsigned 64-bit from a number (ids, sizes) or bigint (exact). */
  u64(v: number | bigint): this {
    this.room(8);
    this.buf.writeBigUInt64LE(BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(v))), this.len);
    this.len += 8;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }

  /** u16 length + bytes, no NUL (as libscap writes them). */
  str16(s: string, max: number): this {
    const b = truncateUtf8(s, max);
    return this.u16(b.length).bytes(b);
  }

  /** u16 length + NUL-terminated elements (argv/env/cgroups layout). */
  list16(items: readonly string[], max: number): this {
    const b = truncateUtf8(items.map((x) => `${x}\0`).join(''), max);
    return this.u16(b.length).bytes(b);
  }

  pad4(from: number): this {
    const n = (4 - ((this.len - from) & 3)) & 3;
    this.room(n);
    this.buf.fill(0, this.len, this.len + n);
    this.len += n;
    return this;
  }

  patchU32(at: number, v: number): void {
    this.buf.writeUInt32LE(v >>> 0, at);
  }

  result(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

function truncateUtf8(s: string, max: number): Buffer {
  const b = Buffer.from(s, 'utf8');
  return b.length <= max ? b : b.subarray(0, max);
}

/** Frame a block whose body is produced by `fill`. */
export function block(type: number, fill: (b: ByteBuilder) => void, out = new ByteBuilder()): ByteBuilder {
  const start = out.len;
  out.u32(type).u32(0);
  fill(out);
  out.pad4(start);
  const total = out.len - start + 4;
  out.u32(total);
  out.patchU32(start + 4, total);
  return out;
}

export function encodeSectionHeader(options: readonly PcapngOption[] = [], out?: ByteBuilder): ByteBuilder {
  return block(
    BT.SHB,
    (b) => {
      b.u32(SHB_MAGIC).u16(1).u16(2).u64(-1n).bytes(encodeOptions(options));
    },
    out,
  );
}

export function encodeMachineInfo(m: MachineInfo, out?: ByteBuilder): ByteBuilder {
  return block(
    BT.MI,
    (b) => {
      const start = b.len;
      const host = Buffer.alloc(128);
      truncateUtf8(m.hostname, 127).copy(host);
      b.u32(m.numCpus).u64(m.memorySizeBytes).u64(m.maxPid).bytes(host).u64(m.bootTsEpoch).u64(m.flags).u64(m.reserved3).u64(m.reserved4);
      if (b.len - start !== MACHINE_INFO_LEN) throw new Error('machine info layout drifted');
    },
    out,
  );
}

/**
 * 'full' is the current libs layout (pidns_init_start_ts and tty before loginuid); 'compat' stops
 * after the capabilities and omits those two, which readers before libs 0.10 (sysdig 0.29.x)
 * decode correctly, at the cost of tty, exe inode data, layer flags and pgid.
 */
export type ProcListLayout = 'full' | 'compat';

/** The appended fields from loginuid on, in file order; 'compat' entries end after capEffective. */
const PL_TAIL: readonly (readonly [PLTailField, (b: ByteBuilder, t: ThreadInfo) => void])[] = [
  ['loginuid', (b, t) => b.u32(t.loginuid)],
  ['exeWritable', (b, t) => b.u8(t.exeWritable ? 1 : 0)],
  ['capInheritable', (b, t) => b.u64(t.capInheritable)],
  ['capPermitted', (b, t) => b.u64(t.capPermitted)],
  ['capEffective', (b, t) => b.u64(t.capEffective)],
  ['exeUpperLayer', (b, t) => b.u8(t.exeUpperLayer ? 1 : 0)],
  ['exeIno', (b, t) => b.u64(t.exeIno)],
  ['exeInoCtime', (b, t) => b.u64(t.exeInoCtime)],
  ['exeInoMtime', (b, t) => b.u64(t.exeInoMtime)],
  ['exeFromMemfd', (b, t) => b.u8(t.exeFromMemfd ? 1 : 0)],
  ['exeLowerLayer', (b, t) => b.u8(t.exeLowerLayer ? 1 : 0)],
  ['pgid', (b, t) => b.u64(t.pgid)],
];
const COMPAT_TAIL_END = PL_TAIL.findIndex(([k]) => k === 'exeUpperLayer');

export function encodeProcList(threads: readonly ThreadInfo[], layout: ProcListLayout = 'full', out?: ByteBuilder): ByteBuilder {
  return block(
    BT.PL_V9,
    (b) => {
      for (const t of threads) {
        const start = b.len;
        b.u32(0);
        b.u64(t.tid).u64(t.pid).u64(t.ptid).u64(t.sid).u64(t.vpgid);
        b.str16(t.comm, PATH_MAX).str16(t.exe, PATH_MAX).str16(t.exepath, PATH_MAX);
        b.list16(t.args, LIST_MAX).str16(t.cwd, PATH_MAX);
        b.u64(t.fdlimit).u32(t.flags).u32(t.uid).u32(t.gid);
        b.u32(t.vmsizeKb).u32(t.vmrssKb).u32(t.vmswapKb).u64(t.pfMajor).u64(t.pfMinor);
        b.list16(t.env, LIST_MAX).u64(t.vtid).u64(t.vpid).list16(t.cgroups, LIST_MAX).str16(t.root, PATH_MAX);
        // An entry ends before the first field its source did not carry, so what was unknown
        // stays unknown; one read without the pidns start time and tty was in the old layout.
        const missing = t.missing;
        const full = layout === 'full' && !missing?.includes('pidnsInitStartTs');
        if (full) b.u64(t.pidnsInitStartTs).u32(t.tty);
        const end = full ? PL_TAIL.length : COMPAT_TAIL_END;
        for (let i = 0; i < end; i++) {
          const [key, write] = PL_TAIL[i]!;
          if (missing?.includes(key)) break;
          write(b, t);
        }
        b.patchU32(start, b.len - start);
      }
    },
    out,
  );
}

export function encodeFdList(tid: number, fds: readonly FdInfo[], out?: ByteBuilder): ByteBuilder {
  return block(
    BT.FDL_V2,
    (b) => {
      b.u64(tid);
      for (const fd of fds) {
        const layout = fdPayloadLayout(fd.type);
        if (!layout || fd.type === FD_TYPES.UNKNOWN) continue; // libscap never writes these
        const start = b.len;
        b.u32(0).u64(fd.fd).u64(fd.ino).u8(fd.type);
        const rec = fd as unknown as Record<string, unknown>;
        for (const [key, kind] of layout) {
          const v = rec[key];
          switch (kind) {
            case 'ip4':
              b.bytes(ipv4ToBytes(String(v ?? '0.0.0.0')));
              break;
            case 'ip6':
              b.bytes(ipv6ToBytes(String(v ?? '::')));
              break;
            case 'u8':
              b.u8(Number(v ?? 0));
              break;
            case 'u16':
              b.u16(Number(v ?? 0));
              break;
            case 'u32':
              b.u32(Number(v ?? 0));
              break;
            case 'u64':
              b.u64((v as bigint | number | undefined) ?? 0n);
              break;
            case 'str':
              b.str16(String(v ?? ''), FD_NAME_MAX);
              break;
            case 'optU32':
              if (v !== undefined) b.u32(Number(v));
              break;
          }
        }
        b.patchU32(start, b.len - start);
      }
    },
    out,
  );
}

export function encodeIfList(list: readonly InterfaceInfo[], out?: ByteBuilder): ByteBuilder {
  return block(
    BT.IL_V2,
    (b) => {
      for (const i of list) {
        const start = b.len;
        b.u32(0);
        const v4 = i.family === 4;
        const type = v4 ? IF_TYPES.IPV4 : IF_TYPES.IPV6;
        const name = truncateUtf8(i.name, PATH_MAX - 1);
        const addr = v4 ? ipv4ToBytes : ipv6ToBytes;
        b.u16(type).u16(name.length).bytes(addr(i.addr)).bytes(addr(i.netmask)).bytes(addr(i.bcast)).u64(i.linkspeed).bytes(name);
        b.patchU32(start, b.len - start - 4);
      }
    },
    out,
  );
}

export function encodeUserList(users: readonly UserInfo[], groups: readonly GroupInfo[], out?: ByteBuilder): ByteBuilder {
  return block(
    BT.UL_V2,
    (b) => {
      for (const u of users) {
        const start = b.len;
        b.u32(0).u8(0).u32(u.uid).u32(u.gid).str16(u.name, CRED_MAX).str16(u.homedir, CRED_MAX).str16(u.shell, CRED_MAX);
        b.patchU32(start, b.len - start);
      }
      for (const g of groups) {
        const start = b.len;
        b.u32(0).u8(1).u32(g.gid).str16(g.name, CRED_MAX);
        b.patchU32(start, b.len - start);
      }
    },
    out,
  );
}

/** A synthetic event: raw param bytes, already encoded as the event table says. */
export interface SyntheticEvent {
  ts: bigint;
  tid: number;
  type: number;
  params: readonly Uint8Array[];
  cpu?: number;
  flags?: number;
  /** u32 param lengths (EF_LARGE_PAYLOAD types); the caller knows the type's flags. */
  large?: boolean;
}

function eventBlockType(flags: number, large: boolean): number {
  if (flags !== 0) return large ? BT.EVF_V2_LARGE : BT.EVF_V2;
  return large ? BT.EV_V2_LARGE : BT.EV_V2;
}

export function encodeSyntheticEvent(e: SyntheticEvent, out?: ByteBuilder): ByteBuilder {
  const large = e.large ?? false;
  const flags = e.flags ?? 0;
  const w = large ? 4 : 2;
  let len = EVENT_HEADER_V2_LEN + w * e.params.length;
  for (const p of e.params) {
    if (!large && p.length > 0xffff) throw new RangeError(`param of ${p.length} bytes needs a large-payload event type`);
    len += p.length;
  }
  return block(
    eventBlockType(flags, large),
    (b) => {
      b.u16(e.cpu ?? 0);
      if (flags !== 0) b.u32(flags);
      b.u64(e.ts).u64(e.tid).u32(len).u16(e.type).u32(e.params.length);
      for (const p of e.params) {
        if (large) b.u32(p.length);
        else b.u16(p.length);
      }
      for (const p of e.params) b.bytes(p);
    },
    out,
  );
}

/** Re-encode an event read from a capture as a V2 block (pre-V2 events gain their nparams). */
export function encodeRawEvent(ev: RawEvent, out?: ByteBuilder): ByteBuilder {
  const body = ev.buf.subarray(ev.start + ev.headerLen, ev.start + ev.rawLen);
  const len = EVENT_HEADER_V2_LEN + body.length;
  return block(
    eventBlockType(ev.flags, ev.largePayload),
    (b) => {
      b.u16(ev.cpu);
      if (ev.flags !== 0) b.u32(ev.flags);
      b.bytes(ev.buf.subarray(ev.start, ev.start + 16)); // ts + tid, verbatim
      b.u32(len).u16(ev.type).u32(ev.nparams).bytes(body);
    },
    out,
  );
}

/** Encoders for common param shapes, for building synthetic events. */
export const paramBytes = {
  u8: (v: number) => Buffer.from([v & 0xff]),
  u16: (v: number) => {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(v & 0xffff);
    return b;
  },
  u32: (v: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v >>> 0);
    return b;
  },
  i32: (v: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v | 0);
    return b;
  },
  u64: (v: number | bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt.asUintN(64, BigInt(v)));
    return b;
  },
  i64: (v: number | bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(BigInt.asIntN(64, BigInt(v)));
    return b;
  },
  /** NUL-terminated string (PT_CHARBUF, PT_FSPATH). */
  str: (s: string) => Buffer.from(`${s}\0`, 'utf8'),
  /** Raw bytes (PT_BYTEBUF). */
  bytes: (b: Uint8Array) => Buffer.from(b),
  /** Empty param: how the drivers mark a missing value. */
  empty: () => Buffer.alloc(0),
};
