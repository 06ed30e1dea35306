/**
 * File descriptor state (libsinsp sinsp_fdinfo / sinsp_fdtable).
 *
 * The socket part is kept as the 40-byte C union libsinsp uses (ipv4 tuple, ipv6 tuple, server
 * infos and unix tuple all overlay the same bytes). libsinsp relies on that overlay in places (a
 * server socket that turns into a connected one keeps bytes of its old server info), so we keep the
 * same layout and read fields at the same offsets instead of modelling each variant separately.
 */
import { FD, L4 } from './constants.js';
import { ipv4ToString, ipv6ToString, isIpv4MappedIpv6 } from './net.js';

export const SOCKINFO_SIZE = 40;

/** Byte offsets inside the union (natural C alignment, little endian). */
export const SO = {
  V4_SIP: 0,
  V4_DIP: 4,
  V4_SPORT: 8,
  V4_DPORT: 10,
  V4_L4: 12,
  V4S_IP: 0,
  V4S_PORT: 4,
  V4S_L4: 6,
  V6_SIP: 0,
  V6_DIP: 16,
  V6_SPORT: 32,
  V6_DPORT: 34,
  V6_L4: 36,
  V6S_IP: 0,
  V6S_PORT: 16,
  V6S_L4: 18,
  UNIX_SRC: 0,
  UNIX_DST: 8,
} as const;

export const FDF = {
  NONE: 0,
  FROM_PROC: 1 << 0,
  ROLE_CLIENT: 1 << 2,
  ROLE_SERVER: 1 << 3,
  CLOSE_IN_PROGRESS: 1 << 4,
  CLOSE_CANCELED: 1 << 5,
  IS_SOCKET_PIPE: 1 << 6,
  IS_TRACER_FILE: 1 << 7,
  IS_TRACER_FD: 1 << 8,
  IS_NOT_TRACER_FD: 1 << 9,
  SOCKET_CONNECTED: 1 << 13,
  IS_CLONED: 1 << 14,
  CONNECTION_PENDING: 1 << 15,
  CONNECTION_FAILED: 1 << 16,
} as const;

const TYPECHAR: Record<number, string> = {
  [FD.FILE_V2]: 'f',
  [FD.FILE]: 'f',
  [FD.IPV4_SOCK]: '4',
  [FD.IPV6_SOCK]: '6',
  [FD.DIRECTORY]: 'd',
  [FD.IPV4_SERVSOCK]: '4',
  [FD.IPV6_SERVSOCK]: '6',
  [FD.FIFO]: 'p',
  [FD.UNIX_SOCK]: 'u',
  [FD.EVENT]: 'e',
  [FD.UNKNOWN]: 'o',
  [FD.UNSUPPORTED]: 'X',
  [FD.SIGNALFD]: 's',
  [FD.EVENTPOLL]: 'l',
  [FD.INOTIFY]: 'i',
  [FD.TIMERFD]: 't',
  [FD.NETLINK]: 'n',
  [FD.BPF]: 'b',
  [FD.USERFAULTFD]: 'u',
  [FD.IOURING]: 'r',
  [FD.MEMFD]: 'm',
  [FD.PIDFD]: 'P',
};

const TYPESTRING: Record<number, string> = {
  [FD.FILE_V2]: 'file',
  [FD.FILE]: 'file',
  [FD.DIRECTORY]: 'directory',
  [FD.IPV4_SOCK]: 'ipv4',
  [FD.IPV4_SERVSOCK]: 'ipv4',
  [FD.IPV6_SOCK]: 'ipv6',
  [FD.IPV6_SERVSOCK]: 'ipv6',
  [FD.UNIX_SOCK]: 'unix',
  [FD.FIFO]: 'pipe',
  [FD.EVENT]: 'event',
  [FD.SIGNALFD]: 'signalfd',
  [FD.EVENTPOLL]: 'eventpoll',
  [FD.INOTIFY]: 'inotify',
  [FD.TIMERFD]: 'timerfd',
  [FD.NETLINK]: 'netlink',
  [FD.BPF]: 'bpf',
  [FD.USERFAULTFD]: 'userfaultfd',
  [FD.IOURING]: 'io_uring',
  [FD.MEMFD]: 'memfd',
  [FD.PIDFD]: 'pidfd',
};

export class FdInfo {
  type: number = FD.UNINITIALIZED;
  openflags = 0;
  /** The union's bytes, allocated on first use: most fds are files and never touch them. */
  private sockBytes: Buffer | null = null;
  name = '';
  /** The name at the start of the current event's parsing (for fd.name_changed). */
  oldname = '';
  flags = 0;
  dev = 0;
  mountId = 0;
  ino = 0n;
  /** pidfd: the process it refers to. */
  pid = 0;
  /** The syslog decoder watches writes on this fd (libsinsp's per-fd write callbacks). */
  syslogWatch = false;
  /**
   * Memos of fd.directory and fd.containername (fields/fd.ts), each with the inputs it was made
   * from; a use whose inputs differ makes it again, so renames need no invalidation. Not copied:
   * a copy starts without them.
   */
  dirMemoName: string | null = null;
  dirMemoType = -1;
  dirMemo = '';
  cnameMemoName: string | null = null;
  cnameMemoCid = '';
  cnameMemo = '';

