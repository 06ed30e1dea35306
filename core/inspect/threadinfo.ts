/**
 * Thread/process state (libsinsp sinsp_threadinfo). One entry per tid; the process-wide parts (cwd,
 * env, fd table for CLONE_FILES threads, fd limit) live on the main thread, as in libsinsp.
 */
import { CL } from './constants.js';
import { FdInfo, FdTable } from './fdinfo.js';
import { concatenatePaths } from './paths.js';
import type { TracerParser } from './tracers.js';
import type { RawEvent } from '../capture/event.js';
import type { EventView } from '../capture/flyweight.js';

export const enum ThreadCategory {
  NONE = 0,
  CONTAINER = 1,
  HEALTHCHECK = 2,
  LIVENESS_PROBE = 3,
  READINESS_PROBE = 4,
}

/** What a thread needs from its owner: lookups that may create placeholder threads. */
export interface ThreadOwner {
  /** get_thread_ref(tid, query_os=true, lookup_only=true): placeholder "<NA>" thread when missing. */
  lookupOrCreate(tid: number): ThreadInfo | null;
  /** get_thread_ref(tid, false, true): plain lookup. */
  lookup(tid: number): ThreadInfo | null;
  /** Changes whenever a thread is added or removed, so lookups can be cached between changes. */
  readonly generation: number;
}

export class ThreadInfo {
  tid = 0;
  pid = -1;
  ptid = -1;
  sid = -1;
  vpgid = -1;
  comm = '';
  exe = '';
  exepath = '';
  exeWritable = false;
  /**
   * Executable flags of the last exec (PPM_EXE_*). null while the capture has not said: libsinsp
   * would answer false, but an old capture cannot tell "no" from "not recorded".
   */
  exeUpperLayer: boolean | null = null;
  exeLowerLayer: boolean | null = null;
  exeFromMemfd: boolean | null = null;
  /** Capability sets (PPM_CAP_* bits); null while the capture has not said (libsinsp: 0). */
  capInheritable: bigint | null = null;
  capPermitted: bigint | null = null;
  capEffective: bigint | null = null;
  /** The executable's inode and its ctime/mtime (ns since the epoch); 0 = unknown, as in libsinsp. */
  exeIno = 0n;
  exeInoCtime = 0n;
  exeInoMtime = 0n;
  /** clone ts - exe ctime (u64, as libsinsp computes it at exec); 0 = unknown. */
  exeInoCtimeDurationCloneTs = 0n;
  /** exe ctime - pid namespace start, when the namespace is older; 0 = unknown. */
  exeInoCtimeDurationPidnsStart = 0n;
  /** Start of the thread's pid namespace (ns since the epoch): container.start_ts; 0 = unknown. */
  pidnsInitStartTs = 0n;
  args: string[] = [];
  env: string[] = [];
  cwd = '';
  fdlimit = -1n;
  flags: number = CL.NAME_CHANGED;
  uid = 0;
  gid = 0;
  loginuid = 0;
  vmsizeKb = 0;
  vmrssKb = 0;
  vmswapKb = 0;
  pfmajor = 0n;
  pfminor = 0n;
  vtid = -1;
  vpid = -1;
  cloneTs = 0n;
  tty = 0;
  cgroups: Array<[string, string]> = [];
  root = '';
  containerId = '';
  category: ThreadCategory = ThreadCategory.NONE;
  nchilds = 0;

  /** Per-event parse state. */
  lastEventFd = 0;
  lastEventType = -1;
  /**
   * Latency bookkeeping as u32 halves of the enter timestamp and of the exit that last measured
   * against it: no BigInt per event; `latency` and `lastLatencyEntertime` build one when read.
   */
  private entHi = 0;
  private entLo = 0;
  private exitHi = 0;
  private exitLo = 0;
  /** The stored enter event (store_event), and whether it is still valid for the next exit. */
  lastEventData: RawEvent | null = null;
  lastEventDataValid = false;
  /** Storage that store_event() copies enter events into (lastEventData points here when set). */
  enterStore: EventView | null = null;
  /** Timestamps (u32 halves) of this thread's last and previous events (m_lastevent_ts, m_prevevent_ts). */
  private lastTsHi = 0;
  private lastTsLo = 0;
  private prevTsHi = 0;
  private prevTsLo = 0;
  lastAccessTs = 0n;
  parentLoopDetected = false;
  /** sysdig tracer parser of this thread (0.29.3 dialect), made on its first tracer write. */
  tracerParser: TracerParser | null = null;

  readonly fdtable = new FdTable();
  /** Private per-field state (thread.totexectime, thread.cpu, evt.latency...), keyed by field id. */
  privateState = new Map<string, unknown>();

  constructor(readonly owner: ThreadOwner) {}

  /** Timestamp of the last enter event (m_last_latency_entertime); 0 before any. */
  get lastLatencyEntertime(): bigint {
    return tsOf(this.entHi, this.entLo);
  }

