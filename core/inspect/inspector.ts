/**
 * The inspector (libsinsp sinsp): opens a capture, seeds the tables from the process, fd,
 * interface and user blocks, then runs every event through the state machine and hands the
 * visible ones to a consumer.
 */
import type { BlockRun, CaptureWarning } from '../capture/parser.js';
import type { RawEvent } from '../capture/event.js';
import { eventInfo, isLargePayload, type TableDialect } from '../capture/events/table.js';
import type { EventInfo } from '../capture/events/types.js';
import type {
  FdInfo as CapFd,
  GroupInfo,
  InterfaceInfo,
  ThreadInfo as CapThread,
  UserInfo,
} from '../capture/metadata.js';
import { CaptureFile, type ReadOptions } from '../capture/reader.js';
import { ipv4ToBytes, ipv6ToBytes } from '../capture/ip.js';
import { CL, EC, EF, ET, FD, L4, SYSDIG_0_29_EVENT_MAX, USER_EVT_DEVICE_NAME } from './constants.js';
import { ContainerManager } from './containers.js';
import { InspectedEvent, type ParamReader } from './event.js';
import { FDF, FdInfo, SO, ipv4ServerString, ipv4TupleString, ipv6ServerString, ipv6TupleString } from './fdinfo.js';
import { NetworkInterfaces } from './ifaddrs.js';
import { isIpv4MappedIpv6 } from './net.js';
import { Parser } from './parser.js';
import { renderParamText } from './render.js';
import type { InspectorState } from './state.js';
import { SyslogDecoder } from './syslog.js';
import type { ThreadInfo } from './threadinfo.js';
import { ThreadManager } from './threads.js';
import { UserTable } from './users.js';

export interface InspectorOptions {
  /**
   * Event table to interpret events with. 'current' (default) is today's libs; 'sysdig029'
   * reproduces sysdig 0.29.3, including its blindness to event types it did not know (they are
   * skipped without an event number, as libscap of that time did).
   */
  dialect?: TableDialect;
  /** Internal-events mode (sysdig -D): internal events get through even when filtered out. */
  internalEvents?: boolean;
  /**
   * What to do with event types the dialect's table does not know: 'skip' them without an event
   * number (what sysdig 0.29.3's libscap does), or 'decode' them with the current table.
   * Default: 'skip' for the sysdig029 dialect (to match it), irrelevant for 'current'.
   */
  unknownEvents?: 'skip' | 'decode';
  /** Capture filter (sysdig's trailing filter expression), see Parser.process. */
  filter?: (evt: InspectedEvent) => boolean;
}

/** Visit one delivered event. Return false to stop reading. */
export type EventConsumer = (evt: InspectedEvent) => boolean | void;

export interface InspectSummary {
  /** Events the inspector consumed (the last evt.num). */
  events: number;
  /** Events handed to the consumer. */
  delivered: number;
  warnings: string[];
  stopped: boolean;
  /** What the block layer saw: compression, header version, block runs, typed warnings with offsets. */
  file?: { gzip: boolean; size: number; version: string; inventory: BlockRun[]; warnings: CaptureWarning[] };
}

const CONTAINER_TYPES = new Set<number>([ET.CONTAINER_E, ET.CONTAINER_JSON_E, ET.CONTAINER_JSON_2_E]);

/** Ports, protocol and name of an IPv4 socket from the fd list, once its addresses are set. */
function setV4TupleFromList(n: FdInfo, f: CapFd): void {
  n.v4sport = f.sport ?? 0;
  n.v4dport = f.dport ?? 0;
  n.v4l4 = f.l4proto ?? 0;
  if (f.l4proto === L4.TCP) n.flags |= FDF.SOCKET_CONNECTED;
  n.name = ipv4TupleString(n);
}

export class Inspector implements InspectorState {
  readonly threads = new ThreadManager();
  readonly containers = new ContainerManager();
  readonly users = new UserTable();
  readonly ifaces: NetworkInterfaces;
  readonly syslog = new SyslogDecoder();
  readonly dialect: TableDialect;
  readonly internalEvents: boolean;
  readonly filter: ((evt: InspectedEvent) => boolean) | null;