  /** libsinsp sinsp_fdinfo::copy(): a full value copy. */
  copyFrom(o: FdInfo): void {
    this.type = o.type;
    this.openflags = o.openflags;
    if (o.sockBytes !== null) o.sockBytes.copy(this.sock);
    else if (this.sockBytes !== null) this.sockBytes.fill(0);
    this.name = o.name;
    this.oldname = o.oldname;
    this.flags = o.flags;
    this.dev = o.dev;
    this.mountId = o.mountId;
    this.ino = o.ino;
    this.pid = o.pid;
    this.syslogWatch = o.syslogWatch;
  }

  clone(): FdInfo {
    const c = new FdInfo();
    c.copyFrom(this);
    return c;
  }

  /** libsinsp reset(): type and flags only; the rest of the struct keeps its old bytes. */
  reset(): void {
    this.type = FD.UNINITIALIZED;
    this.flags = FDF.NONE;
    this.syslogWatch = false;
  }

  get sock(): Buffer {
    return (this.sockBytes ??= Buffer.alloc(SOCKINFO_SIZE));
  }

  get typechar(): string {
    return TYPECHAR[this.type] ?? '?';
  }
  get typestring(): string {
    return TYPESTRING[this.type] ?? '<NA>';
  }

  isFile(): boolean {
    return this.type === FD.FILE || this.type === FD.FILE_V2;
  }
  isDirectory(): boolean {
    return this.type === FD.DIRECTORY;
  }
  isUnixSocket(): boolean {
    return this.type === FD.UNIX_SOCK;
  }
  isIpv4Socket(): boolean {
    return this.type === FD.IPV4_SOCK;
  }
  isUdpSocket(): boolean {
    return this.type === FD.IPV4_SOCK && this.v4l4 === L4.UDP;
  }
  isTcpSocket(): boolean {
    return this.type === FD.IPV4_SOCK && this.v4l4 === L4.TCP;
  }
  isRoleServer(): boolean {
    return (this.flags & FDF.ROLE_SERVER) !== 0;
  }
  isRoleClient(): boolean {
    return (this.flags & FDF.ROLE_CLIENT) !== 0;
  }
  isRoleNone(): boolean {
    return (this.flags & (FDF.ROLE_CLIENT | FDF.ROLE_SERVER)) === 0;
  }
  isSocketConnected(): boolean {
    return (this.flags & FDF.SOCKET_CONNECTED) !== 0;
  }
  setRoleServer(): void {
    this.flags |= FDF.ROLE_SERVER;
  }
  setRoleClient(): void {
    this.flags |= FDF.ROLE_CLIENT;
  }
  setSocketConnected(): void {
    this.flags &= ~(FDF.CONNECTION_PENDING | FDF.CONNECTION_FAILED);
    this.flags |= FDF.SOCKET_CONNECTED;
  }
  setSocketPending(): void {
    this.flags &= ~(FDF.SOCKET_CONNECTED | FDF.CONNECTION_FAILED);
    this.flags |= FDF.CONNECTION_PENDING;
  }
  setSocketFailed(): void {
    this.flags &= ~(FDF.SOCKET_CONNECTED | FDF.CONNECTION_PENDING);
    this.flags |= FDF.CONNECTION_FAILED;
  }

