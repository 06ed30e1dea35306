/**
 * Numeric facts the inspector needs from the driver and libscap headers: fd kinds, protocol codes,
 * thread flags, event flags/categories, and the event type numbers the state machine routes on.
 *
 * The event type numbers are the stable PPME_* values of the driver event table; the event table
 * layer (core/capture/events/) owns names and parameter layouts, this file only names the types the
 * parser has to recognise.
 */
import { PPME } from '../capture/events/table.js';
import { FD_TYPES } from '../capture/metadata.js';

/** scap_fd_type: the capture layer's table, plus the inspector's "not yet known" state. */
export const FD = { UNINITIALIZED: -1, ...FD_TYPES } as const;

/** scap_l4_proto */
export const L4 = { UNKNOWN: 0, NA: 1, TCP: 2, UDP: 3, ICMP: 4, RAW: 5 } as const;

/** PPM_CL_* thread/clone flags (the high bits are libsinsp-private). */
export const CL = {
  CLONE_FILES: 1 << 0,
  CLONE_FS: 1 << 1,
  CLONE_NEWPID: 1 << 6,
  CLONE_THREAD: 1 << 13,
  CLONE_INVERTED: 1 << 16,
  NAME_CHANGED: 1 << 17,
  CLOSED: 1 << 18,
  ACTIVE: 1 << 19,
  CLONE_NEWUSER: 1 << 20,
  PIPE_SRC: 1 << 21,
  PIPE_DST: 1 << 22,
  CHILD_IN_PIDNS: 1 << 29,
  IS_MAIN_THREAD: 1 << 30,
} as const;

/** Event flags and categories come from the event-table vocabulary. */
export { EF, EC } from '../capture/events/types.js';

/** Socket families as the driver encodes them. */
export const AF = { UNIX: 1, INET: 2, INET6: 10, NETLINK: 16, PACKET: 17 } as const;

/** Open flags (PPM_O_*) the parser and fields look at. */
export const O = { RDONLY: 1 << 0, WRONLY: 1 << 1, CREAT: 1 << 2, DIRECTORY: 1 << 10, TMPFILE: 1 << 13 } as const;
export const S_IXANY = (1 << 0) | (1 << 3) | (1 << 6);

export const AT_FDCWD = -100;
export const RLIMIT_NOFILE = 7;
export const FCNTL_F_DUPFD = 1;
export const FCNTL_F_DUPFD_CLOEXEC = 26;
export const EXE_WRITABLE = 1 << 0;
export const EXE_UPPER_LAYER = 1 << 1;
export const EXE_FROM_MEMFD = 1 << 2;
export const EXE_LOWER_LAYER = 1 << 3;
export const EXVAT_AT_EMPTY_PATH = 1 << 0;
export const SOCKOPT_LEVEL_SOL_SOCKET = 1;
export const SOCKOPT_SO_ERROR = 4;
export const SE_EINPROGRESS = 115;

/** Writes to this file may carry sysdig tracer payloads. */
export const USER_EVT_DEVICE_NAME = '/dev/null';
/** fd table slot that parks an fd whose close was cancelled by a re-creation (INT64_MAX). */
export const CANCELED_FD_NUMBER = Number.MAX_SAFE_INTEGER;
/** A child clone entry older than this is assumed to be a stale tid reuse. */
export const CLONE_STALE_TIME_NS = 2_000_000_000n;
export const SCAP_MAX_PATH_SIZE = 1024;
export const SCAP_MAX_ENV_SIZE = 4096;

/** Linux socket constants add_socket() compares against. */
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
export const IPPROTO = { IP: 0, ICMP: 1, TCP: 6, UDP: 17, RAW: 255 } as const;

/**
 * Event type numbers the state machine routes on, taken from the event table (PPME ids). Only
 * the types the parser or the fields special-case are named.
 */
function code(id: string): number {
  const c = PPME[id];
  if (c === undefined) throw new Error(`event table has no ${id}`);
  return c;
}

