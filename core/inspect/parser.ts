/**
 * The state machine (libsinsp sinsp_parser): for every event, find its thread and fd, pair exit
 * events with their stored enter events, and update threads, fds and containers.
 *
 * Follows libsinsp 0.1.1dev+git20220316 (what sysdig 0.29.3 runs) closely, including the quirks
 * that show in output: placeholder threads for unknown tids, fd tables shared by CLONE_FILES
 * threads, the overlay of socket tuples, deferred thread and fd removal.
 */
import type { RawEvent } from '../capture/event.js';
import { EventView } from '../capture/flyweight.js';
import { ALL_CAPS } from '../capture/events/capabilities.js';
import type { EventInfo } from '../capture/events/types.js';
import {
  AF,
  AT_FDCWD,
  CL,
  CLONE_STALE_TIME_NS,
  EF,
  ET,
  EXE_FROM_MEMFD,
  EXE_LOWER_LAYER,
  EXE_UPPER_LAYER,
  EXE_WRITABLE,
  EXVAT_AT_EMPTY_PATH,
  FCNTL_F_DUPFD,
  FCNTL_F_DUPFD_CLOEXEC,
  FD,
  IPPROTO,
  L4,
  O,
  RLIMIT_NOFILE,
  SE_EINPROGRESS,
  SOCK_DGRAM,
  SOCK_RAW,
  SOCK_STREAM,
  USER_EVT_DEVICE_NAME,
  CANCELED_FD_NUMBER,
} from './constants.js';
import { parseContainerJson, ContainerInfo } from './containers.js';
import { InspectedEvent, ParamReader } from './event.js';
import { FDF, FdInfo, SO, sockinfoToString } from './fdinfo.js';
import { isIpv4MappedIpv6 } from './net.js';
import { concatenatePaths } from './paths.js';
import { ThreadInfo } from './threadinfo.js';
import { TRACER_RES, TracerParser } from './tracers.js';
import { renderParamText } from './render.js';
import type { InspectorState } from './state.js';

const CLONE_TYPES = new Set<number>([
  ET.CLONE_11_X,
  ET.CLONE_16_X,
  ET.CLONE_17_X,
  ET.CLONE_20_X,
  ET.FORK_X,
  ET.FORK_17_X,
  ET.FORK_20_X,
  ET.VFORK_X,
  ET.VFORK_17_X,
  ET.VFORK_20_X,
  ET.CLONE3_X,
]);

const STORE_ENTER_TYPES = new Set<number>([
  ET.SENDTO_E,
  ET.OPEN_E,
  ET.CREAT_E,
  ET.OPENAT_E,
  ET.OPENAT_2_E,
  ET.OPENAT2_E,
  ET.SOCKET_E,
  ET.EVENTFD_E,
  ET.CHDIR_E,
  ET.FCHDIR_E,
  ET.SHUTDOWN_E,
  ET.GETRLIMIT_E,
  ET.SETRLIMIT_E,
  ET.PRLIMIT_E,
  ET.SENDMSG_E,
  ET.SENDFILE_E,
  ET.SETRESUID_E,
  ET.SETRESGID_E,
  ET.SETUID_E,
  ET.SETGID_E,
  ET.EXECVE_18_E,
  ET.EXECVE_19_E,
  ET.EXECVEAT_E,
  ET.SETPGID_E,
]);

const RW_EXIT_TYPES = new Set<number>([
  ET.READ_X,
  ET.WRITE_X,
  ET.RECV_X,
  ET.SEND_X,
  ET.RECVFROM_X,
  ET.RECVMSG_X,
  ET.SENDTO_X,
  ET.SENDMSG_X,
  ET.READV_X,
  ET.WRITEV_X,
  ET.PREAD_X,
  ET.PWRITE_X,
  ET.PREADV_X,
  ET.PWRITEV_X,
]);

const EXECVE_EXIT_TYPES = new Set<number>([
  ET.EXECVE_8_X,
  ET.EXECVE_13_X,
  ET.EXECVE_14_X,
  ET.EXECVE_15_X,
  ET.EXECVE_16_X,
  ET.EXECVE_17_X,
  ET.EXECVE_18_X,
  ET.EXECVE_19_X,
  ET.EXECVEAT_X,
]);

const ACCEPT_EXIT_TYPES = new Set<number>([ET.ACCEPT_X, ET.ACCEPT_5_X, ET.ACCEPT4_X, ET.ACCEPT4_5_X]);

/** The sets above as bits in one table indexed by event type: one load per test on the hot path. */
const K_CLONE = 1;
const K_STORE_ENTER = 2;
const K_RW_EXIT = 4;
const K_ACCEPT_EXIT = 8;
const KIND = new Uint8Array(1 << 16);
for (const [set, bit] of [
  [CLONE_TYPES, K_CLONE],
  [STORE_ENTER_TYPES, K_STORE_ENTER],
  [RW_EXIT_TYPES, K_RW_EXIT],
  [ACCEPT_EXIT_TYPES, K_ACCEPT_EXIT],
] as const) {
  for (const t of set) KIND[t]! |= bit;
}

/** What a path param holds when the driver could not read it. */
const NULL_NAME = '(NULL)';

/** PPM_O_CLOEXEC */
const O_CLOEXEC = 1 << 12;

/** PPM_EVENT_MAX: the "no last event" marker a filtered-out event leaves on its thread. */
const NO_EVENT_TYPE = 1 << 16;

/** A sentinel for libsinsp's recycled event buffer written by poll/select enters (not an event). */
const GARBAGE_ENTER: unique symbol = Symbol('garbage-enter');

/**
 * What the parser does for one event type, after reset(). Returns true when the event is dropped
 * outright (nothing after parsing applies to it).
 */
type Handler = (p: Parser, evt: InspectedEvent) => boolean | void;

/**
 * Handlers indexed by event type, filled by Parser's static block (handlers call its private
 * methods). One load per event instead of a chain of comparisons: the hottest types (read, close,
 * open) sat at the end of a switch over ~100 cases.
 */
const HANDLERS: Array<Handler | undefined> = [];

export class Parser {
  /** libsinsp m_tmp_evt: the last stored enter event that retrieve_enter_event() loaded. */
  private readonly tmp = new ParamReader();
  private tmpLoaded = false;

  constructor(private readonly s: InspectorState) {}

  private infoOf(raw: RawEvent): EventInfo {
    return this.s.eventInfo(raw.type);
  }

  // --- reset / bookkeeping ---------------------------------------------------------------------

  /** sinsp_parser::reset(): attach thread and fd, track latency and enter/exit pairing. */
  reset(evt: InspectedEvent): boolean {
    const etype = evt.type;
    evt.tinfo = null;
    evt.ownedThread = null;
    evt.fdinfo = null;
    evt.errorcode = 0;
    evt.fdinfoNameChanged = false;
    const eflags = evt.flags;

    if (eflags & EF.SKIPPARSERESET) {
      evt.tinfo = etype === ET.PROCINFO_E ? this.s.threads.getRef(evt.tid, false) : null;
      return false;
    }

    const queryOs = !(KIND[etype]! & K_CLONE || etype === ET.SCHEDSWITCH_6_E);
    if (etype === ET.CONTAINER_JSON_E || etype === ET.CONTAINER_JSON_2_E) return true;
    evt.tinfo = this.s.threads.getRef(evt.tid, queryOs);
    if (etype === ET.SCHEDSWITCH_6_E) return false;
    const t = evt.tinfo;
    if (!t) return false;
    if (queryOs) t.flags |= CL.ACTIVE;

    if ((etype & 1) === 0) {
      t.lastEventFd = -1;
      t.lastEventType = etype;
      if (eflags & EF.USES_FD) {
        t.lastEventFd = evt.i64(0);
        evt.fdinfo = t.getFd(t.lastEventFd);
      }
      t.latencyEnter(evt.raw.tsHi, evt.raw.tsLo);
    } else {
      t.latencyExit(evt.raw.tsHi, evt.raw.tsLo);
      if (etype === t.lastEventType + 1) {
        t.lastEventDataValid = true;
      } else {
        t.lastEventDataValid = false;
        if (t.lastEventType !== ET.TRACER_E) return false;
      }
      if (evt.nparams !== 0) {
        const p0 = evt.info.params[0]!.name;
        if (p0 === 'res' || p0 === 'fd') {
          const res = evt.i64(0);
          if (res < 0) evt.errorcode = -res | 0;
        }
      }
      if (eflags & EF.USES_FD) {
        if (etype === ET.COPY_FILE_RANGE_X) t.lastEventFd = evt.i64(1);
        evt.fdinfo = t.getFd(t.lastEventFd);
        if (evt.fdinfo === null) return false;
        if (evt.fdinfo.flags & FDF.CLOSE_CANCELED) {
          evt.fdinfo.flags &= ~FDF.CLOSE_CANCELED;
          this.scheduleFdRemoval(t, CANCELED_FD_NUMBER);
        }
      }
    }
    return true;
  }

