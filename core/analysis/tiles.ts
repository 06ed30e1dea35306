/**
 * Sysdig Inspect's overview tiles: the counts on its first page (General, File, Network, Security,
 * Performance, Logs, Network Apps), each with a time series and the view plus filter it drills
 * into. Semantics are those of the wsysdig_summary chisel Sysdig Inspect runs (shipped with
 * sysdig 0.29.3), including its quirks, e.g. a failed connect() still counts as a new outbound
 * connection, and "HTTP Requests" counts buffers starting with "HTTP/" (responses).
 *
 * Where the chisel reads the inspector's tables at each interval (running processes and
 * containers, listening ports at start), we count what the events show in the range: processes
 * and containers with at least one event, ports bound in the range.
 */
import type { FieldDescriptor, FieldResolver, FieldValue } from '../filter/fields.js';
import { andFilters } from './drilldown.js';
import { bindField, isAbsent, isTrue, toNumber, tryBindField, valueText, type BoundField } from './fieldref.js';
import { Bucketer, DISTINCT_BUCKETS, SUM_BUCKETS, type Series } from './timeline.js';

export type TileCategory = 'general' | 'file' | 'network' | 'napps' | 'security' | 'performance' | 'logs';

export interface TileDef {
  id: string;
  name: string;
  desc: string;
  category: TileCategory;
  /** 'sum' adds numbers; 'distinct' counts distinct keys (per bucket in the series). */
  kind: 'sum' | 'distinct';
  /** What the total counts: bytes or things (events, files, processes...). */
  unit: 'bytes' | 'count';
  /** Shown only when non-zero. */
  excludable: boolean;
  targetView: string;
  /** Filter of the events behind the tile, for the drill-down (Inspect's targetViewFilter). */
  filter?: string;
}

export const TILE_CATEGORIES: readonly { id: TileCategory; name: string }[] = [
  { id: 'general', name: 'General' },
  { id: 'file', name: 'File' },
  { id: 'network', name: 'Network' },
  { id: 'napps', name: 'Network Apps' },
  { id: 'security', name: 'Security' },
  { id: 'performance', name: 'Performance' },
  { id: 'logs', name: 'Logs' },
];

const FILE_IO = 'fd.type=file and evt.is_io=true and evt.dir=< and evt.rawres>=0';
const NET_IO = '(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true and evt.dir=< and evt.rawres>=0';
const LOG_FILE = '((fd.name contains .log or fd.name contains _log or fd.name contains /var/log) and not (fd.name contains .gz or fd.name contains .tgz))';
const SLOW = (ns: number): string => `evt.is_io=true and fd.type=file and (not fd.name startswith /dev/) and evt.latency>${ns}`;

/** Inspect's port-to-service table for the Network Apps tiles. */
export const SERVICES: ReadonlyMap<number, string> = (() => {
  const m = new Map<number, string>([
    [80, 'HTTP'], [8080, 'HTTP'], [443, 'HTTPs'], [22, 'SSH'], [53, 'DNS'], [6666, 'Sysdig Agent'], [6667, 'Sysdig Agent'],
    [6443, 'Sysdig Agent'], [2379, 'etcd'], [22379, 'etcd'], [3306, 'mysql'], [5432, 'postgres'], [6379, 'redis'],
    [5984, 'couchdb'], [9880, 'fluentd'], [8125, 'statsd'], [4730, 'gearman'], [50070, 'hadoop'], [8020, 'hadoop'],
    [9000, 'hadoop'], [60000, 'hbase'], [60010, 'hbase'], [60020, 'hbase'], [60030, 'hbase'], [2181, 'kafka'],
    [1978, 'Kyoto Tycoon'], [11211, 'memcached'], [27017, 'mongodb'], [27018, 'mongodb'], [27019, 'mongodb'],
    [28017, 'mongodb'], [5672, 'rabbitmq'], [8087, 'riak'], [8098, 'riak'], [8983, 'solr'], [5555, 'voltdb'],
  ]);
  for (let p = 9200; p <= 9400; p++) m.set(p, 'elasticsearch');
  return m;
})();

