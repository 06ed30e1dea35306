/**
 * Small synthetic captures for the default-ruleset test: the attacks and the look-alike routine
 * activity that no shared capture holds (reverse shells, credential grabs, tampering...). They
 * are written with the demo's kernel model (core/capture/demo/sim.ts) and the project's writer,
 * so every event carries the params a current driver fills in; each scene is a few syscalls.
 */
import { createHash } from 'node:crypto';
import { CaptureWriter } from '../../../core/capture/writer.js';
import { paramBytes, type SyntheticEvent } from '../../../core/capture/encode.js';
import type { ParamValues } from '../../../core/capture/demo/params.js';
import { AT_FDCWD, ERRNO, proc, Sim, type Proc } from '../../../core/capture/demo/sim.js';

const START = 1_750_000_000_000_000_000n;
const MS = 1_000_000;

const SUBSYS = ['cpuset', 'cpu', 'cpuacct', 'blkio', 'memory', 'devices', 'pids', 'name=systemd'];
const cgroups = (path: string): string[] => SUBSYS.map((s) => `${s}=${path}`);

export const CTR = {
  id: createHash('sha256').update('tracehound-scenes/shop-api').digest('hex'),
  name: 'shop-api',
  image: 'shop/api:2.3',
  ip: '172.17.0.9',
};

function containerJson(): string {
  return JSON.stringify({
    container: {
      Mounts: [], env: [], full_id: CTR.id, id: CTR.id.slice(0, 12), image: CTR.image, imagerepo: 'shop/api', imagetag: '2.3',
      imageid: createHash('sha256').update('scenes-image').digest('hex'), ip: CTR.ip, is_pod_sandbox: false, labels: {},
      lookup_state: 1, name: CTR.name, port_mappings: [], privileged: false, type: 0,
    },
  });
}

export interface Img {
  comm: string;
  exepath: string;
  env?: string[];
  tty?: number;
  uid?: number;
  /** Start the child inside the container (what runc does for `docker exec`). */
  container?: boolean;
}

/** The processes running when a scene starts, and helpers that keep tids unique. */
export class Stage {
  readonly sim: Sim;
  private nextTid = 5000;
  readonly shim: Proc;
  readonly sshd: Proc;
  /** alice's login shell on the host (uid 1000). */
  readonly alice: Proc;
  /** A root shell on the host. */
  readonly root: Proc;
  /** The application in the container (node, uid 1000, pid 1 of the container). */
  readonly app: Proc;
  /** nginx worker in the container (uid 101). */
  readonly nginx: Proc;
  readonly phpFpm: Proc;
  private readonly ctrCgroups = cgroups(`/docker/${CTR.id}`);

  private readonly raw: (e: SyntheticEvent) => void;