  private scheduleFdRemoval(t: ThreadInfo, fd: number): void {
    this.s.tidOfFdToRemove = t.tid;
    this.s.fdsToRemove.push(fd);
  }

  /** store_event(): keep a copy of an enter event for its exit. */
  private storeEvent(evt: InspectedEvent): void {
    const t = evt.tinfo;
    if (!t) return;
    // One buffer per thread, reused, as libsinsp's m_lastevent_data: no allocation per enter event.
    t.lastEventData = (t.enterStore ??= new EventView()).copyFrom(evt.raw);
    t.lastEventDataValid = true;
  }

  /** retrieve_enter_event() into this.tmp. */
  private retrieveEnter(evt: InspectedEvent): boolean {
    const t = evt.tinfo;
    if (!t) return false;
    const data = t.lastEventData;
    if (!(t.lastEventDataValid && data)) return false;
    if ((data as unknown) === GARBAGE_ENTER) {
      t.lastEventDataValid = false;
      return false;
    }
    this.tmp.bind(data, this.infoOf(data));
    this.tmpLoaded = true;
    if (data.type !== evt.type - 1) {
      t.lastEventDataValid = false;
      return false;
    }
    return true;
  }

  /** event_cleanup(): an exit event releases its thread's stored enter event. */
  cleanup(evt: InspectedEvent): void {
    if ((evt.type & 1) === 1 && evt.tinfo && evt.tinfo.lastEventData) {
      evt.tinfo.lastEventData = null;
      evt.tinfo.lastEventDataValid = false;
    }
  }

  // --- dispatch table ------------------------------------------------------------------------

  static {
    const entries: Array<[readonly number[], Handler]> = [
      [
        [ET.SENDTO_E],
        (p, evt) => {
          if (evt.fdinfo === null && evt.tinfo !== null) p.inferSendtoFdinfo(evt);
          p.storeEvent(evt);
        },
      ],
      [
        [ET.WRITE_E],
        (_p, evt) => {
          if (evt.tinfo !== null) {
            evt.fdinfo = evt.tinfo.getFd(evt.tinfo.lastEventFd);
            if (evt.fdinfo && evt.fdinfo.flags & FDF.IS_TRACER_FD) {
              evt.filteredOut = true;
              return true;
            }
          }
          return false;
        },
      ],
      [
        [ET.SELECT_E, ET.POLL_E, ET.PPOLL_E, ET.EPOLLWAIT_E],
        (_p, evt) => {
          if (evt.tinfo && evt.tinfo.lastEventData === null) {
            evt.tinfo.lastEventData = GARBAGE_ENTER as unknown as RawEvent;
          }
        },
      ],
      [[ET.OPEN_X, ET.CREAT_X, ET.OPENAT_X, ET.OPENAT_2_X, ET.OPENAT2_X], (p, evt) => p.parseOpenExit(evt)],
      [
        [ET.EXECVE_8_X, ET.EXECVE_13_X, ET.EXECVE_14_X, ET.EXECVE_15_X, ET.EXECVE_16_X, ET.EXECVE_17_X, ET.EXECVE_18_X, ET.EXECVE_19_X, ET.EXECVEAT_X],
        (p, evt) => p.parseExecveExit(evt),
      ],
      [
        [ET.PROCEXIT_E, ET.PROCEXIT_1_E],
        (p, evt) => {
          if (evt.tinfo) {
            evt.tinfo.flags |= CL.CLOSED;
            p.s.tidToRemove = evt.tid;
          }
        },
      ],
      [[ET.PIPE_X], (p, evt) => p.parsePipeExit(evt)],
      [
        [ET.CAPSET_X],
        (_p, evt) => {
          if (evt.tinfo && evt.i64(0) >= 0) {
            evt.tinfo.capInheritable = evt.u64(1);
            evt.tinfo.capPermitted = evt.u64(2);
            evt.tinfo.capEffective = evt.u64(3);
          }
        },
      ],
      [
        [ET.UNSHARE_E, ET.SETNS_E],
        (p, evt) => {
          // Older drivers put the namespace flags on the enter event only; current libs' event
          // converter moves them to the exit, so we keep the enter for it.
          if (p.s.dialect === 'current') p.storeEvent(evt);
        },
      ],
      [[ET.UNSHARE_X, ET.SETNS_X], (p, evt) => p.parseUnshareSetnsExit(evt)],
      [[ET.SOCKET_X], (p, evt) => p.parseSocketExit(evt)],
      [[ET.BIND_X], (p, evt) => p.parseBindExit(evt)],
      [[ET.CONNECT_E], (p, evt) => p.parseConnectEnter(evt)],
      [[ET.CONNECT_X], (p, evt) => p.parseConnectExit(evt)],
      [
        [ET.CLOSE_E],
        (_p, evt) => {
          if (evt.tinfo) {
            evt.fdinfo = evt.tinfo.getFd(evt.tinfo.lastEventFd);
            if (evt.fdinfo) evt.fdinfo.flags |= FDF.CLOSE_IN_PROGRESS;
          }
        },
      ],
      [[ET.CLOSE_X], (p, evt) => p.parseCloseExit(evt)],
      [
        [ET.FCNTL_E],
        (p, evt) => {
          if (evt.tinfo) {
            const cmd = evt.u8(1);
            if (cmd === FCNTL_F_DUPFD || cmd === FCNTL_F_DUPFD_CLOEXEC) p.storeEvent(evt);
          }
        },
      ],
      [[ET.FCNTL_X], (p, evt) => p.parseFcntlExit(evt)],
      [[ET.EVENTFD_X], (p, evt) => p.addSimpleFd(evt, evt.i64(0), FD.EVENT)],
      [
        [ET.CHDIR_X],
        (_p, evt) => {
          if (evt.tinfo && evt.i64(0) >= 0) evt.tinfo.setCwd(evt.bytes(1));
        },
      ],
      [
        [ET.FCHDIR_X],
        (_p, evt) => {
          if (evt.i64(0) >= 0 && evt.fdinfo && evt.tinfo) evt.tinfo.setCwd(evt.fdinfo.name);
        },
      ],
      [
        [ET.GETCWD_X],
        (_p, evt) => {
          if (evt.i64(0) >= 0 && evt.tinfo) evt.tinfo.setCwd(evt.bytes(1));
        },
      ],
      [[ET.DUP_X], (p, evt) => p.parseDupExit(evt)],
      [
        [ET.SIGNALFD_X],
        (p, evt) => {
          if (evt.tinfo && evt.i64(0) >= 0) p.addSimpleFd(evt, evt.i64(0), FD.SIGNALFD);
        },
      ],
      [
        [ET.TIMERFD_CREATE_X],
        (p, evt) => {
          if (evt.tinfo && evt.i64(0) >= 0) p.addSimpleFd(evt, evt.i64(0), FD.TIMERFD);
        },
      ],
      [
        [ET.INOTIFY_INIT_X],
        (p, evt) => {
          if (evt.tinfo && evt.i64(0) >= 0) p.addSimpleFd(evt, evt.i64(0), FD.INOTIFY);
        },
      ],
      [[ET.GETRLIMIT_X, ET.SETRLIMIT_X], (p, evt) => p.parseRlimitExit(evt)],
      [[ET.PRLIMIT_X], (p, evt) => p.parsePrlimitExit(evt)],
      [[ET.SOCKETPAIR_X], (p, evt) => p.parseSocketpairExit(evt)],
      [[ET.SCHEDSWITCH_1_E, ET.SCHEDSWITCH_6_E], (p, evt) => p.parseContextSwitch(evt)],
      [
        [ET.BRK_4_X, ET.MMAP_X, ET.MMAP2_X, ET.MUNMAP_X],
        (_p, evt) => {
          if (evt.tinfo) {
            evt.tinfo.vmsizeKb = evt.u32(1);
            evt.tinfo.vmrssKb = evt.u32(2);
            evt.tinfo.vmswapKb = evt.u32(3);
          }
        },
      ],
      [[ET.SETRESUID_X, ET.SETRESGID_X, ET.SETUID_X, ET.SETGID_X], (p, evt) => p.parseSetIdExit(evt)],
      [[ET.CONTAINER_E], (p, evt) => p.parseContainerEvt(evt)],
      [[ET.CONTAINER_JSON_E, ET.CONTAINER_JSON_2_E], (p, evt) => p.parseContainerJson(evt)],
      [
        [ET.CHROOT_X],
        (p, evt) => {
          if (evt.i64(0) === 0 && evt.tinfo) {
            const r = renderParamText(p.s, evt, evt, 1, false);
            evt.tinfo.root = r.resolved !== '' ? r.resolved : r.str;
            p.s.containers.resolve(evt.tinfo);
          }
        },
      ],
      [
        [ET.SETSID_X],
        (_p, evt) => {
          if (evt.i64(0) >= 0 && evt.tinfo) evt.tinfo.sid = evt.i64(0);
        },
      ],
      [
        [ET.GETSOCKOPT_X],
        (_p, evt) => {
          if (evt.nparams > 0 && evt.tinfo) {
            const fd = evt.i64(1);
            const mt = evt.tinfo.mainThread();
            evt.fdinfo = mt ? mt.getFd(fd) : null;
            evt.tinfo.lastEventFd = fd;
          }
        },
      ],
      // Event types newer than sysdig 0.29.3: what current libs does with them.
      [[ET.DUP_1_X, ET.DUP2_X, ET.DUP3_X], (p, evt) => p.parseDupExit(evt)],
      [[ET.PIPE2_X], (p, evt) => p.parsePipeExit(evt)],
      [[ET.EVENTFD2_X], (p, evt) => p.addSimpleFd(evt, evt.i64(0), FD.EVENT)],
      [[ET.SIGNALFD4_X], (p, evt) => p.addSimpleFd(evt, evt.i64(0), FD.SIGNALFD)],
      [[ET.INOTIFY_INIT1_X], (p, evt) => p.addSimpleFd(evt, evt.i64(0), FD.INOTIFY)],
      [[ET.EPOLL_CREATE_X, ET.EPOLL_CREATE1_X], (p, evt) => p.addSimpleFd(evt, evt.i64(0), FD.EVENTPOLL)],
      [[ET.BPF_2_X], (p, evt) => p.addSimpleFd(evt, evt.i64(0), FD.BPF)],
      [[ET.IO_URING_SETUP_X], (p, evt) => p.addSimpleFd(evt, evt.i64(0), FD.IOURING)],
      [
        [ET.USERFAULTFD_X],
        (p, evt) => {
          // sysdig 0.29.3 ignored userfaultfd.
          if (p.s.dialect === 'current') p.addSimpleFd(evt, evt.i64(0), FD.USERFAULTFD);
        },
      ],
      [[ET.ACCEPT4_6_X], (p, evt) => p.parseAcceptExit(evt)],
      [[ET.MEMFD_CREATE_X], (p, evt) => p.parseMemfdCreateExit(evt)],
      [[ET.PIDFD_OPEN_X], (p, evt) => p.parsePidfdOpenExit(evt)],
      [[ET.PIDFD_GETFD_X], (p, evt) => p.parsePidfdGetfdExit(evt)],
      [[ET.OPEN_BY_HANDLE_AT_X], (p, evt) => p.parseOpenByHandleExit(evt)],
      [[ET.USER_ADDED_E, ET.USER_DELETED_E], (p, evt) => p.parseUserEvt(evt)],
      [[ET.GROUP_ADDED_E, ET.GROUP_DELETED_E], (p, evt) => p.parseGroupEvt(evt)],
      // Whole families, for the types not named above.
      [[...STORE_ENTER_TYPES], (p, evt) => p.storeEvent(evt)],
      [[...RW_EXIT_TYPES], (p, evt) => p.parseRwExit(evt)],
      [[...CLONE_TYPES], (p, evt) => p.parseCloneExit(evt)],
      [[...ACCEPT_EXIT_TYPES], (p, evt) => p.parseAcceptExit(evt)],
      [
        [ET.SENDFILE_X],
        (p, evt) => {
          // Only an fd listener cares (sendfile's in fd); nothing in the state changes.
          if (evt.fdinfo && evt.i64(0) >= 0) p.retrieveEnter(evt);
        },
      ],
    ];
    // The first entry naming a type wins, as the first matching case of a switch would.
    for (const [types, handle] of entries) {
      for (const t of types) {
        while (HANDLERS.length <= t) HANDLERS.push(undefined);
        if (HANDLERS[t] === undefined) HANDLERS[t] = handle;
      }
    }
  }

