/**
 * Capability sets, executable facts and the pid namespace start: thread.cap_{inheritable,
 * permitted,effective}, proc.exe_ino(.ctime/.mtime/.ctime_duration_proc_start/
 * .ctime_duration_pidns_start), proc.is_exe_{upper_layer,lower_layer,from_memfd},
 * proc.pidns_init_start_ts, container.start_ts and container.duration.
 *
 * There is no oracle for these: sysdig 0.29.3 has none of them (`sysdig -l` lists only
 * proc.is_exe_writable of this family, and that one is compared in fields.test.ts where sysdig
 * reads it reliably). So the expectations are written from what the captures carry, read here
 * straight from the block layer, never through the inspector:
 *  - process list entries (libs_sample.scap has capabilities, inodes and namespace starts;
 *    sysflow_rename_* have capabilities; the others carry none, and must print <NA>);
 *  - execve exit params 20-22 (capabilities, in sysflow_rename_*) and 23-25 (inode; no shared
 *    capture has them);
 * and, for what no shared capture exercises (capset, unshare/setns into a user namespace, exec
 * flags and inode params, clone inheritance, pid namespaces), hand-built captures whose values
 * the test chooses, following current falcosecurity/libs (parsers.cpp parse_execve_exit,
 * parse_clone_exit_*, parse_capset_exit, parse_unshare_setns_exit; container plugin for
 * container.start_ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CAPS, CAPABILITIES, capsToString } from '../../core/capture/events/capabilities.js';
import { PPME, eventInfo, isLargePayload } from '../../core/capture/events/table.js';
import { PT } from '../../core/capture/events/types.js';
import type { ThreadInfo as PLThread } from '../../core/capture/metadata.js';
import { newThreadInfo } from '../../core/capture/proclist.js';
import { readCapture } from '../../core/capture/reader.js';
import { CaptureWriter } from '../../core/capture/writer.js';
import { printCapture } from '../../core/inspect/format/printer.js';
import { listCaptures } from './oracle.js';
import { enc, nul, type Val } from './param-bytes.js';

const FIELDS = [
  'evt.rawtime',
  'thread.tid',
  'evt.type',
  'evt.dir',
  'thread.cap_inheritable',
  'thread.cap_permitted',
  'thread.cap_effective',
  'proc.exe_ino',
  'proc.exe_ino.ctime',
  'proc.exe_ino.mtime',
  'proc.exe_ino.ctime_duration_proc_start',
  'proc.exe_ino.ctime_duration_pidns_start',
  'proc.is_exe_upper_layer',
  'proc.is_exe_from_memfd',
  'proc.is_exe_lower_layer',
  'proc.pidns_init_start_ts',
  'container.start_ts',
  'container.duration',
] as const;
type Row = Record<(typeof FIELDS)[number], string>;
const FORMAT = '*' + FIELDS.map((f) => `%${f}`).join('|');

async function rows(path: string): Promise<Row[]> {
  const out: Row[] = [];
  await printCapture(path, { format: FORMAT, dialect: 'current' }, (l) => {
    const v = l.split('|');
    expect(v.length).toBe(FIELDS.length);
    out.push(Object.fromEntries(FIELDS.map((f, i) => [f, v[i]!])) as Row);
  });
  return out;
}

const NA = '<NA>';
const bool = (b: boolean) => (b ? 'true' : 'false');
const orNA = (v: bigint) => (v === 0n ? NA : String(v));

describe('capability table', () => {
  it('numbers capabilities as the driver does (PPM_CAP_* bit N)', () => {
    expect(CAPABILITIES.length).toBe(41);
    const at: Record<string, number> = { CAP_CHOWN: 0, CAP_KILL: 5, CAP_NET_BIND_SERVICE: 10, CAP_NET_RAW: 13, CAP_SYS_MODULE: 16, CAP_SYS_PTRACE: 19, CAP_SYS_ADMIN: 21, CAP_MKNOD: 27, CAP_SETFCAP: 31, CAP_MAC_OVERRIDE: 32, CAP_SYSLOG: 34, CAP_AUDIT_READ: 37, CAP_BPF: 39, CAP_CHECKPOINT_RESTORE: 40 };
    for (const [name, bit] of Object.entries(at)) expect(CAPABILITIES.indexOf(name)).toBe(bit);
    expect(new Set(CAPABILITIES).size).toBe(41);
  });

  it('prints a set as libsinsp does: names of the set bits, lowest first, space separated', () => {
    expect(capsToString(0n)).toBe('');
    expect(capsToString((1n << 21n) | 1n)).toBe('CAP_CHOWN CAP_SYS_ADMIN');
    expect(capsToString((1n << 31n) | (1n << 32n))).toBe('CAP_SETFCAP CAP_MAC_OVERRIDE');
    // Bits the table does not name are dropped.
    expect(capsToString((1n << 40n) | (1n << 41n) | (1n << 63n))).toBe('CAP_CHECKPOINT_RESTORE');
    expect(ALL_CAPS).toBe(0x1ffffffffffn);
    expect(capsToString(ALL_CAPS).split(' ')).toEqual(CAPABILITIES);
  });
});

// --- shared captures ---------------------------------------------------------------------------

const EXECVE_X = new Set([PPME.SYSCALL_EXECVE_19_X!, PPME.SYSCALL_EXECVEAT_X!]);
const STATE_EXITS = new Set(['execve', 'execveat', 'capset', 'unshare', 'setns']);

interface RawFacts {
  plThreads: Map<number, PLThread>;
  bootTsEpoch: bigint;
  /** execve exits with capabilities / inode params, by "ts tid". */
  execCaps: Map<string, [bigint, bigint, bigint]>;
  execIno: Map<string, [bigint, bigint, bigint]>;
  capsets: number;
}