  /** m_latency: exit ts - enter ts, 0 after an enter event. */
  get latency(): bigint {
    const dh = this.exitHi - this.entHi;
    if (dh === 0 && this.exitLo === this.entLo) return 0n;
    // Exact in a double while the difference is under 2^52 ns (52 days).
    if (dh > -0x100000 && dh < 0x100000) return BigInt(dh * 4294967296 + (this.exitLo - this.entLo));
    return tsOf(this.exitHi, this.exitLo) - tsOf(this.entHi, this.entLo);
  }

  /** An enter event at ts (hi, lo): the latency restarts from it. */
  latencyEnter(hi: number, lo: number): void {
    this.entHi = this.exitHi = hi;
    this.entLo = this.exitLo = lo;
  }

  /** A tracer event: no latency, and no enter to measure the next exit from. */
  latencyReset(): void {
    this.entHi = this.entLo = this.exitHi = this.exitLo = 0;
  }

  /** An exit event at ts (hi, lo): latency is measured from the last enter, if there was one. */
  latencyExit(hi: number, lo: number): void {
    if (this.entHi === 0 && this.entLo === 0) return;
    this.exitHi = hi;
    this.exitLo = lo;
  }

  get lastEventTs(): bigint {
    return tsOf(this.lastTsHi, this.lastTsLo);
  }

  get prevEventTs(): bigint {
    return tsOf(this.prevTsHi, this.prevTsLo);
  }

  /** This thread's event at ts (hi, lo) was delivered: it becomes the last, the last the previous. */
  advanceEventTs(hi: number, lo: number): void {
    this.prevTsHi = this.lastTsHi;
    this.prevTsLo = this.lastTsLo;
    this.lastTsHi = hi;
    this.lastTsLo = lo;
  }

  isMainThread(): boolean {
    return this.tid === this.pid || (this.flags & CL.IS_MAIN_THREAD) !== 0;
  }

  /**
   * libsinsp get_main_thread(): a non-main thread looks its process up and, like libsinsp, creates
   * a placeholder entry when the process is unknown.
   */
  mainThread(): ThreadInfo | null {
    if (this.isMainThread()) return this;
    // Threads of a process ask for it on every fd event: remember the answer until the table or
    // the pid changes.
    const o = this.owner;
    if (this.mainGen === o.generation && this.mainPid === this.pid) return this.mainRef;
    const m = o.lookupOrCreate(this.pid);
    this.mainRef = m;
    this.mainPid = this.pid;
    this.mainGen = o.generation;
    return m;
  }

  private mainRef: ThreadInfo | null = null;
  private mainPid = 0;
  private mainGen = -1;

  parentThread(): ThreadInfo | null {
    return this.owner.lookup(this.ptid);
  }

  /** The fd table this thread uses: its own, or the process's for CLONE_FILES threads. */
  fdTable(): FdTable | null {
    if (!(this.flags & CL.CLONE_FILES)) return this.fdtable;
    const root = this.mainThread();
    return root === null ? null : root.fdtable;
  }

  /** get_fd(): also snapshots the name so the parser can tell whether the event renamed it. */
  getFd(fd: number): FdInfo | null {
    if (fd < 0) return null;
    const t = this.fdTable();
    if (t === null) return null;
    const f = t.find(fd);
    if (f === undefined) return null;
    f.oldname = f.name;
    return f;
  }

  /** `owned`: see FdTable.add. */
  addFd(fd: number, fdinfo: FdInfo, owned = false): FdInfo | null {
    const t = this.fdTable();
    const res = t === null ? null : t.add(fd, fdinfo, owned);
    this.lastEventFd = fd;
    return res;
  }

  removeFd(fd: number): void {
    const t = this.fdTable();
    if (t !== null) t.erase(fd);
  }

  fdOpenCount(): number {
    const mt = this.mainThread();
    return mt === null ? 0 : mt.fdtable.size;
  }

  fdLimit(): bigint {
    const mt = this.mainThread();
    return mt === null ? -1n : mt.fdlimit;
  }

  getCwd(): string {
    const mt = this.mainThread();
    return mt === null ? './' : mt.cwd;
  }

  setCwd(cwd: Buffer | string): void {
    const mt = this.mainThread();
    if (mt === null) return;
    let p = concatenatePaths(mt.cwd, cwd);
    if (p.length === 0 || p[p.length - 1] !== '/') p += '/';
    mt.cwd = p;
  }

  getEnv(): string[] {
    if (this.isMainThread()) return this.env;
    const mt = this.mainThread();
    return mt === null ? this.env : mt.getEnv();
  }

  /** sinsp_threadinfo::get_env(name) */
  getEnvVar(name: string): string {
    const n = name.length;
    for (const v of this.getEnv()) {
      if (v.length > n + 1 && v[n] === '=' && v.startsWith(name)) {
        const rest = v.slice(n + 1);
        const first = rest.search(/[^ ]/);
        if (first < 0) return '';
        return rest.slice(first).replace(/ +$/, '');
      }
    }
    return '';
  }

  getCgroup(subsys: string): string {
    for (const [k, v] of this.cgroups) if (k === subsys) return v;
    return '/';
  }