  // --- entry point -----------------------------------------------------------------------------

  process(evt: InspectedEvent): void {
    const etype = evt.type;
    this.reset(evt);
    evt.filteredOut = false;

    // A capture filter (sysdig's trailing filter) runs before parsing, except for events that
    // change state, which are parsed first. A filtered-out event is not parsed at all and breaks
    // its thread's enter/exit pairing, exactly like libsinsp.
    const filter = this.s.filter;
    let filterLater = false;
    if (filter) {
      let eflags = evt.flags;
      if (etype === ET.WRITE_X && this.s.dialect === 'sysdig029') {
        // Writes that may be tracers change state (they can become tracer events).
        let f = evt.fdinfo;
        if (f === null && evt.tinfo !== null) {
          f = evt.tinfo.getFd(evt.tinfo.lastEventFd);
          evt.fdinfo = f;
        }
        if (f && f.flags & (FDF.IS_TRACER_FD | FDF.IS_TRACER_FILE)) {
          eflags |= EF.MODIFIES_STATE;
        } else if (evt.raw.flags & SCAP_DF_TRACER) {
          evt.fdinfo = null;
          eflags |= EF.MODIFIES_STATE;
        }
      }
      if (eflags & EF.MODIFIES_STATE) {
        filterLater = true;
      } else if (!filter(evt)) {
        if (evt.tinfo && !(eflags & EF.SKIPPARSERESET || etype === ET.SCHEDSWITCH_6_E)) evt.tinfo.lastEventType = NO_EVENT_TYPE;
        evt.filteredOut = true;
        return;
      }
    }

    const handle = etype < HANDLERS.length ? HANDLERS[etype] : undefined;
    // A handler returns true when the event is dropped outright (nothing after parsing applies).
    if (handle !== undefined && handle(this, evt) === true) return;

    if (filterLater && filter) {
      if (!filter(evt)) {
        evt.filteredOut = true;
        return;
      }
      // A passing filter overrides what parsing decided (e.g. an incomplete tracer write).
      evt.filteredOut = false;
    }
    if (evt.raw.flags & SCAP_DF_STATE_ONLY) evt.filteredOut = true;
    if (evt.fdinfo) evt.fdinfoNameChanged = evt.fdinfo.name !== evt.fdinfo.oldname;
  }

  // --- clone / execve --------------------------------------------------------------------------

  private parseCloneExit(evt: InspectedEvent): void {
    const etype = evt.type;
    let tid = evt.tid;
    let childtid = evt.i64(0);
    let isInvertedClone = false;
    let tidCollision = false;
    let validParent = true;
    let inContainer = false;
    let vtid = tid;
    let vpid = -1;

    let flagsIdx: number;
    switch (etype) {
      case ET.CLONE_11_X:
        flagsIdx = 8;
        break;
      case ET.CLONE_16_X:
      case ET.FORK_X:
      case ET.VFORK_X:
        flagsIdx = 13;
        break;
      case ET.CLONE_17_X:
      case ET.FORK_17_X:
      case ET.VFORK_17_X:
        flagsIdx = 14;
        break;
      default:
        flagsIdx = 15;
    }
    const flags = evt.u32(flagsIdx);
    if (childtid < 0) return;

    const v20 = etype === ET.CLONE_20_X || etype === ET.FORK_20_X || etype === ET.VFORK_20_X || etype === ET.CLONE3_X;
    if (v20) {
      vtid = evt.i64(18);
      vpid = evt.i64(19);
    }
    if (flags & CL.CHILD_IN_PIDNS || tid !== vtid) inContainer = true;

    if (childtid === 0) {
      if (evt.tinfo && evt.tinfo.cloneTs !== 0n) {
        if (evt.ts - evt.tinfo.cloneTs > CLONE_STALE_TIME_NS) {
          this.s.threads.remove(tid, true);
          evt.tinfo = null;
        }
      }
      const parenttid = flags & CL.CLONE_THREAD ? evt.i64(4) : evt.i64(5);
      if (!evt.tinfo) {
        isInvertedClone = true;
        childtid = tid;
        tid = parenttid;
      } else {
        if (inContainer) {
          evt.tinfo.vtid = vtid;
          evt.tinfo.vpid = vpid;
          // Current libs builds such a child from this event, namespace start included.
          if (this.s.bootTsEpoch !== 0n && evt.len(20) !== 0) evt.tinfo.pidnsInitStartTs = evt.u64(20) + this.s.bootTsEpoch;
        }
        return;
      }
    } else if (inContainer) {
      return;
    }

    let ptinfo = this.s.threads.getRef(tid, true);
    if (ptinfo === null) return;
    if (ptinfo.comm === '<NA>' && ptinfo.uid === 0xffffffff) validParent = false;

    const existing = this.s.threads.lookup(childtid);
    if (existing !== null) {
      if (existing.flags & CL.CLONE_INVERTED) return;
      this.s.threads.remove(childtid, true);
      tidCollision = true;
    }

    const t = this.s.threads.newThread();
    t.tid = childtid;
    t.ptid = tid;
    const commIdx = etype === ET.CLONE_11_X || etype === ET.CLONE_16_X || etype === ET.FORK_X || etype === ET.VFORK_X ? -1 : 13;

    if (validParent) {
      copyFromParent(t, ptinfo, flags);
    } else {
      this.s.threads.remove(tid, true);
      tidCollision = true;
      ptinfo = this.s.threads.getRef(tid, true);
      if (ptinfo === null) return;
      if (ptinfo.comm !== '<NA>' && ptinfo.uid !== 0xffffffff) {
        copyFromParent(t, ptinfo, flags);
      } else {
        t.exe = evt.str(1);
        t.comm = commIdx < 0 ? t.exe : evt.str(commIdx);
        t.setArgs(evt.bytes(2));
        ptinfo.comm = t.comm;
        ptinfo.exe = t.exe;
        ptinfo.exepath = t.exepath;
        ptinfo.setArgs(evt.bytes(2));
      }
    }

    t.pid = evt.i64(4);
    t.flags = flags;
    if (!(t.flags & CL.CLONE_THREAD)) {
      t.pid = childtid;
      t.fdtable.copyFrom(ptinfo.fdtable);
      t.fdtable.forEach((f) => {
        f.flags |= FDF.IS_CLONED;
      });
      t.cwd = ptinfo.getCwd();
    }
    if (isInvertedClone) t.flags |= CL.CLONE_INVERTED;

    t.exe = evt.str(1);
    t.comm = commIdx < 0 ? t.exe : evt.str(commIdx);
    t.setArgs(evt.bytes(2));
    t.fdlimit = evt.i64big(7);
    if (etype !== ET.CLONE_11_X) {
      t.pfmajor = evt.u64(8);
      t.pfminor = evt.u64(9);
      t.vmsizeKb = evt.u32(10);
      t.vmrssKb = evt.u32(11);
      t.vmswapKb = evt.u32(12);
    }
    let uidIdx: number;
    switch (etype) {
      case ET.CLONE_11_X:
        uidIdx = 9;
        break;
      case ET.CLONE_16_X:
      case ET.FORK_X:
      case ET.VFORK_X:
        uidIdx = 14;
        break;
      case ET.CLONE_17_X:
      case ET.FORK_17_X:
      case ET.VFORK_17_X:
        uidIdx = 15;
        break;
      default:
        uidIdx = 16;
    }
    t.uid = evt.u32(uidIdx);
    t.gid = evt.u32(uidIdx + 1);
    if (inContainer) {
      t.vtid = vtid;
      t.vpid = vpid;
    } else {
      t.vtid = t.tid;
      t.vpid = t.pid;
    }
    if (v20) {
      t.setCgroups(evt.bytes(14));
      this.s.containers.resolve(t);
    }
    t.cloneTs = evt.ts;
    // Current libs: a child in a pid namespace, which only its own clone exit creates, learns
    // the namespace's start (monotonic) from the event; other children share the host's boot
    // time. Without a boot time in the capture the start stays unknown.
    const boot = this.s.bootTsEpoch;
    if (boot !== 0n) {
      if (!isInvertedClone || !(t.flags & (CL.CHILD_IN_PIDNS | CL.CLONE_NEWPID) || t.tid !== t.vtid)) t.pidnsInitStartTs = boot;
      else if (evt.len(20) !== 0) t.pidnsInitStartTs = evt.u64(20) + boot;
    }
    this.s.threads.add(t, false);
    if (tidCollision) this.reset(evt);
  }