  tidToRemove = -1;
  tidOfFdToRemove = -1;
  readonly fdsToRemove: number[] = [];
  firstEventTs = 0n;
  /** firstEventTs !== 0n, kept as a boolean: a BigInt comparison per event is not free. */
  private haveFirstTs = false;
  /** The last event's timestamp in u32 halves; `lastEventTs` builds the BigInt only when asked. */
  private lastTsHi = 0;
  private lastTsLo = 0;
  paramStorage = '';
  /** Events consumed so far (libsinsp m_nevts). */
  nevts = 0;
  readonly warnings: string[] = [];
  /** Machine info of the capture, once open. */
  numCpus = 0;
  bootTsEpoch = 0n;

  private readonly parser: Parser;
  private readonly evt = new InspectedEvent();
  private readonly maxType: number;
  private imported = false;

  constructor(opts: InspectorOptions = {}) {
    this.dialect = opts.dialect ?? 'current';
    this.internalEvents = opts.internalEvents ?? false;
    this.maxType = this.dialect === 'sysdig029' && (opts.unknownEvents ?? 'skip') === 'skip' ? SYSDIG_0_29_EVENT_MAX : Number.MAX_SAFE_INTEGER;
    this.filter = opts.filter ?? null;
    this.ifaces = new NetworkInterfaces(this.containers);
    this.parser = new Parser(this);
  }

  get lastEventTs(): bigint {
    return this.lastTsHi === 0 ? BigInt(this.lastTsLo) : (BigInt(this.lastTsHi) << 32n) | BigInt(this.lastTsLo);
  }

  eventInfo(type: number): EventInfo {
    const cached = this.infoByType[type];
    if (cached !== null && cached !== undefined) return cached;
    const e = this.lookupEventInfo(type);
    if (type >= 0 && type < 1 << 16) this.infoByType[type] = e;
    return e;
  }

  /** eventInfo() answers per type from here once looked up (every event asks). */
  private readonly infoByType: Array<EventInfo | null> = new Array<EventInfo | null>(1 << 16).fill(null);

  private lookupEventInfo(type: number): EventInfo {
    const e = eventInfo(type, this.dialect) ?? eventInfo(type, 'current');
    if (e !== undefined) return e;
    return { code: type, id: `UNKNOWN_${type}`, name: 'unknown', dir: (type & 1) === 1 ? 'exit' : 'enter', category: EC.UNKNOWN, flags: EF.NONE, params: [] };
  }

  renderParam(evt: InspectedEvent, i: number, simple = false): string {
    return renderParamText(this, evt, evt, i, simple).str;
  }

  renderParamOf(params: ParamReader, evt: InspectedEvent, i: number, simple = false): string {
    return renderParamText(this, params, evt, i, simple).str;
  }

  warn(message: string): void {
    if (this.warnings.length < 1000) this.warnings.push(message);
  }

  // --- initial state ---------------------------------------------------------------------------

  /** sinsp init(): thread table, fds, interfaces, users, then parent/child and socket fixes. */
  importInitialState(meta: {
    threads: CapThread[];
    fds: CapFd[];
    interfaces: InterfaceInfo[];
    users: UserInfo[];
    groups: GroupInfo[];
    machine?: { numCpus: number; bootTsEpoch?: bigint } | undefined;
  }): void {
    if (this.imported) return;
    this.imported = true;
    this.numCpus = meta.machine?.numCpus ?? 0;
    this.bootTsEpoch = meta.machine?.bootTsEpoch ?? 0n;
    const fdsByTid = new Map<number, CapFd[]>();
    for (const f of meta.fds) {
      let l = fdsByTid.get(f.tid);
      if (!l) fdsByTid.set(f.tid, (l = []));
      l.push(f);
    }
    // Duplicate tids: the later entry wins and owns the fds, as with libscap's hash table.
    const lastIndex = new Map<number, number>();
    meta.threads.forEach((t, i) => lastIndex.set(t.tid, i));
    meta.threads.forEach((ct, i) => {
      const t = this.threadFromProcList(ct);
      if (lastIndex.get(ct.tid) === i) {
        const scratch = new FdInfo();
        for (const f of fdsByTid.get(ct.tid) ?? []) this.addFdFromProcList(t, f, scratch);
      }
      this.threads.add(t, true);
    });
    for (const i of meta.interfaces) {
      if (i.family === 4) {
        this.ifaces.v4.push({
          addr: ipv4ToBytes(i.addr).readUInt32LE(0),
          netmask: ipv4ToBytes(i.netmask).readUInt32LE(0),
          bcast: ipv4ToBytes(i.bcast).readUInt32LE(0),
          name: i.name,
        });
      } else {
        this.ifaces.v6.push({ net: ipv6ToBytes(i.addr), name: i.name });
      }
    }
    for (const u of meta.users) {
      this.users.users.set(u.uid, { uid: u.uid, gid: u.gid, name: bytes(u.name), homedir: bytes(u.homedir), shell: bytes(u.shell) });
    }
    for (const g of meta.groups) this.users.groups.set(g.gid, { gid: g.gid, name: bytes(g.name) });
    this.threads.createChildDependencies();
    this.fixSocketsFromProcList();
  }