export const TILES: readonly TileDef[] = [
  { id: 'procCount', name: 'Running Processes', desc: 'Processes with activity in the range', category: 'general', unit: 'count', kind: 'distinct', excludable: false, targetView: 'procs' },
  { id: 'containerCount', name: 'Running Containers', desc: 'Containers with activity in the range', category: 'general', unit: 'count', kind: 'distinct', excludable: false, targetView: 'containers', filter: 'container.id!=host' },
  { id: 'syscallCount', name: 'System Calls', desc: 'Events (system call enters and exits) in the range', category: 'general', unit: 'count', kind: 'sum', excludable: false, targetView: 'syscalls' },
  { id: 'fileBytes', name: 'File Bytes In+Out', desc: 'Bytes read from or written to files', category: 'file', unit: 'bytes', kind: 'sum', excludable: false, targetView: 'files', filter: FILE_IO },
  { id: 'fileBytesR', name: 'File Bytes In', desc: 'Bytes read from files', category: 'file', unit: 'bytes', kind: 'sum', excludable: false, targetView: 'files', filter: `${FILE_IO} and evt.is_io_read=true` },
  { id: 'fileBytesW', name: 'File Bytes Out', desc: 'Bytes written to files', category: 'file', unit: 'bytes', kind: 'sum', excludable: false, targetView: 'files', filter: `${FILE_IO} and evt.is_io_write=true` },
  { id: 'fileCount', name: 'Accessed Files', desc: 'Files read or written', category: 'file', unit: 'count', kind: 'distinct', excludable: true, targetView: 'files', filter: FILE_IO },
  { id: 'fileCountW', name: 'Modified Files', desc: 'Files written', category: 'file', unit: 'count', kind: 'distinct', excludable: true, targetView: 'files', filter: `${FILE_IO} and evt.is_io_write=true` },
  { id: 'netBytes', name: 'Net Bytes In+Out', desc: 'Bytes read from or written to the network', category: 'network', unit: 'bytes', kind: 'sum', excludable: false, targetView: 'sports', filter: NET_IO },
  { id: 'netBytesR', name: 'Net Bytes In', desc: 'Bytes read from the network', category: 'network', unit: 'bytes', kind: 'sum', excludable: false, targetView: 'sports', filter: `${NET_IO} and evt.is_io_read=true` },
  { id: 'netBytesW', name: 'Net Bytes Out', desc: 'Bytes written to the network', category: 'network', unit: 'bytes', kind: 'sum', excludable: false, targetView: 'sports', filter: `${NET_IO} and evt.is_io_write=true` },
  { id: 'connectionCount', name: 'Active Network Connections', desc: 'Connections that carried data', category: 'network', unit: 'count', kind: 'distinct', excludable: true, targetView: 'connections', filter: NET_IO },
  { id: 'listeningPortCount', name: 'Listening Ports', desc: 'Server ports open at the start or bound in the range', category: 'network', unit: 'count', kind: 'distinct', excludable: true, targetView: 'port_bindings', filter: 'evt.type=bind and evt.dir=< and evt.rawres>=0' },
  { id: 'newListeningPorts', name: 'New Listening Ports', desc: 'Successful bind() calls', category: 'network', unit: 'count', kind: 'sum', excludable: true, targetView: 'port_bindings', filter: 'evt.type=bind and evt.dir=< and evt.rawres>=0 and fd.sport exists' },
  { id: 'newConnectionsO', name: 'New Outbound Connections', desc: 'New client network connections', category: 'network', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: 'evt.type=connect and evt.dir=< and fd.sport exists' },
  { id: 'newConnectionsI', name: 'New Inbound Connections', desc: 'New server network connections', category: 'network', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: 'evt.type=accept and evt.dir=< and fd.sport exists' },
  { id: 'executedCommands', name: 'Executed Commands', desc: 'Programs executed in the range', category: 'security', unit: 'count', kind: 'sum', excludable: false, targetView: 'spy_users', filter: 'evt.type=execve and evt.dir=< and evt.rawres>=0' },
  { id: 'executedInteractiveCommands', name: 'Executed Interactive Commands', desc: 'Programs executed from bash', category: 'security', unit: 'count', kind: 'sum', excludable: true, targetView: 'spy_users', filter: 'evt.type=execve and evt.dir=< and evt.rawres>=0 and proc.pname contains bash' },
  { id: 'newSymLinksCount', name: 'New Symlinks', desc: 'Symbolic links created', category: 'security', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: '(evt.type=symlink or evt.type=symlinkat) and evt.dir=< and evt.rawres>=0' },
  { id: 'sysFileCountW', name: 'Modified System Files', desc: 'Files written under system directories', category: 'security', unit: 'count', kind: 'distinct', excludable: true, targetView: 'files', filter: `${FILE_IO} and evt.is_io_write=true and (fd.name startswith /bin/ or fd.name startswith /sbin/ or fd.name startswith /boot/ or fd.name startswith /etc/ or fd.name startswith /lib or fd.name startswith /usr/bin/ or fd.name startswith /usr/sbin/ or fd.name startswith /usr/share/ or fd.name startswith /usr/lib)` },
  { id: 'sudoInvocations', name: 'Sudo Invocations', desc: 'Times sudo was executed', category: 'security', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: 'evt.type=execve and evt.dir=< and evt.rawres>=0 and evt.arg.exe=sudo' },
  { id: 'setnsInvocations', name: 'Setns Invocations', desc: 'setns() calls, typically entering another container', category: 'security', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: 'evt.type=setns and evt.dir=< and evt.rawres>=0' },
  { id: 'newConnectionsSsh', name: 'New SSH Connections', desc: 'Client or server connections on port 22', category: 'security', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: '(evt.type=accept or evt.type=connect) and evt.dir=< and fd.sport=22' },
  { id: 'fileDeletionsCount', name: 'Deleted Files', desc: 'Files deleted', category: 'security', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: '(evt.type=unlink or evt.type=unlinkat) and evt.dir=< and evt.rawres>=0' },
  { id: 'sysReqCountHttp', name: 'HTTP Requests', desc: 'Network buffers starting with HTTP/', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'echo', filter: `${NET_IO} and evt.buffer startswith "HTTP/"` },
  { id: 'sysErrCountHttp', name: 'HTTP Errors', desc: 'HTTP responses with a status other than 200', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'echo', filter: `${NET_IO} and evt.buffer startswith "HTTP/" and not evt.buffer startswith "HTTP/1.1 200" and not evt.buffer startswith "HTTP/1.0 200"` },
  { id: 'openErrorCount', name: 'File Open Errors', desc: 'Failed open() calls', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: 'evt.type=open and evt.dir=< and evt.rawres<0' },
  { id: 'forkCount', name: 'Fork Count', desc: 'Processes and threads created', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: '(evt.type=clone or evt.type=fork) and evt.dir=< and evt.rawres>0' },
  { id: 'connectErrorCount', name: 'Failed Connection Attempts', desc: 'Failed connect() calls (EINPROGRESS excluded)', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: 'evt.type=connect and evt.dir=< and (fd.type=ipv4 or fd.type=ipv6) and evt.rawres<0 and evt.res!=EINPROGRESS' },
  { id: 'signalCount', name: 'Received Signals', desc: 'Signals delivered to processes', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: 'evt.type=signaldeliver' },
  { id: 'segfaultCount', name: 'Segmentation Faults', desc: 'SIGSEGV deliveries', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'dig', filter: 'evt.type=signaldeliver and evt.arg.sig=SIGSEGV' },
  { id: 'over1msFileIoCount', name: 'Slow File I/O calls (1ms+)', desc: 'File reads or writes that took more than 1 ms', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'slow_io', filter: SLOW(1_000_000) },
  { id: 'over10msFileIoCount', name: 'Slow File I/O calls (10ms+)', desc: 'File reads or writes that took more than 10 ms', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'slow_io_10ms', filter: SLOW(10_000_000) },
  { id: 'over100msFileIoCount', name: 'Slow File I/O calls (100ms+)', desc: 'File reads or writes that took more than 100 ms', category: 'performance', unit: 'count', kind: 'sum', excludable: true, targetView: 'slow_io_100ms', filter: SLOW(100_000_000) },
  { id: 'appLogCount', name: 'App Log Messages', desc: 'Lines written to application log files', category: 'logs', unit: 'count', kind: 'sum', excludable: true, targetView: 'echo', filter: `${LOG_FILE} and evt.is_io_write=true` },
  { id: 'appLogCountW', name: 'App Log Warning Messages', desc: 'Log lines containing "warn"', category: 'logs', unit: 'count', kind: 'sum', excludable: true, targetView: 'echo', filter: `${LOG_FILE} and evt.is_io_write=true and evt.buffer icontains warn` },
  { id: 'appLogCountE', name: 'App Log Error Messages', desc: 'Log lines containing error, critic, emergency or alert', category: 'logs', unit: 'count', kind: 'sum', excludable: true, targetView: 'echo', filter: `${LOG_FILE} and evt.is_io_write=true and (evt.buffer icontains error or evt.buffer icontains critic or evt.buffer icontains emerg or evt.buffer icontains alert)` },
  { id: 'sysLogCount', name: 'Syslog Messages', desc: 'Entries written to syslog', category: 'logs', unit: 'count', kind: 'sum', excludable: true, targetView: 'spy_syslog', filter: 'syslog.severity exists' },
  { id: 'sysLogCountW', name: 'Syslog Warning Messages', desc: 'Syslog entries with severity WARNING', category: 'logs', unit: 'count', kind: 'sum', excludable: true, targetView: 'spy_syslog', filter: 'syslog.severity=4' },
  { id: 'sysLogCountE', name: 'Syslog Error Messages', desc: 'Syslog entries with severity ERROR or worse', category: 'logs', unit: 'count', kind: 'sum', excludable: true, targetView: 'spy_syslog', filter: 'syslog.severity<4' },
];