  private parseExecveExit(evt: InspectedEvent): void {
    const etype = evt.type;
    if (evt.i64(0) < 0) return;
    const t = evt.tinfo;
    if (!t) return;
    t.exe = evt.str(1);
    if (etype === ET.EXECVE_8_X || etype === ET.EXECVE_13_X || etype === ET.EXECVE_14_X) t.comm = t.exe;
    else t.comm = evt.str(13);
    t.setArgs(evt.bytes(2));
    t.pid = evt.i64(4);
    if (t.ptid === -1) t.ptid = evt.i64(5);
    t.fdlimit = evt.i64big(7);
    if (etype !== ET.EXECVE_8_X) {
      t.pfmajor = evt.u64(8);
      t.pfminor = evt.u64(9);
      t.vmsizeKb = evt.u32(10);
      t.vmrssKb = evt.u32(11);
      t.vmswapKb = evt.u32(12);
    }
    if (etype === ET.EXECVE_14_X) t.setEnv(evt.bytes(13));
    else if (etype === ET.EXECVE_15_X) t.setEnv(evt.bytes(14));
    else if (etype !== ET.EXECVE_8_X && etype !== ET.EXECVE_13_X) {
      t.setEnv(evt.bytes(15));
      t.setCgroups(evt.bytes(14));
      this.s.containers.resolve(t);
    }
    const v17plus = etype === ET.EXECVE_17_X || etype === ET.EXECVE_18_X || etype === ET.EXECVE_19_X || etype === ET.EXECVEAT_X;
    if (v17plus) t.tty = evt.i32(16);
    if (etype === ET.EXECVE_18_X || etype === ET.EXECVE_19_X) {
      if (this.retrieveEnter(evt)) {
        const fname = this.tmp.bytes(0);
        if (fname.toString('latin1', 0, 4) === '<NA>') t.exepath = '<NA>';
        else t.exepath = concatenatePaths(t.cwd, fname);
      }
    } else if (etype === ET.EXECVEAT_X) {
      if (this.retrieveEnter(evt)) {
        const dirfd = this.tmp.i64(0);
        const pathBuf = this.tmp.bytes(1);
        if (pathBuf.toString('latin1', 0, 4) === '<NA>') {
          t.exepath = '<NA>';
        } else {
          const eflags = this.tmp.u32(2);
          let path = this.tmp.str(1);
          const sdir = this.parseDirfd(evt, path, dirfd);
          if (eflags & EXVAT_AT_EMPTY_PATH && path.length === 0) path = sdir;
          t.exepath = concatenatePaths(sdir, path, pathBuf.length);
        }
      }
    }
    if (etype === ET.EXECVE_19_X || etype === ET.EXECVEAT_X) t.vpgid = evt.i64(17);
    if (evt.nparams > 18) t.loginuid = evt.u32(18);
    if (evt.nparams > 19) {
      const xf = evt.u32(19);
      t.exeWritable = (xf & EXE_WRITABLE) !== 0;
      t.exeUpperLayer = (xf & EXE_UPPER_LAYER) !== 0;
      t.exeFromMemfd = (xf & EXE_FROM_MEMFD) !== 0;
      t.exeLowerLayer = (xf & EXE_LOWER_LAYER) !== 0;
    }
    // Current libs: capabilities (params 20-22) and the executable's inode (23-25), each group
    // taken when the event carries it. Read by raw position: 0.29.3's table stops at 20 params.
    if (evt.len(22) !== 0) {
      t.capInheritable = evt.u64(20);
      t.capPermitted = evt.u64(21);
      t.capEffective = evt.u64(22);
    }
    if (evt.len(25) !== 0) {
      t.exeIno = evt.u64(23);
      t.exeInoCtime = evt.u64(24);
      t.exeInoMtime = evt.u64(25);
      if (t.cloneTs !== 0n) t.exeInoCtimeDurationCloneTs = BigInt.asUintN(64, t.cloneTs - t.exeInoCtime);
      if (t.pidnsInitStartTs !== 0n && t.exeInoCtime > t.pidnsInitStartTs) t.exeInoCtimeDurationPidnsStart = t.exeInoCtime - t.pidnsInitStartTs;
    }

    const keep = t.flags & (CL.PIPE_SRC | CL.PIPE_DST | CL.IS_MAIN_THREAD);
    const inverted = (t.flags & CL.CLONE_INVERTED) !== 0;
    t.flags = CL.ACTIVE | keep;
    if (inverted) t.flags |= CL.CLONE_INVERTED;
    t.flags |= CL.NAME_CHANGED;
  }

  /**
   * parse_unshare_setns_exit() of current libs: entering a new user namespace grants every
   * capability. Flags come from the exit, or (older drivers) from the stored enter event.
   */
  private parseUnshareSetnsExit(evt: InspectedEvent): void {
    const t = evt.tinfo;
    if (!t || evt.i64(0) < 0) return;
    const unshare = evt.type === ET.UNSHARE_X;
    const exitIdx = unshare ? 1 : 2;
    let flags = 0;
    if (evt.len(exitIdx) !== 0) flags = evt.u32(exitIdx);
    else if (this.s.dialect === 'current' && this.retrieveEnter(evt)) flags = this.tmp.u32(unshare ? 0 : 1);
    if (!(flags & CL.CLONE_NEWUSER)) return;
    t.capInheritable = ALL_CAPS;
    t.capPermitted = ALL_CAPS;
    t.capEffective = ALL_CAPS;
  }

  /** parse_dirfd(): the directory an *at() path is relative to. Sets evt.fdinfo like libsinsp. */
  private parseDirfd(evt: InspectedEvent, name: string, dirfd: number): string {
    if (name.startsWith('/')) return '.';
    if (dirfd === AT_FDCWD) return evt.tinfo ? evt.tinfo.getCwd() : '';
    evt.fdinfo = evt.tinfo ? evt.tinfo.getFd(dirfd) : null;
    if (evt.fdinfo === null) return '<UNKNOWN>';
    // libsinsp checks the byte *after* the name (always NUL), so it always appends a '/'.
    return evt.fdinfo.name + '/';
  }

  // --- files -----------------------------------------------------------------------------------