  private threadFromProcList(ct: CapThread): ThreadInfo {
    const t = this.threads.newThread();
    t.tid = ct.tid;
    t.pid = ct.pid;
    t.ptid = ct.ptid;
    t.sid = ct.sid;
    t.vpgid = ct.vpgid;
    t.comm = bytes(ct.comm);
    t.exe = bytes(ct.exe);
    t.exepath = bytes(ct.exepath);
    t.exeWritable = ct.exeWritable;
    // What the entry did not carry stays unknown (null), unlike libscap's zeros.
    const missing = ct.missing;
    if (!missing?.includes('capEffective')) {
      t.capInheritable = ct.capInheritable;
      t.capPermitted = ct.capPermitted;
      t.capEffective = ct.capEffective;
    }
    if (!missing?.includes('exeUpperLayer')) t.exeUpperLayer = ct.exeUpperLayer;
    if (!missing?.includes('exeFromMemfd')) t.exeFromMemfd = ct.exeFromMemfd;
    if (!missing?.includes('exeLowerLayer')) t.exeLowerLayer = ct.exeLowerLayer;
    t.exeIno = ct.exeIno;
    t.exeInoCtime = ct.exeInoCtime;
    t.exeInoMtime = ct.exeInoMtime;
    t.pidnsInitStartTs = ct.pidnsInitStartTs;
    t.args = ct.args.map(bytes);
    if (t.isMainThread()) {
      // Rebuilt as the NUL-separated block libsinsp parses (it drops an all-zero tail).
      t.setEnv(Buffer.from(ct.env.map((e) => bytes(e) + '\0').join(''), 'latin1'));
      t.setCwd(bytes(ct.cwd));
    }
    t.flags |= ct.flags | CL.ACTIVE;
    t.fdlimit = BigInt(ct.fdlimit);
    t.uid = ct.uid;
    t.gid = ct.gid;
    t.vmsizeKb = ct.vmsizeKb;
    t.vmrssKb = ct.vmrssKb;
    t.vmswapKb = ct.vmswapKb;
    t.pfmajor = BigInt(ct.pfMajor);
    t.pfminor = BigInt(ct.pfMinor);
    t.vtid = ct.vtid;
    t.vpid = ct.vpid;
    t.cloneTs = (ct as { cloneTs?: bigint }).cloneTs ?? 0n;
    t.tty = ct.tty;
    t.loginuid = ct.loginuid;
    if (this.dialect === 'sysdig029' && (ct.pidnsInitStartTs !== 0n || ct.tty !== 0)) {
      // libscap of 2022 predates the pidns start time and tty that newer writers put before
      // loginuid, so it reads loginuid and exe_writable out of the start time and no tty.
      t.tty = 0;
      t.loginuid = Number(BigInt.asIntN(32, ct.pidnsInitStartTs));
      t.exeWritable = ((ct.pidnsInitStartTs >> 32n) & 0xffn) !== 0n;
    } else if (this.dialect === 'sysdig029') {
      t.tty = 0;
    }
    t.setCgroups(Buffer.from(ct.cgroups.map((c) => bytes(c) + '\0').join(''), 'latin1'));
    t.root = bytes(ct.root);
    this.containers.resolve(t);
    return t;
  }