function protoTiles(): TileDef[] {
  const byProto = new Map<string, number[]>();
  for (const [port, name] of SERVICES) byProto.set(name, [...(byProto.get(name) ?? []), port]);
  return [...byProto].map(([name, ports]) => ({
    id: `protoBytes_${name}`,
    name: `${name} Bytes`,
    desc: `Network bytes on the ${name} server ports`,
    category: 'napps' as const,
    kind: 'sum' as const,
    unit: 'bytes' as const,
    excludable: true,
    targetView: 'connections',
    filter: `${NET_IO} and fd.sport in (${ports.join(', ')})`,
  }));
}

export const ALL_TILES: readonly TileDef[] = [...TILES, ...protoTiles()];

export interface TileResult {
  id: string;
  name: string;
  desc: string;
  category: TileCategory;
  unit: 'bytes' | 'count';
  total: number;
  series: Series;
  targetView: string;
  /** The drill-down: scope and the tile's own filter. */
  filter: string | null;
}

export interface OverviewResult {
  categories: { id: TileCategory; name: string }[];
  tiles: TileResult[];
}

type F =
  | 'type' | 'dir' | 'rawres' | 'fdcname' | 'fdname' | 'fdtype' | 'isWrite' | 'isRead' | 'buffer' | 'buflen'
  | 'sport' | 'exe' | 'sig' | 'latency' | 'severity' | 'pname' | 'pid' | 'tid' | 'cid' | 'ts';

