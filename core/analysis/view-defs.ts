/**
 * Every view, as data. Filters and fields are csysdig's (see /usr/share/sysdig/chisels/v_*.lua);
 * the difference is that csysdig shows per-second rates over a sampling interval while a capture
 * is a closed range, so byte and call columns here are totals over the selected range.
 */
import type { ColumnDef, ListColumnDef, ListViewDef, TableViewDef, ViewDef } from './view-types.js';

const PROCINFO = 'evt.type=procinfo';
/** A syscall that opened something: the event's fd is the new file (csysdig's OPENS column). */
const OPEN_EXIT = 'evt.type in (open, openat, openat2, creat, open_by_handle_at) and evt.dir=<';
const NET_FD = '(fd.type=ipv4 or fd.type=ipv6)';

const C = {
  cpu: {
    id: 'cpu', title: 'CPU TIME', field: 'thread.cpu', agg: 'SUM', unit: 'ns', where: PROCINFO, scale: 10_000_000,
    description: 'CPU time from procinfo events (user+system clock ticks of 10 ms), as topprocs_cpu counts it.',
  },
  ioIn: { id: 'io_in', title: 'IO IN', field: 'evt.buflen.in', agg: 'SUM', unit: 'bytes', description: 'Bytes read from any fd.' },
  ioOut: { id: 'io_out', title: 'IO OUT', field: 'evt.buflen.out', agg: 'SUM', unit: 'bytes', description: 'Bytes written to any fd.' },
  fileIn: { id: 'file_in', title: 'FILE IN', field: 'evt.buflen.file.in', agg: 'SUM', unit: 'bytes', description: 'Bytes read from files.' },
  fileOut: { id: 'file_out', title: 'FILE OUT', field: 'evt.buflen.file.out', agg: 'SUM', unit: 'bytes', description: 'Bytes written to files.' },
  netIn: { id: 'net_in', title: 'NET IN', field: 'evt.buflen.net.in', agg: 'SUM', unit: 'bytes', description: 'Bytes received from IPv4/IPv6 sockets.' },
  netOut: { id: 'net_out', title: 'NET OUT', field: 'evt.buflen.net.out', agg: 'SUM', unit: 'bytes', description: 'Bytes sent to IPv4/IPv6 sockets.' },
  errors: { id: 'errors', title: 'ERRORS', field: 'evt.count.error', agg: 'SUM', unit: 'count', description: 'System calls that returned an error.' },
  events: { id: 'events', title: 'EVENTS', agg: 'COUNT', unit: 'count', description: 'Events (enter and exit).' },
  ops: { id: 'ops', title: 'OPS', field: 'evt.count.exit', agg: 'SUM', unit: 'count', description: 'Completed calls (exit events).' },
  firstSeen: { id: 'first', title: 'FIRST SEEN', field: 'evt.rawtime', agg: 'MIN', unit: 'time' },
  lastSeen: { id: 'last', title: 'LAST SEEN', field: 'evt.rawtime', agg: 'MAX', unit: 'time' },
  container: { id: 'container', title: 'CONTAINER', field: 'container.name', agg: 'LAST', unit: 'text' },
  command: { id: 'command', title: 'COMMAND', field: 'proc.exeline', agg: 'LAST', unit: 'text' },
} as const satisfies Record<string, ColumnDef>;

const fileColumns: ColumnDef[] = [
  { ...C.fileIn, title: 'BYTES IN' },
  { ...C.fileOut, title: 'BYTES OUT' },
  C.ops,
  { id: 'opens', title: 'OPENS', agg: 'COUNT', unit: 'count', where: OPEN_EXIT, description: 'Successful or failed opens.' },
  C.errors,
  C.firstSeen,
  C.lastSeen,
];

export const PROCS: TableViewDef = {
  kind: 'table',
  id: 'procs',
  seedThreads: 'identity',
  title: 'Processes',
  description: 'Processes with their CPU time, I/O, errors and threads.',
  filter: 'evt.type!=switch',
  keys: ['proc.pid'],
  keyTitles: ['PID'],
  columns: [
    { id: 'ppid', title: 'PPID', field: 'proc.ppid', agg: 'LAST', unit: 'id' },
    { id: 'name', title: 'NAME', field: 'proc.name', agg: 'LAST', unit: 'text' },
    { id: 'user', title: 'USER', field: 'user.name', agg: 'LAST', unit: 'text' },
    C.cpu,
    C.ioIn,
    C.ioOut,
    C.fileIn,
    C.fileOut,
    C.netIn,
    C.netOut,
    C.errors,
    { id: 'threads', title: 'THREADS', field: 'thread.tid', agg: 'DISTINCT', unit: 'count', description: 'Threads seen in the range.' },
    C.events,
    C.container,
    C.firstSeen,
    C.lastSeen,
    C.command,
  ],
  sort: 'cpu',
  drilldown: 'threads',
};