  // --- union accessors -----------------------------------------------------------------------
  get v4sip(): number {
    return this.sock.readUInt32LE(SO.V4_SIP);
  }
  set v4sip(v: number) {
    this.sock.writeUInt32LE(v >>> 0, SO.V4_SIP);
  }
  get v4dip(): number {
    return this.sock.readUInt32LE(SO.V4_DIP);
  }
  set v4dip(v: number) {
    this.sock.writeUInt32LE(v >>> 0, SO.V4_DIP);
  }
  get v4sport(): number {
    return this.sock.readUInt16LE(SO.V4_SPORT);
  }
  set v4sport(v: number) {
    this.sock.writeUInt16LE(v & 0xffff, SO.V4_SPORT);
  }
  get v4dport(): number {
    return this.sock.readUInt16LE(SO.V4_DPORT);
  }
  set v4dport(v: number) {
    this.sock.writeUInt16LE(v & 0xffff, SO.V4_DPORT);
  }
  get v4l4(): number {
    return this.sock[SO.V4_L4]!;
  }
  set v4l4(v: number) {
    this.sock[SO.V4_L4] = v;
  }
  get v4sIp(): number {
    return this.sock.readUInt32LE(SO.V4S_IP);
  }
  set v4sIp(v: number) {
    this.sock.writeUInt32LE(v >>> 0, SO.V4S_IP);
  }
  get v4sPort(): number {
    return this.sock.readUInt16LE(SO.V4S_PORT);
  }
  set v4sPort(v: number) {
    this.sock.writeUInt16LE(v & 0xffff, SO.V4S_PORT);
  }
  get v4sL4(): number {
    return this.sock[SO.V4S_L4]!;
  }
  set v4sL4(v: number) {
    this.sock[SO.V4S_L4] = v;
  }
  get v6sport(): number {
    return this.sock.readUInt16LE(SO.V6_SPORT);
  }
  set v6sport(v: number) {
    this.sock.writeUInt16LE(v & 0xffff, SO.V6_SPORT);
  }
  get v6dport(): number {
    return this.sock.readUInt16LE(SO.V6_DPORT);
  }
  set v6dport(v: number) {
    this.sock.writeUInt16LE(v & 0xffff, SO.V6_DPORT);
  }
  get v6l4(): number {
    return this.sock[SO.V6_L4]!;
  }
  set v6l4(v: number) {
    this.sock[SO.V6_L4] = v;
  }
  get v6sPort(): number {
    return this.sock.readUInt16LE(SO.V6S_PORT);
  }
  set v6sPort(v: number) {
    this.sock.writeUInt16LE(v & 0xffff, SO.V6S_PORT);
  }
  get v6sL4(): number {
    return this.sock[SO.V6S_L4]!;
  }
  set v6sL4(v: number) {
    this.sock[SO.V6S_L4] = v;
  }
  /** A copy of 4 (v4) or 16 (v6) address bytes at `off`. */
  addr(off: number, len: 4 | 16): Uint8Array {
    return Uint8Array.from(this.sock.subarray(off, off + len));
  }

  /** libsinsp get_l4proto(). */
  l4proto(): number {
    switch (this.type) {
      case FD.IPV4_SOCK:
        if (this.v4l4 === L4.RAW) return L4.RAW;
        if (this.isRoleNone()) return L4.NA;
        return this.v4l4;
      case FD.IPV4_SERVSOCK:
        return this.v4sL4;
      case FD.IPV6_SOCK:
        if (this.v6l4 === L4.RAW) return L4.RAW;
        if (this.isRoleNone()) return L4.NA;
        return this.v6l4;
      case FD.IPV6_SERVSOCK:
        return this.v6sL4;
      default:
        return L4.NA;
    }
  }

  deviceMajor(): number {
    return (this.dev & 0xfff00) >>> 8;
  }
  deviceMinor(): number {
    return (this.dev & 0xff) | ((this.dev >>> 12) & 0xfff00);
  }
}

/** ipv4tuple_to_string over the fd's union. */
export function ipv4TupleString(f: FdInfo): string {
  return `${ipv4ToString(f.sock, SO.V4_SIP)}:${f.v4sport}->${ipv4ToString(f.sock, SO.V4_DIP)}:${f.v4dport}`;
}
export function ipv4ServerString(f: FdInfo): string {
  return `${ipv4ToString(f.sock, SO.V4S_IP)}:${f.v4sPort}`;
}
export function ipv6TupleString(f: FdInfo): string {
  return `${ipv6ToString(f.sock, SO.V6_SIP)}:${f.v6sport}->${ipv6ToString(f.sock, SO.V6_DIP)}:${f.v6dport}`;
}
export function ipv6ServerString(f: FdInfo): string {
  return `${ipv6ToString(f.sock, SO.V6S_IP)}:${f.v6sPort}`;
}

/** sinsp_utils::sockinfo_to_str, including its reads through the wrong union member for v4-mapped v6. */
export function sockinfoToString(f: FdInfo, stype: number): string {
  if (stype === FD.IPV4_SOCK) {
    const l4 = f.v4l4;
    if (l4 === L4.TCP || l4 === L4.UDP) return ipv4TupleString(f);
    if (l4 === L4.ICMP || l4 === L4.RAW) {
      return `${ipv4ToString(f.sock, SO.V4_SIP)}->${ipv4ToString(f.sock, SO.V4_DIP)}`;
    }
    return '<unknown>';
  }
  if (stype === FD.IPV6_SOCK) {
    const l4 = f.v6l4;
    const mapped = isIpv4MappedIpv6(f.sock, SO.V6_SIP) && isIpv4MappedIpv6(f.sock, SO.V6_DIP);
    if (l4 === L4.TCP || l4 === L4.UDP) {
      if (mapped) {
        return `${ipv4ToString(f.sock, SO.V6_SIP + 12)}:${f.v4sport}->${ipv4ToString(f.sock, SO.V6_DIP + 12)}:${f.v4dport}`;
      }
      return `${ipv6ToString(f.sock, SO.V6_SIP)}:${f.v6sport}->${ipv6ToString(f.sock, SO.V6_DIP)}:${f.v6dport}`;
    }
    if (l4 === L4.ICMP) {
      if (mapped) return `${ipv4ToString(f.sock, SO.V6_SIP + 12)}->${ipv4ToString(f.sock, SO.V6_DIP + 12)}`;
      return `${ipv6ToString(f.sock, SO.V6_SIP)}->${ipv6ToString(f.sock, SO.V6_DIP)}`;
    }
    return '<unknown>';
  }
  return '';
}