type SumAcc = { kind: 'sum'; b: Bucketer<number>; total: number };
/**
 * `lastRaw` and `lastSet`: the previous key (a primitive value) and the bucket it went into.
 * Buckets only grow (merging keeps every key), so the same value into the same bucket again
 * changes nothing and skips making its text; events come in runs of one process.
 */
type DistinctAcc = { kind: 'distinct'; b: Bucketer<Set<string>>; all: Set<string>; lastRaw: FieldValue; lastSet: Set<string> | null };
type Acc = SumAcc | DistinctAcc;

const TEXT: FieldDescriptor = { name: 'text', type: 'CHARBUF' };

export class Overview<E> {
  private readonly f: Record<F, BoundField<E>>;
  private readonly acc = new Map<string, Acc>();
  private ts: bigint = 0n;
  /** The tiles every event feeds. */
  private readonly syscalls: SumAcc;
  private readonly procs: DistinctAcc;
  private readonly containers: DistinctAcc;

  constructor(
    resolver: FieldResolver<E>,
    private readonly scope: string | null = null,
    maxBuckets?: number,
  ) {
    const b = (s: string): BoundField<E> => bindField(resolver, s);
    // Optional: a registry without syslog decoding simply yields no syslog tiles.
    const opt = (s: string): BoundField<E> => tryBindField(resolver, s) ?? { spec: s, descriptor: { name: s, type: 'UINT32' }, extract: () => null };
    this.f = {
      type: b('evt.type'),
      dir: b('evt.dir'),
      rawres: b('evt.rawres'),
      fdcname: b('fd.containername'),
      fdname: b('fd.name'),
      fdtype: b('fd.type'),
      isWrite: b('evt.is_io_write'),
      isRead: b('evt.is_io_read'),
      buffer: b('evt.buffer'),
      buflen: b('evt.buflen'),
      sport: b('fd.sport'),
      exe: b('evt.arg.exe'),
      sig: b('evt.arg.sig'),
      latency: b('evt.latency'),
      severity: opt('syslog.severity'),
      pname: b('proc.pname'),
      pid: b('proc.pid'),
      tid: b('thread.tid'),
      cid: b('container.id'),
      ts: b('evt.rawtime'),
    };
    for (const t of ALL_TILES) {
      this.acc.set(
        t.id,
        t.kind === 'sum'
          ? { kind: 'sum', b: new Bucketer(SUM_BUCKETS, maxBuckets), total: 0 }
          : { kind: 'distinct', b: new Bucketer(DISTINCT_BUCKETS, maxBuckets), all: new Set(), lastRaw: null, lastSet: null },
      );
    }
    this.syscalls = this.sumAcc('syscallCount');
    this.procs = this.distinctAcc('procCount');
    this.containers = this.distinctAcc('containerCount');
  }

