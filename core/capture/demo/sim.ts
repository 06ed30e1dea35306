/**
 * A small kernel model for writing believable captures: processes with fd tables, a clock, and one
 * method per syscall that emits its enter/exit pair with the params the driver would fill in
 * (fds are allocated lowest-free like Linux, I/O data is cut at the snaplen, clone/execve carry
 * the process's full identity). The story scripts call these in time order; nothing is sorted later.
 */
import { FD_TYPES, type FdInfo, type ThreadInfo } from '../metadata.js';
import { newThreadInfo } from '../proclist.js';
import type { SyntheticEvent } from '../encode.js';
import { buildEvent, type Endpoint, type ParamValues, type Tuple } from './params.js';

export const AT_FDCWD = -100;
/** scap_l4_proto values used in fd lists. */
const L4_TCP = 2;
const L4_UDP = 3;
export const ERRNO = { ENOENT: 2, EAGAIN: 11, EINPROGRESS: 115 } as const;

/** Deterministic PRNG (mulberry32), so the same seed writes the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What an fd points at; enough to write the initial fd list and to keep numbers honest. */
export type FdDesc =
  | { kind: 'file'; name: string; flags: number; ino: bigint; dev: number }
  | { kind: 'dir'; name: string }
  | { kind: 'pipe'; ino: bigint }
  | { kind: 'unix'; source: bigint; dest: bigint; path: string }
  | { kind: 'listen4'; ip: string; port: number; ino: bigint }
  | { kind: 'listen6'; ip: string; port: number; ino: bigint }
  | { kind: 'tcp4' | 'udp4'; tuple: Tuple; ino: bigint }
  | { kind: 'epoll'; ino: bigint }
  | { kind: 'eventfd'; ino: bigint };

export interface Proc {
  tid: number;
  pid: number;
  ptid: number;
  vtid: number;
  vpid: number;
  sid: number;
  vpgid: number;
  pgid: number;
  comm: string;
  exe: string;
  exepath: string;
  args: string[];
  cwd: string;
  env: string[];
  cgroups: string[];
  uid: number;
  gid: number;
  loginuid: number;
  fdlimit: number;
  vmsizeKb: number;
  vmrssKb: number;
  pfMajor: number;
  pfMinor: number;
  capEffective: bigint;
  /** Names from the execve_flags table (EXE_WRITABLE, EXE_UPPER_LAYER, ...). */
  exeFlags: string[];
  exeIno: bigint;
  exeInoCtime: bigint;
  exeInoMtime: bigint;
  pidnsInitStartTs: bigint;
  /** Threads of a process share the fd table of the main thread. */
  fds: Map<number, FdDesc>;
  cpu: number;
}

/** Full capability set of a root process (CAP_* bits 0..40). */
export const CAPS_ALL = (1n << 41n) - 1n;
/** Docker's default capability set for containers. */
export const CAPS_DOCKER = 0xa80425fbn;

export function proc(p: Partial<Proc> & Pick<Proc, 'tid' | 'comm' | 'exe'>): Proc {
  return {
    pid: p.tid,
    ptid: 1,
    vtid: p.tid,
    vpid: p.pid ?? p.tid,
    sid: p.tid,
    vpgid: p.tid,
    pgid: p.tid,
    exepath: p.exe,
    args: [],
    cwd: '/',
    env: [],
    cgroups: [],
    uid: 0,
    gid: 0,
    loginuid: 0xffffffff,
    fdlimit: 1048576,
    vmsizeKb: 10240,
    vmrssKb: 2048,
    pfMajor: 0,
    pfMinor: 120,
    capEffective: CAPS_ALL,
    exeFlags: [],
    exeIno: 0n,
    exeInoCtime: 0n,
    exeInoMtime: 0n,
    pidnsInitStartTs: 0n,
    fds: new Map(),
    cpu: 0,
    ...p,
  };
}

export interface SimOptions {
  start: bigint;
  seed: number;
  /** Bytes of I/O data kept per event, like the capture's -s option. */
  snaplen: number;
  emit: (e: SyntheticEvent) => void;
}