  constructor(raw: (e: SyntheticEvent) => void) {
    this.raw = raw;
    this.sim = new Sim({ start: START, seed: 7, snaplen: 256, emit: raw });
    const s = this.sim;
    const host = cgroups('/user.slice/user-1000.slice/session-3.scope');
    s.add(proc({ tid: 1, ptid: 0, comm: 'systemd', exe: '/sbin/init', exepath: '/usr/lib/systemd/systemd', cgroups: cgroups('/init.scope') }));
    this.sshd = s.add(proc({ tid: 700, comm: 'sshd', exe: '/usr/sbin/sshd', cgroups: cgroups('/system.slice/ssh.service') }));
    this.shim = s.add(proc({ tid: 900, comm: 'containerd-shim', exe: '/usr/bin/containerd-shim-runc-v2', cgroups: cgroups('/system.slice/containerd.service') }));
    this.alice = s.add(proc({ tid: 1500, ptid: 700, comm: 'bash', exe: '-bash', exepath: '/usr/bin/bash', uid: 1000, gid: 1000, loginuid: 1000, cwd: '/home/alice', cgroups: host, capEffective: 0n }));
    this.root = s.add(proc({ tid: 1600, ptid: 700, comm: 'bash', exe: '-bash', exepath: '/usr/bin/bash', cwd: '/root', loginuid: 1000, cgroups: host }));
    const inCtr = { cgroups: this.ctrCgroups, pidnsInitStartTs: START - 1000n * BigInt(MS) };
    this.app = s.add(proc({ tid: 2000, ptid: 900, vtid: 1, vpid: 1, comm: 'node', exe: 'node', exepath: '/usr/local/bin/node', args: ['server.js'], uid: 1000, gid: 1000, cwd: '/app', capEffective: 0n, ...inCtr }));
    this.nginx = s.add(proc({ tid: 2100, ptid: 900, vtid: 7, vpid: 7, comm: 'nginx', exe: 'nginx: worker process', exepath: '/usr/sbin/nginx', uid: 101, gid: 101, capEffective: 0n, ...inCtr }));
    this.phpFpm = s.add(proc({ tid: 2200, ptid: 900, vtid: 9, vpid: 9, comm: 'php-fpm8.2', exe: 'php-fpm: pool www', exepath: '/usr/sbin/php-fpm8.2', uid: 33, gid: 33, capEffective: 0n, ...inCtr }));
    for (const p of [this.alice, this.root]) {
      for (const fd of [0, 1, 2]) p.fds.set(fd, { kind: 'file', name: '/dev/pts/0', flags: 2, ino: 3n, dev: 0x1a });
    }
    for (const p of [this.app, this.nginx, this.phpFpm]) p.fds.set(0, { kind: 'file', name: '/dev/null', flags: 2, ino: 6n, dev: 5 });
  }

  /** The tables for the capture header, and the container description libscap writes first. */
  start(w: CaptureWriter): void {
    const procs = [...this.sim.procs.values()];
    w.machineInfo({ numCpus: 2, memorySizeBytes: 4 * 2 ** 30, maxPid: 4194304, hostname: 'scene', bootTsEpoch: START - 10n ** 13n, flags: 0n, reserved3: 0n, reserved4: 0n });
    w.users(
      [
        { uid: 0, gid: 0, name: 'root', homedir: '/root', shell: '/bin/bash' },
        { uid: 33, gid: 33, name: 'www-data', homedir: '/var/www', shell: '/usr/sbin/nologin' },
        { uid: 101, gid: 101, name: 'nginx', homedir: '/nonexistent', shell: '/bin/false' },
        { uid: 1000, gid: 1000, name: 'alice', homedir: '/home/alice', shell: '/bin/bash' },
      ],
      [{ gid: 0, name: 'root' }, { gid: 1000, name: 'alice' }],
    );
    w.threads(procs.map((p) => this.sim.threadInfo(p))).fds(procs.flatMap((p) => this.sim.fdInfos(p)));
    this.sim.emitGlobal('CONTAINER_JSON_2_E', { json: containerJson() });
  }

  /** fork + execve: a child of `parent` running a new image. */
  spawn(parent: Proc, filename: string, argv: string[], img: Img): Proc {
    const tid = this.nextTid++;
    const inCtr = img.container === true || parent.vpid !== parent.pid;
    const child = this.sim.fork(parent, tid, inCtr ? tid - 4900 : tid, 0);
    if (img.container) child.cgroups = this.ctrCgroups;
    if (img.uid !== undefined) child.uid = child.gid = img.uid;
    this.exec(child, filename, argv, img);
    return child;
  }