  private sumAcc(id: string): SumAcc {
    const a = this.acc.get(id)!;
    if (a.kind !== 'sum') throw new Error(`tile ${id} is not a sum`);
    return a;
  }

  private distinctAcc(id: string): DistinctAcc {
    const a = this.acc.get(id)!;
    if (a.kind !== 'distinct') throw new Error(`tile ${id} does not count distinct keys`);
    return a;
  }

  private bump(id: string, v = 1): void {
    const a = this.acc.get(id)!;
    if (a.kind !== 'sum') return;
    a.total += v;
    a.b.add(this.ts, v);
  }

  private see(id: string, key: string): void {
    const a = this.acc.get(id)!;
    if (a.kind !== 'distinct') return;
    this.seeValue(a, key, TEXT);
  }

  /** A present key value, counted under its text. */
  private seeValue(a: DistinctAcc, v: FieldValue, d: FieldDescriptor): void {
    const set = a.b.at(this.ts);
    if (v === a.lastRaw && set === a.lastSet && typeof v !== 'object') return;
    const key = valueText(v, d);
    a.lastRaw = v;
    a.lastSet = set;
    a.all.add(key);
    set.add(key);
  }

  /** Containers the capture's metadata describes (the chisel counts the container table). */
  addContainers(ids: Iterable<string>): void {
    const a = this.acc.get('containerCount')!;
    if (a.kind === 'distinct') for (const id of ids) if (id !== 'host' && id !== '') a.all.add(id);
  }

  /** Server ports already open when the capture starts (the chisel reads them at start). */
  addListeningPorts(ports: Iterable<number>): void {
    const a = this.acc.get('listeningPortCount')!;
    if (a.kind === 'distinct') for (const p of ports) a.all.add(String(p));
  }

  /**
   * A thread still in the state tables after the pass. The chisel counts processes and
   * containers from those tables, so idle ones count too (in the total; they have no time).
   */
  seed(evt: E): void {
    const pid = this.t(this.f.pid, evt);
    const tid = this.t(this.f.tid, evt);
    const procs = this.acc.get('procCount')!;
    if (pid !== null && pid === tid && procs.kind === 'distinct') procs.all.add(pid);
    const cid = this.t(this.f.cid, evt);
    const conts = this.acc.get('containerCount')!;
    if (cid !== null && cid !== 'host' && cid !== '' && conts.kind === 'distinct') conts.all.add(cid);
  }