async function rawFacts(path: string): Promise<RawFacts> {
  const execCaps = new Map<string, [bigint, bigint, bigint]>();
  const execIno = new Map<string, [bigint, bigint, bigint]>();
  let capsets = 0;
  const u64 = (ev: { buf: Buffer; paramOffset(i: number): number }, i: number) => ev.buf.readBigUInt64LE(ev.paramOffset(i));
  const r = await readCapture(path, (ev) => {
    if (ev.type === PPME.SYSCALL_CAPSET_X) capsets++;
    if (!EXECVE_X.has(ev.type) || ev.buf.readBigInt64LE(ev.paramOffset(0)) < 0n) return;
    const key = `${ev.ts} ${ev.tid}`;
    if (ev.nparams > 22 && ev.paramLen(22) !== 0) execCaps.set(key, [u64(ev, 20), u64(ev, 21), u64(ev, 22)]);
    if (ev.nparams > 25 && ev.paramLen(25) !== 0) execIno.set(key, [u64(ev, 23), u64(ev, 24), u64(ev, 25)]);
  });
  const plThreads = new Map<number, PLThread>();
  for (const t of r.meta.threads) plThreads.set(t.tid, t);
  return { plThreads, bootTsEpoch: r.meta.machine?.bootTsEpoch ?? 0n, execCaps, execIno, capsets };
}

const CAPTURES = listCaptures().filter((p) => !p.endsWith('libs_curl_google_comments.scap'));