  /** sinsp_threadinfo::traverse_parent_state with its loop detection. */
  traverseParents(visitor: (t: ThreadInfo) => boolean): void {
    let slow = this.parentThread();
    let fast: ThreadInfo | null = slow;
    fast = fast ? fast.parentThread() : fast;
    while (slow && slow.tid !== -1) {
      if (!visitor(slow)) break;
      slow = slow.parentThread();
      for (let i = 0; i < 2; i++) {
        fast = fast ? fast.parentThread() : fast;
        if (slow && (slow === fast || slow.tid === slow.ptid)) {
          this.parentLoopDetected = true;
          return;
        }
      }
    }
  }

  setArgs(buf: Buffer): void {
    this.args = splitNulStrings(buf);
  }

  /**
   * proc.exeline (exe, a space, then the args joined by spaces), made again only when exe or the
   * args array changed. Every writer of `args` assigns a new array (setArgs, clone inheritance,
   * the proc table) and none edits one in place, so comparing the array by identity is exact.
   */
  exeline(): string {
    const exe = this.exe;
    const args = this.args;
    if (this.exelineArgs !== args || this.exelineExe !== exe) {
      this.exelineText = `${exe} ${args.join(' ')}`;
      this.exelineExe = exe;
      this.exelineArgs = args;
    }
    return this.exelineText;
  }

  private exelineExe = '';
  private exelineArgs: string[] | null = null;
  private exelineText = '';

  /**
   * proc.cmdline (comm, then a space before each arg), made again only when comm or the args
   * array changed; the same identity argument as exeline() holds.
   */
  cmdline(): string {
    const comm = this.comm;
    const args = this.args;
    if (this.cmdlineArgs !== args || this.cmdlineComm !== comm) {
      let s = comm;
      for (const a of args) s += ' ' + a;
      this.cmdlineText = s;
      this.cmdlineComm = comm;
      this.cmdlineArgs = args;
    }
    return this.cmdlineText;
  }

  private cmdlineComm = '';
  private cmdlineArgs: string[] | null = null;
  private cmdlineText = '';

  /** set_env: stops at an all-zero tail, like libsinsp. */
  setEnv(buf: Buffer): void {
    const out: string[] = [];
    let off = 0;
    while (off < buf.length) {
      let end = buf.indexOf(0, off);
      if (end < 0) end = buf.length;
      if (end === off) {
        let allZero = true;
        for (let i = off; i < buf.length; i++) {
          if (buf[i] !== 0) {
            allZero = false;
            break;
          }
        }
        if (allZero) break;
      }
      out.push(buf.toString('latin1', off, end));
      off = end + 1;
    }
    this.env = out;
  }

  /**
   * set_cgroups: "subsys=path" NUL-separated, with libsinsp's subsystem renames. The list is
   * frozen and shared by every thread whose block had the same bytes (see lastCgroups).
   */
  setCgroups(buf: Buffer): void {
    if (buf.equals(lastCgroupsBytes)) {
      this.cgroups = lastCgroups;
      return;
    }
    const out: Array<[string, string]> = [];
    let off = 0;
    while (off < buf.length) {
      let end = buf.indexOf(0, off);
      if (end < 0) end = buf.length;
      const str = buf.toString('latin1', off, end);
      const sep = str.lastIndexOf('=');
      if (sep < 0) break;
      let subsys = str.slice(0, sep);
      const cgroup = str.slice(sep + 1);
      const consumed = subsys.length + 1 + cgroup.length + 1;
      const pos = subsys.indexOf('_cgroup');
      if (pos >= 0) subsys = subsys.slice(0, pos) + subsys.slice(pos + '_cgroup'.length);
      if (subsys === 'perf') subsys = 'perf_event';
      else if (subsys === 'mem') subsys = 'memory';
      else if (subsys === 'io') subsys = 'blkio';
      out.push(Object.freeze([subsys, cgroup]) as [string, string]);
      off += consumed;
    }
    this.cgroups = Object.freeze(out) as Array<[string, string]>;
    lastCgroupsBytes = Buffer.from(buf);
    lastCgroups = this.cgroups;
  }
}

/**
 * The last cgroups block setCgroups() parsed, and its list. A process's clones and execs carry
 * the same block again and again (hundreds of bytes, a dozen subsystems): comparing bytes is far
 * cheaper than splitting them into strings. The block is a copy (events are views into reused
 * read buffers); the list is frozen because threads share it.
 */
let lastCgroupsBytes: Buffer = Buffer.alloc(0);
let lastCgroups: Array<[string, string]> = Object.freeze([]) as unknown as Array<[string, string]>;

function tsOf(hi: number, lo: number): bigint {
  return hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo);
}

/** C-string semantics: each entry ends at the first NUL; the next starts right after it. */
export function splitNulStrings(buf: Buffer): string[] {
  const out: string[] = [];
  let off = 0;
  while (off < buf.length) {
    let end = buf.indexOf(0, off);
    if (end < 0) end = buf.length;
    out.push(buf.toString('latin1', off, end));
    off = end + 1;
  }
  return out;
}