  /** execve() with the params a current driver writes; `tty` lets a scene start a terminal session. */
  exec(p: Proc, filename: string, argv: string[], img: Img): void {
    const s = this.sim;
    s.emit(p, 'SYSCALL_EXECVE_19_E', { filename });
    s.wait(200_000);
    Object.assign(p, { exe: argv[0] ?? filename, args: argv.slice(1), comm: img.comm, exepath: img.exepath, ...(img.env ? { env: img.env } : {}) });
    s.emit(p, 'SYSCALL_EXECVE_19_X', {
      res: 0, exe: p.exe, args: p.args, tid: p.tid, pid: p.pid, ptid: p.ptid, cwd: p.cwd, fdlimit: p.fdlimit,
      pgft_maj: 0, pgft_min: 90, vm_size: 9000, vm_rss: 2000, vm_swap: 0, comm: p.comm, cgroups: p.cgroups, env: p.env,
      tty: img.tty ?? 0, vpgid: p.vpgid, loginuid: p.loginuid, flags: [], cap_inheritable: 0, cap_permitted: p.capEffective,
      cap_effective: p.capEffective, exe_ino: 0n, exe_ino_ctime: 0n, exe_ino_mtime: 0n, uid: p.uid, trusted_exepath: p.exepath,
      pgid: p.pgid, gid: p.gid, filename,
    });
    s.wait(30_000);
  }

  /** A syscall's enter and exit. */
  call(p: Proc, name: string, enter: ParamValues, exit: ParamValues): void {
    this.sim.emit(p, `${name}_E`, enter);
    this.sim.wait(3000);
    this.sim.emit(p, `${name}_X`, exit);
    this.sim.wait(2000);
  }

  /** open for reading and close. */
  read(p: Proc, path: string): void {
    const fd = this.sim.openat(p, path, ['O_RDONLY', 'O_CLOEXEC']);
    this.sim.close(p, fd);
  }

  /** open for writing (create, and truncate unless appending) and close. */
  write(p: Proc, path: string, mode: 'truncate' | 'append' = 'truncate'): void {
    const flags = mode === 'append' ? ['O_WRONLY', 'O_CREAT', 'O_APPEND'] : ['O_WRONLY', 'O_CREAT', 'O_TRUNC'];
    const fd = this.sim.openat(p, path, flags, 0o644, { created: true });
    this.sim.write(p, fd, Buffer.from('x\n'));
    this.sim.close(p, fd);
  }

  unlink(p: Proc, path: string): void {
    this.call(p, 'SYSCALL_UNLINKAT_2', {}, { res: 0, dirfd: AT_FDCWD, name: path, flags: 0 });
  }

  rename(p: Proc, from: string, to: string): void {
    this.call(p, 'SYSCALL_RENAMEAT2', {}, { res: 0, olddirfd: AT_FDCWD, oldpath: from, newdirfd: AT_FDCWD, newpath: to, flags: 0 });
  }

  /** socket + connect over TCP; returns the fd. */
  connect(p: Proc, local: { ip: string; port: number }, remote: { ip: string; port: number }): number {
    const fd = this.sim.socket(p, false, 1);
    this.sim.connect(p, fd, local, remote, ERRNO.EINPROGRESS);
    return fd;
  }

  /** The old driver's dup family event: enter names the fd, exit returns the new one. */
  dup(p: Proc, oldfd: number, newfd: number): void {
    this.call(p, 'SYSCALL_DUP', { fd: oldfd }, { res: newfd });
  }

  /**
   * capset's exit, written by hand: its event codes are newer than sysdig 0.29.3, which the
   * demo's builder refuses on purpose. Params: res, cap_inheritable, cap_permitted, cap_effective.
   */
  capset(p: Proc, effective: bigint): void {
    const s = this.sim;
    this.raw({ ts: s.ts, tid: p.tid, type: 352, params: [] });
    s.wait(3000);
    this.raw({ ts: s.ts, tid: p.tid, type: 353, params: [paramBytes.i64(0), paramBytes.u64(0), paramBytes.u64(effective), paramBytes.u64(effective)] });
    s.wait(2000);
  }

  pause(ms = 5): void {
    this.sim.wait(ms * MS);
  }
}

/** Writes a scene to `path`: header tables, container description, then the story's events. */
export function writeScene(path: string, story: (s: Stage) => void): void {
  const pending: SyntheticEvent[] = [];
  const stage = new Stage((e) => pending.push(e));
  const w = CaptureWriter.toFile(path, { procListLayout: 'compat' });
  try {
    stage.start(w);
    story(stage);
    for (const e of pending) w.synthetic(e);
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
}