  private parseOpenExit(evt: InspectedEvent): void {
    const t = evt.tinfo;
    if (!t) return;
    const etype = evt.type;
    const retrieved = this.retrieveEnter(evt);
    const enter = this.tmp;
    const fd = evt.i64(0);
    // The name as its C string plus its param length (NUL included), which is what
    // concatenate_paths is given: no Buffer view per open.
    let name: string;
    let nameLen: number;
    let flags: number;
    let dev = 0;
    let sdir: string;

    // The enter event's name wins when it has one; the exit's is decoded only otherwise.
    if (etype === ET.OPEN_X) {
      const en = retrieved && enter.nparams >= 2 && enter.len(0) !== 0 ? enter.str(0) : NULL_NAME;
      if (en !== NULL_NAME) {
        name = en;
        nameLen = enter.len(0);
        flags = enter.u32(1);
      } else {
        name = evt.str(1);
        nameLen = evt.len(1);
        flags = evt.u32(2);
      }
      if (evt.nparams > 4) dev = evt.u32(4);
      sdir = t.getCwd();
    } else if (etype === ET.CREAT_X) {
      const en = retrieved && enter.nparams >= 1 && enter.len(0) !== 0 ? enter.str(0) : NULL_NAME;
      if (en !== NULL_NAME) {
        name = en;
        nameLen = enter.len(0);
      } else {
        name = evt.str(1);
        nameLen = evt.len(1);
      }
      flags = 0;
      if (evt.nparams > 3) dev = evt.u32(3);
      sdir = t.getCwd();
    } else if (etype === ET.OPENAT_X) {
      // The old openat exit carries nothing: libsinsp reads the enter event, even a stale one.
      if (!this.tmpLoaded) return;
      name = enter.str(1);
      nameLen = enter.len(1);
      flags = enter.u32(2);
      sdir = this.parseDirfd(evt, name, enter.i64(0));
    } else {
      let dirfd: number;
      const en = retrieved && enter.nparams >= 3 && enter.len(1) !== 0 ? enter.str(1) : NULL_NAME;
      if (en !== NULL_NAME) {
        name = en;
        nameLen = enter.len(1);
        flags = enter.u32(2);
        dirfd = enter.i64(0);
      } else {
        name = evt.str(2);
        nameLen = evt.len(2);
        flags = evt.u32(3);
        dirfd = evt.i64(1);
      }
      if (etype === ET.OPENAT_2_X && evt.nparams > 5) dev = evt.u32(5);
      sdir = this.parseDirfd(evt, name, dirfd);
    }

    const fullpath = concatenatePaths(sdir, name, nameLen);
    if (fd >= 0) {
      const fdi = new FdInfo();
      fdi.type = flags & O.DIRECTORY ? FD.DIRECTORY : FD.FILE_V2;
      fdi.openflags = flags;
      fdi.mountId = 0;
      fdi.dev = dev;
      fdi.name = fullpath;
      fdi.flags |= fdi.name === USER_EVT_DEVICE_NAME ? FDF.IS_TRACER_FILE : FDF.IS_NOT_TRACER_FD;
      evt.fdinfo = t.addFd(fd, fdi, true);
      this.onOpenOrConnect(evt);
    }
  }

  /** The syslog decoder's open/connect callback. */
  private onOpenOrConnect(evt: InspectedEvent): void {
    const f = evt.fdinfo;
    if (f && this.s.syslog.watches(f.name)) f.syslogWatch = true;
  }

  private addSimpleFd(evt: InspectedEvent, fd: number, type: number): void {
    const t = evt.tinfo;
    if (!t || fd < 0) return;
    const fdi = new FdInfo();
    fdi.type = type;
    fdi.name = '';
    evt.fdinfo = t.addFd(fd, fdi);
  }

  private parsePipeExit(evt: InspectedEvent): void {
    if (evt.i64(0) < 0) return;
    const fd1 = evt.i64(1);
    const fd2 = evt.i64(2);
    const ino = evt.u64(3);
    for (const fd of [fd1, fd2]) {
      const t = evt.tinfo;
      if (!t) return;
      const fdi = new FdInfo();
      fdi.type = FD.FIFO;
      fdi.name = '';
      fdi.ino = ino;
      evt.fdinfo = t.addFd(fd, fdi);
    }
  }

  private parseCloseExit(evt: InspectedEvent): void {
    const retval = evt.i64(0);
    if (retval >= 0) {
      if (evt.fdinfo === null || evt.tinfo === null) return;
      if (evt.fdinfo.flags & FDF.CLOSE_CANCELED) {
        evt.fdinfo.flags &= ~FDF.CLOSE_CANCELED;
        this.scheduleFdRemoval(evt.tinfo, CANCELED_FD_NUMBER);
      } else {
        this.scheduleFdRemoval(evt.tinfo, evt.tinfo.lastEventFd);
      }
    } else if (evt.fdinfo !== null) {
      evt.fdinfo.flags &= ~FDF.CLOSE_IN_PROGRESS;
    }
  }

  private parseDupExit(evt: InspectedEvent): void {
    const t = evt.tinfo;
    if (!t) return;
    const retval = evt.i64(0);
    if (retval < 0) return;
    if (retval === 0) t.flags |= CL.PIPE_DST;
    if (retval === 1) t.flags |= CL.PIPE_SRC;
    if (evt.fdinfo === null) return;
    // The old fd at the new number is overwritten; libsinsp only tells its listeners.
    t.getFd(retval);
    evt.fdinfo = t.addFd(retval, evt.fdinfo);
  }

  private parseFcntlExit(evt: InspectedEvent): void {
    const retval = evt.i64(0);
    if (!this.retrieveEnter(evt)) return;
    if (retval >= 0 && evt.fdinfo !== null && evt.tinfo !== null) {
      evt.fdinfo = evt.tinfo.addFd(retval, evt.fdinfo);
    }
  }

  private parseRlimitExit(evt: InspectedEvent): void {
    const t = evt.tinfo;
    if (!t) return;
    if (evt.i64(0) < 0) return;
    if (!this.retrieveEnter(evt)) return;
    if (this.tmp.u8(0) !== RLIMIT_NOFILE) return;
    const cur = evt.i64big(1);
    if (cur !== -1n) {
      const mt = t.mainThread();
      if (mt) mt.fdlimit = cur;
    }
  }

  private parsePrlimitExit(evt: InspectedEvent): void {
    if (evt.i64(0) < 0) return;
    if (!this.retrieveEnter(evt)) return;
    if (this.tmp.u8(1) !== RLIMIT_NOFILE) return;
    const newcur = evt.i64big(1);
    if (newcur === -1n) return;
    let tid = this.tmp.i64(0);
    if (tid === 0) tid = evt.tid;
    const p = this.s.threads.getRef(tid, true);
    if (!p) return;
    const mt = p.mainThread();
    if (mt) mt.fdlimit = newcur;
  }

  private parseContextSwitch(evt: InspectedEvent): void {
    const t = evt.tinfo;
    if (!t) return;
    t.pfmajor = evt.u64(1);
    t.pfminor = evt.u64(2);
    const mt = t.mainThread();
    if (mt) {
      mt.vmsizeKb = evt.u32(3);
      mt.vmrssKb = evt.u32(4);
      mt.vmswapKb = evt.u32(5);
    }
  }

  private parseSetIdExit(evt: InspectedEvent): void {
    if (evt.i64(0) < 0 || !this.retrieveEnter(evt)) return;
    const etype = evt.type;
    const t = evt.tinfo;
    if (etype === ET.SETRESUID_X || etype === ET.SETRESGID_X) {
      const v = this.tmp.u32(1);
      if (v < 0xffffffff && t) {
        if (etype === ET.SETRESUID_X) t.uid = v;
        else t.gid = v;
      }
    } else if (t) {
      const v = this.tmp.u32(0);
      if (etype === ET.SETUID_X) t.uid = v;
      else t.gid = v;
    }
  }

  // --- newer fd kinds (current libs) ---------------------------------------------------------

  private parseMemfdCreateExit(evt: InspectedEvent): void {
    const t = evt.tinfo;
    const fd = evt.i64(0);
    if (!t || fd < 0) return;
    const fdi = new FdInfo();
    fdi.type = FD.MEMFD;
    fdi.name = evt.str(1);
    fdi.openflags = evt.u32(2);
    evt.fdinfo = t.addFd(fd, fdi);
  }

  private parsePidfdOpenExit(evt: InspectedEvent): void {
    const t = evt.tinfo;
    const fd = evt.i64(0);
    if (!t || fd < 0) return;
    const fdi = new FdInfo();
    fdi.type = FD.PIDFD;
    fdi.pid = evt.i64(1);
    fdi.name = `/proc/${fdi.pid}`;
    fdi.openflags = evt.u32(2);
    evt.fdinfo = t.addFd(fd, fdi);
  }

  /** pidfd_getfd(): a copy of the target process's fd. */
  private parsePidfdGetfdExit(evt: InspectedEvent): void {
    const t = evt.tinfo;
    const fd = evt.i64(0);
    if (!t || fd < 0) return;
    const pidfd = t.getFd(evt.i64(1));
    if (!pidfd || pidfd.type !== FD.PIDFD) return;
    const target = this.s.threads.lookup(pidfd.pid)?.getFd(evt.i64(2));
    if (!target) return;
    const fdi = target.clone();
    fdi.openflags |= O_CLOEXEC;
    evt.fdinfo = t.addFd(fd, fdi);
  }

