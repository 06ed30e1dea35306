/**
 * How the event table of sysdig 0.29.3 (our reference decoder; Debian links it against
 * falcosecurity/libs e5c53d648f3c of March 2022) differs from the current table in event-rows.ts.
 *
 * Why it matters: sysdig shows min(table params, event params), so events written by newer
 * drivers lose their appended params in its output; some params changed type, so the same
 * bytes render differently (e.g. mmap res was UINT64 hex, is now ERRNO); some names changed
 * (sysdigevent -> scapevent, "plugin ID" -> plugin_id, execve "pgid" -> vpgid at index 17);
 * event types >= SYSDIG029_EVENT_COUNT are unknown to it and it skips them silently.
 *
 * Only differences are listed; an absent field means "same as the current table".
 * `params` replaces whole param definitions by index (same tuple format as event-rows.ts).
 */
import { EC, EF } from './types.js';
import type { FlagTable, FlagTableName } from './flag-tables.js';
import type { EventRowDiff } from './rows.js';

/** Number of event types in the sysdig 0.29.3 table (PPM_EVENT_MAX then). */
export const SYSDIG029_EVENT_COUNT = 336;

export const SYSDIG029_DIFFS: Readonly<Record<number, EventRowDiff>> = {
  0: { flags: EF.NONE }, // GENERIC_E
  1: { nparams: 1 }, // GENERIC_X
  3: { nparams: 5 }, // SYSCALL_OPEN_X
  4: { flags: EF.DESTROYS_FD | EF.USES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS }, // SYSCALL_CLOSE_E
  // SYSCALL_CLOSE_X
  5: {
    flags: EF.DESTROYS_FD | EF.USES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS,
    nparams: 1,
  },
  6: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_READ_E
  7: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_READ_X
  8: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_WRITE_E
  9: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_WRITE_X
  17: { name: 'NA1', category: EC.PROCESS }, // PROCEXIT_X
  // SOCKET_SOCKET_E
  18: {
    flags: EF.CREATES_FD | EF.MODIFIES_STATE,
    params: { 0: ['domain', 'FLAGS32', 'DEC', 'socket_families'] },
  },
  19: { nparams: 1 }, // SOCKET_SOCKET_X
  20: { flags: EF.USES_FD | EF.MODIFIES_STATE }, // SOCKET_BIND_E
  21: { nparams: 2 }, // SOCKET_BIND_X
  23: { nparams: 2 }, // SOCKET_CONNECT_X
  24: { flags: EF.USES_FD, params: { 1: ['backlog', 'UINT32', 'DEC'] } }, // SOCKET_LISTEN_E
  25: { nparams: 1 }, // SOCKET_LISTEN_X
  28: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS }, // SOCKET_SEND_E
  29: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SOCKET_SEND_X
  30: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.MODIFIES_STATE }, // SOCKET_SENDTO_E
  31: { nparams: 2 }, // SOCKET_SENDTO_X
  32: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS }, // SOCKET_RECV_E
  33: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SOCKET_RECV_X
  34: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.MODIFIES_STATE }, // SOCKET_RECVFROM_E
  35: { nparams: 3 }, // SOCKET_RECVFROM_X
  // SOCKET_SHUTDOWN_E
  36: {
    flags: EF.USES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS,
    params: { 1: ['how', 'FLAGS8', 'HEX', 'shutdown_how'] },
  },
  37: { flags: EF.USES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SOCKET_SHUTDOWN_X
  38: { flags: EF.DROP_SIMPLE_CONS }, // SOCKET_GETSOCKNAME_E
  39: { flags: EF.DROP_SIMPLE_CONS }, // SOCKET_GETSOCKNAME_X
  40: { flags: EF.DROP_SIMPLE_CONS }, // SOCKET_GETPEERNAME_E
  41: { flags: EF.DROP_SIMPLE_CONS }, // SOCKET_GETPEERNAME_X
  // SOCKET_SOCKETPAIR_E
  42: {
    flags: EF.CREATES_FD | EF.MODIFIES_STATE,
    params: { 0: ['domain', 'FLAGS32', 'DEC', 'socket_families'] },
  },
  43: { nparams: 5 }, // SOCKET_SOCKETPAIR_X
  44: { flags: EF.NONE }, // SOCKET_SETSOCKOPT_E
  // SOCKET_SETSOCKOPT_X
  45: {
    params: {
      2: ['level', 'FLAGS8', 'DEC', 'sockopt_levels'],
      3: ['optname', 'FLAGS8', 'DEC', 'sockopt_options'],
    },
  },
  46: { flags: EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS }, // SOCKET_GETSOCKOPT_E
  // SOCKET_GETSOCKOPT_X
  47: {
    flags: EF.USES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS,
    params: {
      2: ['level', 'FLAGS8', 'DEC', 'sockopt_levels'],
      3: ['optname', 'FLAGS8', 'DEC', 'sockopt_options'],
    },
  },
  48: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.MODIFIES_STATE }, // SOCKET_SENDMSG_E
  49: { nparams: 2 }, // SOCKET_SENDMSG_X
  50: { flags: EF.DROP_SIMPLE_CONS }, // SOCKET_SENDMMSG_E
  51: { flags: EF.DROP_SIMPLE_CONS, nparams: 0 }, // SOCKET_SENDMMSG_X
  52: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.MODIFIES_STATE }, // SOCKET_RECVMSG_E
  53: { nparams: 4 }, // SOCKET_RECVMSG_X
  54: { flags: EF.DROP_SIMPLE_CONS }, // SOCKET_RECVMMSG_E
  55: { flags: EF.DROP_SIMPLE_CONS, nparams: 0 }, // SOCKET_RECVMMSG_X
  59: { nparams: 4 }, // SYSCALL_CREAT_X
  60: { flags: EF.CREATES_FD | EF.MODIFIES_STATE }, // SYSCALL_PIPE_E
  // SYSCALL_EVENTFD_E
  62: {
    flags: EF.CREATES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS,
    params: { 1: ['flags', 'FLAGS32', 'HEX'] },
  },
  63: { flags: EF.CREATES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_EVENTFD_X
  64: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_FUTEX_E
  65: { flags: EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_FUTEX_X
  66: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_STAT_E
  67: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_STAT_X
  68: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_LSTAT_E
  69: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_LSTAT_X
  70: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_FSTAT_E
  71: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_FSTAT_X
  72: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_STAT64_E
  73: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_STAT64_X
  74: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_LSTAT64_E
  75: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_LSTAT64_X
  76: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_FSTAT64_E
  77: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_FSTAT64_X
  78: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS }, // SYSCALL_EPOLLWAIT_E
  79: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_EPOLLWAIT_X
  80: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS }, // SYSCALL_POLL_E
  81: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_POLL_X
  82: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS }, // SYSCALL_SELECT_E
  83: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS }, // SYSCALL_SELECT_X
  84: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS }, // SYSCALL_NEWSELECT_E
  85: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS }, // SYSCALL_NEWSELECT_X
  // SYSCALL_LSEEK_E
  86: {
    flags: EF.USES_FD | EF.DROP_SIMPLE_CONS,
    params: { 2: ['whence', 'FLAGS8', 'DEC', 'lseek_whence'] },
  },
  87: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_LSEEK_X
  // SYSCALL_LLSEEK_E
  88: {
    flags: EF.USES_FD | EF.DROP_SIMPLE_CONS,
    params: { 2: ['whence', 'FLAGS8', 'DEC', 'lseek_whence'] },
  },
  89: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_LLSEEK_X
  92: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETCWD_E
  93: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETCWD_X
  94: { flags: EF.MODIFIES_STATE }, // SYSCALL_CHDIR_E
  96: { flags: EF.USES_FD | EF.MODIFIES_STATE }, // SYSCALL_FCHDIR_E
  97: { nparams: 1 }, // SYSCALL_FCHDIR_X
  98: { flags: EF.NONE }, // SYSCALL_MKDIR_E
  99: { flags: EF.NONE }, // SYSCALL_MKDIR_X
  100: { flags: EF.NONE }, // SYSCALL_RMDIR_E
  101: { flags: EF.NONE }, // SYSCALL_RMDIR_X
  112: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_PREAD_E
  113: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_PREAD_X
  114: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_PWRITE_E
  115: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_PWRITE_X
  116: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_READV_E
  117: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS, nparams: 3 }, // SYSCALL_READV_X
  118: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_WRITEV_E
  119: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_WRITEV_X
  120: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_PREADV_E
  121: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.DROP_SIMPLE_CONS, nparams: 3 }, // SYSCALL_PREADV_X
  122: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_PWRITEV_E
  123: { flags: EF.USES_FD | EF.WRITES_TO_FD | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_PWRITEV_X
  124: { flags: EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE }, // SYSCALL_DUP_E
  125: { flags: EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE }, // SYSCALL_DUP_X
  // SYSCALL_SIGNALFD_E
  126: {
    flags: EF.CREATES_FD | EF.MODIFIES_STATE,
    params: { 2: ['flags', 'FLAGS8', 'HEX'] },
  },
  127: { nparams: 1 }, // SYSCALL_SIGNALFD_X
  128: { flags: EF.NONE }, // SYSCALL_KILL_E
  129: { nparams: 1 }, // SYSCALL_KILL_X
  130: { flags: EF.NONE }, // SYSCALL_TKILL_E
  131: { nparams: 1 }, // SYSCALL_TKILL_X
  132: { flags: EF.NONE }, // SYSCALL_TGKILL_E
  133: { nparams: 1 }, // SYSCALL_TGKILL_X
  134: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS }, // SYSCALL_NANOSLEEP_E
  135: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_NANOSLEEP_X
  // SYSCALL_TIMERFD_CREATE_E
  136: {
    flags: EF.CREATES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS,
    params: { 1: ['flags', 'FLAGS8', 'HEX'] },
  },
  // SYSCALL_TIMERFD_CREATE_X
  137: {
    flags: EF.CREATES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS,
    nparams: 1,
  },
  // SYSCALL_INOTIFY_INIT_E
  138: {
    flags: EF.CREATES_FD | EF.MODIFIES_STATE,
    params: { 0: ['flags', 'FLAGS8', 'HEX'] },
  },
  139: { nparams: 1 }, // SYSCALL_INOTIFY_INIT_X
  // SYSCALL_GETRLIMIT_E
  140: {
    flags: EF.DROP_SIMPLE_CONS,
    params: { 0: ['resource', 'FLAGS8', 'DEC', 'rlimit_resources'] },
  },
  141: { flags: EF.DROP_SIMPLE_CONS, nparams: 3 }, // SYSCALL_GETRLIMIT_X
  // SYSCALL_SETRLIMIT_E
  142: {
    flags: EF.DROP_SIMPLE_CONS,
    params: { 0: ['resource', 'FLAGS8', 'DEC', 'rlimit_resources'] },
  },
  143: { flags: EF.DROP_SIMPLE_CONS, nparams: 3 }, // SYSCALL_SETRLIMIT_X
  // SYSCALL_PRLIMIT_E
  144: {
    flags: EF.NONE,
    params: { 1: ['resource', 'FLAGS8', 'DEC', 'rlimit_resources'] },
  },
  145: { nparams: 5 }, // SYSCALL_PRLIMIT_X
  146: { flags: EF.SKIPPARSERESET | EF.OLD_VERSION | EF.DROP_SIMPLE_CONS }, // SCHEDSWITCH_1_E
  // SCHEDSWITCH_1_X
  147: {
    name: 'NA2',
    category: EC.SCHEDULER,
    flags: EF.SKIPPARSERESET | EF.UNUSED | EF.OLD_VERSION,
  },
  // SYSCALL_FCNTL_E
  150: {
    flags: EF.USES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS,
    params: { 1: ['cmd', 'FLAGS8', 'DEC', 'fcntl_commands'] },
  },
  151: { flags: EF.USES_FD | EF.MODIFIES_STATE | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_FCNTL_X
  152: { flags: EF.DROP_SIMPLE_CONS }, // SCHEDSWITCH_6_E
  153: { name: 'NA2', category: EC.SCHEDULER }, // SCHEDSWITCH_6_X
  158: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_BRK_4_E
  159: { flags: EF.DROP_SIMPLE_CONS, nparams: 4 }, // SYSCALL_BRK_4_X
  160: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_MMAP_E
  161: { flags: EF.DROP_SIMPLE_CONS, nparams: 4, params: { 0: ['res', 'UINT64', 'HEX'] } }, // SYSCALL_MMAP_X
  162: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_MMAP2_E
  163: { flags: EF.DROP_SIMPLE_CONS, nparams: 4, params: { 0: ['res', 'UINT64', 'HEX'] } }, // SYSCALL_MMAP2_X
  164: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_MUNMAP_E
  165: { flags: EF.DROP_SIMPLE_CONS, nparams: 4 }, // SYSCALL_MUNMAP_X
  166: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_SPLICE_E
  167: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_SPLICE_X
  // SYSCALL_PTRACE_E
  168: {
    flags: EF.NONE,
    params: { 0: ['request', 'FLAGS16', 'DEC', 'ptrace_requests'] },
  },
  169: { nparams: 3 }, // SYSCALL_PTRACE_X
  170: { flags: EF.USES_FD }, // SYSCALL_IOCTL_3_E
  171: { nparams: 1 }, // SYSCALL_IOCTL_3_X
  174: { flags: EF.NONE }, // SYSCALL_RENAME_E
  176: { flags: EF.NONE }, // SYSCALL_RENAMEAT_E
  178: { flags: EF.NONE }, // SYSCALL_SYMLINK_E
  180: { flags: EF.NONE }, // SYSCALL_SYMLINKAT_E
  181: { flags: EF.NONE }, // SYSCALL_SYMLINKAT_X
  186: { nparams: 4 }, // PROCEXIT_1_E
  187: { name: 'NA1', category: EC.PROCESS }, // PROCEXIT_1_X
  188: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_SENDFILE_E
  189: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_SENDFILE_X
  190: { flags: EF.NONE }, // SYSCALL_QUOTACTL_E
  191: { nparams: 14 }, // SYSCALL_QUOTACTL_X
  192: { flags: EF.MODIFIES_STATE }, // SYSCALL_SETRESUID_E
  193: { nparams: 1 }, // SYSCALL_SETRESUID_X
  194: { flags: EF.MODIFIES_STATE }, // SYSCALL_SETRESGID_E
  195: { nparams: 1 }, // SYSCALL_SETRESGID_X
  196: { name: 'sysdigevent' }, // SCAPEVENT_E
  197: { name: 'sysdigevent', category: EC.INTERNAL }, // SCAPEVENT_X
  198: { flags: EF.MODIFIES_STATE }, // SYSCALL_SETUID_E
  199: { nparams: 1 }, // SYSCALL_SETUID_X
  200: { flags: EF.MODIFIES_STATE }, // SYSCALL_SETGID_E
  201: { nparams: 1 }, // SYSCALL_SETGID_X
  202: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETUID_E
  203: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETUID_X
  204: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETEUID_E
  205: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETEUID_X
  206: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETGID_E
  207: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETGID_X
  208: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETEGID_E
  209: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETEGID_X
  210: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETRESUID_E
  211: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETRESUID_X
  212: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETRESGID_E
  213: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_GETRESGID_X
  222: { flags: EF.MODIFIES_STATE }, // SYSCALL_CLONE_20_E
  223: { nparams: 20 }, // SYSCALL_CLONE_20_X
  224: { flags: EF.MODIFIES_STATE }, // SYSCALL_FORK_20_E
  225: { nparams: 20 }, // SYSCALL_FORK_20_X
  226: { flags: EF.MODIFIES_STATE }, // SYSCALL_VFORK_20_E
  227: { nparams: 20 }, // SYSCALL_VFORK_20_X
  229: { name: 'container', category: EC.INTERNAL, flags: EF.UNUSED | EF.OLD_VERSION }, // CONTAINER_X
  230: { flags: EF.MODIFIES_STATE }, // SYSCALL_EXECVE_16_E
  231: { flags: EF.MODIFIES_STATE }, // SYSCALL_EXECVE_16_X
  232: { flags: EF.DROP_SIMPLE_CONS }, // SIGNALDELIVER_E
  233: { name: 'signaldeliver', category: EC.SIGNAL }, // SIGNALDELIVER_X
  234: { flags: EF.SKIPPARSERESET | EF.DROP_SIMPLE_CONS }, // PROCINFO_E
  235: { name: 'NA2', category: EC.INTERNAL }, // PROCINFO_X
  236: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_GETDENTS_E
  237: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_GETDENTS_X
  238: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS }, // SYSCALL_GETDENTS64_E
  239: { flags: EF.USES_FD | EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_GETDENTS64_X
  240: { flags: EF.USES_FD }, // SYSCALL_SETNS_E
  241: { nparams: 1 }, // SYSCALL_SETNS_X
  242: { flags: EF.USES_FD }, // SYSCALL_FLOCK_E
  243: { nparams: 1 }, // SYSCALL_FLOCK_X
  245: { name: 'NA2', category: EC.SYSTEM }, // CPU_HOTPLUG_X
  246: { flags: EF.CREATES_FD | EF.MODIFIES_STATE }, // SOCKET_ACCEPT_5_E
  248: { flags: EF.CREATES_FD | EF.MODIFIES_STATE }, // SOCKET_ACCEPT4_5_E
  249: { flags: EF.CREATES_FD | EF.MODIFIES_STATE }, // SOCKET_ACCEPT4_5_X
  250: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_SEMOP_E
  251: { flags: EF.DROP_SIMPLE_CONS, nparams: 8 }, // SYSCALL_SEMOP_X
  252: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_SEMCTL_E
  253: { flags: EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_SEMCTL_X
  254: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS }, // SYSCALL_PPOLL_E
  255: { flags: EF.WAITS | EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_PPOLL_X
  256: { flags: EF.MODIFIES_STATE }, // SYSCALL_MOUNT_E
  257: { nparams: 4 }, // SYSCALL_MOUNT_X
  258: { flags: EF.MODIFIES_STATE }, // SYSCALL_UMOUNT_E
  259: { flags: EF.MODIFIES_STATE }, // SYSCALL_UMOUNT_X
  260: { flags: EF.SKIPPARSERESET | EF.MODIFIES_STATE }, // K8S_E
  261: { name: 'NA3', category: EC.SYSTEM }, // K8S_X
  262: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_SEMGET_E
  263: { flags: EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_SEMGET_X
  264: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_ACCESS_E
  265: { flags: EF.DROP_SIMPLE_CONS, nparams: 2 }, // SYSCALL_ACCESS_X
  266: { flags: EF.MODIFIES_STATE }, // SYSCALL_CHROOT_E
  268: { flags: EF.NONE }, // TRACER_E
  269: { name: 'tracer', category: EC.OTHER, flags: EF.NONE }, // TRACER_X
  270: { flags: EF.SKIPPARSERESET | EF.MODIFIES_STATE }, // MESOS_E
  271: { name: 'NA4', category: EC.SYSTEM }, // MESOS_X
  272: { flags: EF.MODIFIES_STATE }, // CONTAINER_JSON_E
  273: { name: 'container', category: EC.PROCESS }, // CONTAINER_JSON_X
  274: { flags: EF.MODIFIES_STATE }, // SYSCALL_SETSID_E
  276: { flags: EF.NONE }, // SYSCALL_MKDIR_2_E
  277: { nparams: 2 }, // SYSCALL_MKDIR_2_X
  278: { flags: EF.NONE }, // SYSCALL_RMDIR_2_E
  281: { name: 'NA4', category: EC.SYSTEM }, // NOTIFICATION_X
  284: { flags: EF.NONE }, // SYSCALL_UNSHARE_E
  285: { nparams: 1 }, // SYSCALL_UNSHARE_X
  287: { name: 'NA4', category: EC.SYSTEM }, // INFRASTRUCTURE_EVENT_X
  290: { flags: EF.SKIPPARSERESET | EF.DROP_SIMPLE_CONS }, // PAGE_FAULT_E
  291: { name: 'NA5', category: EC.OTHER }, // PAGE_FAULT_X
  292: { flags: EF.MODIFIES_STATE }, // SYSCALL_EXECVE_19_E
  // SYSCALL_EXECVE_19_X
  293: {
    nparams: 20,
    params: { 16: ['tty', 'INT32', 'DEC'], 17: ['pgid', 'PID', 'DEC'], 18: ['loginuid', 'INT32', 'DEC'] },
  },
  294: { flags: EF.MODIFIES_STATE }, // SYSCALL_SETPGID_E
  295: { flags: EF.MODIFIES_STATE, nparams: 1, params: { 0: ['res', 'PID', 'DEC'] } }, // SYSCALL_SETPGID_X
  296: { flags: EF.CREATES_FD }, // SYSCALL_BPF_E
  297: { flags: EF.CREATES_FD }, // SYSCALL_BPF_X
  298: { flags: EF.NONE, nparams: 1 }, // SYSCALL_SECCOMP_E
  299: { nparams: 1 }, // SYSCALL_SECCOMP_X
  300: { flags: EF.NONE }, // SYSCALL_UNLINK_2_E
  302: { flags: EF.NONE }, // SYSCALL_UNLINKAT_2_E
  303: { flags: EF.NONE }, // SYSCALL_UNLINKAT_2_X
  304: { flags: EF.NONE }, // SYSCALL_MKDIRAT_E
  305: { flags: EF.NONE }, // SYSCALL_MKDIRAT_X
  307: { nparams: 6 }, // SYSCALL_OPENAT_2_X
  308: { flags: EF.NONE }, // SYSCALL_LINK_2_E
  310: { flags: EF.NONE }, // SYSCALL_LINKAT_2_E
  312: { flags: EF.NONE }, // SYSCALL_FCHMODAT_E
  313: { flags: EF.NONE }, // SYSCALL_FCHMODAT_X
  314: { flags: EF.NONE }, // SYSCALL_CHMOD_E
  316: { flags: EF.NONE }, // SYSCALL_FCHMOD_E
  317: { flags: EF.NONE }, // SYSCALL_FCHMOD_X
  318: { flags: EF.NONE }, // SYSCALL_RENAMEAT2_E
  320: { flags: EF.CREATES_FD | EF.MODIFIES_STATE }, // SYSCALL_USERFAULTFD_E
  322: { params: { 0: ['plugin ID', 'UINT32', 'DEC'] } }, // PLUGINEVENT_E
  323: { name: 'pluginevent', category: EC.OTHER }, // PLUGINEVENT_X
  325: { name: 'container', category: EC.PROCESS }, // CONTAINER_JSON_2_X
  326: { params: { 1: ['name', 'FSRELPATH', 'NA', 1] } }, // SYSCALL_OPENAT2_E
  327: { nparams: 6 }, // SYSCALL_OPENAT2_X
  328: { flags: EF.DROP_SIMPLE_CONS }, // SYSCALL_MPROTECT_E
  329: { flags: EF.DROP_SIMPLE_CONS, nparams: 1 }, // SYSCALL_MPROTECT_X
  330: { flags: EF.MODIFIES_STATE }, // SYSCALL_EXECVEAT_E
  // SYSCALL_EXECVEAT_X
  331: {
    nparams: 20,
    params: { 16: ['tty', 'INT32', 'DEC'], 17: ['pgid', 'PID', 'DEC'], 18: ['loginuid', 'INT32', 'DEC'] },
  },
  332: { flags: EF.USES_FD | EF.READS_FROM_FD | EF.WRITES_TO_FD }, // SYSCALL_COPY_FILE_RANGE_E
  333: { nparams: 3 }, // SYSCALL_COPY_FILE_RANGE_X
  334: { flags: EF.MODIFIES_STATE }, // SYSCALL_CLONE3_E
  335: { nparams: 20 }, // SYSCALL_CLONE3_X
};

/**
 * Flag tables whose content differed in sysdig 0.29.3 (entries added later are not named there;
 * SHUT_UNKNOWN did not exist). Tables added after 0.29.3 are only used by newer params.
 */
export const SYSDIG029_FLAG_TABLES: Readonly<Partial<Record<FlagTableName, FlagTable>>> = {
  file_flags: [['O_LARGEFILE', 0x800], ['O_DIRECTORY', 0x400], ['O_DIRECT', 0x200], ['O_TRUNC', 0x100],
    ['O_SYNC', 0x80], ['O_NONBLOCK', 0x40], ['O_EXCL', 0x20], ['O_DSYNC', 0x10], ['O_APPEND', 8],
    ['O_CREAT', 4], ['O_RDWR', 3], ['O_WRONLY', 2], ['O_RDONLY', 1], ['O_CLOEXEC', 0x1000], ['O_NONE', 0],
    ['O_TMPFILE', 0x2000]],
  clone_flags: [['CLONE_FILES', 1], ['CLONE_FS', 2], ['CLONE_IO', 4], ['CLONE_NEWIPC', 8],
    ['CLONE_NEWNET', 0x10], ['CLONE_NEWNS', 0x20], ['CLONE_NEWPID', 0x40], ['CLONE_NEWUTS', 0x80],
    ['CLONE_PARENT', 0x100], ['CLONE_PARENT_SETTID', 0x200], ['CLONE_PTRACE', 0x400],
    ['CLONE_SIGHAND', 0x800], ['CLONE_SYSVSEM', 0x1000], ['CLONE_THREAD', 0x2000],
    ['CLONE_UNTRACED', 0x4000], ['CLONE_VM', 0x8000], ['CLONE_INVERTED', 0x10000],
    ['NAME_CHANGED', 0x20000], ['CLOSED', 0x40000], ['CLONE_NEWUSER', 0x100000],
    ['CLONE_CHILD_CLEARTID', 0x800000], ['CLONE_CHILD_SETTID', 0x1000000], ['CLONE_SETTLS', 0x2000000],
    ['CLONE_STOPPED', 0x4000000], ['CLONE_VFORK', 0x8000000], ['CLONE_NEWCGROUP', 0x10000000]],
  shutdown_how: [['SHUT_RDWR', 2], ['SHUT_WR', 1], ['SHUT_RD', 0]],
  execve_flags: [['EXE_WRITABLE', 1]],
};