export const ET = {
  GENERIC_E: code('GENERIC_E'),
  GENERIC_X: code('GENERIC_X'),
  OPEN_E: code('SYSCALL_OPEN_E'),
  OPEN_X: code('SYSCALL_OPEN_X'),
  CLOSE_E: code('SYSCALL_CLOSE_E'),
  CLOSE_X: code('SYSCALL_CLOSE_X'),
  READ_E: code('SYSCALL_READ_E'),
  READ_X: code('SYSCALL_READ_X'),
  WRITE_E: code('SYSCALL_WRITE_E'),
  WRITE_X: code('SYSCALL_WRITE_X'),
  EXECVE_8_E: code('SYSCALL_EXECVE_8_E'),
  EXECVE_8_X: code('SYSCALL_EXECVE_8_X'),
  CLONE_11_E: code('SYSCALL_CLONE_11_E'),
  CLONE_11_X: code('SYSCALL_CLONE_11_X'),
  PROCEXIT_E: code('PROCEXIT_E'),
  SOCKET_E: code('SOCKET_SOCKET_E'),
  SOCKET_X: code('SOCKET_SOCKET_X'),
  BIND_X: code('SOCKET_BIND_X'),
  CONNECT_E: code('SOCKET_CONNECT_E'),
  CONNECT_X: code('SOCKET_CONNECT_X'),
  ACCEPT_E: code('SOCKET_ACCEPT_E'),
  ACCEPT_X: code('SOCKET_ACCEPT_X'),
  SEND_X: code('SOCKET_SEND_X'),
  SENDTO_E: code('SOCKET_SENDTO_E'),
  SENDTO_X: code('SOCKET_SENDTO_X'),
  RECV_X: code('SOCKET_RECV_X'),
  RECVFROM_X: code('SOCKET_RECVFROM_X'),
  SHUTDOWN_E: code('SOCKET_SHUTDOWN_E'),
  SHUTDOWN_X: code('SOCKET_SHUTDOWN_X'),
  SOCKETPAIR_X: code('SOCKET_SOCKETPAIR_X'),
  GETSOCKOPT_X: code('SOCKET_GETSOCKOPT_X'),
  SENDMSG_E: code('SOCKET_SENDMSG_E'),
  SENDMSG_X: code('SOCKET_SENDMSG_X'),
  RECVMSG_X: code('SOCKET_RECVMSG_X'),
  ACCEPT4_E: code('SOCKET_ACCEPT4_E'),
  ACCEPT4_X: code('SOCKET_ACCEPT4_X'),
  CREAT_E: code('SYSCALL_CREAT_E'),
  CREAT_X: code('SYSCALL_CREAT_X'),
  PIPE_E: code('SYSCALL_PIPE_E'),
  PIPE_X: code('SYSCALL_PIPE_X'),
  EVENTFD_E: code('SYSCALL_EVENTFD_E'),
  EVENTFD_X: code('SYSCALL_EVENTFD_X'),
  EPOLLWAIT_E: code('SYSCALL_EPOLLWAIT_E'),
  POLL_E: code('SYSCALL_POLL_E'),
  SELECT_E: code('SYSCALL_SELECT_E'),
  GETCWD_X: code('SYSCALL_GETCWD_X'),
  CHDIR_E: code('SYSCALL_CHDIR_E'),
  CHDIR_X: code('SYSCALL_CHDIR_X'),
  FCHDIR_E: code('SYSCALL_FCHDIR_E'),
  FCHDIR_X: code('SYSCALL_FCHDIR_X'),
  OPENAT_E: code('SYSCALL_OPENAT_E'),
  OPENAT_X: code('SYSCALL_OPENAT_X'),
  LINKAT_E: code('SYSCALL_LINKAT_E'),
  UNLINKAT_E: code('SYSCALL_UNLINKAT_E'),
  PREAD_X: code('SYSCALL_PREAD_X'),
  PWRITE_X: code('SYSCALL_PWRITE_X'),
  READV_X: code('SYSCALL_READV_X'),
  WRITEV_X: code('SYSCALL_WRITEV_X'),
  PREADV_X: code('SYSCALL_PREADV_X'),
  PWRITEV_X: code('SYSCALL_PWRITEV_X'),
  DUP_X: code('SYSCALL_DUP_X'),
  SIGNALFD_E: code('SYSCALL_SIGNALFD_E'),
  SIGNALFD_X: code('SYSCALL_SIGNALFD_X'),
  TIMERFD_CREATE_E: code('SYSCALL_TIMERFD_CREATE_E'),
  TIMERFD_CREATE_X: code('SYSCALL_TIMERFD_CREATE_X'),
  INOTIFY_INIT_E: code('SYSCALL_INOTIFY_INIT_E'),
  INOTIFY_INIT_X: code('SYSCALL_INOTIFY_INIT_X'),
  GETRLIMIT_E: code('SYSCALL_GETRLIMIT_E'),
  GETRLIMIT_X: code('SYSCALL_GETRLIMIT_X'),
  SETRLIMIT_E: code('SYSCALL_SETRLIMIT_E'),
  SETRLIMIT_X: code('SYSCALL_SETRLIMIT_X'),
  PRLIMIT_E: code('SYSCALL_PRLIMIT_E'),
  PRLIMIT_X: code('SYSCALL_PRLIMIT_X'),
  SCHEDSWITCH_1_E: code('SCHEDSWITCH_1_E'),
  DROP_E: code('DROP_E'),
  DROP_X: code('DROP_X'),
  FCNTL_E: code('SYSCALL_FCNTL_E'),
  FCNTL_X: code('SYSCALL_FCNTL_X'),
  SCHEDSWITCH_6_E: code('SCHEDSWITCH_6_E'),
  EXECVE_13_X: code('SYSCALL_EXECVE_13_X'),
  CLONE_16_X: code('SYSCALL_CLONE_16_X'),
  BRK_4_X: code('SYSCALL_BRK_4_X'),
  MMAP_X: code('SYSCALL_MMAP_X'),
  MMAP2_X: code('SYSCALL_MMAP2_X'),
  MUNMAP_X: code('SYSCALL_MUNMAP_X'),
  EXECVE_14_X: code('SYSCALL_EXECVE_14_X'),
  RENAMEAT_X: code('SYSCALL_RENAMEAT_X'),
  SYMLINKAT_X: code('SYSCALL_SYMLINKAT_X'),
  FORK_X: code('SYSCALL_FORK_X'),
  VFORK_X: code('SYSCALL_VFORK_X'),
  PROCEXIT_1_E: code('PROCEXIT_1_E'),
  SENDFILE_E: code('SYSCALL_SENDFILE_E'),
  SENDFILE_X: code('SYSCALL_SENDFILE_X'),
  SETRESUID_E: code('SYSCALL_SETRESUID_E'),
  SETRESUID_X: code('SYSCALL_SETRESUID_X'),
  SETRESGID_E: code('SYSCALL_SETRESGID_E'),
  SETRESGID_X: code('SYSCALL_SETRESGID_X'),
  SYSDIGEVENT_E: code('SCAPEVENT_E'),
  SETUID_E: code('SYSCALL_SETUID_E'),
  SETUID_X: code('SYSCALL_SETUID_X'),
  SETGID_E: code('SYSCALL_SETGID_E'),
  SETGID_X: code('SYSCALL_SETGID_X'),
  EXECVE_15_X: code('SYSCALL_EXECVE_15_X'),
  CLONE_17_X: code('SYSCALL_CLONE_17_X'),
  FORK_17_X: code('SYSCALL_FORK_17_X'),
  VFORK_17_X: code('SYSCALL_VFORK_17_X'),
  CLONE_20_X: code('SYSCALL_CLONE_20_X'),
  FORK_20_X: code('SYSCALL_FORK_20_X'),
  VFORK_20_X: code('SYSCALL_VFORK_20_X'),
  CONTAINER_E: code('CONTAINER_E'),
  EXECVE_16_X: code('SYSCALL_EXECVE_16_X'),
  PROCINFO_E: code('PROCINFO_E'),
  CPU_HOTPLUG_E: code('CPU_HOTPLUG_E'),
  ACCEPT_5_E: code('SOCKET_ACCEPT_5_E'),
  ACCEPT_5_X: code('SOCKET_ACCEPT_5_X'),
  ACCEPT4_5_E: code('SOCKET_ACCEPT4_5_E'),
  ACCEPT4_5_X: code('SOCKET_ACCEPT4_5_X'),
  PPOLL_E: code('SYSCALL_PPOLL_E'),
  K8S_E: code('K8S_E'),
  CHROOT_X: code('SYSCALL_CHROOT_X'),
  TRACER_E: code('TRACER_E'),
  TRACER_X: code('TRACER_X'),
  MESOS_E: code('MESOS_E'),
  CONTAINER_JSON_E: code('CONTAINER_JSON_E'),
  SETSID_X: code('SYSCALL_SETSID_X'),
  EXECVE_17_X: code('SYSCALL_EXECVE_17_X'),
  INFRASTRUCTURE_EVENT_E: code('INFRASTRUCTURE_EVENT_E'),
  EXECVE_18_E: code('SYSCALL_EXECVE_18_E'),
  EXECVE_18_X: code('SYSCALL_EXECVE_18_X'),
  EXECVE_19_E: code('SYSCALL_EXECVE_19_E'),
  EXECVE_19_X: code('SYSCALL_EXECVE_19_X'),
  SETPGID_E: code('SYSCALL_SETPGID_E'),
  UNLINKAT_2_X: code('SYSCALL_UNLINKAT_2_X'),
  MKDIRAT_X: code('SYSCALL_MKDIRAT_X'),
  OPENAT_2_E: code('SYSCALL_OPENAT_2_E'),
  OPENAT_2_X: code('SYSCALL_OPENAT_2_X'),
  LINKAT_2_X: code('SYSCALL_LINKAT_2_X'),
  FCHMODAT_X: code('SYSCALL_FCHMODAT_X'),
  RENAMEAT2_X: code('SYSCALL_RENAMEAT2_X'),
  PLUGINEVENT_E: code('PLUGINEVENT_E'),
  CONTAINER_JSON_2_E: code('CONTAINER_JSON_2_E'),
  OPENAT2_E: code('SYSCALL_OPENAT2_E'),
  OPENAT2_X: code('SYSCALL_OPENAT2_X'),
  EXECVEAT_E: code('SYSCALL_EXECVEAT_E'),
  EXECVEAT_X: code('SYSCALL_EXECVEAT_X'),
  COPY_FILE_RANGE_X: code('SYSCALL_COPY_FILE_RANGE_X'),
  CLONE3_X: code('SYSCALL_CLONE3_X'),
  // Types newer than sysdig 0.29.3, handled as current libs does.
  USERFAULTFD_X: code('SYSCALL_USERFAULTFD_X'),
  OPEN_BY_HANDLE_AT_X: code('SYSCALL_OPEN_BY_HANDLE_AT_X'),
  IO_URING_SETUP_X: code('SYSCALL_IO_URING_SETUP_X'),
  USER_ADDED_E: code('USER_ADDED_E'),
  USER_DELETED_E: code('USER_DELETED_E'),
  GROUP_ADDED_E: code('GROUP_ADDED_E'),
  GROUP_DELETED_E: code('GROUP_DELETED_E'),
  DUP2_X: code('SYSCALL_DUP2_X'),
  DUP3_X: code('SYSCALL_DUP3_X'),
  DUP_1_X: code('SYSCALL_DUP_1_X'),
  BPF_2_X: code('SYSCALL_BPF_2_X'),
  EPOLL_CREATE_X: code('SYSCALL_EPOLL_CREATE_X'),
  EPOLL_CREATE1_X: code('SYSCALL_EPOLL_CREATE1_X'),
  ACCEPT4_6_X: code('SOCKET_ACCEPT4_6_X'),
  PIPE2_X: code('SYSCALL_PIPE2_X'),
  INOTIFY_INIT1_X: code('SYSCALL_INOTIFY_INIT1_X'),
  EVENTFD2_X: code('SYSCALL_EVENTFD2_X'),
  SIGNALFD4_X: code('SYSCALL_SIGNALFD4_X'),
  MEMFD_CREATE_X: code('SYSCALL_MEMFD_CREATE_X'),
  PIDFD_GETFD_X: code('SYSCALL_PIDFD_GETFD_X'),
  PIDFD_OPEN_X: code('SYSCALL_PIDFD_OPEN_X'),
  CAPSET_X: code('SYSCALL_CAPSET_X'),
  UNSHARE_E: code('SYSCALL_UNSHARE_E'),
  UNSHARE_X: code('SYSCALL_UNSHARE_X'),
  SETNS_E: code('SYSCALL_SETNS_E'),
  SETNS_X: code('SYSCALL_SETNS_X'),
} as const;

/** The first event type the driver table of libs 0.1.1dev+git20220316 (sysdig 0.29.3) did not know. */
export const SYSDIG_0_29_EVENT_MAX = 336;

export const ONE_SECOND_NS = 1_000_000_000n;