  /** open_by_handle_at(): the driver resolves the path; it is absolute. */
  private parseOpenByHandleExit(evt: InspectedEvent): void {
    const t = evt.tinfo;
    const fd = evt.i64(0);
    if (!t || fd < 0) return;
    const flags = evt.u32(2);
    const fdi = new FdInfo();
    fdi.type = flags & O.DIRECTORY ? FD.DIRECTORY : FD.FILE_V2;
    fdi.openflags = flags;
    fdi.name = concatenatePaths('', evt.bytes(3));
    if (evt.nparams > 4) fdi.dev = evt.u32(4);
    if (evt.nparams > 5) fdi.ino = evt.u64(5);
    fdi.flags |= fdi.name === USER_EVT_DEVICE_NAME ? FDF.IS_TRACER_FILE : FDF.IS_NOT_TRACER_FD;
    evt.fdinfo = t.addFd(fd, fdi);
    this.onOpenOrConnect(evt);
  }

  /** User and group events (current libs): the capturing host's (or a container's) user table. */
  private parseUserEvt(evt: InspectedEvent): void {
    const uid = evt.u32(0);
    const container = evt.str(5);
    if (evt.type === ET.USER_ADDED_E) {
      this.s.users.addUser(container, { uid, gid: evt.u32(1), name: evt.str(2), homedir: evt.str(3), shell: evt.str(4) });
    } else {
      this.s.users.removeUser(container, uid);
    }
  }

  private parseGroupEvt(evt: InspectedEvent): void {
    const gid = evt.u32(0);
    const container = evt.str(2);
    if (evt.type === ET.GROUP_ADDED_E) this.s.users.addGroup(container, { gid, name: evt.str(1) });
    else this.s.users.removeGroup(container, gid);
  }

  // --- sockets ---------------------------------------------------------------------------------

  private addSocket(evt: InspectedEvent, fd: number, domain: number, type: number, protocol: number): void {
    const fdi = new FdInfo();
    fdi.type = FD.UNKNOWN;
    if (domain === AF.UNIX) {
      fdi.type = FD.UNIX_SOCK;
    } else if (domain === AF.INET || domain === AF.INET6) {
      fdi.type = domain === AF.INET ? FD.IPV4_SOCK : FD.IPV6_SOCK;
      let l4: number = L4.UNKNOWN;
      if (protocol === IPPROTO.TCP) l4 = type === SOCK_RAW ? L4.RAW : L4.TCP;
      else if (protocol === IPPROTO.UDP) l4 = type === SOCK_RAW ? L4.RAW : L4.UDP;
      else if (protocol === IPPROTO.IP) {
        if ((type & 0xff) === SOCK_STREAM) l4 = L4.TCP;
        else if ((type & 0xff) === SOCK_DGRAM) l4 = L4.UDP;
      } else if (protocol === IPPROTO.ICMP) l4 = type === SOCK_RAW ? L4.RAW : L4.ICMP;
      else if (protocol === IPPROTO.RAW) l4 = L4.RAW;
      if (domain === AF.INET) fdi.v4l4 = l4;
      else fdi.v6l4 = l4;
    } else if (domain === AF.NETLINK) {
      fdi.type = FD.NETLINK;
    }
    if (fdi.type === FD.UNKNOWN) return;
    if (!evt.tinfo) return;
    evt.fdinfo = evt.tinfo.addFd(fd, fdi);
  }

  /** A sendto() on an fd we never saw created: assume an unconnected UDP socket. */
  private inferSendtoFdinfo(evt: InspectedEvent): void {
    const fd = evt.i64(0);
    if (fd < 0) return;
    const fam = evt.u8(2);
    if (fam === 2 || fam === 10) this.addSocket(evt, fd, fam === 2 ? AF.INET : AF.INET6, SOCK_DGRAM, IPPROTO.UDP);
  }

  private parseSocketExit(evt: InspectedEvent): void {
    const fd = evt.i64(0);
    if (fd < 0 || evt.tinfo === null) return;
    if (!this.retrieveEnter(evt)) return;
    this.addSocket(evt, fd, this.tmp.u32(0), this.tmp.u32(1), this.tmp.u32(2));
  }

  private parseSocketpairExit(evt: InspectedEvent): void {
    if (evt.i64(0) < 0 || evt.tinfo === null) return;
    const fdi = new FdInfo();
    fdi.type = FD.UNIX_SOCK;
    fdi.sock.writeBigUInt64LE(evt.u64(3), SO.UNIX_SRC);
    fdi.sock.writeBigUInt64LE(evt.u64(4), SO.UNIX_DST);
    evt.fdinfo = evt.tinfo.addFd(evt.i64(1), fdi);
    evt.tinfo.addFd(evt.i64(2), fdi);
  }

  private parseBindExit(evt: InspectedEvent): void {
    const f = evt.fdinfo;
    if (f === null) return;
    if (evt.i64(0) < 0) return;
    const addr = evt.bytes(1);
    if (addr.length === 0) return;
    const family = addr[0];
    if (family === AF.INET) {
      const ip = addr.readUInt32LE(1);
      const port = addr.readUInt16LE(5);
      if (port > 0) {
        f.type = FD.IPV4_SERVSOCK;
        f.v4sIp = ip;
        f.v4sPort = port;
        f.v4sL4 = f.v4l4;
        f.setRoleServer();
      }
    } else if (family === AF.INET6) {
      const port = addr.readUInt16LE(17);
      if (port > 0) {
        if (isIpv4MappedIpv6(addr, 1)) {
          f.type = FD.IPV4_SERVSOCK;
          f.v4sL4 = f.v6l4;
          f.v4sIp = addr.readUInt32LE(13);
          f.v4sPort = port;
        } else {
          f.type = FD.IPV6_SERVSOCK;
          f.v6sPort = port;
          addr.copy(f.sock, SO.V6S_IP, 1, 17);
          f.v6sL4 = f.v6l4;
        }
        f.setRoleServer();
      }
    }
    f.name = this.s.renderParam(evt, 1, true);
  }

  private parseConnectEnter(evt: InspectedEvent): void {
    const f = evt.fdinfo;
    if (f === null) return;
    if (evt.nparams < 2) return;
    const addr = evt.bytes(1);
    if (addr.length === 0) return;
    const family = addr[0];
    if (family === AF.INET) {
      f.type = FD.IPV4_SOCK;
      addr.copy(f.sock, SO.V4_DIP, 1, 5);
      addr.copy(f.sock, SO.V4_DPORT, 5, 7);
    } else if (family === AF.INET6) {
      const port = addr.readUInt16LE(17);
      if (isIpv4MappedIpv6(addr, 1)) {
        f.type = FD.IPV4_SOCK;
        addr.copy(f.sock, SO.V4_DIP, 13, 17);
        f.v4dport = port;
      } else {
        f.type = FD.IPV6_SOCK;
        f.v6dport = port;
        addr.copy(f.sock, SO.V6_DIP, 1, 17);
      }
    } else {
      f.name = this.s.renderParam(evt, 1, true);
      setUnixInfo(f, addr);
    }
  }

  private fillClientSocketInfo(evt: InspectedEvent, packed: Buffer): void {
    const f = evt.fdinfo!;
    const family = packed[0];
    if (family === AF.INET || family === AF.INET6) {
      let changed: boolean;
      if (family === AF.INET6) {
        if (!(isIpv4MappedIpv6(packed, 1) && isIpv4MappedIpv6(packed, 19))) {
          f.type = FD.IPV6_SOCK;
          changed = setIpv6AddressesAndPorts(f, packed);
        } else {
          f.type = FD.IPV4_SOCK;
          changed = setIpv4MappedIpv6AddressesAndPorts(f, packed);
        }
      } else {
        f.type = FD.IPV4_SOCK;
        changed = setIpv4AddressesAndPorts(f, packed);
      }
      if (changed && f.isRoleServer() && f.isUdpSocket()) swapAddresses(f);
      f.name = sockinfoToString(f, f.type);
      this.s.paramStorage = f.name;
    } else {
      f.name = this.s.renderParam(evt, 1, true);
      setUnixInfo(f, packed);
    }
    if (f.isRoleNone()) f.setRoleClient();
  }

  private parseConnectExit(evt: InspectedEvent): void {
    const f = evt.fdinfo;
    if (f === null) return;
    const retval = evt.i64(0);
    if (retval < 0 && retval !== -SE_EINPROGRESS) return;
    f.setSocketConnected();
    const packed = evt.bytes(1);
    if (packed.length === 0) return;
    this.fillClientSocketInfo(evt, packed);
    this.onOpenOrConnect(evt);
  }