  /** add_fd_from_scap(). `scratch` is reused per thread like libsinsp's, stale bytes included. */
  private addFdFromProcList(t: ThreadInfo, f: CapFd, scratch: FdInfo): void {
    const n = scratch;
    n.reset();
    n.type = f.type;
    n.openflags = 0;
    n.flags = FDF.FROM_PROC;
    n.ino = f.ino;
    let add = true;
    switch (f.type) {
      case FD.IPV4_SOCK:
        ipv4ToBytes(f.sip ?? '0.0.0.0').copy(n.sock, SO.V4_SIP);
        ipv4ToBytes(f.dip ?? '0.0.0.0').copy(n.sock, SO.V4_DIP);
        setV4TupleFromList(n, f);
        break;
      case FD.IPV4_SERVSOCK:
        ipv4ToBytes(f.sip ?? '0.0.0.0').copy(n.sock, SO.V4S_IP);
        n.v4sPort = f.sport ?? 0;
        n.v4sL4 = f.l4proto ?? 0;
        n.name = ipv4ServerString(n);
        this.threads.serverPorts.add(n.v4sPort);
        break;
      case FD.IPV6_SOCK: {
        const sip = ipv6ToBytes(f.sip ?? '::');
        const dip = ipv6ToBytes(f.dip ?? '::');
        if (isIpv4MappedIpv6(sip) && isIpv4MappedIpv6(dip)) {
          // libsinsp keeps a v4-mapped pair as an IPv4 socket.
          n.type = FD.IPV4_SOCK;
          sip.copy(n.sock, SO.V4_SIP, 12, 16);
          dip.copy(n.sock, SO.V4_DIP, 12, 16);
          setV4TupleFromList(n, f);
        } else {
          sip.copy(n.sock, SO.V6_SIP);
          dip.copy(n.sock, SO.V6_DIP);
          n.v6sport = f.sport ?? 0;
          n.v6dport = f.dport ?? 0;
          n.v6l4 = f.l4proto ?? 0;
          if (f.l4proto === L4.TCP) n.flags |= FDF.SOCKET_CONNECTED;
          n.name = ipv6TupleString(n);
        }
        break;
      }
      case FD.IPV6_SERVSOCK:
        ipv6ToBytes(f.sip ?? '::').copy(n.sock, SO.V6S_IP);
        n.v6sPort = f.sport ?? 0;
        n.v6sL4 = f.l4proto ?? 0;
        n.name = ipv6ServerString(n);
        this.threads.serverPorts.add(n.v6sPort);
        break;
      case FD.UNIX_SOCK:
        n.sock.writeBigUInt64LE(f.unixSource ?? 0n, SO.UNIX_SRC);
        n.sock.writeBigUInt64LE(f.unixDest ?? 0n, SO.UNIX_DST);
        n.name = bytes(f.name ?? '');
        if (n.name === '') n.setRoleClient();
        else n.setRoleServer();
        break;
      case FD.FILE_V2:
        n.openflags = f.openFlags ?? 0;
        n.name = bytes(f.name ?? '');
        n.dev = f.dev ?? 0;
        n.mountId = 0;
        n.flags |= n.name === USER_EVT_DEVICE_NAME ? FDF.IS_TRACER_FILE : FDF.IS_NOT_TRACER_FD;
        break;
      case FD.FIFO:
      case FD.FILE:
      case FD.DIRECTORY:
      case FD.UNSUPPORTED:
      case FD.SIGNALFD:
      case FD.EVENTPOLL:
      case FD.EVENT:
      case FD.INOTIFY:
      case FD.TIMERFD:
      case FD.NETLINK:
        n.name = bytes(f.name ?? '');
        n.flags |= n.name === USER_EVT_DEVICE_NAME ? FDF.IS_TRACER_FILE : FDF.IS_NOT_TRACER_FD;
        break;
      default:
        add = false;
    }
    n.syslogWatch = this.syslog.watches(n.name);
    if (add) t.fdtable.add(f.fd, n);
  }