  private t(f: BoundField<E>, evt: E): string | null {
    const v = f.extract(evt);
    return isAbsent(v) ? null : valueText(v, f.descriptor);
  }

  add(evt: E): void {
    const ts = this.f.ts.extract(evt);
    if (typeof ts !== 'bigint') return;
    this.ts = ts;
    this.syscalls.total += 1;
    this.syscalls.b.add(ts, 1);
    const pid = this.f.pid.extract(evt);
    if (!isAbsent(pid)) this.seeValue(this.procs, pid, this.f.pid.descriptor);
    const cid = this.t(this.f.cid, evt);
    if (cid !== null && cid !== 'host' && cid !== '') this.seeValue(this.containers, cid, TEXT);
    const dir = this.t(this.f.dir, evt);
    const etype = this.t(this.f.type, evt);
    if (dir === '<') this.exitEvent(evt, etype);
    else if (dir === '>') this.enterEvent(evt, etype);
  }

  private exitEvent(evt: E, etype: string | null): void {
    const rawres = toNumber(this.f.rawres.extract(evt));
    if (rawres === undefined) return;
    const sport = toNumber(this.f.sport.extract(evt));
    if (rawres >= 0) {
      const iswrite = isTrue(this.f.isWrite.extract(evt));
      const isread = isTrue(this.f.isRead.extract(evt));
      if (iswrite || isread) {
        this.ioEvent(evt, iswrite, sport);
      } else if (etype === 'execve') {
        this.bump('executedCommands');
        const pname = this.t(this.f.pname, evt);
        if (pname !== null && pname.includes('bash')) this.bump('executedInteractiveCommands');
        if (this.t(this.f.exe, evt) === 'sudo') this.bump('sudoInvocations');
      } else if (etype === 'bind') {
        if (sport !== undefined) {
          this.see('listeningPortCount', String(sport));
          this.bump('newListeningPorts');
        }
      } else if (etype === 'connect' || etype === 'accept') {
        this.newConnection(etype, sport);
      } else if (etype === 'unlink' || etype === 'unlinkat') {
        this.bump('fileDeletionsCount');
      } else if (etype === 'symlink' || etype === 'symlinkat') {
        this.bump('newSymLinksCount');
      } else if (etype === 'clone' || etype === 'fork') {
        if (rawres > 0) this.bump('forkCount');
      } else if (etype === 'setns') {
        this.bump('setnsInvocations');
      }
      return;
    }
    if (etype === 'connect') {
      this.newConnection(etype, sport);
      const fdtype = this.t(this.f.fdtype, evt);
      if (rawres !== -115 && (fdtype === 'ipv4' || fdtype === 'ipv6')) this.bump('connectErrorCount');
    } else if (etype === 'accept') {
      this.newConnection(etype, sport);
    } else if (etype === 'open') {
      this.bump('openErrorCount');
    }
  }

  private newConnection(etype: string, sport: number | undefined): void {
    if (sport === undefined) return;
    this.bump(etype === 'connect' ? 'newConnectionsO' : 'newConnectionsI');
    if (sport === 22) this.bump('newConnectionsSsh');
  }