  private parseAcceptExit(evt: InspectedEvent): void {
    const t = evt.tinfo;
    if (!t) return;
    const fd = evt.i64(0);
    if (fd < 0) return;
    t.lastEventFd = fd;
    const packed = evt.bytes(1);
    if (packed.length === 0) return;
    const fdi = new FdInfo();
    const fam = packed[0];
    if (fam === AF.INET) {
      setIpv4AddressesAndPorts(fdi, packed);
      fdi.type = FD.IPV4_SOCK;
      fdi.v4l4 = L4.TCP;
    } else if (fam === AF.INET6) {
      if (isIpv4MappedIpv6(packed, 1) && isIpv4MappedIpv6(packed, 19)) {
        setIpv4MappedIpv6AddressesAndPorts(fdi, packed);
        fdi.type = FD.IPV4_SOCK;
        fdi.v4l4 = L4.TCP;
      } else {
        setIpv6AddressesAndPorts(fdi, packed);
        fdi.type = FD.IPV6_SOCK;
        fdi.v6l4 = L4.TCP;
      }
    } else if (fam === AF.UNIX) {
      fdi.type = FD.UNIX_SOCK;
      setUnixInfo(fdi, packed);
    } else {
      return;
    }
    fdi.name = this.s.renderParam(evt, 1, true);
    fdi.flags = 0;
    fdi.setRoleServer();
    fdi.setSocketConnected();
    evt.fdinfo = t.addFd(fd, fdi);
  }

  /** update_fd(): a datagram tuple seen on recvfrom/sendto; false when nothing changed. */
  private updateFd(evt: InspectedEvent, packed: Buffer): boolean {
    if (packed.length === 0) return false;
    const f = evt.fdinfo!;
    const family = packed[0];
    if (family === AF.INET) {
      if (f.type === FD.IPV4_SERVSOCK) f.v4l4 = f.v4sL4;
      f.type = FD.IPV4_SOCK;
      if (!setIpv4AddressesAndPorts(f, packed)) return false;
    } else if (family === AF.INET6) {
      if (isIpv4MappedIpv6(packed, 1) && isIpv4MappedIpv6(packed, 19)) {
        f.type = FD.IPV4_SOCK;
        if (!setIpv4MappedIpv6AddressesAndPorts(f, packed)) return false;
      } else if (!setIpv6AddressesAndPorts(f, packed)) {
        return false;
      }
    } else if (family === AF.UNIX) {
      f.type = FD.UNIX_SOCK;
      setUnixInfo(f, packed);
      f.name = cstrOf(packed.subarray(17));
      this.onTupleChange(f);
      return true;
    }
    if (f.type === FD.IPV4_SOCK) {
      if (f.v4l4 === L4.UNKNOWN) f.v4l4 = L4.UDP;
    } else if (f.type === FD.IPV6_SOCK) {
      if (f.v6l4 === L4.UNKNOWN) f.v6l4 = L4.UDP;
    }
    this.s.ifaces.updateFd(f);
    this.onTupleChange(f);
    return true;
  }

  private onTupleChange(f: FdInfo): void {
    if (this.s.syslog.watches(f.name)) f.syslogWatch = true;
    else f.syslogWatch = false;
  }

  /** set_net_role_by_guessing(). */
  private guessRole(t: ThreadInfo, f: FdInfo, incoming: boolean): void {
    if (isBoundToPort(t, f.v4dport)) {
      if (usesClientPort(t, f.v4sport)) {
        if (!(f.flags & (FDF.ROLE_CLIENT | FDF.ROLE_SERVER))) {
          if (incoming) f.setRoleServer();
          else f.setRoleClient();
        }
        return;
      }
      f.setRoleServer();
    } else {
      f.setRoleClient();
    }
  }

  private parseRwExit(evt: InspectedEvent): void {
    const etype = evt.type;
    const eflags = evt.flags;
    const retval = evt.i64(0);
    const f = evt.fdinfo;
    if (f === null) {
      // A write sysdig saved as a tracer (its fd is gone from the file's state).
      if (this.s.dialect === 'sysdig029' && evt.raw.flags & SCAP_DF_TRACER && evt.tinfo) this.parseTracer(evt);
      return;
    }
    if (this.detectTracerWrite(evt, eflags)) return;
    if (retval < 0) return;

    if (f.type === FD.IPV4_SOCK || f.type === FD.IPV6_SOCK) f.setSocketConnected();
    const t = evt.tinfo!;
    if (eflags & EF.READS_FROM_FD) {
      const tupleparam = etype === ET.RECVFROM_X ? 2 : etype === ET.RECVMSG_X ? 3 : -1;
      if (tupleparam !== -1 && (f.name.length === 0 || !f.isTcpSocket())) {
        if (this.updateFd(evt, evt.bytes(tupleparam))) {
          if (f.type === FD.IPV4_SOCK || f.type === FD.IPV6_SOCK) {
            if (f.isRoleNone()) this.guessRole(t, f, true);
            if (f.isRoleClient()) swapAddresses(f);
            f.name = sockinfoToString(f, f.type);
            this.s.paramStorage = f.name;
          } else {
            f.name = this.s.renderParam(evt, tupleparam, true);
          }
        }
      }
    } else {
      const tupleparam = etype === ET.SENDTO_X || etype === ET.SENDMSG_X ? 2 : -1;
      if (tupleparam !== -1 && (f.name.length === 0 || !f.isTcpSocket())) {
        if (!this.retrieveEnter(evt)) return;
        if (this.updateFd(evt, this.tmp.bytes(tupleparam))) {
          if (f.type === FD.IPV4_SOCK || f.type === FD.IPV6_SOCK) {
            if (f.isRoleNone()) this.guessRole(t, f, false);
            if (f.isRoleServer()) swapAddresses(f);
            f.name = sockinfoToString(f, f.type);
            this.s.paramStorage = f.name;
          } else {
            f.name = this.s.renderParamOf(this.tmp, evt, tupleparam, true);
          }
        }
      }
      if (f.syslogWatch) this.s.syslog.onWrite(evt.bytes(1));
    }
  }

  /**
   * detect_and_process_tracer_write(): writes to /dev/null may be sysdig tracers (0.29.3 only;
   * libs dropped them). The first write that parses marks the fd as a tracer fd, the first that
   * cannot marks it as not one; an incomplete marker leaves it undecided.
   */
  private detectTracerWrite(evt: InspectedEvent, eflags: number): boolean {
    if (this.s.dialect !== 'sysdig029') return false;
    const f = evt.fdinfo!;
    if (f.flags & FDF.IS_NOT_TRACER_FD) return false;
    if (f.flags & FDF.IS_TRACER_FD) {
      this.parseTracer(evt);
      return true;
    }
    if (f.flags & FDF.IS_TRACER_FILE && eflags & EF.WRITES_TO_FD) {
      const res = this.parseTracer(evt);
      if (res === TRACER_RES.OK) {
        f.flags |= FDF.IS_TRACER_FD;
        return true;
      }
      if (res === TRACER_RES.FAILED) f.flags |= FDF.IS_NOT_TRACER_FD;
    }
    return false;
  }

  /**
   * parse_tracer(): feed the write's data to the thread's tracer parser and, when it yields a
   * marker (or garbage on a known tracer fd), turn the event into a tracer event in place. An
   * incomplete marker hides the write.
   */
  private parseTracer(evt: InspectedEvent): number {
    const t = evt.tinfo!;
    const p = (t.tracerParser ??= new TracerParser());
    const data = evt.bytes(1);
    const res = p.process(data, { tid: t.tid, pid: t.pid, ptid: t.ptid });
    if (res === TRACER_RES.TRUNCATED) {
      evt.filteredOut = true;
      return res;
    }
    let type: number;
    let id: bigint;
    let tags: Buffer[];
    let args: Array<[Buffer, Buffer]>;
    if (res === TRACER_RES.OK) {
      type = p.typeByte === 0x3e ? ET.TRACER_E : ET.TRACER_X;
      id = p.id;
      tags = p.tagList();
      args = p.argList();
    } else {
      if (!(evt.fdinfo && evt.fdinfo.flags & FDF.IS_TRACER_FD)) return res;
      type = ET.TRACER_E;
      id = 0n;
      // The message is a C string: the data's first NUL ends it.
      const msg = Buffer.concat([Buffer.from('invalid tracer ', 'latin1'), data, Buffer.from(`, len${data.length}`, 'latin1')]);
      const z = msg.indexOf(0);
      tags = [z < 0 ? msg : msg.subarray(0, z)];
      args = [];
    }
    const raw = tracerEvent(evt.raw, type, id, tags, args);
    evt.bind(raw, this.infoOf(raw));
    // sinsp_evt::init(): the tracer event starts without thread or fd.
    evt.tinfo = null;
    evt.fdinfo = null;
    evt.fdinfoNameChanged = false;
    t.lastEventFd = -1;
    t.lastEventType = ET.TRACER_E;
    t.latencyReset();
    return res;
  }

  // --- containers ------------------------------------------------------------------------------