export const THREADS: TableViewDef = {
  kind: 'table',
  id: 'threads',
  seedThreads: 'identity',
  title: 'Threads',
  description: 'Threads with their CPU time, I/O and errors.',
  filter: 'evt.type!=switch',
  keys: ['thread.tid'],
  keyTitles: ['TID'],
  columns: [
    { id: 'pid', title: 'PID', field: 'proc.pid', agg: 'LAST', unit: 'id' },
    { id: 'name', title: 'NAME', field: 'proc.name', agg: 'LAST', unit: 'text' },
    C.cpu,
    C.fileIn,
    C.fileOut,
    C.netIn,
    C.netOut,
    C.errors,
    C.events,
    C.container,
    C.firstSeen,
    C.lastSeen,
    C.command,
  ],
  sort: 'cpu',
  drilldown: 'files',
};

export const CONTAINERS: TableViewDef = {
  kind: 'table',
  id: 'containers',
  seedThreads: 'identity',
  title: 'Containers',
  description: 'Containers seen in the capture and the resources each used.',
  filter: 'container.name!=host',
  keys: ['container.id'],
  keyTitles: ['ID'],
  columns: [
    { id: 'name', title: 'NAME', field: 'container.name', agg: 'LAST', unit: 'text' },
    { id: 'image', title: 'IMAGE', field: 'container.image', agg: 'LAST', unit: 'text' },
    { id: 'type', title: 'ENGINE', field: 'container.type', agg: 'LAST', unit: 'text' },
    C.cpu,
    { id: 'procs', title: 'PROCS', field: 'proc.pid', agg: 'DISTINCT', unit: 'count' },
    { id: 'threads', title: 'THREADS', field: 'thread.tid', agg: 'DISTINCT', unit: 'count' },
    C.fileIn,
    C.fileOut,
    C.netIn,
    C.netOut,
    C.errors,
    C.events,
    C.firstSeen,
    C.lastSeen,
  ],
  sort: 'cpu',
  drilldown: 'procs',
};

export const CONNECTIONS: TableViewDef = {
  kind: 'table',
  id: 'connections',
  title: 'Connections',
  description: 'Network connections (the fd tuple), with the owning process and the bytes each way.',
  filter: `${NET_FD} and fd.name!=''`,
  // Both ends of a local connection share the tuple: each process gets its own row.
  keys: ['fd.name', 'proc.pid'],
  keyTitles: ['CONNECTION', 'PID'],
  columns: [
    { id: 'proto', title: 'PROTO', field: 'fd.l4proto', agg: 'LAST', unit: 'text' },
    { id: 'cip', title: 'CLIENT IP', field: 'fd.cip', agg: 'LAST', unit: 'text' },
    { id: 'cport', title: 'CLIENT PORT', field: 'fd.cport', agg: 'LAST', unit: 'id' },
    { id: 'sip', title: 'SERVER IP', field: 'fd.sip', agg: 'LAST', unit: 'text' },
    { id: 'sport', title: 'SERVER PORT', field: 'fd.sport', agg: 'LAST', unit: 'id' },
    { ...C.netIn, title: 'BYTES IN' },
    { ...C.netOut, title: 'BYTES OUT' },
    { id: 'iops', title: 'IO CALLS', field: 'evt.is_io', agg: 'COUNT', unit: 'count', where: 'evt.dir=<' },
    { id: 'proc', title: 'PROCESS', field: 'proc.name', agg: 'LAST', unit: 'text' },
    C.container,
    C.firstSeen,
    C.lastSeen,
    C.command,
  ],
  sort: 'net_in',
  drilldown: 'incoming_connections',
};

export const SPORTS: TableViewDef = {
  kind: 'table',
  id: 'sports',
  title: 'Server Ports',
  description: 'Server ports and the traffic on each.',
  filter: `${NET_FD} and fd.name!=''`,
  keys: ['fd.sport'],
  keyTitles: ['SPORT'],
  columns: [
    { id: 'proto', title: 'PROTO', field: 'fd.l4proto', agg: 'LAST', unit: 'text' },
    { ...C.netIn, title: 'BYTES IN' },
    { ...C.netOut, title: 'BYTES OUT' },
    { id: 'iocalls', title: 'IO CALLS', agg: 'COUNT', unit: 'count' },
    { id: 'conns', title: 'CONNECTIONS', field: 'fd.name', agg: 'DISTINCT', unit: 'count' },
  ],
  sort: 'net_in',
  drilldown: 'connections',
};