describe.skipIf(CAPTURES.length === 0)('libs-only thread fields on the shared captures, from the raw params', () => {
  const totals = { plCaps: 0, plIno: 0, plPidns: 0, execCaps: 0, naCaptures: 0 };

  for (const path of CAPTURES) {
    it(basename(path), async () => {
      const facts = await rawFacts(path);
      const all = await rows(path);
      const seen = new Set<string>();
      for (const r of all) {
        // One source for both: the thread's pid namespace start.
        expect(r['container.start_ts']).toBe(r['proc.pidns_init_start_ts']);
        if (r['container.start_ts'] === NA) expect(r['container.duration']).toBe(NA);
        else expect(BigInt(r['container.duration'])).toBe(BigInt.asUintN(64, BigInt(r['evt.rawtime']) - BigInt(r['container.start_ts'])));

        const key = `${r['evt.rawtime']} ${r['thread.tid']}`;
        const caps = facts.execCaps.get(key);
        if (caps && r['evt.dir'] === '<') {
          // The exit sets the sets it carries, and the fields read them at that very event.
          expect([r['thread.cap_inheritable'], r['thread.cap_permitted'], r['thread.cap_effective']]).toEqual(caps.map(capsToString));
          totals.execCaps++;
        }
        const ino = facts.execIno.get(key);
        if (ino && r['evt.dir'] === '<') expect([r['proc.exe_ino'], r['proc.exe_ino.ctime'], r['proc.exe_ino.mtime']]).toEqual(ino.map(orNA));

        // A thread's first event, before anything of its own changed it, shows its process
        // list entry; fields the entry did not carry are <NA>.
        const tid = Number(r['thread.tid']);
        const pl = facts.plThreads.get(tid);
        if (!pl || seen.has(r['thread.tid'])) continue;
        seen.add(r['thread.tid']);
        if (r['evt.dir'] === '<' && STATE_EXITS.has(r['evt.type'])) continue;
        const missing = new Set(pl.missing ?? []);
        const capText = (v: bigint) => (missing.has('capEffective') ? NA : capsToString(v));
        expect([r['thread.cap_inheritable'], r['thread.cap_permitted'], r['thread.cap_effective']]).toEqual([capText(pl.capInheritable), capText(pl.capPermitted), capText(pl.capEffective)]);
        expect(r['proc.is_exe_upper_layer']).toBe(missing.has('exeUpperLayer') ? NA : bool(pl.exeUpperLayer));
        expect(r['proc.is_exe_from_memfd']).toBe(missing.has('exeFromMemfd') ? NA : bool(pl.exeFromMemfd));
        expect(r['proc.is_exe_lower_layer']).toBe(missing.has('exeLowerLayer') ? NA : bool(pl.exeLowerLayer));
        expect([r['proc.exe_ino'], r['proc.exe_ino.ctime'], r['proc.exe_ino.mtime']]).toEqual([orNA(pl.exeIno), orNA(pl.exeInoCtime), orNA(pl.exeInoMtime)]);
        // Only computed at exec (and inherited); a process list entry has neither.
        expect(r['proc.exe_ino.ctime_duration_proc_start']).toBe(NA);
        expect(r['proc.exe_ino.ctime_duration_pidns_start']).toBe(NA);
        expect(r['proc.pidns_init_start_ts']).toBe(orNA(pl.pidnsInitStartTs));
        if (!missing.has('capEffective')) totals.plCaps++;
        if (pl.exeIno !== 0n) totals.plIno++;
        if (pl.pidnsInitStartTs !== 0n) totals.plPidns++;
      }
      // A capture that never says anything about capabilities prints <NA>, not "no capabilities".
      const saysCaps = [...facts.plThreads.values()].some((t) => !t.missing?.includes('capEffective')) || facts.execCaps.size > 0 || facts.capsets > 0;
      if (!saysCaps) {
        expect(all.every((r) => r['thread.cap_inheritable'] === NA && r['thread.cap_permitted'] === NA && r['thread.cap_effective'] === NA)).toBe(true);
        totals.naCaptures++;
      }
      const saysIno = [...facts.plThreads.values()].some((t) => t.exeIno !== 0n) || facts.execIno.size > 0;
      if (!saysIno) expect(all.every((r) => r['proc.exe_ino'] === NA && r['proc.exe_ino.ctime'] === NA && r['proc.exe_ino.mtime'] === NA)).toBe(true);
    });
  }

  it('covered real values: capabilities, inodes and namespace starts from process lists, capabilities from execve', () => {
    // libs_sample.scap: 9 process list threads have events (the entries carry capabilities,
    // inodes and namespace starts); sysflow_rename_*: one execve each with capabilities (their
    // entries have capabilities too, but no entry's thread has an event); 22 captures say nothing
    // about capabilities at all.
    expect(totals).toEqual({ plCaps: 9, plIno: 9, plPidns: 9, execCaps: 2, naCaptures: 22 });
  });
});

