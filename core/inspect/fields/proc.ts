/**
 * proc.* and thread.* fields (libsinsp sinsp_filter_check_thread). Every lookup goes through the
 * same thread-table calls libsinsp makes, placeholder creation included, because those side
 * effects are visible in later events.
 */
import { capsToString } from '../../capture/events/capabilities.js';
import { ET } from '../constants.js';
import { ThreadCategory, type ThreadInfo } from '../threadinfo.js';
import { defineFields, type FieldArg, type FieldContext, type FieldDef, type FieldValue, type Extractor } from './types.js';

function thread(c: FieldContext): ThreadInfo | null {
  const e = c.evt;
  if (e.tinfo) return e.tinfo;
  return c.state.threads.getRef(e.tid, false);
}

function withThread(f: (t: ThreadInfo, c: FieldContext, a: FieldArg | undefined) => FieldValue) {
  return (c: FieldContext, a: FieldArg | undefined): FieldValue => {
    const t = thread(c);
    return t === null ? null : f(t, c, a);
  };
}

/** libsinsp uses 0 for "no value" in the exe inode fields and the pid namespace start. */
function nonZero(v: bigint): bigint | null {
  return v === 0n ? null : v;
}

function capsText(caps: bigint | null): string | null {
  return caps === null ? null : capsToString(caps);
}

/** The process (main thread) a field about "the process" starts from. */
function processOf(t: ThreadInfo): ThreadInfo | null {
  return t.isMainThread() ? t : t.mainThread();
}

/** The ancestor `n` levels up from the process (0 = the process itself). */
function ancestor(t: ThreadInfo, n: number): ThreadInfo | null {
  let mt = processOf(t);
  for (let j = 0; j < n && mt !== null; j++) mt = mt.parentThread();
  return mt;
}

function parentOf(c: FieldContext, t: ThreadInfo): ThreadInfo | null {
  return c.state.threads.lookup(t.ptid);
}

/** proc.sname: the session leader, or the eldest ancestor in the same session. */
function sessionName(c: FieldContext, t: ThreadInfo): FieldValue {
  const leader = c.state.threads.lookup(t.sid);
  if (leader) return leader.comm;
  let mt = t.mainThread();
  if (mt === null) return null;
  const sid = mt.sid;
  mt.traverseParents((p) => {
    if (p.sid !== sid) return false;
    mt = p;
    return true;
  });
  return mt.comm;
}

function privateBig(t: ThreadInfo, key: object): { v: bigint } {
  let s = t.privateState.get(key as unknown as string) as { v: bigint } | undefined;
  if (!s) {
    s = { v: 0n };
    t.privateState.set(key as unknown as string, s);
  }
  return s;
}

/** thread.exectime state: last context-switch time per CPU, per field use. */
function exectime(lastSwitch: bigint[], c: FieldContext): bigint {
  const cpu = c.evt.cpu;
  const ts = c.evt.ts;
  const last = lastSwitch[cpu] ?? 0n;
  lastSwitch[cpu] = ts;
  return last !== 0n ? ts - last : 0n;
}

function isSwitch(c: FieldContext): boolean {
  return c.evt.type === ET.SCHEDSWITCH_1_E || c.evt.type === ET.SCHEDSWITCH_6_E;
}

function threadCpu(user: boolean, system: boolean) {
  return (): Extractor => {
    const key = {};
    return (c) => {
      const t = thread(c);
      if (t === null || c.evt.type !== ET.PROCINFO_E) return null;
      const tcpu = (user ? c.evt.u64(0) : 0n) + (system ? c.evt.u64(1) : 0n);
      const last = privateBig(t, key);
      let d = 0;
      if (last.v !== 0n) {
        d = Number(BigInt.asUintN(64, tcpu - last.v));
        if (d > 100) d = 100;
      }
      last.v = tcpu;
      return d;
    };
  };
}