  private ioEvent(evt: E, iswrite: boolean, sport: number | undefined): void {
    const fdtype = this.t(this.f.fdtype, evt);
    const fdname = this.t(this.f.fdname, evt);
    const fdcname = this.t(this.f.fdcname, evt);
    const buflen = toNumber(this.f.buflen.extract(evt)) ?? 0;
    if (fdtype === 'file') {
      if (fdcname !== null) this.see('fileCount', fdcname);
      if (iswrite) {
        if (fdcname !== null) this.see('fileCountW', fdcname);
        this.bump('fileBytes', buflen);
        this.bump('fileBytesW', buflen);
        if (fdname !== null && isSystemDir(fdname)) this.see('sysFileCountW', fdname);
        const sev = toNumber(this.f.severity.extract(evt));
        if (sev !== undefined) this.syslog(sev);
        else if (fdname !== null && isLogFile(fdname)) this.appLog(evt);
      } else {
        this.bump('fileBytes', buflen);
        this.bump('fileBytesR', buflen);
      }
      const latency = toNumber(this.f.latency.extract(evt));
      if (latency !== undefined && fdname !== null && !fdname.startsWith('/dev/')) {
        if (latency > 100_000_000) this.bump('over100msFileIoCount');
        if (latency > 10_000_000) this.bump('over10msFileIoCount');
        if (latency > 1_000_000) this.bump('over1msFileIoCount');
      }
    } else if (fdtype === 'ipv4' || fdtype === 'ipv6') {
      if (fdcname !== null) this.see('connectionCount', fdcname);
      this.bump('netBytes', buflen);
      this.bump(iswrite ? 'netBytesW' : 'netBytesR', buflen);
      if (sport !== undefined) {
        const proto = SERVICES.get(sport);
        if (proto !== undefined) this.bump(`protoBytes_${proto}`, buflen);
      }
      const buf = this.buffer(evt);
      if (buf.startsWith('HTTP/')) {
        this.bump('sysReqCountHttp');
        if (Number(buf.split(' ')[1]) !== 200) this.bump('sysErrCountHttp');
      }
    } else if (fdtype === 'unix' && iswrite) {
      const sev = toNumber(this.f.severity.extract(evt));
      if (sev !== undefined) this.syslog(sev);
    }
  }

  private buffer(evt: E): string {
    const v = this.f.buffer.extract(evt);
    if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
    return typeof v === 'string' ? v : '';
  }

  private syslog(sev: number): void {
    this.bump('sysLogCount');
    if (sev === 4) this.bump('sysLogCountW');
    else if (sev < 4) this.bump('sysLogCountE');
  }

  private appLog(evt: E): void {
    for (const msg of this.buffer(evt).split('\n')) {
      if (msg.length === 0) continue;
      this.bump('appLogCount');
      const ls = msg.toLowerCase();
      if (ls.includes('warn')) this.bump('appLogCountW');
      else if (ls.includes('error') || ls.includes('critic') || ls.includes('emergency') || ls.includes('alert')) this.bump('appLogCountE');
    }
  }

  private enterEvent(evt: E, etype: string | null): void {
    if (etype === 'signaldeliver') {
      this.bump('signalCount');
      if (this.t(this.f.sig, evt) === 'SIGSEGV') this.bump('segfaultCount');
    }
  }

  /** Tiles over [from, to] (the range the series cover); zero excludable tiles are left out. */
  result(from?: bigint, to?: bigint): OverviewResult {
    // One grid for every series, so charts line up.
    let width = 0;
    for (const a of this.acc.values()) {
      if (from !== undefined && to !== undefined) a.b.fit(from, to);
      width = Math.max(width, a.b.width);
    }
    const tiles: TileResult[] = [];
    for (const t of ALL_TILES) {
      const a = this.acc.get(t.id)!;
      a.b.widen(width);
      const series = a.b.series(from, to);
      const total = a.kind === 'sum' ? a.total : a.all.size;
      if (t.excludable && total === 0) continue;
      tiles.push({
        id: t.id,
        name: t.name,
        desc: t.desc,
        category: t.category,
        unit: t.unit,
        total,
        series,
        targetView: t.targetView,
        filter: andFilters(this.scope, t.filter ?? null),
      });
    }
    const used = new Set(tiles.map((t) => t.category));
    return { categories: TILE_CATEGORIES.filter((c) => used.has(c.id)), tiles };
  }
}

function isSystemDir(name: string): boolean {
  return ['/bin/', '/sbin/', '/boot/', '/etc/', '/lib', '/usr/bin/', '/usr/sbin/', '/usr/share/', '/usr/lib'].some((p) => name.startsWith(p));
}

function isLogFile(name: string): boolean {
  return (name.includes('.log') || name.includes('_log') || name.includes('/var/log')) && !(name.includes('.gz') || name.includes('.tgz'));
}