// --- hand-built captures -----------------------------------------------------------------------


const S = 1_000_000_000n;
const BOOT = 1_700_000_000n * S;
const T0 = BOOT + 3600n * S;

class Script {
  ts = T0;
  readonly events: Array<{ ts: bigint; tid: number; type: number; params: Buffer[] }> = [];
  ev(id: string, tid: number, ...vals: Val[]): this {
    const type = PPME[id];
    if (type === undefined) throw new Error(`no event ${id}`);
    const info = eventInfo(type, 'current')!;
    this.ts += 1000n;
    this.events.push({ ts: this.ts, tid, type, params: vals.map((v, i) => enc(info.params[i]!.type, v)) });
    return this;
  }
  /** A no-op event of `tid`, to read its fields at. */
  look(tid: number): this {
    return this.ev('SYSCALL_READ_E', tid, 0, 1);
  }
}

const CAP = (...names: string[]) => names.reduce((m, n) => m | (1n << BigInt(CAPABILITIES.indexOf(n))), 0n);
const BASH_CAPS = CAP('CAP_CHOWN', 'CAP_SYS_ADMIN');
const EXEC_PERM = CAP('CAP_NET_RAW', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_PTRACE');
const EXEC_EFF = CAP('CAP_NET_RAW');
const EXE_CTIME = BOOT + 600n * S;
const EXE_MTIME = BOOT + 500n * S;
const CHILD_PIDNS_MONO = 1800n * S;
const CLONE_CHILD_IN_PIDNS = 1 << 29;
const CLONE_NEWUSER = 1 << 20;
const CLONE_NEWNS = 1 << 5;
const EXE_UPPER_LAYER = 2;
const EXE_FROM_MEMFD = 4;

/** What the capture says and what current libs makes of it, one step per look(). */
function buildCapture(file: string, boot: bigint): void {
  const w = CaptureWriter.toFile(file);
  w.machineInfo({ numCpus: 1, memorySizeBytes: 1 << 30, maxPid: 32768, hostname: 'synth', bootTsEpoch: boot, flags: 0n, reserved3: 0n, reserved4: 0n });
  w.interfaces([{ type: 1, family: 4, name: 'lo', addr: '127.0.0.1', netmask: '255.0.0.0', bcast: '127.0.0.1', linkspeed: 0n }]);
  w.users([{ uid: 0, gid: 0, name: 'root', homedir: '/root', shell: '/bin/sh' }], [{ gid: 0, name: 'root' }]);
  const base = (p: Partial<PLThread>): PLThread => ({ ...newThreadInfo(), cwd: '/', fdlimit: 1024, ...p });
  w.threads([
    base({ tid: 100, pid: 100, ptid: 1, comm: 'bash', exe: 'bash', exepath: '/bin/bash', vtid: 100, vpid: 100, capPermitted: BASH_CAPS, capEffective: BASH_CAPS, exeUpperLayer: true, exeIno: 777n, exeInoCtime: BOOT - 10n * S, exeInoMtime: BOOT - 20n * S, pidnsInitStartTs: BOOT + S }),
    // Written by a driver older than every appended field: the entry ends after root.
    base({ tid: 200, pid: 200, ptid: 1, comm: 'old', exe: 'old', vtid: 200, vpid: 200, missing: ['pidnsInitStartTs', 'tty', 'loginuid', 'exeWritable', 'capInheritable', 'capPermitted', 'capEffective', 'exeUpperLayer', 'exeIno', 'exeInoCtime', 'exeInoMtime', 'exeFromMemfd', 'exeLowerLayer', 'pgid'] }),
  ]);
  const s = new Script();
  const clone = (tid: number, res: number, ctid: number, cpid: number, ptid: number, flags: number, vtid: number, pidns: bigint) =>
    s.ev('SYSCALL_CLONE_20_X', tid, res, 'bash', nul(), ctid, cpid, ptid, '', 1024, 0, 0, 100, 10, 0, 'bash', nul(), flags, 0, 0, vtid, vtid, pidns);
  s.look(100).look(200);
  // fork 100 -> 101: the parent's exit creates the child, which inherits everything.
  clone(100, 101, 100, 100, 1, 0, 100, 0n);
  clone(101, 0, 101, 101, 100, 0, 101, 0n);
  s.look(101);
  // exec in 101: flags, capabilities and the inode of the new image.
  s.ev('SYSCALL_EXECVE_19_E', 101, '/tmp/x');
  s.ev('SYSCALL_EXECVE_19_X', 101, 0, '/tmp/x', nul(), 101, 101, 100, '/', 1024, 0, 0, 100, 10, 0, 'x', nul(), nul(), 0, 101, 0, EXE_UPPER_LAYER | EXE_FROM_MEMFD, 0, EXEC_PERM, EXEC_EFF, 4242, EXE_CTIME, EXE_MTIME);
  s.look(101);
  // capset: a failed one changes nothing, a successful one replaces all three sets.
  s.ev('SYSCALL_CAPSET_E', 101).ev('SYSCALL_CAPSET_X', 101, -1, 7, 7, 7);
  s.look(101);
  s.ev('SYSCALL_CAPSET_E', 101).ev('SYSCALL_CAPSET_X', 101, 0, 0, EXEC_PERM, 0);
  s.look(101);
  // unshare without a user namespace changes nothing; with one, every capability.
  s.ev('SYSCALL_UNSHARE_E', 101, CLONE_NEWNS).ev('SYSCALL_UNSHARE_X', 101, 0, CLONE_NEWNS);
  s.look(101);
  s.ev('SYSCALL_UNSHARE_E', 101, CLONE_NEWUSER).ev('SYSCALL_UNSHARE_X', 101, 0, CLONE_NEWUSER);
  s.look(101);
  // setns from an older driver: the namespace type only on the enter event.
  s.ev('SYSCALL_SETNS_E', 100, 3, CLONE_NEWUSER).ev('SYSCALL_SETNS_X', 100, 0);
  s.look(100);
  // A child in a new pid namespace: only its own clone exit creates it (vtid 1), with the
  // namespace's start as monotonic time.
  clone(100, 300, 100, 100, 1, CLONE_CHILD_IN_PIDNS, 100, 0n);
  clone(300, 0, 300, 300, 100, CLONE_CHILD_IN_PIDNS, 1, CHILD_PIDNS_MONO);
  s.look(300);
  // The old entry's child inherits its unknowns.
  clone(200, 201, 200, 200, 1, 0, 200, 0n);
  s.look(201);
  for (const e of s.events) w.synthetic({ ts: e.ts, tid: e.tid, type: e.type, params: e.params, large: isLargePayload(e.type) });
  w.close();
}

const dir = mkdtempSync(join(tmpdir(), 'tracehound-libsfields-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows of the look() events, in order. */
async function looks(boot: bigint): Promise<Row[]> {
  const file = join(dir, `synthetic-${boot}.scap`);
  buildCapture(file, boot);
  return (await rows(file)).filter((r) => r['evt.type'] === 'read' && r['evt.dir'] === '>');
}

describe('libs-only thread fields on a hand-built capture', () => {
  const caps = (r: Row) => [r['thread.cap_inheritable'], r['thread.cap_permitted'], r['thread.cap_effective']];
  const exe = (r: Row) => [r['proc.exe_ino'], r['proc.exe_ino.ctime'], r['proc.exe_ino.mtime'], r['proc.is_exe_upper_layer'], r['proc.is_exe_from_memfd'], r['proc.is_exe_lower_layer']];
  const ALL = capsToString(ALL_CAPS);

  it('follows process list entries, clone, execve, capset, unshare and setns', async () => {
    const [bash, old, child, execd, afterFailedCapset, afterCapset, afterUnshare, afterNewuser, bashAfterSetns, inPidns, oldChild, ...rest] = await looks(BOOT);
    expect(rest).toEqual([]);
    expect(caps(bash!)).toEqual(['', 'CAP_CHOWN CAP_SYS_ADMIN', 'CAP_CHOWN CAP_SYS_ADMIN']);
    expect(exe(bash!)).toEqual(['777', String(BOOT - 10n * S), String(BOOT - 20n * S), 'true', 'false', 'false']);
    expect(bash!['proc.pidns_init_start_ts']).toBe(String(BOOT + S));
    expect(bash!['container.start_ts']).toBe(String(BOOT + S));
    expect(BigInt(bash!['container.duration'])).toBe(BigInt(bash!['evt.rawtime']) - (BOOT + S));

    // An entry that carried none of it: unknown, not "no capabilities" / "false".
    expect(caps(old!)).toEqual([NA, NA, NA]);
    expect(exe(old!)).toEqual([NA, NA, NA, NA, NA, NA]);
    expect(old!['container.start_ts']).toBe(NA);

    // The forked child inherits the sets and the executable facts; its namespace is the host's.
    expect(caps(child!)).toEqual(caps(bash!));
    expect(exe(child!)).toEqual(exe(bash!));
    expect(child!['proc.exe_ino.ctime_duration_proc_start']).toBe(NA);
    expect(child!['container.start_ts']).toBe(String(BOOT));

    // exec: every group the event carries.
    expect(caps(execd!)).toEqual(['', 'CAP_NET_BIND_SERVICE CAP_NET_RAW CAP_SYS_PTRACE', 'CAP_NET_RAW']);
    expect(exe(execd!)).toEqual(['4242', String(EXE_CTIME), String(EXE_MTIME), 'true', 'true', 'false']);
    const cloneTs = T0 + 3000n; // the parent's clone exit (3rd event) created the child
    expect(execd!['proc.exe_ino.ctime_duration_proc_start']).toBe(String(cloneTs - EXE_CTIME));
    // ctime is after the namespace (host boot) started.
    expect(execd!['proc.exe_ino.ctime_duration_pidns_start']).toBe(String(EXE_CTIME - BOOT));

    expect(caps(afterFailedCapset!)).toEqual(caps(execd!));
    expect(caps(afterCapset!)).toEqual(['', 'CAP_NET_BIND_SERVICE CAP_NET_RAW CAP_SYS_PTRACE', '']);
    expect(caps(afterUnshare!)).toEqual(caps(afterCapset!));
    expect(caps(afterNewuser!)).toEqual([ALL, ALL, ALL]);
    expect(caps(bashAfterSetns!)).toEqual([ALL, ALL, ALL]);

    // The pid namespace child: start = boot + the event's monotonic start.
    expect(inPidns!['thread.tid']).toBe('300');
    expect(inPidns!['container.start_ts']).toBe(String(BOOT + CHILD_PIDNS_MONO));
    expect(BigInt(inPidns!['container.duration'])).toBe(BigInt(inPidns!['evt.rawtime']) - (BOOT + CHILD_PIDNS_MONO));
    expect(caps(inPidns!)).toEqual([ALL, ALL, ALL]);

    expect(caps(oldChild!)).toEqual([NA, NA, NA]);
    expect(exe(oldChild!)).toEqual([NA, NA, NA, NA, NA, NA]);
    expect(oldChild!['container.start_ts']).toBe(String(BOOT));
  });

  it('leaves namespace starts unknown without the host boot time', async () => {
    const [bash, , child, execd, , , , , , inPidns, oldChild] = await looks(0n);
    // The process list value is an epoch time already.
    expect(bash!['container.start_ts']).toBe(String(BOOT + S));
    for (const r of [child!, inPidns!, oldChild!]) expect(r['container.start_ts']).toBe(NA);
    expect(execd!['proc.exe_ino.ctime_duration_pidns_start']).toBe(NA);
  });
});