export const PROC_FIELDS: FieldDef[] = defineFields('process', [
  { name: 'proc.pid', type: 'INT64', format: 'ID', display: 'Process ID', desc: 'the id of the process generating the event.', get: withThread((t) => t.pid) },
  { name: 'proc.exe', type: 'CHARBUF', display: 'First Argument', desc: 'the first command line argument (usually the executable name or a custom one).', get: withThread((t) => t.exe) },
  { name: 'proc.name', type: 'CHARBUF', display: 'Name', desc: 'the name (excluding the path) of the executable generating the event.', get: withThread((t) => t.comm) },
  { name: 'proc.args', type: 'CHARBUF', display: 'Arguments', desc: 'the arguments passed on the command line when starting the process generating the event.', get: withThread((t) => t.args.join(' ')) },
  { name: 'proc.env', type: 'CHARBUF', display: 'Environment', desc: 'the environment variables of the process generating the event.', get: withThread((t) => t.getEnv().join(' ')) },
  { name: 'proc.cmdline', type: 'CHARBUF', display: 'Command Line', desc: 'full process command line, i.e. proc.name + proc.args.', get: withThread((t) => t.cmdline()) },
  { name: 'proc.exeline', type: 'CHARBUF', display: 'Executable Command Line', desc: 'full process command line, with exe as first argument, i.e. proc.exe + proc.args.', get: withThread((t) => t.exeline()) },
  { name: 'proc.cwd', type: 'CHARBUF', display: 'Current Working Directory', desc: 'the current working directory of the event.', get: withThread((t) => t.getCwd()) },
  { name: 'proc.nthreads', type: 'UINT32', format: 'DEC', display: 'Threads', desc: 'the number of threads that the process generating the event currently has, including the main process thread.', get: withThread((t) => { const m = t.mainThread(); return m === null ? null : m.nchilds + 1; }) },
  { name: 'proc.nchilds', type: 'UINT32', format: 'DEC', display: 'Children', desc: 'the number of child threads that the process generating the event currently has. This excludes the main process thread.', get: withThread((t) => t.nchilds) },
  { name: 'proc.ppid', type: 'INT64', format: 'ID', display: 'Parent Process ID', desc: 'the pid of the parent of the process generating the event.', get: withThread((t) => { const m = processOf(t); return m === null ? null : m.ptid; }) },
  { name: 'proc.pname', type: 'CHARBUF', display: 'Parent Name', desc: 'the name (excluding the path) of the parent of the process generating the event.', get: withThread((t, c) => parentOf(c, t)?.comm ?? null) },
  { name: 'proc.pcmdline', type: 'CHARBUF', display: 'Parent Command Line', desc: 'the full command line (proc.name + proc.args) of the parent of the process generating the event.', get: withThread((t, c) => { const p = parentOf(c, t); return p ? p.cmdline() : null; }) },
  { name: 'proc.apid', type: 'INT64', format: 'ID', display: 'Ancestor Process ID', desc: 'the pid of one of the process ancestors. E.g. proc.apid[1] returns the parent pid, proc.apid[2] returns the grandparent pid, and so on. proc.apid[0] is the pid of the current process. proc.apid without arguments can be used in filters only and matches any of the process ancestors, e.g. proc.apid=1234.', flags: { allowsArg: true }, arg: 'index', get: withThread((t, _c, a) => ancestor(t, a?.index ?? -1)?.pid ?? null) },
  { name: 'proc.aname', type: 'CHARBUF', display: 'Ancestor Name', desc: 'the name (excluding the path) of one of the process ancestors. E.g. proc.aname[1] returns the parent name, proc.aname[2] returns the grandparent name, and so on. proc.aname[0] is the name of the current process. proc.aname without arguments can be used in filters only and matches any of the process ancestors, e.g. proc.aname=bash.', flags: { allowsArg: true }, arg: 'index', get: withThread((t, _c, a) => ancestor(t, a?.index ?? -1)?.comm ?? null) },
  {
    name: 'proc.loginshellid', type: 'INT64', format: 'ID', display: 'Login Shell ID', desc: 'the pid of the oldest shell among the ancestors of the current process, if there is one. This field can be used to separate different user sessions, and is useful in conjunction with chisels like spy_user.',
    get: withThread((t) => {
      const mt = processOf(t);
      if (mt === null) return null;
      let res: number | null = null;
      const check = (p: ThreadInfo): boolean => {
        if (p.comm.length >= 2 && p.comm.endsWith('sh')) res = p.pid;
        return true;
      };
      check(mt);
      mt.traverseParents(check);
      return res;
    }),
  },
  { name: 'proc.duration', type: 'RELTIME', format: 'DEC', display: 'Duration', desc: 'number of nanoseconds since the process started.', get: withThread((t, c) => (t.cloneTs !== 0n ? BigInt.asUintN(64, c.evt.ts - t.cloneTs) : null)) },
  { name: 'proc.fdopencount', type: 'UINT64', format: 'DEC', display: 'FD Count', desc: 'number of open FDs for the process', get: withThread((t) => t.fdOpenCount()) },
  { name: 'proc.fdlimit', type: 'INT64', format: 'DEC', display: 'FD Limit', desc: 'maximum number of FDs the process can open.', get: withThread((t) => t.fdLimit()) },
  { name: 'proc.fdusage', type: 'DOUBLE', format: 'DEC', display: 'FD Usage', desc: 'the ratio between open FDs and maximum available FDs for the process.', get: withThread((t) => { const lim = t.fdLimit(); if (lim <= 0n) return 0; const n = t.fdOpenCount(); return BigInt(n) <= lim ? (n * 100) / Number(lim) : 100; }) },
  { name: 'proc.vmsize', type: 'UINT64', format: 'DEC', display: 'VM Size', desc: 'total virtual memory for the process (as kb).', get: withThread((t) => t.vmsizeKb) },
  { name: 'proc.vmrss', type: 'UINT64', format: 'DEC', display: 'VM RSS', desc: 'resident non-swapped memory for the process (as kb).', get: withThread((t) => t.vmrssKb) },
  { name: 'proc.vmswap', type: 'UINT64', format: 'DEC', display: 'VM Swap', desc: 'swapped memory for the process (as kb).', get: withThread((t) => t.vmswapKb) },
  { name: 'thread.pfmajor', type: 'UINT64', format: 'DEC', display: 'Major Page Faults', desc: 'number of major page faults since thread start.', get: withThread((t) => t.pfmajor) },
  { name: 'thread.pfminor', type: 'UINT64', format: 'DEC', display: 'Minor Page Faults', desc: 'number of minor page faults since thread start.', get: withThread((t) => t.pfminor) },
  { name: 'thread.tid', type: 'INT64', format: 'ID', display: 'Thread ID', desc: 'the id of the thread generating the event.', get: (c) => c.evt.tid },
  { name: 'thread.ismain', type: 'BOOL', display: 'Main Thread', desc: "'true' if the thread generating the event is the main one in the process.", get: withThread((t) => t.isMainThread()) },
  {
    name: 'thread.exectime', type: 'RELTIME', format: 'DEC', display: 'Scheduled Thread CPU Time', desc: 'CPU time spent by the last scheduled thread, in nanoseconds. Exported by switch events only.',
    bind: () => {
      const last: bigint[] = [];
      return (c) => (isSwitch(c) ? exectime(last, c) : 0n);
    },
  },
  {
    name: 'thread.totexectime', type: 'RELTIME', format: 'DEC', display: 'Current Thread CPU Time', desc: 'Total CPU time, in nanoseconds since the beginning of the capture, for the current thread. Exported by switch events only.',
    bind: () => {
      const last: bigint[] = [];
      const key = {};
      return (c) => {
        const d = isSwitch(c) ? exectime(last, c) : 0n;
        const t = c.evt.tinfo ?? c.state.threads.getRef(c.evt.tid, false);
        if (t === null) return null;
        const tot = privateBig(t, key);
        tot.v += d;
        return tot.v;
      };
    },
  },
  { name: 'thread.cgroups', type: 'CHARBUF', display: 'Thread Cgroups', desc: 'all the cgroups the thread belongs to, aggregated into a single string.', get: withThread((t) => (t.cgroups.length === 0 ? null : t.cgroups.map(([k, v]) => `${k}=${v}`).join(' '))) },
  { name: 'thread.cgroup', type: 'CHARBUF', display: 'Thread Cgroup', desc: 'the cgroup the thread belongs to, for a specific subsystem. E.g. thread.cgroup.cpuacct.', flags: { requiresArg: true }, arg: 'dotted', get: withThread((t, _c, a) => t.cgroups.find(([k]) => k === a?.text)?.[1] ?? null) },
  { name: 'thread.vtid', type: 'INT64', format: 'ID', display: 'Virtual Thread ID', desc: 'the id of the thread generating the event as seen from its current PID namespace.', get: withThread((t) => (t.vtid === -1 ? null : t.vtid)) },
  { name: 'proc.vpid', type: 'INT64', format: 'ID', display: 'Virtual Process ID', desc: 'the id of the process generating the event as seen from its current PID namespace.', get: withThread((t) => (t.vpid === -1 ? null : t.vpid)) },
  { name: 'thread.cpu', type: 'DOUBLE', display: 'Thread CPU', desc: 'the CPU consumed by the thread in the last second.', bind: threadCpu(true, true) },
  { name: 'thread.cpu.user', type: 'DOUBLE', display: 'Thread User CPU', desc: 'the user CPU consumed by the thread in the last second.', bind: threadCpu(true, false) },
  { name: 'thread.cpu.system', type: 'DOUBLE', display: 'Thread System CPU', desc: 'the system CPU consumed by the thread in the last second.', bind: threadCpu(false, true) },
  { name: 'thread.vmsize', type: 'UINT64', format: 'DEC', display: 'Thread VM Size (kb)', desc: 'For the process main thread, this is the total virtual memory for the process (as kb). For the other threads, this field is zero.', get: withThread((t) => (t.isMainThread() ? t.vmsizeKb : 0)) },
  { name: 'thread.vmrss', type: 'UINT64', format: 'DEC', display: 'Thread VM RSS (kb)', desc: 'For the process main thread, this is the resident non-swapped memory for the process (as kb). For the other threads, this field is zero.', get: withThread((t) => (t.isMainThread() ? t.vmrssKb : 0)) },
  { name: 'thread.vmsize.b', type: 'UINT64', format: 'DEC', display: 'Thread VM Size (b)', desc: 'For the process main thread, this is the total virtual memory for the process (in bytes). For the other threads, this field is zero.', flags: { tableOnly: true }, get: withThread((t) => (t.isMainThread() ? t.vmsizeKb * 1024 : 0)) },
  { name: 'thread.vmrss.b', type: 'UINT64', format: 'DEC', display: 'Thread VM RSS (b)', desc: 'For the process main thread, this is the resident non-swapped memory for the process (in bytes). For the other threads, this field is zero.', flags: { tableOnly: true }, get: withThread((t) => (t.isMainThread() ? t.vmrssKb * 1024 : 0)) },
  { name: 'proc.sid', type: 'INT64', format: 'ID', display: 'Process Session ID', desc: 'the session id of the process generating the event.', get: withThread((t) => t.sid) },
  { name: 'proc.sname', type: 'CHARBUF', display: 'Process Session Name', desc: "the name of the current process's session leader. This is either the process with pid=proc.sid or the eldest ancestor that has the same sid as the current process.", get: withThread((t, c) => sessionName(c, t)) },
  { name: 'proc.tty', type: 'INT32', format: 'ID', display: 'Process TTY', desc: 'The controlling terminal of the process. 0 for processes without a terminal.', get: withThread((t) => t.tty | 0) },
  { name: 'proc.exepath', type: 'CHARBUF', display: 'Process Executable Path', desc: 'The full executable path of the process.', get: withThread((t) => t.exepath) },
  { name: 'thread.nametid', type: 'CHARBUF', display: 'Thread Name + ID', desc: 'this field chains the process name and tid of a thread and can be used as a specific identifier of a thread for a specific execve.', flags: { tableOnly: true }, get: withThread((t, c) => t.comm + String(c.evt.tid)) },
  { name: 'proc.vpgid', type: 'INT64', format: 'ID', display: 'Process Virtual Group ID', desc: 'the process group id of the process generating the event, as seen from its current PID namespace.', get: withThread((t) => t.vpgid) },
  { name: 'proc.is_container_healthcheck', type: 'BOOL', display: 'Process Is Container Healthcheck', desc: "true if this process is running as a part of the container's health check.", get: withThread((t) => t.category === ThreadCategory.HEALTHCHECK) },
  { name: 'proc.is_container_liveness_probe', type: 'BOOL', display: 'Process Is Container Liveness', desc: "true if this process is running as a part of the container's liveness probe.", get: withThread((t) => t.category === ThreadCategory.LIVENESS_PROBE) },
  { name: 'proc.is_container_readiness_probe', type: 'BOOL', display: 'Process Is Container Readiness', desc: "true if this process is running as a part of the container's readiness probe.", get: withThread((t) => t.category === ThreadCategory.READINESS_PROBE) },
  { name: 'proc.is_exe_writable', type: 'BOOL', display: 'Process Executable Is Writable', desc: "true if this process' executable file is writable by the same user that spawned the process.", get: withThread((t) => t.exeWritable) },
  // Fields of current falcosecurity/libs derivable from the same state.
  { name: 'proc.pexe', type: 'CHARBUF', display: 'Parent First Argument', desc: 'The proc.exe (first command line argument argv[0]) of the parent process.', origin: 'libs', get: withThread((t, c) => parentOf(c, t)?.exe ?? null) },
  { name: 'proc.aexe', type: 'CHARBUF', display: 'Ancestor First Argument', desc: 'The proc.exe (first command line argument argv[0]) for a specific process ancestor: proc.aexe[1] is the parent, proc.aexe[2] the grandparent, and so on.', flags: { allowsArg: true }, arg: 'index', origin: 'libs', get: withThread((t, _c, a) => ancestor(t, a?.index ?? -1)?.exe ?? null) },
  { name: 'proc.pexepath', type: 'CHARBUF', display: 'Parent Process Executable Path', desc: 'The proc.exepath (full executable path) of the parent process.', origin: 'libs', get: withThread((t, c) => parentOf(c, t)?.exepath ?? null) },
  { name: 'proc.aexepath', type: 'CHARBUF', display: 'Ancestor Executable Path', desc: 'The proc.exepath (full executable path) for a specific process ancestor: proc.aexepath[1] is the parent, and so on.', flags: { allowsArg: true }, arg: 'index', origin: 'libs', get: withThread((t, _c, a) => ancestor(t, a?.index ?? -1)?.exepath ?? null) },
  { name: 'proc.acmdline', type: 'CHARBUF', display: 'Ancestor Command Line', desc: 'The full command line (proc.name + proc.args) for a specific process ancestor: proc.acmdline[1] is the parent, and so on.', flags: { allowsArg: true }, arg: 'index', origin: 'libs', get: withThread((t, _c, a) => { const p = ancestor(t, a?.index ?? -1); return p ? p.cmdline() : null; }) },
  { name: 'proc.cmdnargs', type: 'UINT64', format: 'DEC', display: 'Number of Command Line args', desc: 'The number of command line args (proc.args).', origin: 'libs', get: withThread((t) => t.args.length) },
  { name: 'proc.cmdlenargs', type: 'UINT64', format: 'DEC', display: 'Total Count of Characters in Command Line args', desc: 'The total count of characters / length of the command line args (proc.args) combined excluding whitespaces between args.', origin: 'libs', get: withThread((t) => t.args.reduce((n, a) => n + a.length, 0)) },
  { name: 'proc.pvpid', type: 'INT64', format: 'ID', display: 'Parent Virtual Process ID', desc: 'The id of the parent process generating the event as seen from its current PID namespace.', origin: 'libs', get: withThread((t, c) => { const p = parentOf(c, t); return p && p.vpid !== -1 ? p.vpid : null; }) },
  { name: 'proc.sid.exe', type: 'CHARBUF', display: 'Process Session First Argument', desc: 'The first command line argument argv[0] (usually the executable name or a custom one) of the current process\'s session leader.', origin: 'libs', get: withThread((t, c) => c.state.threads.lookup(t.sid)?.exe ?? null) },
  { name: 'proc.sid.exepath', type: 'CHARBUF', display: 'Process Session Executable Path', desc: "The full executable path of the current process's session leader.", origin: 'libs', get: withThread((t, c) => c.state.threads.lookup(t.sid)?.exepath ?? null) },
  { name: 'proc.vpgid.name', type: 'CHARBUF', display: 'Process Virtual Group Name', desc: "The name of the current process's process group leader.", origin: 'libs', get: withThread((t, c) => c.state.threads.lookup(t.vpgid)?.comm ?? null) },
  { name: 'proc.vpgid.exe', type: 'CHARBUF', display: 'Process Virtual Group First Argument', desc: "The first command line argument argv[0] of the current process's group leader.", origin: 'libs', get: withThread((t, c) => c.state.threads.lookup(t.vpgid)?.exe ?? null) },
  { name: 'proc.vpgid.exepath', type: 'CHARBUF', display: 'Process Virtual Group Executable Path', desc: "The full executable path of the current process's group leader.", origin: 'libs', get: withThread((t, c) => c.state.threads.lookup(t.vpgid)?.exepath ?? null) },
  { name: 'proc.is_sid_leader', type: 'BOOL', display: 'Process Is Process Session Leader', desc: 'true if this process is the leader of the process session, proc.sid == proc.vpid.', origin: 'libs', get: withThread((t) => t.sid === t.vpid) },
  { name: 'proc.is_vpgid_leader', type: 'BOOL', display: 'Process Is Virtual Process Group Leader', desc: 'true if this process is the leader of the virtual process group, proc.vpgid == proc.vpid.', origin: 'libs', get: withThread((t) => t.vpgid === t.vpid) },
  { name: 'proc.pid.ts', type: 'RELTIME', format: 'DEC', display: 'Process start ts', desc: 'Start of process as epoch timestamp in nanoseconds.', origin: 'libs', get: withThread((t) => { const m = processOf(t); return m ? m.cloneTs : null; }) },
  { name: 'proc.ppid.ts', type: 'RELTIME', format: 'DEC', display: 'Parent Process start ts', desc: 'Start of parent process as epoch timestamp in nanoseconds.', origin: 'libs', get: withThread((t, c) => { const p = parentOf(c, t); return p ? p.cloneTs : null; }) },
  { name: 'proc.ppid.duration', type: 'RELTIME', format: 'DEC', display: 'Parent Process Duration', desc: 'Number of nanoseconds since the parent process started.', origin: 'libs', get: withThread((t, c) => { const p = parentOf(c, t); return p && p.cloneTs !== 0n ? BigInt.asUintN(64, c.evt.ts - p.cloneTs) : null; }) },  // Executable and capability facts of current drivers (execve params, capset, process list V9).
  // null where the capture does not say, which libsinsp reports as false / "" (see threadinfo.ts).
  { name: 'proc.is_exe_upper_layer', type: 'BOOL', display: 'Process Executable Is In Upper Layer', desc: "true if this process' executable file is in the upper layer of an overlayfs (a file the container wrote or changed, not one of its image). Only trustworthy on kernels >= 3.18.0, which introduced overlayfs.", origin: 'libs', get: withThread((t) => t.exeUpperLayer) },
  { name: 'proc.is_exe_lower_layer', type: 'BOOL', display: 'Process Executable Is In Lower Layer', desc: "true if this process' executable file is in a lower layer of an overlayfs (part of the image). Only trustworthy on kernels >= 3.18.0, which introduced overlayfs.", origin: 'libs', get: withThread((t) => t.exeLowerLayer) },
  { name: 'proc.is_exe_from_memfd', type: 'BOOL', display: 'Process Executable Is Stored In Memfd', desc: "true if the executable file of the current process is an anonymous file created with memfd_create() and executed through its file descriptor: it exists only in memory, not on disk (in-memory code injection). Requires kernel >= 3.17.0.", origin: 'libs', get: withThread((t) => t.exeFromMemfd) },
  { name: 'proc.exe_ino', type: 'INT64', format: 'DEC', display: 'Inode number of executable file on disk', desc: 'The inode number of the executable file on disk. Can be correlated with fd.ino.', origin: 'libs', get: withThread((t) => nonZero(t.exeIno)) },
  { name: 'proc.exe_ino.ctime', type: 'ABSTIME', format: 'DEC', display: 'Last status change time (ctime) of executable file', desc: 'Last status change time of the executable file (inode->ctime) as epoch timestamp in nanoseconds: changed by writing, or by setting inode information such as owner, group, link count or mode.', origin: 'libs', get: withThread((t) => nonZero(t.exeInoCtime)) },
  { name: 'proc.exe_ino.mtime', type: 'ABSTIME', format: 'DEC', display: 'Last modification time (mtime) of executable file', desc: 'Last modification time of the executable file (inode->mtime) as epoch timestamp in nanoseconds: changed by file modifications (mknod, truncate, utime, a write of more than zero bytes...). For changes of owner, group, link count or mode use proc.exe_ino.ctime.', origin: 'libs', get: withThread((t) => nonZero(t.exeInoMtime)) },
  { name: 'proc.exe_ino.ctime_duration_proc_start', type: 'ABSTIME', format: 'DEC', display: 'Number of nanoseconds between ctime exe file and proc clone ts', desc: 'Number of nanoseconds between modifying the status of the executable image and spawning a new process using the changed executable image.', origin: 'libs', get: withThread((t) => nonZero(t.exeInoCtimeDurationCloneTs)) },
  { name: 'proc.exe_ino.ctime_duration_pidns_start', type: 'ABSTIME', format: 'DEC', display: 'Number of nanoseconds between pidns start ts and ctime exe file', desc: 'Number of nanoseconds between the PID namespace start and the ctime of the executable file, if the PID namespace start predates the ctime.', origin: 'libs', get: withThread((t) => nonZero(t.exeInoCtimeDurationPidnsStart)) },
  { name: 'proc.pidns_init_start_ts', type: 'UINT64', format: 'DEC', display: 'Start ts of pid namespace', desc: 'Start of the PID namespace (container or non container pid namespace) as epoch timestamp in nanoseconds.', origin: 'libs', get: withThread((t) => nonZero(t.pidnsInitStartTs)) },
  { name: 'thread.cap_permitted', type: 'CHARBUF', display: 'Permitted capabilities', desc: 'The permitted capabilities set', origin: 'libs', get: withThread((t) => capsText(t.capPermitted)) },
  { name: 'thread.cap_inheritable', type: 'CHARBUF', display: 'Inheritable capabilities', desc: 'The inheritable capabilities set', origin: 'libs', get: withThread((t) => capsText(t.capInheritable)) },
  { name: 'thread.cap_effective', type: 'CHARBUF', display: 'Effective capabilities', desc: 'The effective capabilities set', origin: 'libs', get: withThread((t) => capsText(t.capEffective)) },
]);