export const FILES: TableViewDef = {
  kind: 'table',
  id: 'files',
  title: 'Files',
  description: 'Files and directories accessed, with bytes, operations, opens and errors.',
  filter: "(fd.type=file or fd.type=directory) and fd.name!=''",
  keys: ['fd.name'],
  keyTitles: ['FILENAME'],
  columns: fileColumns,
  sort: 'ops',
  drilldown: 'procs',
};

export const DIRECTORIES: TableViewDef = {
  kind: 'table',
  id: 'directories',
  title: 'Directories',
  description: 'File activity grouped by directory.',
  filter: "(fd.type=file or fd.type=directory) and fd.name!=''",
  keys: ['fd.directory'],
  keyTitles: ['DIRECTORY'],
  columns: fileColumns,
  sort: 'ops',
  drilldown: 'files',
};

export const IO_BY_TYPE: TableViewDef = {
  kind: 'table',
  id: 'io_by_type',
  title: 'I/O by Type',
  description: 'Reads and writes grouped by the kind of fd (file, ipv4, unix, pipe...).',
  filter: 'evt.is_io=true',
  keys: ['fd.type'],
  keyTitles: ['TYPE'],
  columns: [
    { ...C.ioIn, title: 'BYTES IN' },
    { ...C.ioOut, title: 'BYTES OUT' },
    C.ops,
    { id: 'time', title: 'TIME', field: 'evt.latency', agg: 'SUM', unit: 'ns' },
  ],
  sort: 'ops',
  drilldown: 'procs',
};

export const ERRORS: TableViewDef = {
  kind: 'table',
  id: 'errors',
  title: 'Errors',
  description: 'Failed system calls by error code.',
  filter: 'evt.failed=true',
  keys: ['evt.res'],
  keyTitles: ['ERROR'],
  columns: [
    { id: 'count', title: 'COUNT', agg: 'COUNT', unit: 'count' },
    { id: 'procs', title: 'PROCESSES', field: 'proc.pid', agg: 'DISTINCT', unit: 'count' },
    C.firstSeen,
    C.lastSeen,
  ],
  sort: 'count',
  drilldown: 'procs_errors',
};

export const PROCS_ERRORS: TableViewDef = {
  kind: 'table',
  id: 'procs_errors',
  title: 'Process Errors',
  description: 'Failed system calls by process, split by what failed.',
  filter: 'evt.failed=true',
  keys: ['proc.pid'],
  keyTitles: ['PID'],
  columns: [
    { id: 'name', title: 'NAME', field: 'proc.name', agg: 'LAST', unit: 'text' },
    { id: 'total', title: 'TOTAL', agg: 'COUNT', unit: 'count' },
    { id: 'file', title: 'FILE', field: 'evt.count.error.file', agg: 'SUM', unit: 'count' },
    { id: 'net', title: 'NET', field: 'evt.count.error.net', agg: 'SUM', unit: 'count' },
    { id: 'memory', title: 'MEMORY', field: 'evt.count.error.memory', agg: 'SUM', unit: 'count' },
    { id: 'other', title: 'OTHER', field: 'evt.count.error.other', agg: 'SUM', unit: 'count' },
    { id: 'errnos', title: 'ERRNOS', field: 'evt.res', agg: 'DISTINCT', unit: 'count' },
    C.container,
    C.command,
  ],
  sort: 'total',
  drilldown: 'errors',
};

export const SYSCALLS: TableViewDef = {
  kind: 'table',
  id: 'syscalls',
  title: 'System Calls',
  description: 'System calls with their count and time spent.',
  filter: 'syscall.type exists',
  keys: ['evt.type'],
  keyTitles: ['SYSCALL'],
  columns: [
    { id: 'calls', title: 'CALLS', field: 'evt.count.exit', agg: 'SUM', unit: 'count' },
    C.events,
    { id: 'time', title: 'TOTAL TIME', field: 'evt.latency', agg: 'SUM', unit: 'ns' },
    { id: 'max', title: 'MAX TIME', field: 'evt.latency', agg: 'MAX', unit: 'ns', where: 'evt.dir=<' },
    { id: 'avg', title: 'AVG TIME', field: 'evt.latency', agg: 'AVG', unit: 'ns', where: 'evt.dir=<' },
    C.errors,
  ],
  sort: 'events',
  drilldown: 'syscall_procs',
};