  /** fix_sockets_coming_from_proc(): sockets on a locally bound port are the server side. */
  private fixSocketsFromProcList(): void {
    for (const t of this.threads.table.values()) {
      for (const f of t.fdtable.values()) {
        if (f.type !== FD.IPV4_SOCK) continue;
        if (this.threads.serverPorts.has(f.v4sport)) {
          const ip = f.v4sip;
          const port = f.v4sport;
          f.v4sip = f.v4dip;
          f.v4dip = ip;
          f.v4sport = f.v4dport;
          f.v4dport = port;
          f.name = ipv4TupleString(f);
          f.setRoleServer();
        } else {
          f.setRoleClient();
        }
      }
    }
  }

  // --- the event loop --------------------------------------------------------------------------

  /**
   * One raw event through sinsp::next(). Returns the inspected event when a consumer should see
   * it, or null (skipped type, filtered out, internal).
   */
  step(raw: RawEvent): InspectedEvent | null {
    if (raw.type >= this.maxType) return null;
    if (this.syslog.needsReset) this.syslog.reset();
    const evt = this.evt;
    evt.bind(raw, this.eventInfo(raw.type));
    if (!this.haveFirstTs && raw.type !== ET.CONTAINER_JSON_E && raw.type !== ET.CONTAINER_JSON_2_E) {
      this.firstEventTs = raw.ts;
      this.haveFirstTs = this.firstEventTs !== 0n;
    }
    this.nevts++;
    evt.num = this.nevts;
    this.lastTsHi = raw.tsHi;
    this.lastTsLo = raw.tsLo;

    if (this.tidToRemove !== -1) {
      this.threads.remove(this.tidToRemove, false);
      this.tidToRemove = -1;
    }
    if (this.fdsToRemove.length !== 0) {
      const t = this.threads.getRef(this.tidOfFdToRemove, true);
      // pop(), not `length = 0`: emptying by length frees the backing store, and the next close
      // would allocate a new one.
      const fds = this.fdsToRemove;
      while (fds.length !== 0) {
        const fd = fds.pop()!;
        if (t) t.removeFd(fd);
      }
    }

    this.parser.process(evt);

    if (evt.filteredOut) {
      if (!(this.internalEvents && evt.category & EC.INTERNAL)) return null;
    }
    this.parser.cleanup(evt);
    const t = evt.tinfo;
    if (t && raw.type !== ET.SCHEDSWITCH_1_E && raw.type !== ET.SCHEDSWITCH_6_E) {
      t.advanceEventTs(this.lastTsHi, this.lastTsLo);
    }
    return evt;
  }

  /**
   * Read a capture and call `consumer` for every event libsinsp's next() returns, internal ones
   * included (check `evt.category & EC.INTERNAL`; sysdig hides them without -D). Leading
   * container events are consumed before the process list is imported and never delivered, like
   * libsinsp's init().
   */
  async run(path: string, consumer: EventConsumer, opts: ReadOptions = {}): Promise<InspectSummary> {
    const file = await CaptureFile.open(path, { ...opts, shape: { largePayload: isLargePayload } });
    let delivered = 0;
    let stopped = false;
    let leading = true;
    outer: for await (const p of file.batches()) {
      let raw: RawEvent | null;
      while ((raw = p.next()) !== null) {
        if (leading) {
          if (CONTAINER_TYPES.has(raw.type) && raw.type < this.maxType) {
            this.step(raw);
            continue;
          }
          leading = false;
          this.importInitialState(file.meta);
        }
        const evt = this.step(raw);
        if (evt === null) continue;
        delivered++;
        if (consumer(evt) === false) {
          stopped = true;
          break outer;
        }
      }
    }
    if (leading) this.importInitialState(file.meta);
    for (const w of file.warnings) this.warn(`${w.code}: ${w.message}`);
    return {
      events: this.nevts,
      delivered,
      warnings: this.warnings,
      stopped,
      file: { gzip: file.gzip, size: file.fileSize, version: file.meta.section ? `${file.meta.section.major}.${file.meta.section.minor}` : '', inventory: file.parser.inventory, warnings: file.warnings },
    };
  }
}

/** Strings from the metadata decoder are UTF-8 decoded; we work on byte strings (latin1). */
function bytes(s: string): string {
   
  return /^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(s, 'utf8').toString('latin1');
}
