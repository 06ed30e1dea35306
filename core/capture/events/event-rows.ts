/**
 * Every event type of the falcosecurity/libs driver event table (driver/event_table.c and
 * ppm_events_public.h at commit 48dfd53cd23f), in our own format. Index = ppm event number.
 *
 * Old event versions stay in the table (EXECVE_8/13/14/15/16/17/18/19, CLONE_11/16/17/20, ...)
 * because captures keep them forever; the param count of one event in a file may be lower than
 * the table's (params were appended over the years), which is fine: decode what is there.
 * What sysdig 0.29.3 (libs of March 2022) had differently is in sysdig029.ts.
 *
 * Row: code, PPME_ id, evt.type name, category, flags, params.
 * Param: [name, PT type, PF format (default NA), flag table | dynamic table | dirfd param index].
 */
import { EC, EF } from './types.js';
import type { EventRow } from './rows.js';

export const EVENT_ROWS: readonly EventRow[] = [
  [0, 'GENERIC_E', 'syscall', EC.OTHER | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['ID', 'SYSCALLID', 'DEC'], ['nativeID', 'UINT16', 'DEC'],
  ]],
  [1, 'GENERIC_X', 'syscall', EC.OTHER | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['ID', 'SYSCALLID', 'DEC'], ['nativeID', 'UINT16', 'DEC'],
  ]],
  [2, 'SYSCALL_OPEN_E', 'open', EC.FILE | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['name', 'FSPATH'], ['flags', 'FLAGS32', 'HEX', 'file_flags'], ['mode', 'UINT32', 'OCT'],
  ]],
  [3, 'SYSCALL_OPEN_X', 'open', EC.FILE | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['name', 'FSPATH'], ['flags', 'FLAGS32', 'HEX', 'file_flags'],
    ['mode', 'UINT32', 'OCT'], ['dev', 'UINT32', 'HEX'], ['ino', 'UINT64', 'DEC'],
  ]],
  [4, 'SYSCALL_CLOSE_E', 'close', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.DESTROYS_FD | EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'],
  ]],
  [5, 'SYSCALL_CLOSE_X', 'close', EC.IO_OTHER | EC.SYSCALL,
    EF.DESTROYS_FD | EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'],
  ]],
  [6, 'SYSCALL_READ_E', 'read', EC.IO_READ | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
  ]],
  [7, 'SYSCALL_READ_X', 'read', EC.IO_READ | EC.SYSCALL,
    EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
  ]],
  [8, 'SYSCALL_WRITE_E', 'write', EC.IO_WRITE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
  ]],
  [9, 'SYSCALL_WRITE_X', 'write', EC.IO_WRITE | EC.SYSCALL,
    EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
  ]],
  [10, 'SYSCALL_BRK_1_E', 'brk', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['size', 'UINT32', 'DEC'],
  ]],
  [11, 'SYSCALL_BRK_1_X', 'brk', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['res', 'UINT64', 'HEX'],
  ]],
  [12, 'SYSCALL_EXECVE_8_E', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [

  ]],
  [13, 'SYSCALL_EXECVE_8_X', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'UINT64', 'DEC'],
  ]],
  [14, 'SYSCALL_CLONE_11_E', 'clone', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [15, 'SYSCALL_CLONE_11_X', 'clone', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['flags', 'FLAGS32', 'HEX', 'clone_flags'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [16, 'PROCEXIT_E', 'procexit', EC.PROCESS | EC.TRACEPOINT,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [

  ]],
  [17, 'PROCEXIT_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [18, 'SOCKET_SOCKET_E', 'socket', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['domain', 'ENUMFLAGS32', 'DEC', 'socket_families'], ['type', 'UINT32', 'DEC'],
    ['proto', 'UINT32', 'DEC'],
  ]],
  [19, 'SOCKET_SOCKET_X', 'socket', EC.NET | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['domain', 'ENUMFLAGS32', 'DEC', 'socket_families'], ['type', 'UINT32', 'DEC'],
    ['proto', 'UINT32', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'file_flags'],
  ]],
  [20, 'SOCKET_BIND_E', 'bind', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'],
  ]],
  [21, 'SOCKET_BIND_X', 'bind', EC.NET | EC.SYSCALL, EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['addr', 'SOCKADDR'], ['fd', 'FD', 'DEC'],
  ]],
  [22, 'SOCKET_CONNECT_E', 'connect', EC.NET | EC.SYSCALL,
    EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['addr', 'SOCKADDR'],
  ]],
  [23, 'SOCKET_CONNECT_X', 'connect', EC.NET | EC.SYSCALL,
    EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['tuple', 'SOCKTUPLE'], ['fd', 'FD', 'DEC'], ['addr', 'SOCKADDR'],
  ]],
  [24, 'SOCKET_LISTEN_E', 'listen', EC.NET | EC.SYSCALL, EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['backlog', 'INT32', 'DEC'],
  ]],
  [25, 'SOCKET_LISTEN_X', 'listen', EC.NET | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['backlog', 'INT32', 'DEC'],
  ]],
  [26, 'SOCKET_ACCEPT_E', 'accept', EC.NET | EC.SYSCALL, EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [27, 'SOCKET_ACCEPT_X', 'accept', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['tuple', 'SOCKTUPLE'], ['queuepct', 'UINT8', 'DEC'],
  ]],
  [28, 'SOCKET_SEND_E', 'send', EC.IO_WRITE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
  ]],
  [29, 'SOCKET_SEND_X', 'send', EC.IO_WRITE | EC.SYSCALL,
    EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
    ['tuple', 'SOCKTUPLE'],
  ]],
  [30, 'SOCKET_SENDTO_E', 'sendto', EC.IO_WRITE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.WRITES_TO_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'], ['tuple', 'SOCKTUPLE'],
  ]],
  [31, 'SOCKET_SENDTO_X', 'sendto', EC.IO_WRITE | EC.SYSCALL,
    EF.USES_FD | EF.WRITES_TO_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
    ['tuple', 'SOCKTUPLE'],
  ]],
  [32, 'SOCKET_RECV_E', 'recv', EC.IO_READ | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
  ]],
  [33, 'SOCKET_RECV_X', 'recv', EC.IO_READ | EC.SYSCALL,
    EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
    ['tuple', 'SOCKTUPLE'],
  ]],
  [34, 'SOCKET_RECVFROM_E', 'recvfrom', EC.IO_READ | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.READS_FROM_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
  ]],
  [35, 'SOCKET_RECVFROM_X', 'recvfrom', EC.IO_READ | EC.SYSCALL,
    EF.USES_FD | EF.READS_FROM_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['tuple', 'SOCKTUPLE'], ['fd', 'FD', 'DEC'],
    ['size', 'UINT32', 'DEC'],
  ]],
  [36, 'SOCKET_SHUTDOWN_E', 'shutdown', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['how', 'ENUMFLAGS8', 'HEX', 'shutdown_how'],
  ]],
  [37, 'SOCKET_SHUTDOWN_X', 'shutdown', EC.NET | EC.SYSCALL,
    EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['how', 'ENUMFLAGS8', 'HEX', 'shutdown_how'],
  ]],
  [38, 'SOCKET_GETSOCKNAME_E', 'getsockname', EC.NET | EC.SYSCALL, EF.OLD_VERSION, []],
  [39, 'SOCKET_GETSOCKNAME_X', 'getsockname', EC.NET | EC.SYSCALL, EF.NONE, []],
  [40, 'SOCKET_GETPEERNAME_E', 'getpeername', EC.NET | EC.SYSCALL, EF.OLD_VERSION, []],
  [41, 'SOCKET_GETPEERNAME_X', 'getpeername', EC.NET | EC.SYSCALL, EF.NONE, []],
  [42, 'SOCKET_SOCKETPAIR_E', 'socketpair', EC.IPC | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['domain', 'ENUMFLAGS32', 'DEC', 'socket_families'], ['type', 'UINT32', 'DEC'],
    ['proto', 'UINT32', 'DEC'],
  ]],
  [43, 'SOCKET_SOCKETPAIR_X', 'socketpair', EC.IPC | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd1', 'FD', 'DEC'], ['fd2', 'FD', 'DEC'], ['source', 'UINT64', 'HEX'],
    ['peer', 'UINT64', 'HEX'], ['domain', 'ENUMFLAGS32', 'DEC', 'socket_families'],
    ['type', 'UINT32', 'DEC'], ['proto', 'UINT32', 'DEC'],
  ]],
  [44, 'SOCKET_SETSOCKOPT_E', 'setsockopt', EC.NET | EC.SYSCALL, EF.OLD_VERSION, []],
  [45, 'SOCKET_SETSOCKOPT_X', 'setsockopt', EC.NET | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['level', 'ENUMFLAGS8', 'DEC', 'sockopt_levels'],
    ['optname', 'ENUMFLAGS8', 'DEC', 'sockopt_options'], ['val', 'DYN', 'DEC', 'sockopt_dynamic_param'],
    ['optlen', 'UINT32', 'DEC'],
  ]],
  [46, 'SOCKET_GETSOCKOPT_E', 'getsockopt', EC.NET | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [47, 'SOCKET_GETSOCKOPT_X', 'getsockopt', EC.NET | EC.SYSCALL, EF.USES_FD | EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['level', 'ENUMFLAGS8', 'DEC', 'sockopt_levels'],
    ['optname', 'ENUMFLAGS8', 'DEC', 'sockopt_options'], ['val', 'DYN', 'DEC', 'sockopt_dynamic_param'],
    ['optlen', 'UINT32', 'DEC'],
  ]],
  [48, 'SOCKET_SENDMSG_E', 'sendmsg', EC.IO_WRITE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.WRITES_TO_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'], ['tuple', 'SOCKTUPLE'],
  ]],
  [49, 'SOCKET_SENDMSG_X', 'sendmsg', EC.IO_WRITE | EC.SYSCALL,
    EF.USES_FD | EF.WRITES_TO_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
    ['tuple', 'SOCKTUPLE'],
  ]],
  [50, 'SOCKET_SENDMMSG_E', 'sendmmsg', EC.IO_WRITE | EC.SYSCALL, EF.OLD_VERSION, []],
  [51, 'SOCKET_SENDMMSG_X', 'sendmmsg', EC.IO_WRITE | EC.SYSCALL,
    EF.USES_FD | EF.WRITES_TO_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'], ['data', 'BYTEBUF'],
    ['tuple', 'SOCKTUPLE'],
  ]],
  [52, 'SOCKET_RECVMSG_E', 'recvmsg', EC.IO_READ | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.READS_FROM_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'],
  ]],
  [53, 'SOCKET_RECVMSG_X', 'recvmsg', EC.IO_READ | EC.SYSCALL,
    EF.USES_FD | EF.READS_FROM_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['size', 'UINT32', 'DEC'], ['data', 'BYTEBUF'], ['tuple', 'SOCKTUPLE'],
    ['msgcontrol', 'BYTEBUF'], ['fd', 'FD', 'DEC'],
  ]],
  [54, 'SOCKET_RECVMMSG_E', 'recvmmsg', EC.IO_READ | EC.SYSCALL, EF.OLD_VERSION, []],
  [55, 'SOCKET_RECVMMSG_X', 'recvmmsg', EC.IO_READ | EC.SYSCALL,
    EF.USES_FD | EF.READS_FROM_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'], ['data', 'BYTEBUF'],
    ['tuple', 'SOCKTUPLE'], ['msgcontrol', 'BYTEBUF'],
  ]],
  [56, 'SOCKET_ACCEPT4_E', 'accept', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['flags', 'INT32', 'HEX'],
  ]],
  [57, 'SOCKET_ACCEPT4_X', 'accept', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['tuple', 'SOCKTUPLE'], ['queuepct', 'UINT8', 'DEC'],
  ]],
  [58, 'SYSCALL_CREAT_E', 'creat', EC.FILE | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['name', 'FSPATH'], ['mode', 'UINT32', 'OCT'],
  ]],
  [59, 'SYSCALL_CREAT_X', 'creat', EC.FILE | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['name', 'FSPATH'], ['mode', 'UINT32', 'OCT'], ['dev', 'UINT32', 'HEX'],
    ['ino', 'UINT64', 'DEC'], ['creat_flags', 'FLAGS16', 'HEX', 'creat_flags'],
  ]],
  [60, 'SYSCALL_PIPE_E', 'pipe', EC.IPC | EC.SYSCALL, EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, []],
  [61, 'SYSCALL_PIPE_X', 'pipe', EC.IPC | EC.SYSCALL, EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['fd1', 'FD', 'DEC'], ['fd2', 'FD', 'DEC'], ['ino', 'UINT64', 'DEC'],
  ]],
  [62, 'SYSCALL_EVENTFD_E', 'eventfd', EC.IPC | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['initval', 'UINT64', 'DEC'], ['flags', 'UINT32', 'HEX'],
  ]],
  [63, 'SYSCALL_EVENTFD_X', 'eventfd', EC.IPC | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'FD', 'DEC'], ['initval', 'UINT64', 'DEC'], ['flags', 'UINT32', 'HEX'],
  ]],
  [64, 'SYSCALL_FUTEX_E', 'futex', EC.IPC | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['addr', 'UINT64', 'HEX'], ['op', 'FLAGS16', 'HEX', 'futex_operations'], ['val', 'UINT64', 'DEC'],
  ]],
  [65, 'SYSCALL_FUTEX_X', 'futex', EC.IPC | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['addr', 'UINT64', 'HEX'], ['op', 'FLAGS16', 'HEX', 'futex_operations'],
    ['val', 'UINT64', 'DEC'],
  ]],
  [66, 'SYSCALL_STAT_E', 'stat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [67, 'SYSCALL_STAT_X', 'stat', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'],
  ]],
  [68, 'SYSCALL_LSTAT_E', 'lstat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [69, 'SYSCALL_LSTAT_X', 'lstat', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'],
  ]],
  [70, 'SYSCALL_FSTAT_E', 'fstat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD'],
  ]],
  [71, 'SYSCALL_FSTAT_X', 'fstat', EC.FILE | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD'],
  ]],
  [72, 'SYSCALL_STAT64_E', 'stat64', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [73, 'SYSCALL_STAT64_X', 'stat64', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'],
  ]],
  [74, 'SYSCALL_LSTAT64_E', 'lstat64', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [75, 'SYSCALL_LSTAT64_X', 'lstat64', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'],
  ]],
  [76, 'SYSCALL_FSTAT64_E', 'fstat64', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.USES_FD, [['fd', 'FD']]],
  [77, 'SYSCALL_FSTAT64_X', 'fstat64', EC.FILE | EC.SYSCALL, EF.NONE, [['res', 'ERRNO', 'DEC']]],
  [78, 'SYSCALL_EPOLLWAIT_E', 'epoll_wait', EC.WAIT | EC.SYSCALL,
    EF.OLD_VERSION | EF.WAITS | EF.CONVERTER_MANAGED, [
    ['maxevents', 'ERRNO', 'DEC'],
  ]],
  [79, 'SYSCALL_EPOLLWAIT_X', 'epoll_wait', EC.WAIT | EC.SYSCALL, EF.WAITS | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['maxevents', 'ERRNO', 'DEC'],
  ]],
  [80, 'SYSCALL_POLL_E', 'poll', EC.WAIT | EC.SYSCALL, EF.OLD_VERSION | EF.WAITS | EF.CONVERTER_MANAGED, [
    ['fds', 'FDLIST', 'DEC'], ['timeout', 'INT64', 'DEC'],
  ]],
  [81, 'SYSCALL_POLL_X', 'poll', EC.WAIT | EC.SYSCALL, EF.WAITS | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fds', 'FDLIST', 'DEC'], ['timeout', 'INT64', 'DEC'],
  ]],
  [82, 'SYSCALL_SELECT_E', 'select', EC.WAIT | EC.SYSCALL, EF.OLD_VERSION | EF.WAITS, []],
  [83, 'SYSCALL_SELECT_X', 'select', EC.WAIT | EC.SYSCALL, EF.WAITS, [['res', 'ERRNO', 'DEC']]],
  [84, 'SYSCALL_NEWSELECT_E', 'select', EC.WAIT | EC.SYSCALL, EF.OLD_VERSION | EF.WAITS, []],
  [85, 'SYSCALL_NEWSELECT_X', 'select', EC.WAIT | EC.SYSCALL,
    EF.OLD_VERSION | EF.WAITS | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'],
  ]],
  [86, 'SYSCALL_LSEEK_E', 'lseek', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['offset', 'UINT64', 'DEC'], ['whence', 'ENUMFLAGS8', 'DEC', 'lseek_whence'],
  ]],
  [87, 'SYSCALL_LSEEK_X', 'lseek', EC.FILE | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['offset', 'UINT64', 'DEC'],
    ['whence', 'ENUMFLAGS8', 'DEC', 'lseek_whence'],
  ]],
  [88, 'SYSCALL_LLSEEK_E', 'llseek', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['offset', 'UINT64', 'DEC'], ['whence', 'ENUMFLAGS8', 'DEC', 'lseek_whence'],
  ]],
  [89, 'SYSCALL_LLSEEK_X', 'llseek', EC.FILE | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['offset', 'UINT64', 'DEC'],
    ['whence', 'ENUMFLAGS8', 'DEC', 'lseek_whence'],
  ]],
  [90, 'SYSCALL_IOCTL_2_E', 'ioctl', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['request', 'UINT64', 'HEX'],
  ]],
  [91, 'SYSCALL_IOCTL_2_X', 'ioctl', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'],
  ]],
  [92, 'SYSCALL_GETCWD_E', 'getcwd', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [93, 'SYSCALL_GETCWD_X', 'getcwd', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'CHARBUF'],
  ]],
  [94, 'SYSCALL_CHDIR_E', 'chdir', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [95, 'SYSCALL_CHDIR_X', 'chdir', EC.FILE | EC.SYSCALL, EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'CHARBUF'],
  ]],
  [96, 'SYSCALL_FCHDIR_E', 'fchdir', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD'],
  ]],
  [97, 'SYSCALL_FCHDIR_X', 'fchdir', EC.FILE | EC.SYSCALL,
    EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD'],
  ]],
  [98, 'SYSCALL_MKDIR_E', 'mkdir', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['path', 'FSPATH'], ['mode', 'UINT32', 'HEX'],
  ]],
  [99, 'SYSCALL_MKDIR_X', 'mkdir', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'],
  ]],
  [100, 'SYSCALL_RMDIR_E', 'rmdir', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['path', 'FSPATH'],
  ]],
  [101, 'SYSCALL_RMDIR_X', 'rmdir', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'],
  ]],
  [102, 'SYSCALL_OPENAT_E', 'openat', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['dirfd', 'FD', 'DEC'], ['name', 'CHARBUF'], ['flags', 'FLAGS32', 'HEX', 'file_flags'],
    ['mode', 'UINT32', 'OCT'],
  ]],
  [103, 'SYSCALL_OPENAT_X', 'openat', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'],
  ]],
  [104, 'SYSCALL_LINK_E', 'link', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['oldpath', 'FSPATH'], ['newpath', 'FSPATH'],
  ]],
  [105, 'SYSCALL_LINK_X', 'link', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'],
  ]],
  [106, 'SYSCALL_LINKAT_E', 'linkat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['olddir', 'FD', 'DEC'], ['oldpath', 'CHARBUF'], ['newdir', 'FD', 'DEC'], ['newpath', 'CHARBUF'],
  ]],
  [107, 'SYSCALL_LINKAT_X', 'linkat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'],
  ]],
  [108, 'SYSCALL_UNLINK_E', 'unlink', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['path', 'FSPATH'],
  ]],
  [109, 'SYSCALL_UNLINK_X', 'unlink', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'],
  ]],
  [110, 'SYSCALL_UNLINKAT_E', 'unlinkat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['dirfd', 'FD', 'DEC'], ['name', 'CHARBUF'],
  ]],
  [111, 'SYSCALL_UNLINKAT_X', 'unlinkat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'],
  ]],
  [112, 'SYSCALL_PREAD_E', 'pread', EC.IO_READ | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'], ['pos', 'UINT64', 'DEC'],
  ]],
  [113, 'SYSCALL_PREAD_X', 'pread', EC.IO_READ | EC.SYSCALL,
    EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
    ['pos', 'UINT64', 'DEC'],
  ]],
  [114, 'SYSCALL_PWRITE_E', 'pwrite', EC.IO_WRITE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'], ['pos', 'UINT64', 'DEC'],
  ]],
  [115, 'SYSCALL_PWRITE_X', 'pwrite', EC.IO_WRITE | EC.SYSCALL,
    EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
    ['pos', 'UINT64', 'DEC'],
  ]],
  [116, 'SYSCALL_READV_E', 'readv', EC.IO_READ | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'],
  ]],
  [117, 'SYSCALL_READV_X', 'readv', EC.IO_READ | EC.SYSCALL,
    EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['size', 'UINT32', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'],
  ]],
  [118, 'SYSCALL_WRITEV_E', 'writev', EC.IO_WRITE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
  ]],
  [119, 'SYSCALL_WRITEV_X', 'writev', EC.IO_WRITE | EC.SYSCALL,
    EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
  ]],
  [120, 'SYSCALL_PREADV_E', 'preadv', EC.IO_READ | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['pos', 'UINT64', 'DEC'],
  ]],
  [121, 'SYSCALL_PREADV_X', 'preadv', EC.IO_READ | EC.SYSCALL,
    EF.USES_FD | EF.READS_FROM_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['size', 'UINT32', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'],
    ['pos', 'UINT64', 'DEC'],
  ]],
  [122, 'SYSCALL_PWRITEV_E', 'pwritev', EC.IO_WRITE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'], ['pos', 'UINT64', 'DEC'],
  ]],
  [123, 'SYSCALL_PWRITEV_X', 'pwritev', EC.IO_WRITE | EC.SYSCALL,
    EF.USES_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['data', 'BYTEBUF'], ['fd', 'FD', 'DEC'], ['size', 'UINT32', 'DEC'],
    ['pos', 'UINT64', 'DEC'],
  ]],
  [124, 'SYSCALL_DUP_E', 'dup', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'],
  ]],
  [125, 'SYSCALL_DUP_X', 'dup', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'FD', 'DEC'],
  ]],
  [126, 'SYSCALL_SIGNALFD_E', 'signalfd', EC.SIGNAL | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['mask', 'UINT32', 'HEX'], ['flags', 'UINT8', 'HEX'],
  ]],
  [127, 'SYSCALL_SIGNALFD_X', 'signalfd', EC.SIGNAL | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'FD', 'DEC'], ['fd', 'FD', 'DEC'], ['mask', 'UINT32', 'HEX'], ['flags', 'UINT8', 'HEX'],
  ]],
  [128, 'SYSCALL_KILL_E', 'kill', EC.SIGNAL | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['pid', 'PID', 'DEC'], ['sig', 'SIGTYPE', 'DEC'],
  ]],
  [129, 'SYSCALL_KILL_X', 'kill', EC.SIGNAL | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['pid', 'PID', 'DEC'], ['sig', 'SIGTYPE', 'DEC'],
  ]],
  [130, 'SYSCALL_TKILL_E', 'tkill', EC.SIGNAL | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['tid', 'PID', 'DEC'], ['sig', 'SIGTYPE', 'DEC'],
  ]],
  [131, 'SYSCALL_TKILL_X', 'tkill', EC.SIGNAL | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['tid', 'PID', 'DEC'], ['sig', 'SIGTYPE', 'DEC'],
  ]],
  [132, 'SYSCALL_TGKILL_E', 'tgkill', EC.SIGNAL | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['pid', 'PID', 'DEC'], ['tid', 'PID', 'DEC'], ['sig', 'SIGTYPE', 'DEC'],
  ]],
  [133, 'SYSCALL_TGKILL_X', 'tgkill', EC.SIGNAL | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['pid', 'PID', 'DEC'], ['tid', 'PID', 'DEC'], ['sig', 'SIGTYPE', 'DEC'],
  ]],
  [134, 'SYSCALL_NANOSLEEP_E', 'nanosleep', EC.SLEEP | EC.SYSCALL,
    EF.OLD_VERSION | EF.WAITS | EF.CONVERTER_MANAGED, [
    ['interval', 'RELTIME', 'DEC'],
  ]],
  [135, 'SYSCALL_NANOSLEEP_X', 'nanosleep', EC.SLEEP | EC.SYSCALL, EF.WAITS | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['interval', 'RELTIME', 'DEC'],
  ]],
  [136, 'SYSCALL_TIMERFD_CREATE_E', 'timerfd_create', EC.TIME | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['clockid', 'UINT8', 'DEC'], ['flags', 'UINT8', 'HEX'],
  ]],
  [137, 'SYSCALL_TIMERFD_CREATE_X', 'timerfd_create', EC.TIME | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'FD', 'DEC'], ['clockid', 'UINT8', 'DEC'], ['flags', 'UINT8', 'HEX'],
  ]],
  [138, 'SYSCALL_INOTIFY_INIT_E', 'inotify_init', EC.IPC | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['flags', 'UINT8', 'HEX'],
  ]],
  [139, 'SYSCALL_INOTIFY_INIT_X', 'inotify_init', EC.IPC | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'FD', 'DEC'], ['flags', 'UINT8', 'HEX'],
  ]],
  [140, 'SYSCALL_GETRLIMIT_E', 'getrlimit', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['resource', 'ENUMFLAGS8', 'DEC', 'rlimit_resources'],
  ]],
  [141, 'SYSCALL_GETRLIMIT_X', 'getrlimit', EC.PROCESS | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['cur', 'INT64', 'DEC'], ['max', 'INT64', 'DEC'],
    ['resource', 'ENUMFLAGS8', 'DEC', 'rlimit_resources'],
  ]],
  [142, 'SYSCALL_SETRLIMIT_E', 'setrlimit', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['resource', 'ENUMFLAGS8', 'DEC', 'rlimit_resources'],
  ]],
  [143, 'SYSCALL_SETRLIMIT_X', 'setrlimit', EC.PROCESS | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['cur', 'INT64', 'DEC'], ['max', 'INT64', 'DEC'],
    ['resource', 'ENUMFLAGS8', 'DEC', 'rlimit_resources'],
  ]],
  [144, 'SYSCALL_PRLIMIT_E', 'prlimit', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['pid', 'PID', 'DEC'], ['resource', 'ENUMFLAGS8', 'DEC', 'rlimit_resources'],
  ]],
  [145, 'SYSCALL_PRLIMIT_X', 'prlimit', EC.PROCESS | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['newcur', 'INT64', 'DEC'], ['newmax', 'INT64', 'DEC'],
    ['oldcur', 'INT64', 'DEC'], ['oldmax', 'INT64', 'DEC'], ['pid', 'INT64', 'DEC'],
    ['resource', 'ENUMFLAGS8', 'DEC', 'rlimit_resources'],
  ]],
  [146, 'SCHEDSWITCH_1_E', 'switch', EC.SCHEDULER | EC.TRACEPOINT,
    EF.OLD_VERSION | EF.SKIPPARSERESET | EF.CONVERTER_MANAGED, [
    ['next', 'PID', 'DEC'],
  ]],
  [147, 'SCHEDSWITCH_1_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [148, 'DROP_E', 'drop', EC.INTERNAL | EC.METAEVENT, EF.SKIPPARSERESET, [['ratio', 'UINT32', 'DEC']]],
  [149, 'DROP_X', 'drop', EC.INTERNAL | EC.METAEVENT, EF.SKIPPARSERESET, [['ratio', 'UINT32', 'DEC']]],
  [150, 'SYSCALL_FCNTL_E', 'fcntl', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['cmd', 'ENUMFLAGS8', 'DEC', 'fcntl_commands'],
  ]],
  [151, 'SYSCALL_FCNTL_X', 'fcntl', EC.IO_OTHER | EC.SYSCALL,
    EF.USES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'FD', 'DEC'], ['fd', 'FD', 'DEC'], ['cmd', 'ENUMFLAGS8', 'DEC', 'fcntl_commands'],
    ['arg', 'UINT64', 'HEX'],
  ]],
  [152, 'SCHEDSWITCH_6_E', 'switch', EC.SCHEDULER | EC.TRACEPOINT, EF.NONE, [
    ['next', 'PID', 'DEC'], ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'],
    ['vm_size', 'UINT32', 'DEC'], ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'],
  ]],
  [153, 'SCHEDSWITCH_6_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [154, 'SYSCALL_EXECVE_13_E', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [

  ]],
  [155, 'SYSCALL_EXECVE_13_X', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'UINT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'],
  ]],
  [156, 'SYSCALL_CLONE_16_E', 'clone', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [157, 'SYSCALL_CLONE_16_X', 'clone', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'clone_flags'],
    ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [158, 'SYSCALL_BRK_4_E', 'brk', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['addr', 'UINT64', 'HEX'],
  ]],
  [159, 'SYSCALL_BRK_4_X', 'brk', EC.MEMORY | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'UINT64', 'HEX'], ['vm_size', 'UINT32', 'DEC'], ['vm_rss', 'UINT32', 'DEC'],
    ['vm_swap', 'UINT32', 'DEC'], ['addr', 'UINT64', 'HEX'],
  ]],
  [160, 'SYSCALL_MMAP_E', 'mmap', EC.MEMORY | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['addr', 'UINT64', 'HEX'], ['length', 'UINT64', 'DEC'], ['prot', 'FLAGS32', 'HEX', 'prot_flags'],
    ['flags', 'FLAGS32', 'HEX', 'mmap_flags'], ['fd', 'FD', 'DEC'], ['offset', 'UINT64', 'DEC'],
  ]],
  [161, 'SYSCALL_MMAP_X', 'mmap', EC.MEMORY | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'HEX'], ['vm_size', 'UINT32', 'DEC'], ['vm_rss', 'UINT32', 'DEC'],
    ['vm_swap', 'UINT32', 'DEC'], ['addr', 'UINT64', 'HEX'], ['length', 'UINT64', 'DEC'],
    ['prot', 'FLAGS32', 'HEX', 'prot_flags'], ['flags', 'FLAGS32', 'HEX', 'mmap_flags'],
    ['fd', 'FD', 'DEC'], ['offset', 'UINT64', 'DEC'],
  ]],
  [162, 'SYSCALL_MMAP2_E', 'mmap2', EC.MEMORY | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['addr', 'UINT64', 'HEX'], ['length', 'UINT64', 'DEC'], ['prot', 'FLAGS32', 'HEX', 'prot_flags'],
    ['flags', 'FLAGS32', 'HEX', 'mmap_flags'], ['fd', 'FD', 'DEC'], ['pgoffset', 'UINT64', 'DEC'],
  ]],
  [163, 'SYSCALL_MMAP2_X', 'mmap2', EC.MEMORY | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'HEX'], ['vm_size', 'UINT32', 'DEC'], ['vm_rss', 'UINT32', 'DEC'],
    ['vm_swap', 'UINT32', 'DEC'], ['addr', 'UINT64', 'HEX'], ['length', 'UINT64', 'DEC'],
    ['prot', 'FLAGS32', 'HEX', 'prot_flags'], ['flags', 'FLAGS32', 'HEX', 'mmap_flags'],
    ['fd', 'FD', 'DEC'], ['pgoffset', 'UINT64', 'DEC'],
  ]],
  [164, 'SYSCALL_MUNMAP_E', 'munmap', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['addr', 'UINT64', 'HEX'], ['length', 'UINT64', 'DEC'],
  ]],
  [165, 'SYSCALL_MUNMAP_X', 'munmap', EC.MEMORY | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['vm_size', 'UINT32', 'DEC'], ['vm_rss', 'UINT32', 'DEC'],
    ['vm_swap', 'UINT32', 'DEC'], ['addr', 'UINT64', 'HEX'], ['length', 'UINT64', 'DEC'],
  ]],
  [166, 'SYSCALL_SPLICE_E', 'splice', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd_in', 'FD', 'DEC'], ['fd_out', 'FD', 'DEC'], ['size', 'UINT64', 'DEC'],
    ['flags', 'FLAGS32', 'HEX', 'splice_flags'],
  ]],
  [167, 'SYSCALL_SPLICE_X', 'splice', EC.IO_OTHER | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd_in', 'FD', 'DEC'], ['fd_out', 'FD', 'DEC'], ['size', 'UINT64', 'DEC'],
    ['flags', 'FLAGS32', 'HEX', 'splice_flags'],
  ]],
  [168, 'SYSCALL_PTRACE_E', 'ptrace', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['request', 'ENUMFLAGS16', 'DEC', 'ptrace_requests'], ['pid', 'PID', 'DEC'],
  ]],
  [169, 'SYSCALL_PTRACE_X', 'ptrace', EC.PROCESS | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['addr', 'DYN', 'HEX', 'ptrace_dynamic_param'],
    ['data', 'DYN', 'HEX', 'ptrace_dynamic_param'], ['request', 'ENUMFLAGS16', 'DEC', 'ptrace_requests'],
    ['pid', 'PID', 'DEC'],
  ]],
  [170, 'SYSCALL_IOCTL_3_E', 'ioctl', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['request', 'UINT64', 'HEX'], ['argument', 'UINT64', 'HEX'],
  ]],
  [171, 'SYSCALL_IOCTL_3_X', 'ioctl', EC.IO_OTHER | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['request', 'UINT64', 'HEX'],
    ['argument', 'UINT64', 'HEX'],
  ]],
  [172, 'SYSCALL_EXECVE_14_E', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [

  ]],
  [173, 'SYSCALL_EXECVE_14_X', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'UINT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['env', 'BYTEBUF'],
  ]],
  [174, 'SYSCALL_RENAME_E', 'rename', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [175, 'SYSCALL_RENAME_X', 'rename', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['oldpath', 'FSPATH'], ['newpath', 'FSPATH'],
  ]],
  [176, 'SYSCALL_RENAMEAT_E', 'renameat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [177, 'SYSCALL_RENAMEAT_X', 'renameat', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['olddirfd', 'FD', 'DEC'], ['oldpath', 'FSRELPATH', 'NA', 1],
    ['newdirfd', 'FD', 'DEC'], ['newpath', 'FSRELPATH', 'NA', 3],
  ]],
  [178, 'SYSCALL_SYMLINK_E', 'symlink', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [179, 'SYSCALL_SYMLINK_X', 'symlink', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['target', 'CHARBUF'], ['linkpath', 'FSPATH'],
  ]],
  [180, 'SYSCALL_SYMLINKAT_E', 'symlinkat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [181, 'SYSCALL_SYMLINKAT_X', 'symlinkat', EC.FILE | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['target', 'CHARBUF'], ['linkdirfd', 'FD', 'DEC'],
    ['linkpath', 'FSRELPATH', 'NA', 2],
  ]],
  [182, 'SYSCALL_FORK_E', 'fork', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [183, 'SYSCALL_FORK_X', 'fork', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'clone_flags'],
    ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [184, 'SYSCALL_VFORK_E', 'vfork', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [185, 'SYSCALL_VFORK_X', 'vfork', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'clone_flags'],
    ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [186, 'PROCEXIT_1_E', 'procexit', EC.PROCESS | EC.TRACEPOINT, EF.MODIFIES_STATE, [
    ['status', 'ERRNO', 'DEC'], ['ret', 'ERRNO', 'DEC'], ['sig', 'SIGTYPE', 'DEC'],
    ['core', 'UINT8', 'DEC'], ['reaper_tid', 'PID', 'DEC'],
  ]],
  [187, 'PROCEXIT_1_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [188, 'SYSCALL_SENDFILE_E', 'sendfile', EC.IO_WRITE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['out_fd', 'FD', 'DEC'], ['in_fd', 'FD', 'DEC'], ['offset', 'UINT64', 'DEC'],
    ['size', 'UINT64', 'DEC'],
  ]],
  [189, 'SYSCALL_SENDFILE_X', 'sendfile', EC.IO_WRITE | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['offset', 'UINT64', 'DEC'], ['out_fd', 'FD', 'DEC'], ['in_fd', 'FD', 'DEC'],
    ['size', 'UINT64', 'DEC'],
  ]],
  [190, 'SYSCALL_QUOTACTL_E', 'quotactl', EC.USER | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['cmd', 'FLAGS16', 'DEC', 'quotactl_cmds'], ['type', 'FLAGS8', 'DEC', 'quotactl_types'],
    ['id', 'UINT32', 'DEC'], ['quota_fmt', 'FLAGS8', 'DEC', 'quotactl_quota_fmts'],
  ]],
  [191, 'SYSCALL_QUOTACTL_X', 'quotactl', EC.USER | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['special', 'CHARBUF'], ['quotafilepath', 'CHARBUF'],
    ['dqb_bhardlimit', 'UINT64', 'DEC'], ['dqb_bsoftlimit', 'UINT64', 'DEC'],
    ['dqb_curspace', 'UINT64', 'DEC'], ['dqb_ihardlimit', 'UINT64', 'DEC'],
    ['dqb_isoftlimit', 'UINT64', 'DEC'], ['dqb_btime', 'RELTIME', 'DEC'], ['dqb_itime', 'RELTIME', 'DEC'],
    ['dqi_bgrace', 'RELTIME', 'DEC'], ['dqi_igrace', 'RELTIME', 'DEC'],
    ['dqi_flags', 'FLAGS8', 'DEC', 'quotactl_dqi_flags'],
    ['quota_fmt_out', 'FLAGS8', 'DEC', 'quotactl_quota_fmts'], ['cmd', 'FLAGS16', 'DEC', 'quotactl_cmds'],
    ['type', 'FLAGS8', 'DEC', 'quotactl_types'], ['id', 'UINT32', 'DEC'],
    ['quota_fmt', 'FLAGS8', 'DEC', 'quotactl_quota_fmts'],
  ]],
  [192, 'SYSCALL_SETRESUID_E', 'setresuid', EC.USER | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['ruid', 'UID', 'DEC'], ['euid', 'UID', 'DEC'], ['suid', 'UID', 'DEC'],
  ]],
  [193, 'SYSCALL_SETRESUID_X', 'setresuid', EC.USER | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['ruid', 'UID', 'DEC'], ['euid', 'UID', 'DEC'], ['suid', 'UID', 'DEC'],
  ]],
  [194, 'SYSCALL_SETRESGID_E', 'setresgid', EC.USER | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['rgid', 'GID', 'DEC'], ['egid', 'GID', 'DEC'], ['sgid', 'GID', 'DEC'],
  ]],
  [195, 'SYSCALL_SETRESGID_X', 'setresgid', EC.USER | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['rgid', 'GID', 'DEC'], ['egid', 'GID', 'DEC'], ['sgid', 'GID', 'DEC'],
  ]],
  [196, 'SCAPEVENT_E', 'scapevent', EC.INTERNAL | EC.METAEVENT, EF.SKIPPARSERESET, [
    ['event_type', 'UINT32', 'DEC'], ['event_data', 'UINT64', 'DEC'],
  ]],
  [197, 'SCAPEVENT_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [198, 'SYSCALL_SETUID_E', 'setuid', EC.USER | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['uid', 'UID', 'DEC'],
  ]],
  [199, 'SYSCALL_SETUID_X', 'setuid', EC.USER | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['uid', 'UID', 'DEC'],
  ]],
  [200, 'SYSCALL_SETGID_E', 'setgid', EC.USER | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['gid', 'GID', 'DEC'],
  ]],
  [201, 'SYSCALL_SETGID_X', 'setgid', EC.USER | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['gid', 'GID', 'DEC'],
  ]],
  [202, 'SYSCALL_GETUID_E', 'getuid', EC.USER | EC.SYSCALL, EF.OLD_VERSION, []],
  [203, 'SYSCALL_GETUID_X', 'getuid', EC.USER | EC.SYSCALL, EF.NONE, [['uid', 'UID', 'DEC']]],
  [204, 'SYSCALL_GETEUID_E', 'geteuid', EC.USER | EC.SYSCALL, EF.OLD_VERSION, []],
  [205, 'SYSCALL_GETEUID_X', 'geteuid', EC.USER | EC.SYSCALL, EF.NONE, [['euid', 'UID', 'DEC']]],
  [206, 'SYSCALL_GETGID_E', 'getgid', EC.USER | EC.SYSCALL, EF.OLD_VERSION, []],
  [207, 'SYSCALL_GETGID_X', 'getgid', EC.USER | EC.SYSCALL, EF.NONE, [['gid', 'GID', 'DEC']]],
  [208, 'SYSCALL_GETEGID_E', 'getegid', EC.USER | EC.SYSCALL, EF.OLD_VERSION, []],
  [209, 'SYSCALL_GETEGID_X', 'getegid', EC.USER | EC.SYSCALL, EF.NONE, [['egid', 'GID', 'DEC']]],
  [210, 'SYSCALL_GETRESUID_E', 'getresuid', EC.USER | EC.SYSCALL, EF.OLD_VERSION, []],
  [211, 'SYSCALL_GETRESUID_X', 'getresuid', EC.USER | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['ruid', 'UID', 'DEC'], ['euid', 'UID', 'DEC'], ['suid', 'UID', 'DEC'],
  ]],
  [212, 'SYSCALL_GETRESGID_E', 'getresgid', EC.USER | EC.SYSCALL, EF.OLD_VERSION, []],
  [213, 'SYSCALL_GETRESGID_X', 'getresgid', EC.USER | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['rgid', 'GID', 'DEC'], ['egid', 'GID', 'DEC'], ['sgid', 'GID', 'DEC'],
  ]],
  [214, 'SYSCALL_EXECVE_15_E', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [

  ]],
  [215, 'SYSCALL_EXECVE_15_X', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'UINT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['env', 'BYTEBUF'],
  ]],
  [216, 'SYSCALL_CLONE_17_E', 'clone', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [217, 'SYSCALL_CLONE_17_X', 'clone', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'],
    ['flags', 'FLAGS32', 'HEX', 'clone_flags'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [218, 'SYSCALL_FORK_17_E', 'fork', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [219, 'SYSCALL_FORK_17_X', 'fork', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'],
    ['flags', 'FLAGS32', 'HEX', 'clone_flags'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [220, 'SYSCALL_VFORK_17_E', 'vfork', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [221, 'SYSCALL_VFORK_17_X', 'vfork', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'],
    ['flags', 'FLAGS32', 'HEX', 'clone_flags'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [222, 'SYSCALL_CLONE_20_E', 'clone', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [223, 'SYSCALL_CLONE_20_X', 'clone', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['cgroups', 'BYTEBUF'],
    ['flags', 'FLAGS32', 'HEX', 'clone_flags'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
    ['vtid', 'PID', 'DEC'], ['vpid', 'PID', 'DEC'], ['pidns_init_start_ts', 'UINT64', 'DEC'],
  ]],
  [224, 'SYSCALL_FORK_20_E', 'fork', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [225, 'SYSCALL_FORK_20_X', 'fork', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['cgroups', 'BYTEBUF'],
    ['flags', 'FLAGS32', 'HEX', 'clone_flags'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
    ['vtid', 'PID', 'DEC'], ['vpid', 'PID', 'DEC'], ['pidns_init_start_ts', 'UINT64', 'DEC'],
  ]],
  [226, 'SYSCALL_VFORK_20_E', 'vfork', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [227, 'SYSCALL_VFORK_20_X', 'vfork', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['cgroups', 'BYTEBUF'],
    ['flags', 'FLAGS32', 'HEX', 'clone_flags'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
    ['vtid', 'PID', 'DEC'], ['vpid', 'PID', 'DEC'], ['pidns_init_start_ts', 'UINT64', 'DEC'],
  ]],
  [228, 'CONTAINER_E', 'container', EC.INTERNAL | EC.METAEVENT,
    EF.OLD_VERSION | EF.SKIPPARSERESET | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['id', 'CHARBUF'], ['type', 'UINT32', 'DEC'], ['name', 'CHARBUF'], ['image', 'CHARBUF'],
  ]],
  [229, 'CONTAINER_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [230, 'SYSCALL_EXECVE_16_E', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [

  ]],
  [231, 'SYSCALL_EXECVE_16_X', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'UINT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['cgroups', 'BYTEBUF'],
    ['env', 'BYTEBUF'],
  ]],
  [232, 'SIGNALDELIVER_E', 'signaldeliver', EC.SIGNAL | EC.TRACEPOINT, EF.NONE, [
    ['spid', 'PID', 'DEC'], ['dpid', 'PID', 'DEC'], ['sig', 'SIGTYPE', 'DEC'],
  ]],
  [233, 'SIGNALDELIVER_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [234, 'PROCINFO_E', 'procinfo', EC.INTERNAL | EC.METAEVENT, EF.SKIPPARSERESET, [
    ['cpu_usr', 'UINT64', 'DEC'], ['cpu_sys', 'UINT64', 'DEC'],
  ]],
  [235, 'PROCINFO_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [236, 'SYSCALL_GETDENTS_E', 'getdents', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD'],
  ]],
  [237, 'SYSCALL_GETDENTS_X', 'getdents', EC.FILE | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD'],
  ]],
  [238, 'SYSCALL_GETDENTS64_E', 'getdents64', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD'],
  ]],
  [239, 'SYSCALL_GETDENTS64_X', 'getdents64', EC.FILE | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD'],
  ]],
  [240, 'SYSCALL_SETNS_E', 'setns', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD'], ['nstype', 'FLAGS32', 'HEX', 'clone_flags'],
  ]],
  [241, 'SYSCALL_SETNS_X', 'setns', EC.PROCESS | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD'], ['nstype', 'FLAGS32', 'HEX', 'clone_flags'],
  ]],
  [242, 'SYSCALL_FLOCK_E', 'flock', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['fd', 'FD'], ['operation', 'FLAGS32', 'HEX', 'flock_flags'],
  ]],
  [243, 'SYSCALL_FLOCK_X', 'flock', EC.FILE | EC.SYSCALL, EF.USES_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD'], ['operation', 'FLAGS32', 'HEX', 'flock_flags'],
  ]],
  [244, 'CPU_HOTPLUG_E', 'cpu_hotplug', EC.SYSTEM | EC.METAEVENT, EF.SKIPPARSERESET | EF.MODIFIES_STATE, [
    ['cpu', 'UINT32', 'DEC'], ['action', 'UINT32', 'DEC'],
  ]],
  [245, 'CPU_HOTPLUG_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [246, 'SOCKET_ACCEPT_5_E', 'accept', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [247, 'SOCKET_ACCEPT_5_X', 'accept', EC.NET | EC.SYSCALL, EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['fd', 'FD', 'DEC'], ['tuple', 'SOCKTUPLE'], ['queuepct', 'UINT8', 'DEC'],
    ['queuelen', 'UINT32', 'DEC'], ['queuemax', 'UINT32', 'DEC'],
  ]],
  [248, 'SOCKET_ACCEPT4_5_E', 'accept', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['flags', 'INT32', 'HEX'],
  ]],
  [249, 'SOCKET_ACCEPT4_5_X', 'accept', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['tuple', 'SOCKTUPLE'], ['queuepct', 'UINT8', 'DEC'],
    ['queuelen', 'UINT32', 'DEC'], ['queuemax', 'UINT32', 'DEC'],
  ]],
  [250, 'SYSCALL_SEMOP_E', 'semop', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['semid', 'INT32', 'DEC'],
  ]],
  [251, 'SYSCALL_SEMOP_X', 'semop', EC.PROCESS | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['nsops', 'UINT32', 'DEC'], ['sem_num_0', 'UINT16', 'DEC'],
    ['sem_op_0', 'INT16', 'DEC'], ['sem_flg_0', 'FLAGS16', 'HEX', 'semop_flags'],
    ['sem_num_1', 'UINT16', 'DEC'], ['sem_op_1', 'INT16', 'DEC'],
    ['sem_flg_1', 'FLAGS16', 'HEX', 'semop_flags'], ['semid', 'INT32', 'DEC'],
  ]],
  [252, 'SYSCALL_SEMCTL_E', 'semctl', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['semid', 'INT32', 'DEC'], ['semnum', 'INT32', 'DEC'], ['cmd', 'FLAGS16', 'HEX', 'semctl_commands'],
    ['val', 'INT32', 'DEC'],
  ]],
  [253, 'SYSCALL_SEMCTL_X', 'semctl', EC.PROCESS | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['semid', 'INT32', 'DEC'], ['semnum', 'INT32', 'DEC'],
    ['cmd', 'FLAGS16', 'HEX', 'semctl_commands'], ['val', 'INT32', 'DEC'],
  ]],
  [254, 'SYSCALL_PPOLL_E', 'ppoll', EC.WAIT | EC.SYSCALL, EF.OLD_VERSION | EF.WAITS | EF.CONVERTER_MANAGED, [
    ['fds', 'FDLIST', 'DEC'], ['timeout', 'RELTIME', 'DEC'], ['sigmask', 'SIGSET', 'DEC'],
  ]],
  [255, 'SYSCALL_PPOLL_X', 'ppoll', EC.WAIT | EC.SYSCALL, EF.WAITS | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fds', 'FDLIST', 'DEC'], ['timeout', 'RELTIME', 'DEC'],
    ['sigmask', 'SIGSET', 'DEC'],
  ]],
  [256, 'SYSCALL_MOUNT_E', 'mount', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['flags', 'FLAGS32', 'HEX', 'mount_flags'],
  ]],
  [257, 'SYSCALL_MOUNT_X', 'mount', EC.FILE | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['dev', 'CHARBUF'], ['dir', 'FSPATH'], ['type', 'CHARBUF'],
    ['flags', 'FLAGS32', 'HEX', 'mount_flags'],
  ]],
  [258, 'SYSCALL_UMOUNT_E', 'umount', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, [
    ['flags', 'FLAGS32', 'HEX', 'umount_flags'],
  ]],
  [259, 'SYSCALL_UMOUNT_X', 'umount', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['name', 'FSPATH'],
  ]],
  [260, 'K8S_E', 'k8s', EC.INTERNAL | EC.METAEVENT, EF.OLD_VERSION | EF.SKIPPARSERESET | EF.MODIFIES_STATE, [
    ['json', 'CHARBUF'],
  ]],
  [261, 'K8S_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [262, 'SYSCALL_SEMGET_E', 'semget', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['key', 'INT32', 'HEX'], ['nsems', 'INT32', 'DEC'], ['semflg', 'FLAGS32', 'HEX', 'semget_flags'],
  ]],
  [263, 'SYSCALL_SEMGET_X', 'semget', EC.PROCESS | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['key', 'INT32', 'HEX'], ['nsems', 'INT32', 'DEC'],
    ['semflg', 'FLAGS32', 'HEX', 'semget_flags'],
  ]],
  [264, 'SYSCALL_ACCESS_E', 'access', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['mode', 'FLAGS32', 'HEX', 'access_flags'],
  ]],
  [265, 'SYSCALL_ACCESS_X', 'access', EC.FILE | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['name', 'FSPATH'], ['mode', 'FLAGS32', 'HEX', 'access_flags'],
  ]],
  [266, 'SYSCALL_CHROOT_E', 'chroot', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [267, 'SYSCALL_CHROOT_X', 'chroot', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'],
  ]],
  [268, 'TRACER_E', 'tracer', EC.OTHER | EC.METAEVENT, EF.OLD_VERSION, [
    ['id', 'INT64', 'DEC'], ['tags', 'CHARBUFARRAY'], ['args', 'CHARBUF_PAIR_ARRAY'],
  ]],
  [269, 'TRACER_X', 'NA', EC.UNKNOWN, EF.UNUSED, [
    ['id', 'INT64', 'DEC'], ['tags', 'CHARBUFARRAY'], ['args', 'CHARBUF_PAIR_ARRAY'],
  ]],
  [270, 'MESOS_E', 'mesos', EC.INTERNAL | EC.METAEVENT,
    EF.OLD_VERSION | EF.SKIPPARSERESET | EF.MODIFIES_STATE, [
    ['json', 'CHARBUF'],
  ]],
  [271, 'MESOS_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [272, 'CONTAINER_JSON_E', 'container', EC.PROCESS | EC.METAEVENT,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['json', 'CHARBUF'],
  ]],
  [273, 'CONTAINER_JSON_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [274, 'SYSCALL_SETSID_E', 'setsid', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [275, 'SYSCALL_SETSID_X', 'setsid', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE, [['res', 'PID', 'DEC']]],
  [276, 'SYSCALL_MKDIR_2_E', 'mkdir', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['mode', 'UINT32', 'HEX'],
  ]],
  [277, 'SYSCALL_MKDIR_2_X', 'mkdir', EC.FILE | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'], ['mode', 'UINT32', 'HEX'],
  ]],
  [278, 'SYSCALL_RMDIR_2_E', 'rmdir', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [279, 'SYSCALL_RMDIR_2_X', 'rmdir', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'],
  ]],
  [280, 'NOTIFICATION_E', 'notification', EC.OTHER | EC.METAEVENT, EF.SKIPPARSERESET, [
    ['id', 'CHARBUF', 'DEC'], ['desc', 'CHARBUF'],
  ]],
  [281, 'NOTIFICATION_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [282, 'SYSCALL_EXECVE_17_E', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [

  ]],
  [283, 'SYSCALL_EXECVE_17_X', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'UINT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['cgroups', 'BYTEBUF'],
    ['env', 'BYTEBUF'], ['tty', 'INT32', 'DEC'],
  ]],
  [284, 'SYSCALL_UNSHARE_E', 'unshare', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['flags', 'FLAGS32', 'HEX', 'clone_flags'],
  ]],
  [285, 'SYSCALL_UNSHARE_X', 'unshare', EC.PROCESS | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'clone_flags'],
  ]],
  [286, 'INFRASTRUCTURE_EVENT_E', 'infra', EC.INTERNAL | EC.METAEVENT, EF.SKIPPARSERESET, [
    ['source', 'CHARBUF', 'DEC'], ['name', 'CHARBUF'], ['description', 'CHARBUF'], ['scope', 'CHARBUF'],
  ]],
  [287, 'INFRASTRUCTURE_EVENT_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [288, 'SYSCALL_EXECVE_18_E', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['filename', 'FSPATH'],
  ]],
  [289, 'SYSCALL_EXECVE_18_X', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'UINT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['cgroups', 'BYTEBUF'],
    ['env', 'BYTEBUF'], ['tty', 'INT32', 'DEC'],
  ]],
  [290, 'PAGE_FAULT_E', 'page_fault', EC.OTHER | EC.TRACEPOINT, EF.SKIPPARSERESET, [
    ['addr', 'UINT64', 'HEX'], ['ip', 'UINT64', 'HEX'], ['error', 'FLAGS32', 'HEX', 'pf_flags'],
  ]],
  [291, 'PAGE_FAULT_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [292, 'SYSCALL_EXECVE_19_E', 'execve', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['filename', 'FSPATH'],
  ]],
  [293, 'SYSCALL_EXECVE_19_X', 'execve', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'UINT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['cgroups', 'BYTEBUF'],
    ['env', 'BYTEBUF'], ['tty', 'UINT32', 'DEC'], ['vpgid', 'PID', 'DEC'], ['loginuid', 'UID', 'DEC'],
    ['flags', 'FLAGS32', 'HEX', 'execve_flags'], ['cap_inheritable', 'UINT64', 'HEX'],
    ['cap_permitted', 'UINT64', 'HEX'], ['cap_effective', 'UINT64', 'HEX'], ['exe_ino', 'UINT64', 'DEC'],
    ['exe_ino_ctime', 'ABSTIME', 'DEC'], ['exe_ino_mtime', 'ABSTIME', 'DEC'], ['uid', 'UID', 'DEC'],
    ['trusted_exepath', 'FSPATH'], ['pgid', 'PID'], ['gid', 'GID', 'DEC'], ['filename', 'FSPATH'],
  ]],
  [294, 'SYSCALL_SETPGID_E', 'setpgid', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['pid', 'PID', 'DEC'], ['pgid', 'PID', 'DEC'],
  ]],
  [295, 'SYSCALL_SETPGID_X', 'setpgid', EC.PROCESS | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['pid', 'PID', 'DEC'], ['pgid', 'PID', 'DEC'],
  ]],
  [296, 'SYSCALL_BPF_E', 'bpf', EC.OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.CONVERTER_MANAGED, [
    ['cmd', 'INT64', 'DEC'],
  ]],
  [297, 'SYSCALL_BPF_X', 'bpf', EC.OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.CONVERTER_MANAGED, [
    ['res_or_fd', 'DYN', 'DEC', 'bpf_dynamic_param'],
  ]],
  [298, 'SYSCALL_SECCOMP_E', 'seccomp', EC.OTHER | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['op', 'UINT64', 'DEC'], ['flags', 'UINT64', 'HEX'],
  ]],
  [299, 'SYSCALL_SECCOMP_X', 'seccomp', EC.OTHER | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['op', 'UINT64', 'DEC'], ['flags', 'UINT64', 'HEX'],
  ]],
  [300, 'SYSCALL_UNLINK_2_E', 'unlink', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [301, 'SYSCALL_UNLINK_2_X', 'unlink', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'],
  ]],
  [302, 'SYSCALL_UNLINKAT_2_E', 'unlinkat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [303, 'SYSCALL_UNLINKAT_2_X', 'unlinkat', EC.FILE | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['dirfd', 'FD', 'DEC'], ['name', 'FSRELPATH', 'NA', 1],
    ['flags', 'FLAGS32', 'HEX', 'unlinkat_flags'],
  ]],
  [304, 'SYSCALL_MKDIRAT_E', 'mkdirat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [305, 'SYSCALL_MKDIRAT_X', 'mkdirat', EC.FILE | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['dirfd', 'FD', 'DEC'], ['path', 'FSRELPATH', 'NA', 1],
    ['mode', 'UINT32', 'HEX'],
  ]],
  [306, 'SYSCALL_OPENAT_2_E', 'openat', EC.FILE | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['dirfd', 'FD', 'DEC'], ['name', 'FSRELPATH', 'NA', 0], ['flags', 'FLAGS32', 'HEX', 'file_flags'],
    ['mode', 'UINT32', 'OCT'],
  ]],
  [307, 'SYSCALL_OPENAT_2_X', 'openat', EC.FILE | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['dirfd', 'FD', 'DEC'], ['name', 'FSRELPATH', 'NA', 1],
    ['flags', 'FLAGS32', 'HEX', 'file_flags'], ['mode', 'UINT32', 'OCT'], ['dev', 'UINT32', 'HEX'],
    ['ino', 'UINT64', 'DEC'],
  ]],
  [308, 'SYSCALL_LINK_2_E', 'link', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [309, 'SYSCALL_LINK_2_X', 'link', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['oldpath', 'FSPATH'], ['newpath', 'FSPATH'],
  ]],
  [310, 'SYSCALL_LINKAT_2_E', 'linkat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [311, 'SYSCALL_LINKAT_2_X', 'linkat', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['olddir', 'FD', 'DEC'], ['oldpath', 'FSRELPATH', 'NA', 1],
    ['newdir', 'FD', 'DEC'], ['newpath', 'FSRELPATH', 'NA', 3],
    ['flags', 'FLAGS32', 'HEX', 'linkat_flags'],
  ]],
  [312, 'SYSCALL_FCHMODAT_E', 'fchmodat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [313, 'SYSCALL_FCHMODAT_X', 'fchmodat', EC.FILE | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['dirfd', 'FD', 'DEC'], ['filename', 'FSRELPATH', 'NA', 1],
    ['mode', 'MODE', 'OCT', 'chmod_mode'],
  ]],
  [314, 'SYSCALL_CHMOD_E', 'chmod', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [315, 'SYSCALL_CHMOD_X', 'chmod', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['filename', 'FSPATH'], ['mode', 'MODE', 'OCT', 'chmod_mode'],
  ]],
  [316, 'SYSCALL_FCHMOD_E', 'fchmod', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [317, 'SYSCALL_FCHMOD_X', 'fchmod', EC.FILE | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['mode', 'MODE', 'OCT', 'chmod_mode'],
  ]],
  [318, 'SYSCALL_RENAMEAT2_E', 'renameat2', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [319, 'SYSCALL_RENAMEAT2_X', 'renameat2', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['olddirfd', 'FD', 'DEC'], ['oldpath', 'FSRELPATH', 'NA', 1],
    ['newdirfd', 'FD', 'DEC'], ['newpath', 'FSRELPATH', 'NA', 3],
    ['flags', 'FLAGS32', 'HEX', 'renameat2_flags'],
  ]],
  [320, 'SYSCALL_USERFAULTFD_E', 'userfaultfd', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [321, 'SYSCALL_USERFAULTFD_X', 'userfaultfd', EC.FILE | EC.SYSCALL, EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'file_flags'],
  ]],
  [322, 'PLUGINEVENT_E', 'pluginevent', EC.OTHER | EC.PLUGIN, EF.LARGE_PAYLOAD, [
    ['plugin_id', 'UINT32', 'DEC'], ['event_data', 'BYTEBUF'],
  ]],
  [323, 'PLUGINEVENT_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [324, 'CONTAINER_JSON_2_E', 'container', EC.PROCESS | EC.METAEVENT, EF.MODIFIES_STATE | EF.LARGE_PAYLOAD, [
    ['json', 'CHARBUF'],
  ]],
  [325, 'CONTAINER_JSON_2_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [326, 'SYSCALL_OPENAT2_E', 'openat2', EC.FILE | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['dirfd', 'FD', 'DEC'], ['name', 'FSRELPATH', 'NA', 0], ['flags', 'FLAGS32', 'HEX', 'file_flags'],
    ['mode', 'UINT32', 'OCT'], ['resolve', 'FLAGS32', 'HEX', 'openat2_flags'],
  ]],
  [327, 'SYSCALL_OPENAT2_X', 'openat2', EC.FILE | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['dirfd', 'FD', 'DEC'], ['name', 'FSRELPATH', 'NA', 1],
    ['flags', 'FLAGS32', 'HEX', 'file_flags'], ['mode', 'UINT32', 'OCT'],
    ['resolve', 'FLAGS32', 'HEX', 'openat2_flags'], ['dev', 'UINT32', 'HEX'], ['ino', 'UINT64', 'DEC'],
  ]],
  [328, 'SYSCALL_MPROTECT_E', 'mprotect', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION | EF.CONVERTER_MANAGED, [
    ['addr', 'UINT64', 'HEX'], ['length', 'UINT64', 'DEC'], ['prot', 'FLAGS32', 'HEX', 'prot_flags'],
  ]],
  [329, 'SYSCALL_MPROTECT_X', 'mprotect', EC.MEMORY | EC.SYSCALL, EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['addr', 'UINT64', 'HEX'], ['length', 'UINT64', 'DEC'],
    ['prot', 'FLAGS32', 'HEX', 'prot_flags'],
  ]],
  [330, 'SYSCALL_EXECVEAT_E', 'execveat', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['dirfd', 'FD', 'DEC'], ['pathname', 'FSRELPATH', 'NA', 0],
    ['flags', 'FLAGS32', 'HEX', 'execveat_flags'],
  ]],
  [331, 'SYSCALL_EXECVEAT_X', 'execveat', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'UINT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['cgroups', 'BYTEBUF'],
    ['env', 'BYTEBUF'], ['tty', 'UINT32', 'DEC'], ['vpgid', 'PID', 'DEC'], ['loginuid', 'UID', 'DEC'],
    ['flags', 'FLAGS32', 'HEX', 'execve_flags'], ['cap_inheritable', 'UINT64', 'HEX'],
    ['cap_permitted', 'UINT64', 'HEX'], ['cap_effective', 'UINT64', 'HEX'], ['exe_ino', 'UINT64', 'DEC'],
    ['exe_ino_ctime', 'ABSTIME', 'DEC'], ['exe_ino_mtime', 'ABSTIME', 'DEC'], ['uid', 'UID', 'DEC'],
    ['trusted_exepath', 'FSPATH'], ['pgid', 'PID'], ['gid', 'GID', 'DEC'],
  ]],
  [332, 'SYSCALL_COPY_FILE_RANGE_E', 'copy_file_range', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.USES_FD | EF.READS_FROM_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['fdin', 'FD', 'DEC'], ['offin', 'UINT64', 'DEC'], ['len', 'UINT64', 'DEC'],
  ]],
  [333, 'SYSCALL_COPY_FILE_RANGE_X', 'copy_file_range', EC.FILE | EC.SYSCALL,
    EF.USES_FD | EF.READS_FROM_FD | EF.WRITES_TO_FD | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['fdout', 'FD', 'DEC'], ['offout', 'UINT64', 'DEC'], ['fdin', 'FD', 'DEC'],
    ['offin', 'UINT64', 'DEC'], ['len', 'UINT64', 'DEC'],
  ]],
  [334, 'SYSCALL_CLONE3_E', 'clone3', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [335, 'SYSCALL_CLONE3_X', 'clone3', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'PID', 'DEC'], ['exe', 'CHARBUF'], ['args', 'BYTEBUF'], ['tid', 'PID', 'DEC'],
    ['pid', 'PID', 'DEC'], ['ptid', 'PID', 'DEC'], ['cwd', 'CHARBUF'], ['fdlimit', 'INT64', 'DEC'],
    ['pgft_maj', 'UINT64', 'DEC'], ['pgft_min', 'UINT64', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['comm', 'CHARBUF'], ['cgroups', 'BYTEBUF'],
    ['flags', 'FLAGS32', 'HEX', 'clone_flags'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
    ['vtid', 'PID', 'DEC'], ['vpid', 'PID', 'DEC'], ['pidns_init_start_ts', 'UINT64', 'DEC'],
  ]],
  [336, 'SYSCALL_OPEN_BY_HANDLE_AT_E', 'open_by_handle_at', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [337, 'SYSCALL_OPEN_BY_HANDLE_AT_X', 'open_by_handle_at', EC.FILE | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['fd', 'FD', 'DEC'], ['mountfd', 'FD', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'file_flags'],
    ['path', 'FSPATH'], ['dev', 'UINT32', 'HEX'], ['ino', 'UINT64', 'DEC'],
  ]],
  [338, 'SYSCALL_IO_URING_SETUP_E', 'io_uring_setup', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [339, 'SYSCALL_IO_URING_SETUP_X', 'io_uring_setup', EC.IO_OTHER | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['entries', 'UINT32', 'DEC'], ['sq_entries', 'UINT32', 'DEC'],
    ['cq_entries', 'UINT32', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'io_uring_setup_flags'],
    ['sq_thread_cpu', 'UINT32', 'DEC'], ['sq_thread_idle', 'UINT32', 'DEC'],
    ['features', 'FLAGS32', 'HEX', 'io_uring_setup_feats'],
  ]],
  [340, 'SYSCALL_IO_URING_ENTER_E', 'io_uring_enter', EC.IO_OTHER | EC.SYSCALL, EF.OLD_VERSION, []],
  [341, 'SYSCALL_IO_URING_ENTER_X', 'io_uring_enter', EC.IO_OTHER | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['to_submit', 'UINT32', 'DEC'],
    ['min_complete', 'UINT32', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'io_uring_enter_flags'],
    ['sig', 'SIGSET', 'DEC'],
  ]],
  [342, 'SYSCALL_IO_URING_REGISTER_E', 'io_uring_register', EC.IO_OTHER | EC.SYSCALL, EF.OLD_VERSION, []],
  [343, 'SYSCALL_IO_URING_REGISTER_X', 'io_uring_register', EC.IO_OTHER | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'],
    ['opcode', 'ENUMFLAGS16', 'DEC', 'io_uring_register_opcodes'], ['arg', 'UINT64', 'HEX'],
    ['nr_args', 'UINT32', 'DEC'],
  ]],
  [344, 'SYSCALL_MLOCK_E', 'mlock', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION, []],
  [345, 'SYSCALL_MLOCK_X', 'mlock', EC.MEMORY | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['addr', 'UINT64', 'HEX'], ['len', 'UINT64', 'DEC'],
  ]],
  [346, 'SYSCALL_MUNLOCK_E', 'munlock', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION, []],
  [347, 'SYSCALL_MUNLOCK_X', 'munlock', EC.MEMORY | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['addr', 'UINT64', 'HEX'], ['len', 'UINT64', 'DEC'],
  ]],
  [348, 'SYSCALL_MLOCKALL_E', 'mlockall', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION, []],
  [349, 'SYSCALL_MLOCKALL_X', 'mlockall', EC.MEMORY | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'mlockall_flags'],
  ]],
  [350, 'SYSCALL_MUNLOCKALL_E', 'munlockall', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION, []],
  [351, 'SYSCALL_MUNLOCKALL_X', 'munlockall', EC.MEMORY | EC.SYSCALL, EF.NONE, [['res', 'ERRNO', 'DEC']]],
  [352, 'SYSCALL_CAPSET_E', 'capset', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [353, 'SYSCALL_CAPSET_X', 'capset', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['cap_inheritable', 'UINT64', 'HEX'], ['cap_permitted', 'UINT64', 'HEX'],
    ['cap_effective', 'UINT64', 'HEX'],
  ]],
  [354, 'USER_ADDED_E', 'useradded', EC.PROCESS | EC.METAEVENT, EF.MODIFIES_STATE, [
    ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'], ['name', 'CHARBUF'], ['home', 'CHARBUF'],
    ['shell', 'CHARBUF'], ['container_id', 'CHARBUF'],
  ]],
  [355, 'USER_ADDED_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [356, 'USER_DELETED_E', 'userdeleted', EC.PROCESS | EC.METAEVENT, EF.MODIFIES_STATE, [
    ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'], ['name', 'CHARBUF'], ['home', 'CHARBUF'],
    ['shell', 'CHARBUF'], ['container_id', 'CHARBUF'],
  ]],
  [357, 'USER_DELETED_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [358, 'GROUP_ADDED_E', 'groupadded', EC.PROCESS | EC.METAEVENT, EF.MODIFIES_STATE, [
    ['gid', 'UINT32', 'DEC'], ['name', 'CHARBUF'], ['container_id', 'CHARBUF'],
  ]],
  [359, 'GROUP_ADDED_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [360, 'GROUP_DELETED_E', 'groupdeleted', EC.PROCESS | EC.METAEVENT, EF.MODIFIES_STATE, [
    ['gid', 'UINT32', 'DEC'], ['name', 'CHARBUF'], ['container_id', 'CHARBUF'],
  ]],
  [361, 'GROUP_DELETED_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [362, 'SYSCALL_DUP2_E', 'dup2', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE, [
    ['fd', 'FD', 'DEC'],
  ]],
  [363, 'SYSCALL_DUP2_X', 'dup2', EC.IO_OTHER | EC.SYSCALL, EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE, [
    ['res', 'FD', 'DEC'], ['oldfd', 'FD', 'DEC'], ['newfd', 'FD', 'DEC'],
  ]],
  [364, 'SYSCALL_DUP3_E', 'dup3', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE, [
    ['fd', 'FD', 'DEC'],
  ]],
  [365, 'SYSCALL_DUP3_X', 'dup3', EC.IO_OTHER | EC.SYSCALL, EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE, [
    ['res', 'FD', 'DEC'], ['oldfd', 'FD', 'DEC'], ['newfd', 'FD', 'DEC'],
    ['flags', 'FLAGS32', 'HEX', 'file_flags'],
  ]],
  [366, 'SYSCALL_DUP_1_E', 'dup', EC.IO_OTHER | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE, [
    ['fd', 'FD', 'DEC'],
  ]],
  [367, 'SYSCALL_DUP_1_X', 'dup', EC.IO_OTHER | EC.SYSCALL, EF.CREATES_FD | EF.USES_FD | EF.MODIFIES_STATE, [
    ['res', 'FD', 'DEC'], ['oldfd', 'FD', 'DEC'],
  ]],
  [368, 'SYSCALL_BPF_2_E', 'bpf', EC.OTHER | EC.SYSCALL, EF.OLD_VERSION | EF.CREATES_FD, [
    ['cmd', 'INT64', 'DEC'],
  ]],
  [369, 'SYSCALL_BPF_2_X', 'bpf', EC.OTHER | EC.SYSCALL, EF.CREATES_FD, [
    ['fd', 'FD', 'DEC'], ['cmd', 'ENUMFLAGS32', 'DEC', 'bpf_commands'],
  ]],
  [370, 'SYSCALL_MLOCK2_E', 'mlock2', EC.MEMORY | EC.SYSCALL, EF.OLD_VERSION, []],
  [371, 'SYSCALL_MLOCK2_X', 'mlock2', EC.MEMORY | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['addr', 'UINT64', 'HEX'], ['len', 'UINT64', 'DEC'],
    ['flags', 'FLAGS32', 'HEX', 'mlock2_flags'],
  ]],
  [372, 'SYSCALL_FSCONFIG_E', 'fsconfig', EC.SYSTEM | EC.SYSCALL, EF.OLD_VERSION, []],
  [373, 'SYSCALL_FSCONFIG_X', 'fsconfig', EC.SYSTEM | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['cmd', 'ENUMFLAGS32', 'DEC', 'fsconfig_cmds'],
    ['key', 'CHARBUF'], ['value_bytebuf', 'BYTEBUF'], ['value_charbuf', 'CHARBUF'],
    ['aux', 'INT32', 'DEC'],
  ]],
  [374, 'SYSCALL_EPOLL_CREATE_E', 'epoll_create', EC.WAIT | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['size', 'INT32', 'DEC'],
  ]],
  [375, 'SYSCALL_EPOLL_CREATE_X', 'epoll_create', EC.WAIT | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['size', 'INT32', 'DEC'],
  ]],
  [376, 'SYSCALL_EPOLL_CREATE1_E', 'epoll_create1', EC.WAIT | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['flags', 'FLAGS32', 'HEX', 'epoll_create1_flags'],
  ]],
  [377, 'SYSCALL_EPOLL_CREATE1_X', 'epoll_create1', EC.WAIT | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'epoll_create1_flags'],
  ]],
  [378, 'SYSCALL_CHOWN_E', 'chown', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [379, 'SYSCALL_CHOWN_X', 'chown', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [380, 'SYSCALL_LCHOWN_E', 'lchown', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [381, 'SYSCALL_LCHOWN_X', 'lchown', EC.FILE | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [382, 'SYSCALL_FCHOWN_E', 'fchown', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [383, 'SYSCALL_FCHOWN_X', 'fchown', EC.FILE | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'],
  ]],
  [384, 'SYSCALL_FCHOWNAT_E', 'fchownat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [385, 'SYSCALL_FCHOWNAT_X', 'fchownat', EC.FILE | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['dirfd', 'FD', 'DEC'], ['pathname', 'FSRELPATH', 'NA', 1],
    ['uid', 'UINT32', 'DEC'], ['gid', 'UINT32', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'fchownat_flags'],
  ]],
  [386, 'SYSCALL_UMOUNT_1_E', 'umount', EC.FILE | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [387, 'SYSCALL_UMOUNT_1_X', 'umount', EC.FILE | EC.SYSCALL, EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['name', 'FSPATH'],
  ]],
  [388, 'SOCKET_ACCEPT4_6_E', 'accept4', EC.NET | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['flags', 'INT32', 'HEX'],
  ]],
  [389, 'SOCKET_ACCEPT4_6_X', 'accept4', EC.NET | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['tuple', 'SOCKTUPLE'], ['queuepct', 'UINT8', 'DEC'],
    ['queuelen', 'UINT32', 'DEC'], ['queuemax', 'UINT32', 'DEC'], ['flags', 'INT32', 'HEX'],
  ]],
  [390, 'SYSCALL_UMOUNT2_E', 'umount2', EC.FILE | EC.SYSCALL,
    EF.OLD_VERSION | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['flags', 'FLAGS32', 'HEX', 'umount_flags'],
  ]],
  [391, 'SYSCALL_UMOUNT2_X', 'umount2', EC.FILE | EC.SYSCALL, EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'ERRNO', 'DEC'], ['name', 'FSPATH'], ['flags', 'FLAGS32', 'HEX', 'umount_flags'],
  ]],
  [392, 'SYSCALL_PIPE2_E', 'pipe2', EC.IPC | EC.SYSCALL, EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [393, 'SYSCALL_PIPE2_X', 'pipe2', EC.IPC | EC.SYSCALL, EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['fd1', 'FD', 'DEC'], ['fd2', 'FD', 'DEC'], ['ino', 'UINT64', 'DEC'],
    ['flags', 'FLAGS32', 'HEX', 'file_flags'],
  ]],
  [394, 'SYSCALL_INOTIFY_INIT1_E', 'inotify_init1', EC.IPC | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [395, 'SYSCALL_INOTIFY_INIT1_X', 'inotify_init1', EC.IPC | EC.SYSCALL, EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['res', 'FD', 'DEC'], ['flags', 'FLAGS16', 'HEX', 'file_flags'],
  ]],
  [396, 'SYSCALL_EVENTFD2_E', 'eventfd2', EC.IPC | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['initval', 'UINT64', 'DEC'],
  ]],
  [397, 'SYSCALL_EVENTFD2_X', 'eventfd2', EC.IPC | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'FD', 'DEC'], ['flags', 'FLAGS16', 'HEX', 'file_flags'], ['initval', 'UINT64', 'DEC'],
  ]],
  [398, 'SYSCALL_SIGNALFD4_E', 'signalfd4', EC.SIGNAL | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['fd', 'FD', 'DEC'], ['mask', 'UINT32', 'HEX'],
  ]],
  [399, 'SYSCALL_SIGNALFD4_X', 'signalfd4', EC.SIGNAL | EC.SYSCALL,
    EF.CREATES_FD | EF.MODIFIES_STATE | EF.CONVERTER_MANAGED, [
    ['res', 'FD', 'DEC'], ['flags', 'FLAGS16', 'HEX', 'file_flags'], ['fd', 'FD', 'DEC'],
    ['mask', 'UINT32', 'HEX'],
  ]],
  [400, 'SYSCALL_PRCTL_E', 'prctl', EC.PROCESS | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [401, 'SYSCALL_PRCTL_X', 'prctl', EC.PROCESS | EC.SYSCALL, EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['option', 'ENUMFLAGS32', 'DEC', 'prctl_options'], ['arg2_str', 'CHARBUF'],
    ['arg2_int', 'INT64', 'DEC'],
  ]],
  [402, 'ASYNCEVENT_E', 'asyncevent', EC.OTHER | EC.METAEVENT, EF.LARGE_PAYLOAD, [
    ['plugin_id', 'UINT32', 'DEC'], ['name', 'CHARBUF'], ['data', 'BYTEBUF'],
  ]],
  [403, 'ASYNCEVENT_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [404, 'SYSCALL_MEMFD_CREATE_E', 'memfd_create', EC.MEMORY | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [405, 'SYSCALL_MEMFD_CREATE_X', 'memfd_create', EC.MEMORY | EC.SYSCALL, EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['fd', 'FD', 'DEC'], ['name', 'CHARBUF'], ['flags', 'FLAGS32', 'HEX', 'memfd_create_flags'],
  ]],
  [406, 'SYSCALL_PIDFD_GETFD_E', 'pidfd_getfd', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [407, 'SYSCALL_PIDFD_GETFD_X', 'pidfd_getfd', EC.PROCESS | EC.SYSCALL, EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['fd', 'FD', 'DEC'], ['pid_fd', 'FD', 'DEC'], ['target_fd', 'FD', 'DEC'], ['flags', 'UINT32', 'HEX'],
  ]],
  [408, 'SYSCALL_PIDFD_OPEN_E', 'pidfd_open', EC.PROCESS | EC.SYSCALL,
    EF.OLD_VERSION | EF.CREATES_FD | EF.MODIFIES_STATE, [

  ]],
  [409, 'SYSCALL_PIDFD_OPEN_X', 'pidfd_open', EC.PROCESS | EC.SYSCALL, EF.CREATES_FD | EF.MODIFIES_STATE, [
    ['fd', 'FD', 'DEC'], ['pid', 'PID', 'DEC'], ['flags', 'FLAGS32', 'HEX', 'pidfd_open_flags'],
  ]],
  [410, 'SYSCALL_INIT_MODULE_E', 'init_module', EC.OTHER | EC.SYSCALL, EF.OLD_VERSION, []],
  [411, 'SYSCALL_INIT_MODULE_X', 'init_module', EC.OTHER | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['img', 'BYTEBUF'], ['length', 'UINT64', 'DEC'], ['uargs', 'CHARBUF'],
  ]],
  [412, 'SYSCALL_FINIT_MODULE_E', 'finit_module', EC.OTHER | EC.SYSCALL, EF.OLD_VERSION, []],
  [413, 'SYSCALL_FINIT_MODULE_X', 'finit_module', EC.OTHER | EC.SYSCALL, EF.USES_FD | EF.READS_FROM_FD, [
    ['res', 'ERRNO', 'DEC'], ['fd', 'FD', 'DEC'], ['uargs', 'CHARBUF'],
    ['flags', 'FLAGS32', 'HEX', 'finit_module_flags'],
  ]],
  [414, 'SYSCALL_MKNOD_E', 'mknod', EC.OTHER | EC.SYSCALL, EF.OLD_VERSION, []],
  [415, 'SYSCALL_MKNOD_X', 'mknod', EC.OTHER | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['path', 'FSPATH'], ['mode', 'MODE', 'OCT', 'mknod_mode'],
    ['dev', 'UINT32', 'DEC'],
  ]],
  [416, 'SYSCALL_MKNODAT_E', 'mknodat', EC.OTHER | EC.SYSCALL, EF.OLD_VERSION, []],
  [417, 'SYSCALL_MKNODAT_X', 'mknodat', EC.OTHER | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['dirfd', 'FD', 'DEC'], ['path', 'FSRELPATH', 'NA', 1],
    ['mode', 'MODE', 'OCT', 'mknod_mode'], ['dev', 'UINT32', 'DEC'],
  ]],
  [418, 'SYSCALL_NEWFSTATAT_E', 'newfstatat', EC.FILE | EC.SYSCALL, EF.OLD_VERSION, []],
  [419, 'SYSCALL_NEWFSTATAT_X', 'newfstatat', EC.FILE | EC.SYSCALL, EF.USES_FD, [
    ['res', 'ERRNO', 'DEC'], ['dirfd', 'FD', 'DEC'], ['path', 'FSRELPATH', 'NA', 1],
    ['flags', 'FLAGS32', 'HEX', 'newfstatat_flags'],
  ]],
  [420, 'SYSCALL_PROCESS_VM_READV_E', 'process_vm_readv', EC.SYSCALL | EC.IPC, EF.OLD_VERSION, []],
  [421, 'SYSCALL_PROCESS_VM_READV_X', 'process_vm_readv', EC.SYSCALL | EC.IPC, EF.NONE, [
    ['res', 'INT64', 'DEC'], ['pid', 'PID', 'DEC'], ['data', 'BYTEBUF'],
  ]],
  [422, 'SYSCALL_PROCESS_VM_WRITEV_E', 'process_vm_writev', EC.SYSCALL | EC.IPC, EF.OLD_VERSION, []],
  [423, 'SYSCALL_PROCESS_VM_WRITEV_X', 'process_vm_writev', EC.SYSCALL | EC.IPC, EF.NONE, [
    ['res', 'INT64', 'DEC'], ['pid', 'PID', 'DEC'], ['data', 'BYTEBUF'],
  ]],
  [424, 'SYSCALL_DELETE_MODULE_E', 'delete_module', EC.OTHER | EC.SYSCALL, EF.OLD_VERSION, []],
  [425, 'SYSCALL_DELETE_MODULE_X', 'delete_module', EC.OTHER | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['name', 'CHARBUF'], ['flags', 'FLAGS32', 'HEX', 'delete_module_flags'],
  ]],
  [426, 'SYSCALL_SETREUID_E', 'setreuid', EC.USER | EC.SYSCALL, EF.OLD_VERSION | EF.MODIFIES_STATE, []],
  [427, 'SYSCALL_SETREUID_X', 'setreuid', EC.USER | EC.SYSCALL, EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['ruid', 'UID', 'DEC'], ['euid', 'UID', 'DEC'],
  ]],
  [428, 'SYSCALL_SETREGID_E', 'setregid', EC.USER | EC.SYSCALL, EF.OLD_VERSION, []],
  [429, 'SYSCALL_SETREGID_X', 'setregid', EC.USER | EC.SYSCALL, EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['rgid', 'UID', 'DEC'], ['egid', 'UID', 'DEC'],
  ]],
  [430, 'ITER_TASK_E', 'task', EC.ITER | EC.PROCESS, EF.MODIFIES_STATE, [
    ['ppid', 'PID32', 'DEC'], ['pgid', 'PID32', 'DEC'], ['vpgid', 'PID32', 'DEC'], ['sid', 'PID32', 'DEC'],
    ['comm', 'CHARBUF'], ['argv', 'CHARBUFARRAY'], ['exepath', 'FSPATH'],
    ['flags', 'FLAGS32', 'HEX', 'execve_flags'], ['env', 'CHARBUFARRAY'], ['cwd', 'CHARBUF'],
    ['fdlimit', 'UINT64', 'DEC'], ['euid', 'UID', 'DEC'], ['egid', 'GID', 'DEC'],
    ['cap_permitted', 'UINT64', 'HEX'], ['cap_effective', 'UINT64', 'HEX'],
    ['cap_inheritable', 'UINT64', 'HEX'], ['exe_ino_num', 'UINT64', 'DEC'],
    ['exe_ino_ctime', 'ABSTIME', 'DEC'], ['exe_ino_mtime', 'ABSTIME', 'DEC'], ['vm_size', 'UINT32', 'DEC'],
    ['vm_rss', 'UINT32', 'DEC'], ['vm_swap', 'UINT32', 'DEC'], ['pgft_maj', 'UINT64', 'DEC'],
    ['pgft_min', 'UINT64', 'DEC'], ['vtgid', 'PID32', 'DEC'], ['vpid', 'PID32', 'DEC'],
    ['pidns_init_start_ts', 'UINT64', 'DEC'], ['cgroups', 'CHARBUFARRAY'], ['root', 'FSPATH'],
    ['start_time', 'ABSTIME', 'DEC'], ['tty', 'UINT32', 'DEC'], ['loginuid', 'UID', 'DEC'],
  ]],
  [431, 'ITER_TASK_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [432, 'ITER_TASK_FILE_PIPE_E', 'task_file_pipe', EC.ITER | EC.FILE, EF.MODIFIES_STATE, [
    ['fd', 'FD32', 'DEC'], ['path', 'FSPATH'], ['ino_num', 'UINT64', 'DEC'],
  ]],
  [433, 'ITER_TASK_FILE_PIPE_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [434, 'ITER_TASK_FILE_MEMFD_E', 'task_file_memfd', EC.ITER | EC.FILE, EF.MODIFIES_STATE, [
    ['fd', 'FD32', 'DEC'], ['path', 'FSPATH'], ['ino_num', 'UINT64', 'DEC'],
  ]],
  [435, 'ITER_TASK_FILE_MEMFD_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [436, 'ITER_TASK_FILE_REGULAR_E', 'task_file_regular', EC.ITER | EC.FILE, EF.MODIFIES_STATE, [
    ['fd', 'FD32', 'DEC'], ['path', 'FSPATH'], ['flags', 'FLAGS32', 'HEX', 'file_flags'],
    ['mnt_id', 'UINT32', 'DEC'], ['ino_num', 'UINT64', 'DEC'],
  ]],
  [437, 'ITER_TASK_FILE_REGULAR_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [438, 'ITER_TASK_FILE_DIRECTORY_E', 'task_file_directory', EC.ITER | EC.FILE, EF.MODIFIES_STATE, [
    ['fd', 'FD32', 'DEC'], ['path', 'FSPATH'], ['ino_num', 'UINT64', 'DEC'],
  ]],
  [439, 'ITER_TASK_FILE_DIRECTORY_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [440, 'ITER_TASK_FILE_SOCKET_INET_E', 'task_file_socket_inet', EC.ITER | EC.FILE, EF.MODIFIES_STATE, [
    ['fd', 'FD32', 'DEC'], ['sk_type', 'UINT16', 'DEC'], ['sk_proto', 'UINT16', 'DEC'],
    ['local_ip', 'IPV4ADDR', 'HEX'], ['local_port', 'PORT', 'HEX'], ['remote_ip', 'IPV4ADDR', 'HEX'],
    ['remote_port', 'PORT', 'HEX'], ['ino_num', 'UINT64', 'DEC'],
  ]],
  [441, 'ITER_TASK_FILE_SOCKET_INET_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [442, 'ITER_TASK_FILE_SOCKET_INET6_E', 'task_file_socket_inet6', EC.ITER | EC.FILE, EF.MODIFIES_STATE, [
    ['fd', 'FD32', 'DEC'], ['sk_type', 'UINT16', 'DEC'], ['sk_proto', 'UINT16', 'DEC'],
    ['local_ip', 'IPV6ADDR', 'HEX'], ['local_port', 'PORT', 'HEX'], ['remote_ip', 'IPV6ADDR', 'HEX'],
    ['remote_port', 'PORT', 'HEX'], ['ino_num', 'UINT64', 'DEC'],
  ]],
  [443, 'ITER_TASK_FILE_SOCKET_INET6_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [444, 'ITER_TASK_FILE_SOCKET_UNIX_E', 'task_file_socket_unix', EC.ITER | EC.FILE, EF.MODIFIES_STATE, [
    ['fd', 'FD32', 'DEC'], ['sk_type', 'UINT16', 'DEC'], ['sk_proto', 'UINT16', 'DEC'],
    ['sk_pointer', 'UINT64'], ['sun_path', 'FSPATH'], ['ino_num', 'UINT64', 'DEC'],
  ]],
  [445, 'ITER_TASK_FILE_SOCKET_UNIX_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [446, 'ITER_TASK_FILE_SOCKET_NETLINK_E', 'task_file_socket_netlink', EC.ITER | EC.FILE, EF.MODIFIES_STATE, [
    ['fd', 'FD32', 'DEC'], ['sk_type', 'UINT16', 'DEC'], ['sk_proto', 'UINT16', 'DEC'],
    ['ino_num', 'UINT64', 'DEC'],
  ]],
  [447, 'ITER_TASK_FILE_SOCKET_NETLINK_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [448, 'ITER_TASK_FILE_ANON_INODE_E', 'task_file_anon_inode', EC.ITER | EC.FILE, EF.MODIFIES_STATE, [
    ['fd', 'FD32', 'DEC'], ['fd_type', 'FLAGS8', 'DEC', 'anon_inode_fd_types'], ['path', 'FSPATH'],
    ['ino_num', 'UINT64', 'DEC'],
  ]],
  [449, 'ITER_TASK_FILE_ANON_INODE_X', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [450, 'SYSCALL_CLOSE_RANGE_E', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [451, 'SYSCALL_CLOSE_RANGE_X', 'close_range', EC.IO_OTHER | EC.SYSCALL, EF.MODIFIES_STATE, [
    ['res', 'ERRNO', 'DEC'], ['first', 'UINT32', 'DEC'], ['last', 'UINT32', 'DEC'],
    ['flags', 'FLAGS32', 'HEX', 'close_range_flags'],
  ]],
  [452, 'SYSCALL_KEYCTL_E', 'NA', EC.UNKNOWN, EF.UNUSED, []],
  [453, 'SYSCALL_KEYCTL_X', 'keyctl', EC.OTHER | EC.SYSCALL, EF.NONE, [
    ['res', 'ERRNO', 'DEC'], ['operation', 'ENUMFLAGS32', 'DEC', 'keyctl_operations'],
    ['arg2', 'DYN', 'DEC', 'keyctl_dynamic_param'], ['arg3', 'DYN', 'DEC', 'keyctl_dynamic_param'],
    ['arg4', 'DYN', 'DEC', 'keyctl_dynamic_param'], ['arg5', 'DYN', 'DEC', 'keyctl_dynamic_param'],
  ]],
];