/**
 * fds below this number live in an array slot indexed by the number; the rest (huge or negative
 * numbers, the canceled-close slot) in a Map. Opening and closing is most of what processes do,
 * and a Map pays for every set/delete pair with rehashing; a slot is a store.
 */
const SLOT_LIMIT = 1024;

function isSlot(fd: number): boolean {
  return fd >>> 0 === fd && fd < SLOT_LIMIT;
}

/**
 * sinsp_fdtable: fd number -> state, plus the bounded size libsinsp enforces. Iteration goes by
 * fd number, then the other numbers in insertion order (libsinsp's unordered_map has no order
 * either; nothing may depend on it).
 */
export class FdTable {
  /** Entries for fds in [0, SLOT_LIMIT), grown on demand and never holey. */
  private slots: Array<FdInfo | undefined> = [];
  private readonly others = new Map<number, FdInfo>();
  private count = 0;
  static maxSize = 4096;

  find(fd: number): FdInfo | undefined {
    if (isSlot(fd)) return fd < this.slots.length ? this.slots[fd] : undefined;
    return this.others.get(fd);
  }

  /** Stores `f` at `fd`, which must be free. */
  private put(fd: number, f: FdInfo): void {
    if (isSlot(fd)) {
      const s = this.slots;
      while (s.length <= fd) s.push(undefined);
      s[fd] = f;
    } else {
      this.others.set(fd, f);
    }
    this.count++;
  }

  /**
   * Adds or overwrites `fd`; returns the stored entry (a copy of `fdinfo`), or null when full.
   * `owned`: the caller made `fdinfo` for this call and drops it, so a new entry can be that object.
   */
  add(fd: number, fdinfo: FdInfo, owned = false): FdInfo | null {
    const existing = this.find(fd);
    if (existing === undefined) {
      if (this.count >= FdTable.maxSize) return null;
      const stored = owned ? fdinfo : fdinfo.clone();
      this.put(fd, stored);
      return stored;
    }
    if (existing.flags & FDF.CLOSE_IN_PROGRESS) {
      // A new fd was created between a close enter and its exit: the close must not destroy it.
      fdinfo.flags &= ~FDF.CLOSE_IN_PROGRESS;
      fdinfo.flags |= FDF.CLOSE_CANCELED;
      const kept = existing.clone();
      if (this.others.has(CANCELED_SLOT)) this.others.set(CANCELED_SLOT, kept);
      else this.put(CANCELED_SLOT, kept);
    }
    existing.copyFrom(fdinfo);
    return existing;
  }

  erase(fd: number): void {
    if (isSlot(fd)) {
      if (fd < this.slots.length && this.slots[fd] !== undefined) {
        this.slots[fd] = undefined;
        this.count--;
      }
    } else if (this.others.delete(fd)) {
      this.count--;
    }
  }

  get size(): number {
    return this.count;
  }

  /** Every entry with its number (order: see the class comment). */
  forEach(visit: (f: FdInfo, fd: number) => void): void {
    const s = this.slots;
    for (let fd = 0; fd < s.length; fd++) {
      const f = s[fd];
      if (f !== undefined) visit(f, fd);
    }
    for (const [fd, f] of this.others) visit(f, fd);
  }

  *values(): IterableIterator<FdInfo> {
    for (const f of this.slots) if (f !== undefined) yield f;
    yield* this.others.values();
  }

  /** A snapshot of the table as a Map, for callers that want one (it is built on each call). */
  get table(): ReadonlyMap<number, FdInfo> {
    const m = new Map<number, FdInfo>();
    this.forEach((f, fd) => m.set(fd, f));
    return m;
  }

  /** Value copy of the whole table (fork/clone without CLONE_THREAD). */
  copyFrom(o: FdTable): void {
    this.slots = [];
    this.others.clear();
    this.count = 0;
    o.forEach((f, fd) => this.put(fd, f.clone()));
  }
}

const CANCELED_SLOT = Number.MAX_SAFE_INTEGER;

export function ipBytesV4(f: FdInfo, off: number): Uint8Array {
  return f.addr(off, 4);
}