export const SYSCALL_PROCS: TableViewDef = {
  kind: 'table',
  id: 'syscall_procs',
  title: 'System Calls by Process',
  description: 'Processes making system calls, with the count and time spent.',
  filter: 'syscall.type exists',
  keys: ['proc.pid'],
  keyTitles: ['PID'],
  columns: [
    { id: 'name', title: 'NAME', field: 'proc.name', agg: 'LAST', unit: 'text' },
    { id: 'calls', title: 'CALLS', field: 'evt.count.exit', agg: 'SUM', unit: 'count' },
    C.events,
    { id: 'time', title: 'TOTAL TIME', field: 'evt.latency', agg: 'SUM', unit: 'ns' },
    { id: 'max', title: 'MAX TIME', field: 'evt.latency', agg: 'MAX', unit: 'ns', where: 'evt.dir=<' },
    C.command,
  ],
  sort: 'events',
};

const timeCol: ListColumnDef = { id: 'time', title: 'TIME', field: 'evt.rawtime', unit: 'time' };
const cmdCol: ListColumnDef = { id: 'command', title: 'COMMAND', field: 'proc.exeline', unit: 'text' };
const containerCol: ListColumnDef = { id: 'container', title: 'CONTAINER', field: 'container.name', unit: 'text' };

export const PORT_BINDINGS: ListViewDef = {
  kind: 'list',
  id: 'port_bindings',
  title: 'Port Bindings',
  description: 'Ports bound by servers, and server sockets closed.',
  filter:
    '(evt.type=bind and evt.dir=< and (fd.type=ipv4 or fd.type=ipv6)) or (evt.type=close and evt.dir=> and fd.typechar=2 and fd.type=ipv4)',
  columns: [
    timeCol,
    { id: 'operation', title: 'OPERATION', field: 'evt.type', unit: 'text' },
    { id: 'port', title: 'PORT', field: 'fd.sport', unit: 'id' },
    { id: 'pid', title: 'PID', field: 'proc.pid', unit: 'id' },
    containerCol,
    cmdCol,
  ],
};

export const INCOMING_CONNECTIONS: ListViewDef = {
  kind: 'list',
  id: 'incoming_connections',
  title: 'New Connections',
  description: 'Connections accepted by servers.',
  filter: 'evt.type in (accept, accept4) and evt.dir=< and evt.failed=false',
  columns: [timeCol, { id: 'connection', title: 'CONNECTION', field: 'fd.name', unit: 'text' }, containerCol, cmdCol],
};

export const FILE_OPENS: ListViewDef = {
  kind: 'list',
  id: 'file_opens',
  title: 'File Opens',
  description: 'Every file open, with its result.',
  filter: OPEN_EXIT,
  columns: [
    timeCol,
    { id: 'res', title: 'RES', field: 'evt.res', unit: 'text' },
    { id: 'file', title: 'FILE', field: 'fd.name', unit: 'text' },
    containerCol,
    cmdCol,
  ],
};

function slowIo(ms: number, id: string): ListViewDef {
  return {
    kind: 'list',
    id,
    title: `Slow File I/O (${ms}ms+)`,
    description: `File reads and writes that took longer than ${ms} ms (device files excluded).`,
    filter: `evt.is_io=true and fd.type=file and (not fd.name contains '/dev/') and evt.latency>${ms * 1_000_000}`,
    columns: [
      timeCol,
      { id: 'latency', title: 'LATENCY', field: 'evt.latency', unit: 'ns' },
      { id: 'file', title: 'FILENAME', field: 'fd.name', unit: 'text' },
      { id: 'pid', title: 'PID', field: 'proc.pid', unit: 'id' },
      containerCol,
      cmdCol,
    ],
    sort: 'latency',
    sortDesc: true,
  };
}

export const SLOW_IO = slowIo(1, 'slow_io');
export const SLOW_IO_10MS = slowIo(10, 'slow_io_10ms');
export const SLOW_IO_100MS = slowIo(100, 'slow_io_100ms');

/** The views `tracehound view` and the API know, by id. Spy users is computed by spy-users.ts. */
export const VIEWS: readonly ViewDef[] = [
  PROCS,
  THREADS,
  CONTAINERS,
  CONNECTIONS,
  SPORTS,
  PORT_BINDINGS,
  INCOMING_CONNECTIONS,
  FILES,
  DIRECTORIES,
  FILE_OPENS,
  IO_BY_TYPE,
  SLOW_IO,
  SLOW_IO_10MS,
  SLOW_IO_100MS,
  ERRORS,
  PROCS_ERRORS,
  SYSCALLS,
  SYSCALL_PROCS,
];

export function viewById(id: string): ViewDef | undefined {
  return VIEWS.find((v) => v.id === id);
}