  private parseContainerJson(evt: InspectedEvent): void {
    const b = evt.bytes(0);
    const info = parseContainerJson(b.toString('latin1'));
    if (info === null) {
      this.s.warn(`invalid container JSON in event ${evt.num}`);
      return;
    }
    if (!info.isSuccessful()) evt.filteredOut = true;
    evt.ownedThread = containerThread(this.s, info);
    evt.tinfo = evt.ownedThread;
    this.s.containers.add(info);
  }

  private parseContainerEvt(evt: InspectedEvent): void {
    const c = new ContainerInfo();
    c.id = evt.str(0);
    c.type = evt.u32(1);
    c.name = evt.str(2);
    c.image = evt.str(3);
    this.s.containers.add(c);
  }
}

/** libsinsp copies these from the parent when it builds a clone's child. */
function copyFromParent(t: ThreadInfo, p: ThreadInfo, flags: number): void {
  t.comm = p.comm;
  t.exe = p.exe;
  t.exepath = p.exepath;
  t.exeWritable = p.exeWritable;
  t.exeUpperLayer = p.exeUpperLayer;
  t.exeLowerLayer = p.exeLowerLayer;
  t.exeFromMemfd = p.exeFromMemfd;
  t.capInheritable = p.capInheritable;
  t.capPermitted = p.capPermitted;
  t.capEffective = p.capEffective;
  t.exeIno = p.exeIno;
  t.exeInoCtime = p.exeInoCtime;
  t.exeInoMtime = p.exeInoMtime;
  t.exeInoCtimeDurationCloneTs = p.exeInoCtimeDurationCloneTs;
  t.args = p.args.slice();
  t.root = p.root;
  t.sid = p.sid;
  t.vpgid = p.vpgid;
  t.tty = p.tty;
  t.loginuid = p.loginuid;
  if (!(flags & CL.CLONE_THREAD)) t.env = p.env.slice();
}

/** The synthetic "container:<id>" thread a container event is attributed to. */
export function containerThread(s: InspectorState, c: ContainerInfo): ThreadInfo {
  const t = s.threads.newThread();
  t.tid = -1;
  t.pid = -1;
  // libsinsp leaves the rest of this fresh thread zeroed: no parent, uid/gid 0.
  t.ptid = 0;
  t.vtid = -2;
  t.vpid = -2;
  t.comm = 'container:' + c.id;
  t.containerId = c.id;
  return t;
}

function cstrOf(b: Buffer): string {
  const z = b.indexOf(0);
  return b.toString('latin1', 0, z < 0 ? b.length : z);
}

function setUnixInfo(f: FdInfo, packed: Buffer): void {
  if (packed.length >= 17) {
    packed.copy(f.sock, SO.UNIX_SRC, 1, 9);
    packed.copy(f.sock, SO.UNIX_DST, 9, 17);
  }
}

function updateIpv4(f: FdInfo, sip: number, sport: number, dip: number, dport: number): boolean {
  if (f.type === FD.IPV4_SOCK) {
    if (
      (sip === f.v4sip && sport === f.v4sport && dip === f.v4dip && dport === f.v4dport) ||
      (dip === f.v4sip && dport === f.v4sport && sip === f.v4dip && sport === f.v4dport)
    ) {
      return false;
    }
  }
  let changed = false;
  if (f.v4sip !== sip) {
    f.v4sip = sip;
    changed = true;
  }
  if (f.v4sport !== sport) {
    f.v4sport = sport;
    changed = true;
  }
  if (f.v4dip === 0) {
    f.v4dip = dip;
    changed = true;
  }
  if (f.v4dport === 0) {
    f.v4dport = dport;
    changed = true;
  }
  return changed;
}

function setIpv4AddressesAndPorts(f: FdInfo, p: Buffer): boolean {
  return updateIpv4(f, p.readUInt32LE(1), p.readUInt16LE(5), p.readUInt32LE(7), p.readUInt16LE(11));
}

function setIpv4MappedIpv6AddressesAndPorts(f: FdInfo, p: Buffer): boolean {
  return updateIpv4(f, p.readUInt32LE(13), p.readUInt16LE(17), p.readUInt32LE(31), p.readUInt16LE(35));
}

function setIpv6AddressesAndPorts(f: FdInfo, p: Buffer): boolean {
  const s = f.sock;
  const sip = p.subarray(1, 17);
  const sport = p.readUInt16LE(17);
  const dip = p.subarray(19, 35);
  const dport = p.readUInt16LE(35);
  const eq = (a: Buffer, off: number): boolean => a.equals(s.subarray(off, off + 16));
  if (f.type === FD.IPV6_SOCK) {
    if (
      (eq(sip, SO.V6_SIP) && sport === f.v6sport && eq(dip, SO.V6_DIP) && dport === f.v6dport) ||
      (eq(dip, SO.V6_SIP) && dport === f.v6sport && eq(sip, SO.V6_DIP) && sport === f.v6dport)
    ) {
      return false;
    }
  }
  let changed = false;
  if (!eq(sip, SO.V6_SIP)) {
    sip.copy(s, SO.V6_SIP);
    changed = true;
  }
  if (f.v6sport !== sport) {
    f.v6sport = sport;
    changed = true;
  }
  if (s.subarray(SO.V6_DIP, SO.V6_DIP + 16).every((b) => b === 0)) {
    dip.copy(s, SO.V6_DIP);
    changed = true;
  }
  if (f.v6dport === 0) {
    f.v6dport = dport;
    changed = true;
  }
  return changed;
}

function swapAddresses(f: FdInfo): void {
  if (f.type === FD.IPV4_SOCK) {
    const ip = f.v4sip;
    const port = f.v4sport;
    f.v4sip = f.v4dip;
    f.v4sport = f.v4dport;
    f.v4dip = ip;
    f.v4dport = port;
  } else {
    const s = f.sock;
    const ip = Buffer.from(s.subarray(SO.V6_SIP, SO.V6_SIP + 16));
    const port = f.v6sport;
    s.copy(s, SO.V6_SIP, SO.V6_DIP, SO.V6_DIP + 16);
    f.v6sport = f.v6dport;
    ip.copy(s, SO.V6_DIP);
    f.v6dport = port;
  }
}

function isBoundToPort(t: ThreadInfo, port: number): boolean {
  const table = t.fdTable();
  if (!table) return false;
  for (const f of table.values()) {
    if (f.type === FD.IPV4_SOCK && f.v4dport === port) return true;
    if (f.type === FD.IPV4_SERVSOCK && f.v4sPort === port) return true;
  }
  return false;
}

function usesClientPort(t: ThreadInfo, port: number): boolean {
  const table = t.fdTable();
  if (!table) return false;
  for (const f of table.values()) if (f.type === FD.IPV4_SOCK && f.v4sport === port) return true;
  return false;
}


/** Events of EVF blocks with this dump flag only feed the state (libscap SCAP_DF_STATE_ONLY). */
export const SCAP_DF_STATE_ONLY = 1 << 0;
/** A write sysdig recognised as a tracer when it saved the capture (SCAP_DF_TRACER). */
export const SCAP_DF_TRACER = 1 << 1;

/** A detached tracer event (PPME_TRACER_E/X) standing in for the write it came from. */
function tracerEvent(from: RawEvent, type: number, id: bigint, tags: Buffer[], args: Array<[Buffer, Buffer]>): RawEvent {
  const idb = Buffer.alloc(8);
  idb.writeBigInt64LE(BigInt.asIntN(64, id));
  // Strings as the file format stores these types: NUL-terminated, names and values alternating.
  const tagb = Buffer.concat(tags.flatMap((t) => [t, ZERO]));
  const argb = Buffer.concat(args.flatMap(([n, v]) => [n, ZERO, v, ZERO]));
  const params = [idb, tagb, argb];
  const headerLen = 26;
  const lens = Buffer.alloc(params.length * 2);
  params.forEach((b, i) => lens.writeUInt16LE(b.length, i * 2));
  const header = Buffer.alloc(headerLen);
  header.writeBigUInt64LE(from.ts, 0);
  header.writeBigInt64LE(BigInt(from.tid), 8);
  const buf = Buffer.concat([header, lens, ...params]);
  buf.writeUInt32LE(buf.length, 16);
  buf.writeUInt16LE(type, 20);
  buf.writeUInt32LE(params.length, 22);
  const offs: number[] = [];
  let o = headerLen + lens.length;
  for (const b of params) {
    offs.push(o);
    o += b.length;
  }
  const raw: RawEvent = {
    type,
    tid: from.tid,
    ts: from.ts,
    tsNum: from.tsNum,
    tsLo: from.tsLo,
    tsHi: from.tsHi,
    cpu: from.cpu,
    flags: from.flags,
    nparams: params.length,
    largePayload: false,
    v1: false,
    buf,
    start: 0,
    rawLen: buf.length,
    headerLen,
    paramLen: (i) => params[i]?.length ?? 0,
    paramOffset: (i) => offs[i] ?? buf.length,
    param: (i) => params[i] ?? ZERO.subarray(0, 0),
    blockOffset: from.blockOffset,
    blockType: from.blockType,
    seq: from.seq,
    clone: () => raw,
  };
  return raw;
}
const ZERO = Buffer.alloc(1);