export class Sim {
  ts: bigint;
  readonly rnd: () => number;
  private readonly snaplen: number;
  private readonly out: (e: SyntheticEvent) => void;
  private nextIno = 4_200_000n;
  readonly procs = new Map<number, Proc>();

  constructor(o: SimOptions) {
    this.ts = o.start;
    this.rnd = prng(o.seed);
    this.snaplen = o.snaplen;
    this.out = o.emit;
  }

  add(p: Proc): Proc {
    this.procs.set(p.tid, p);
    return p;
  }

  ino(): bigint {
    return this.nextIno++;
  }

  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }

  /** Move the clock forward by about `ns` (±25% jitter keeps spacing from looking machine-made). */
  wait(ns: number): void {
    const j = ns * (0.75 + this.rnd() * 0.5);
    this.ts += BigInt(Math.max(1, Math.round(j)));
  }

  /** Move the clock to an absolute offset from `base`, if it is not already past it. */
  until(at: bigint): void {
    if (at > this.ts) this.ts = at;
  }

  emit(p: Proc, id: string, values: ParamValues): void {
    this.out(buildEvent(id, { ts: this.ts, tid: p.tid, cpu: p.cpu }, values));
  }

  /** An event not tied to a thread (container metadata): tid -1, as libscap writes them. */
  emitGlobal(id: string, values: ParamValues): void {
    this.out(buildEvent(id, { ts: this.ts, tid: -1, cpu: 0 }, values));
  }

  /** Enter, the syscall's duration, exit, then a short gap before the thread's next call. */
  private pair(p: Proc, name: string, enter: ParamValues, exit: ParamValues, durNs = 4000): void {
    this.emit(p, `${name}_E`, enter);
    this.wait(durNs);
    this.emit(p, `${name}_X`, exit);
    this.wait(1500);
  }

  private fdTable(p: Proc): Map<number, FdDesc> {
    return (this.procs.get(p.pid) ?? p).fds;
  }

  allocFd(p: Proc, d: FdDesc): number {
    const t = this.fdTable(p);
    let fd = 0;
    while (t.has(fd)) fd++;
    t.set(fd, d);
    return fd;
  }

  fd(p: Proc, fd: number): FdDesc {
    const d = this.fdTable(p).get(fd);
    if (!d) throw new Error(`${p.comm}(${p.tid}) has no fd ${fd}`);
    return d;
  }

  private snap(data: Uint8Array): Uint8Array {
    return data.subarray(0, this.snaplen);
  }

  // --- files --------------------------------------------------------------------------------

  /** openat(AT_FDCWD, path, flags, mode). Returns the new fd, or -errno. */
  openat(p: Proc, path: string, flags: string[], mode = 0, o: { errno?: number; dev?: number; ino?: bigint; created?: boolean } = {}): number {
    const dev = o.dev ?? 0x2d;
    const ino = o.ino ?? this.ino();
    const exitFlags = o.created ? [...flags, 'O_F_CREATED'] : flags;
    const fd = o.errno ? -o.errno : this.allocFd(p, { kind: 'file', name: path, flags: 0, ino, dev });
    this.pair(
      p,
      'SYSCALL_OPENAT_2',
      { dirfd: AT_FDCWD, name: path, flags, mode },
      { fd, dirfd: AT_FDCWD, name: path, flags: exitFlags, mode, dev: o.errno ? 0 : dev, ino: o.errno ? 0 : ino },
      6000,
    );
    return fd;
  }

  read(p: Proc, fd: number, size: number, data: Uint8Array, res = data.length): void {
    this.fd(p, fd);
    this.pair(p, 'SYSCALL_READ', { fd, size }, { res, data: this.snap(data), fd, size }, 3000 + data.length);
  }

  write(p: Proc, fd: number, data: Uint8Array): void {
    this.fd(p, fd);
    this.pair(p, 'SYSCALL_WRITE', { fd, size: data.length }, { res: data.length, data: this.snap(data), fd, size: data.length }, 3000 + data.length);
  }

  writev(p: Proc, fd: number, data: Uint8Array): void {
    this.fd(p, fd);
    this.pair(p, 'SYSCALL_WRITEV', { fd, size: data.length }, { res: data.length, data: this.snap(data), fd, size: data.length }, 5000);
  }

  fstat(p: Proc, fd: number): void {
    this.fd(p, fd);
    this.pair(p, 'SYSCALL_FSTAT', { fd }, { res: 0, fd }, 1500);
  }

  close(p: Proc, fd: number): void {
    this.fd(p, fd);
    this.pair(p, 'SYSCALL_CLOSE', { fd }, { res: 0, fd }, 2500);
    this.fdTable(p).delete(fd);
  }

  sendfile(p: Proc, outFd: number, inFd: number, size: number): void {
    this.fd(p, outFd);
    this.fd(p, inFd);
    this.pair(p, 'SYSCALL_SENDFILE', { out_fd: outFd, in_fd: inFd, offset: 0, size }, { res: size, offset: size, out_fd: outFd, in_fd: inFd, size }, 9000);
  }

  /** fchmodat(AT_FDCWD, path, mode): what coreutils chmod calls. */
  fchmodat(p: Proc, path: string, mode: number): void {
    this.pair(p, 'SYSCALL_FCHMODAT', {}, { res: 0, dirfd: AT_FDCWD, filename: path, mode }, 5000);
  }

  // --- sockets ------------------------------------------------------------------------------

  epollWait(p: Proc, res: number, waitNs: number): void {
    this.emit(p, 'SYSCALL_EPOLLWAIT_E', { maxevents: 512 });
    this.wait(waitNs);
    this.emit(p, 'SYSCALL_EPOLLWAIT_X', { res, maxevents: 512 });
    this.wait(1200);
  }

  poll(p: Proc, fds: [number, number][], timeout: number, res: number, waitNs: number): void {
    this.emit(p, 'SYSCALL_POLL_E', { fds, timeout });
    this.wait(waitNs);
    this.emit(p, 'SYSCALL_POLL_X', { res, fds, timeout });
    this.wait(1200);
  }

  /** accept4 on a listening socket; the tuple runs client -> server, as the driver writes it. */
  accept(p: Proc, listenFd: number, client: Endpoint, server: Endpoint): number {
    this.fd(p, listenFd);
    const tuple = { src: client, dst: server };
    const fd = this.allocFd(p, { kind: 'tcp4', tuple, ino: this.ino() });
    this.pair(p, 'SOCKET_ACCEPT4_5', { flags: 0 }, { fd, tuple, queuepct: 0, queuelen: 0, queuemax: 511 }, 7000);
    return fd;
  }

  /** socket(AF_INET, type, 0). `type` is the raw value, SOCK_* flags included. */
  socket(p: Proc, udp: boolean, type: number): number {
    const placeholder: Tuple = { src: { ip: '0.0.0.0', port: 0 }, dst: { ip: '0.0.0.0', port: 0 } };
    const fd = this.allocFd(p, { kind: udp ? 'udp4' : 'tcp4', tuple: placeholder, ino: this.ino() });
    const fileFlags = type & 0x800 ? ['O_RDWR', 'O_NONBLOCK'] : ['O_RDWR'];
    this.pair(p, 'SOCKET_SOCKET', { domain: 'AF_INET', type, proto: 0 }, { fd, domain: 'AF_INET', type, proto: 0, flags: fileFlags }, 6000);
    return fd;
  }

  connect(p: Proc, fd: number, local: Endpoint, remote: Endpoint, errno = 0): void {
    const d = this.fd(p, fd);
    const tuple = { src: local, dst: remote };
    if (d.kind === 'tcp4' || d.kind === 'udp4') d.tuple = tuple;
    this.pair(p, 'SOCKET_CONNECT', { fd, addr: remote }, { res: -errno, tuple, fd, addr: remote }, errno ? 12000 : 30000);
  }

  /** recvfrom on a socket; `from` is set for datagrams (the driver fills the tuple then). */
  recvfrom(p: Proc, fd: number, size: number, data: Uint8Array, from: Tuple | null = null, errno = 0): void {
    this.fd(p, fd);
    const res = errno ? -errno : data.length;
    this.pair(p, 'SOCKET_RECVFROM', { fd, size }, { res, data: errno ? null : this.snap(data), tuple: from, fd, size }, 4000);
  }

  sendto(p: Proc, fd: number, data: Uint8Array): void {
    this.fd(p, fd);
    this.pair(p, 'SOCKET_SENDTO', { fd, size: data.length, tuple: null }, { res: data.length, data: this.snap(data), fd, size: data.length, tuple: null }, 8000);
  }

  // --- processes ----------------------------------------------------------------------------

  /** What clone and execve exits both report of the process image. */
  private imageParams(p: Proc): ParamValues {
    return {
      exe: p.exe,
      args: p.args,
      tid: p.tid,
      pid: p.pid,
      ptid: p.ptid,
      cwd: p.cwd,
      fdlimit: p.fdlimit,
      pgft_maj: p.pfMajor,
      pgft_min: p.pfMinor,
      vm_size: p.vmsizeKb,
      vm_rss: p.vmrssKb,
      vm_swap: 0,
      comm: p.comm,
      cgroups: p.cgroups,
    };
  }

  private cloneExit(p: Proc, res: number, flags: string[]): ParamValues {
    return {
      res,
      ...this.imageParams(p),
      flags,
      uid: p.uid,
      gid: p.gid,
      vtid: p.vtid,
      vpid: p.vpid,
      pidns_init_start_ts: p.pidnsInitStartTs,
    };
  }

  /**
   * fork(): the parent's enter and exit (res = child tid), then the child's own exit (res = 0).
   * The child starts as a copy of the parent: same image, fds, cgroups and user.
   */
  fork(parent: Proc, childTid: number, childVtid: number, cpu: number): Proc {
    const flags = ['CLONE_CHILD_CLEARTID', 'CLONE_CHILD_SETTID'];
    this.emit(parent, 'SYSCALL_CLONE_20_E', {});
    this.wait(60000);
    this.emit(parent, 'SYSCALL_CLONE_20_X', this.cloneExit(parent, childTid, flags));
    const child: Proc = {
      ...parent,
      tid: childTid,
      pid: childTid,
      ptid: parent.pid,
      vtid: childVtid,
      vpid: childVtid,
      args: [...parent.args],
      pfMajor: 0,
      pfMinor: 0,
      fds: new Map(this.fdTable(parent)),
      cpu,
    };
    this.add(child);
    this.wait(20000);
    const inNs = child.vpid !== child.pid;
    this.emit(child, 'SYSCALL_CLONE_20_X', this.cloneExit(child, 0, inNs ? [...flags, 'CLONE_CHILD_IN_PIDNS'] : flags));
    this.wait(3000);
    return child;
  }

  /** execve() that succeeds: the process takes the new image; close-on-exec fds go away. */
  execve(
    p: Proc,
    filename: string,
    argv: string[],
    img: { comm: string; exepath: string; flags: string[]; ino: bigint; ctime: bigint; mtime: bigint; vmsizeKb: number; vmrssKb: number; env?: string[] },
    closeOnExec: number[] = [],
  ): void {
    this.emit(p, 'SYSCALL_EXECVE_19_E', { filename });
    this.wait(250000);
    for (const fd of closeOnExec) this.fdTable(p).delete(fd);
    Object.assign(p, {
      exe: argv[0] ?? filename,
      args: argv.slice(1),
      comm: img.comm,
      exepath: img.exepath,
      exeFlags: img.flags,
      exeIno: img.ino,
      exeInoCtime: img.ctime,
      exeInoMtime: img.mtime,
      vmsizeKb: img.vmsizeKb,
      vmrssKb: img.vmrssKb,
      pfMinor: 90,
      ...(img.env ? { env: img.env } : {}),
    });
    this.emit(p, 'SYSCALL_EXECVE_19_X', {
      res: 0,
      ...this.imageParams(p),
      env: p.env,
      tty: 0,
      vpgid: p.vpgid,
      loginuid: p.loginuid,
      flags: p.exeFlags,
      cap_inheritable: 0,
      cap_permitted: p.capEffective,
      cap_effective: p.capEffective,
      exe_ino: p.exeIno,
      exe_ino_ctime: p.exeInoCtime,
      exe_ino_mtime: p.exeInoMtime,
      uid: p.uid,
      trusted_exepath: p.exepath,
      pgid: p.pgid,
      gid: p.gid,
      filename,
    });
    this.wait(30000);
  }

  /** The scheduler's process-exit tracepoint (there is no exit event). */
  exit(p: Proc, status: number, reaper: number): void {
    this.emit(p, 'PROCEXIT_1_E', { status: status << 8, ret: status, sig: 0, core: 0, reaper_tid: reaper });
    this.procs.delete(p.tid);
    this.wait(2000);
  }

  // --- tables for the capture header --------------------------------------------------------

  threadInfo(p: Proc): ThreadInfo {
    return {
      ...newThreadInfo(),
      tid: p.tid,
      pid: p.pid,
      ptid: p.ptid,
      sid: p.sid,
      vpgid: p.vpgid,
      pgid: p.pgid,
      comm: p.comm,
      exe: p.exe,
      exepath: p.exepath,
      args: p.args,
      cwd: p.cwd,
      fdlimit: p.fdlimit,
      uid: p.uid,
      gid: p.gid,
      vmsizeKb: p.vmsizeKb,
      vmrssKb: p.vmrssKb,
      pfMajor: p.pfMajor,
      pfMinor: p.pfMinor,
      env: p.env,
      vtid: p.vtid,
      vpid: p.vpid,
      cgroups: p.cgroups,
      root: '/',
      pidnsInitStartTs: p.pidnsInitStartTs,
      loginuid: p.loginuid,
      capPermitted: p.capEffective,
      capEffective: p.capEffective,
      exeIno: p.exeIno,
      exeInoCtime: p.exeInoCtime,
      exeInoMtime: p.exeInoMtime,
    };
  }

  /** The fd list entries of a process's table, as libscap would dump them at capture start. */
  fdInfos(p: Proc): FdInfo[] {
    const out: FdInfo[] = [];
    for (const [fd, d] of [...p.fds].sort((a, b) => a[0] - b[0])) {
      const base = { tid: p.tid, fd };
      switch (d.kind) {
        case 'file':
          out.push({ ...base, ino: d.ino, type: FD_TYPES.FILE_V2, name: d.name, openFlags: d.flags, dev: d.dev });
          break;
        case 'dir':
          out.push({ ...base, ino: 0n, type: FD_TYPES.DIRECTORY, name: d.name });
          break;
        case 'pipe':
          out.push({ ...base, ino: d.ino, type: FD_TYPES.FIFO, name: `pipe:[${d.ino}]` });
          break;
        case 'unix':
          out.push({ ...base, ino: 0n, type: FD_TYPES.UNIX_SOCK, name: d.path, unixSource: d.source, unixDest: d.dest });
          break;
        case 'listen4':
          out.push({ ...base, ino: d.ino, type: FD_TYPES.IPV4_SERVSOCK, sip: d.ip, sport: d.port, l4proto: L4_TCP });
          break;
        case 'listen6':
          out.push({ ...base, ino: d.ino, type: FD_TYPES.IPV6_SERVSOCK, sip: d.ip, sport: d.port, l4proto: L4_TCP });
          break;
        case 'tcp4':
        case 'udp4':
          out.push({ ...base, ino: d.ino, type: FD_TYPES.IPV4_SOCK, sip: d.tuple.src.ip, sport: d.tuple.src.port, dip: d.tuple.dst.ip, dport: d.tuple.dst.port, l4proto: d.kind === 'tcp4' ? L4_TCP : L4_UDP });
          break;
        case 'epoll':
          out.push({ ...base, ino: d.ino, type: FD_TYPES.EVENTPOLL, name: '' });
          break;
        case 'eventfd':
          out.push({ ...base, ino: d.ino, type: FD_TYPES.EVENT, name: '' });
          break;
      }
    }
    return out;
  }
}
