/**
 * sysdig's table chisels as view definitions. Each one is table_generator.lua with arguments
 * (see topconns.lua, topfiles_bytes.lua...): group by keys, sum a value where it is > 0, keep the
 * top N. topprocs_cpu is the exception the chisel itself makes: it sums thread.cpu * 10^7 over
 * procinfo events, zeros included.
 *
 * The results are numbers sysdig prints with `-j`; the differential tests compare them with it.
 */
import type { TableViewDef } from './view-types.js';

type ChiselArgs = {
  id: string;
  title: string;
  description: string;
  keys: string[];
  keyTitles: string[];
  value: string | null;
  valueTitle: string;
  unit: 'bytes' | 'ns' | 'count';
  filter?: string;
  top: number;
};

function tableGenerator(a: ChiselArgs): TableViewDef {
  const def: TableViewDef = {
    kind: 'table',
    id: a.id,
    title: a.title,
    description: a.description,
    keys: a.keys,
    keyTitles: a.keyTitles,
    columns: [
      a.value === null
        ? { id: 'value', title: a.valueTitle, agg: 'COUNT', unit: a.unit }
        : { id: 'value', title: a.valueTitle, field: a.value, agg: 'SUM', unit: a.unit, positiveOnly: true },
    ],
    sort: 'value',
    omitEmpty: true,
    top: a.top,
  };
  if (a.filter) def.filter = a.filter;
  return def;
}

export const TOPPROCS_CPU: TableViewDef = {
  kind: 'table',
  id: 'topprocs_cpu',
  title: 'Top processes by CPU usage',
  description: 'CPU time per process from procinfo events (thread.cpu ticks * 10^7 ns).',
  filter: 'evt.type=procinfo',
  keys: ['proc.name', 'proc.pid'],
  keyTitles: ['Process', 'PID'],
  columns: [{ id: 'value', title: 'CPU', field: 'thread.cpu', agg: 'SUM', unit: 'ns', scale: 10_000_000 }],
  sort: 'value',
  omitEmpty: true,
  top: 10,
};

export const TOPCONNS = tableGenerator({
  id: 'topconns',
  title: 'Top network connections by total bytes',
  description: 'Bytes read and written per connection.',
  keys: ['fd.l4proto', 'fd.name'],
  keyTitles: ['Proto', 'Conn'],
  value: 'evt.rawarg.res',
  valueTitle: 'Bytes',
  unit: 'bytes',
  filter: '(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true',
  top: 30,
});

export const TOPFILES_BYTES = tableGenerator({
  id: 'topfiles_bytes',
  title: 'Top files by R+W bytes',
  description: 'Bytes read and written per file.',
  keys: ['fd.name'],
  keyTitles: ['Filename'],
  value: 'evt.rawarg.res',
  valueTitle: 'Bytes',
  unit: 'bytes',
  filter: 'fd.type=file and evt.is_io=true',
  top: 10,
});

export const TOPFILES_ERRORS = tableGenerator({
  id: 'topfiles_errors',
  title: 'Top files by number of errors',
  description: 'Failed calls per file.',
  keys: ['fd.name'],
  keyTitles: ['Filename'],
  value: 'evt.count',
  valueTitle: '#Errors',
  unit: 'count',
  filter: 'fd.type=file and evt.failed=true',
  top: 100,
});

export const TOPSCALLS = tableGenerator({
  id: 'topscalls',
  title: 'Top system calls by number of calls',
  description: 'Events per system call type (enter and exit both count, as in the chisel).',
  keys: ['evt.type'],
  keyTitles: ['Syscall'],
  value: 'evt.count',
  valueTitle: '# Calls',
  unit: 'count',
  filter: 'evt.type!=switch',
  top: 30,
});

export const TOPSCALLS_TIME = tableGenerator({
  id: 'topscalls_time',
  title: 'Top system calls by time',
  description: 'Time spent per system call type.',
  keys: ['evt.type'],
  keyTitles: ['Syscall'],
  value: 'evt.latency',
  valueTitle: 'Time',
  unit: 'ns',
  top: 30,
});

/** fdbytes_by KEY: bytes of successful I/O grouped by any field. */
export function fdbytesBy(key: string): TableViewDef {
  return tableGenerator({
    id: `fdbytes_by:${key}`,
    title: `I/O bytes by ${key}`,
    description: `Bytes of successful reads and writes grouped by ${key}.`,
    keys: [key],
    keyTitles: [key],
    value: 'evt.rawarg.res',
    valueTitle: 'Bytes',
    unit: 'bytes',
    filter: 'evt.is_io=true and evt.failed=false',
    top: 30,
  });
}

export const CHISEL_VIEWS: readonly TableViewDef[] = [TOPPROCS_CPU, TOPCONNS, TOPFILES_BYTES, TOPFILES_ERRORS, TOPSCALLS, TOPSCALLS_TIME];
