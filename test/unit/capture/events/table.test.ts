import { describe, expect, it } from 'vitest';
import { DYN_TABLES, FLAG_TABLES } from '../../../../core/capture/events/flag-tables.js';
import { ERRNO_NAMES, SIGNAL_NAMES, errnoToStr } from '../../../../core/capture/events/errno.js';
import { SYSCALL_NAMES, SYSDIG029_SYSCALL_CATEGORIES, SYSDIG029_SYSCALL_COUNT } from '../../../../core/capture/events/syscalls.js';
import { SYSDIG029_DIFFS, SYSDIG029_EVENT_COUNT } from '../../../../core/capture/events/sysdig029.js';
import {
  EVENTS,
  EVENTS_SYSDIG029,
  EVENT_COUNT,
  PPME,
  codesByName,
  eventInfo,
  flagTable,
  isLargePayload,
  syscallName,
} from '../../../../core/capture/events/table.js';
import { EC, EC_SOURCE_MASK, EF, PARAM_TYPE_NAMES, PF, PRINT_FORMAT_NAMES, PT } from '../../../../core/capture/events/types.js';
import type { EventInfo } from '../../../../core/capture/events/types.js';
import { DEFAULT_LARGE_PAYLOAD_TYPES } from '../../../../core/capture/blocks.js';

const FLAG_TYPES = new Set<number>([PT.FLAGS8, PT.FLAGS16, PT.FLAGS32, PT.ENUMFLAGS8, PT.ENUMFLAGS16, PT.ENUMFLAGS32]);
const names = (e: EventInfo | undefined) => e?.params.map((p) => p.name);

describe('event table shape', () => {
  it('has every ppm code of the current libs (PPM_EVENT_MAX = 454), each at its own index', () => {
    expect(EVENT_COUNT).toBe(454);
    EVENTS.forEach((e, i) => expect(e.code).toBe(i));
    expect(EVENTS_SYSDIG029.length).toBe(SYSDIG029_EVENT_COUNT);
    expect(SYSDIG029_EVENT_COUNT).toBe(336);
  });

  it('derives direction from code parity (even enter, odd exit)', () => {
    for (const e of EVENTS) expect(e.dir).toBe(e.code % 2 === 0 ? 'enter' : 'exit');
  });

  it('has unique PPME ids and keeps the well-known numbers of ppm_events_public.h', () => {
    expect(Object.keys(PPME).length).toBe(EVENT_COUNT);
    expect(PPME.GENERIC_E).toBe(0);
    expect(PPME.SYSCALL_OPEN_X).toBe(3);
    expect(PPME.SYSCALL_CLONE_20_X).toBe(223);
    expect(PPME.PROCINFO_E).toBe(234);
    expect(PPME.SYSCALL_EXECVE_19_X).toBe(293);
    expect(PPME.SYSCALL_OPENAT_2_X).toBe(307);
    expect(PPME.PLUGINEVENT_E).toBe(322);
    expect(PPME.ASYNCEVENT_E).toBe(402);
    expect(PPME.SYSCALL_KEYCTL_X).toBe(453);
  });

  it('every param references a known type and print format', () => {
    for (const table of [EVENTS, EVENTS_SYSDIG029]) {
      for (const e of table) {
        for (const p of e.params) {
          expect(PARAM_TYPE_NAMES[p.type], `${e.id}.${p.name}`).toBeDefined();
          expect(PRINT_FORMAT_NAMES[p.format], `${e.id}.${p.name}`).toBeDefined();
          expect(p.name.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('every flag param of the current table has an existing flag table, every DYN param a dynamic table', () => {
    for (const e of EVENTS) {
      for (const p of e.params) {
        if (FLAG_TYPES.has(p.type) || p.type === PT.MODE) {
          expect(p.flagTable, `${e.id}.${p.name}`).toBeDefined();
          expect(FLAG_TABLES[p.flagTable as keyof typeof FLAG_TABLES]).toBeDefined();
        }
        if (p.type === PT.DYN) expect(DYN_TABLES[p.dynTable as keyof typeof DYN_TABLES], `${e.id}.${p.name}`).toBeDefined();
        if (p.flagTable !== undefined) expect(FLAG_TYPES.has(p.type) || p.type === PT.MODE).toBe(true);
      }
    }
  });

  it('every FSRELPATH param of the current table points at a PT_FD param of the same event', () => {
    let count = 0;
    for (const e of EVENTS) {
      e.params.forEach((p) => {
        if (p.type !== PT.FSRELPATH) return;
        count++;
        expect(p.dirfd, `${e.id}.${p.name}`).toBeDefined();
        expect(e.params[p.dirfd as number].type, `${e.id}.${p.name}`).toBe(PT.FD);
      });
    }
    expect(count).toBe(18);
  });

  it('the 0.29.3 table carries its own openat2 enter bug: name points at itself as dirfd', () => {
    // event_table.c of March 2022: {"name", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)} at index 1.
    const e = eventInfo(PPME.SYSCALL_OPENAT2_E, 'sysdig029');
    expect(e?.params[1].dirfd).toBe(1);
    expect(eventInfo(PPME.SYSCALL_OPENAT2_E)?.params[1].dirfd).toBe(0);
  });

  it('keeps all versions of a syscall under one evt.type name', () => {
    expect(codesByName('execve')).toEqual([12, 13, 154, 155, 172, 173, 214, 215, 230, 231, 282, 283, 288, 289, 292, 293]);
    expect(codesByName('clone')).toEqual([14, 15, 156, 157, 216, 217, 222, 223]);
    expect(codesByName('accept')).toEqual([26, 27, 56, 57, 246, 247, 248, 249]);
    // The 2022 accept4 rewrite got its own name.
    expect(codesByName('accept4')).toEqual([388, 389]);
  });

  it('has the old execve/clone layouts with fewer params', () => {
    expect(names(eventInfo(PPME.SYSCALL_EXECVE_8_X))).toEqual(['res', 'exe', 'args', 'tid', 'pid', 'ptid', 'cwd', 'fdlimit']);
    expect(eventInfo(PPME.SYSCALL_CLONE_11_X)?.params.length).toBe(11);
    expect(eventInfo(PPME.SYSCALL_EXECVE_16_X)?.params.length).toBe(16);
    expect(eventInfo(PPME.SYSCALL_EXECVE_19_X)?.params.length).toBe(31);
    expect(eventInfo(PPME.SYSCALL_EXECVE_19_X, 'sysdig029')?.params.length).toBe(20);
  });

  it('marks the large-payload types the block reader must read with u32 lengths', () => {
    const large = EVENTS.filter((e) => (e.flags & EF.LARGE_PAYLOAD) !== 0).map((e) => e.code);
    expect(large).toEqual([322, 324, 402]);
    expect(new Set(large)).toEqual(DEFAULT_LARGE_PAYLOAD_TYPES);
    expect(isLargePayload(322)).toBe(true);
    expect(isLargePayload(3)).toBe(false);
    expect(isLargePayload(9999)).toBe(false);
  });

  it('flags fd semantics used by the inspector', () => {
    const open = eventInfo(PPME.SYSCALL_OPEN_X) as EventInfo;
    expect(open.flags & EF.CREATES_FD).toBeTruthy();
    expect((eventInfo(PPME.SYSCALL_CLOSE_X) as EventInfo).flags & EF.DESTROYS_FD).toBeTruthy();
    expect((eventInfo(PPME.SYSCALL_READ_X) as EventInfo).flags & EF.READS_FROM_FD).toBeTruthy();
    expect((eventInfo(PPME.SYSCALL_WRITE_X) as EventInfo).flags & EF.WRITES_TO_FD).toBeTruthy();
    // mmap uses its fd only since 2023; in the 0.29.3 table it did not.
    expect((eventInfo(PPME.SYSCALL_MMAP_E) as EventInfo).flags & EF.USES_FD).toBeTruthy();
    expect((eventInfo(PPME.SYSCALL_MMAP_E, 'sysdig029') as EventInfo).flags & EF.USES_FD).toBe(0);
  });

  it('knows which events sysdig hides without -D (EC_INTERNAL)', () => {
    const internal = EVENTS_SYSDIG029.filter((e) => (e.category & EC.INTERNAL) !== 0).map((e) => e.name);
    expect(new Set(internal)).toEqual(new Set(['drop', 'sysdigevent', 'container', 'procinfo', 'NA2', 'k8s', 'mesos', 'infra']));
  });
});

describe('sysdig 0.29.3 overlay', () => {
  it('has neither category source bits nor CONVERTER_MANAGED, which came later', () => {
    for (const e of EVENTS_SYSDIG029) {
      expect(e.category & EC_SOURCE_MASK).toBe(0);
      expect(e.flags & EF.CONVERTER_MANAGED).toBe(0);
    }
    expect(eventInfo(PPME.SYSCALL_OPEN_E, 'sysdig029')?.category).toBe(EC.FILE);
    expect(eventInfo(PPME.SYSCALL_OPEN_E)?.category).toBe(EC.FILE | EC.SYSCALL);
  });

  it('only lists codes that exist in both tables', () => {
    for (const k of Object.keys(SYSDIG029_DIFFS)) expect(Number(k)).toBeLessThan(SYSDIG029_EVENT_COUNT);
  });

  it('records output-changing renames', () => {
    expect(eventInfo(196)?.name).toBe('scapevent');
    expect(eventInfo(196, 'sysdig029')?.name).toBe('sysdigevent');
    expect(eventInfo(PPME.PLUGINEVENT_E, 'sysdig029')?.params[0].name).toBe('plugin ID');
    expect(eventInfo(PPME.PLUGINEVENT_E)?.params[0].name).toBe('plugin_id');
    expect(eventInfo(PPME.SYSCALL_EXECVE_19_X, 'sysdig029')?.params[17].name).toBe('pgid');
    expect(eventInfo(PPME.SYSCALL_EXECVE_19_X)?.params[17].name).toBe('vpgid');
  });

  it('records output-changing type changes', () => {
    // mmap res: u64 printed in hex by 0.29.3 ("res=7FAD48782000"), an errno in the current table.
    expect(eventInfo(PPME.SYSCALL_MMAP_X, 'sysdig029')?.params[0].type).toBe(PT.UINT64);
    expect(eventInfo(PPME.SYSCALL_MMAP_X)?.params[0].type).toBe(PT.ERRNO);
    expect(eventInfo(PPME.SOCKET_SOCKET_E, 'sysdig029')?.params[0].type).toBe(PT.FLAGS32);
    expect(eventInfo(PPME.SOCKET_SOCKET_E)?.params[0].type).toBe(PT.ENUMFLAGS32);
    expect(eventInfo(PPME.SYSCALL_CLOSE_X, 'sysdig029')?.params.length).toBe(1);
    expect(eventInfo(PPME.SYSCALL_CLOSE_X)?.params.length).toBe(2);
  });

  it('knows the flag tables as they were', () => {
    expect(flagTable('file_flags', 'sysdig029')?.some(([n]) => n === 'O_F_CREATED')).toBe(false);
    expect(flagTable('file_flags')?.some(([n]) => n === 'O_F_CREATED')).toBe(true);
    expect(flagTable('shutdown_how', 'sysdig029')?.[0][0]).toBe('SHUT_RDWR');
    expect(flagTable('shutdown_how')?.[0][0]).toBe('SHUT_UNKNOWN');
    expect(flagTable('prot_flags', 'sysdig029')).toBe(FLAG_TABLES.prot_flags);
  });
});

describe('flag tables', () => {
  it('has the tables of flags_table.c, in rendering order', () => {
    expect(Object.keys(FLAG_TABLES).length).toBe(55);
    expect(FLAG_TABLES.file_flags.slice(10, 13)).toEqual([['O_RDWR', 3], ['O_WRONLY', 2], ['O_RDONLY', 1]]);
    // AF_LOCAL precedes AF_UNIX, which is why sysdig prints domain=1(AF_LOCAL).
    const fam = FLAG_TABLES.socket_families.map(([n]) => n);
    expect(fam.indexOf('AF_LOCAL')).toBeLessThan(fam.indexOf('AF_UNIX'));
    expect(FLAG_TABLES.access_flags).toEqual([['F_OK', 0], ['R_OK', 4], ['W_OK', 2], ['X_OK', 1]]);
    expect(FLAG_TABLES.fcntl_commands.find(([n]) => n === 'F_GETLK64')).toEqual(['F_GETLK64', 17]);
    expect(FLAG_TABLES.mount_flags.at(-1)).toEqual(['NOUSER', 0x80000000]);
    expect(FLAG_TABLES.prctl_options.find(([n]) => n === 'PR_SET_NAME')?.[1]).toBe(15);
  });

  it('has every entry as [non-empty name, u32 value]', () => {
    for (const [t, entries] of Object.entries(FLAG_TABLES)) {
      expect(entries.length, t).toBeGreaterThan(0);
      for (const [n, v] of entries) {
        expect(n.length).toBeGreaterThan(0);
        expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff, `${t}.${n}`).toBe(true);
      }
    }
  });

  it('has the dynamic param tables', () => {
    expect(DYN_TABLES.sockopt_dynamic_param.map((d) => d.type)).toEqual([PT.BYTEBUF, PT.ERRNO, PT.UINT32, PT.UINT64, PT.RELTIME]);
    expect(DYN_TABLES.ptrace_dynamic_param).toEqual([
      { type: PT.UINT64, format: PF.HEX },
      { type: PT.SIGTYPE, format: PF.DEC },
    ]);
    expect(DYN_TABLES.bpf_dynamic_param.map((d) => d.type)).toEqual([PT.FD, PT.ERRNO]);
  });
});

describe('errno, signal and syscall names', () => {
  it('names errnos as libsinsp does, including kernel-internal codes', () => {
    expect(errnoToStr(-2)).toBe('ENOENT');
    expect(errnoToStr(-115)).toBe('EINPROGRESS');
    expect(errnoToStr(-512)).toBe('ERESTARTSYS');
    expect(errnoToStr(2)).toBe('');
    expect(errnoToStr(-600)).toBe('');
    expect(ERRNO_NAMES.size).toBe(138);
  });

  it('names signals 1..31', () => {
    expect(SIGNAL_NAMES.get(29)).toBe('SIGIO');
    expect(SIGNAL_NAMES.size).toBe(31);
  });

  it('maps ppm syscall codes to names, with the 0.29.3 spellings where they differ', () => {
    expect(SYSCALL_NAMES.length).toBe(454);
    expect(syscallName(75)).toBe('mprotect');
    expect(syscallName(283)).toBe('_newselect');
    expect(syscallName(283, 'sysdig029')).toBe('newselect');
    expect(syscallName(0, 'sysdig029')).toBe('<unknown>');
    expect(syscallName(SYSDIG029_SYSCALL_COUNT, 'sysdig029')).toBeUndefined();
    expect(SYSDIG029_SYSCALL_CATEGORIES.length).toBe(SYSDIG029_SYSCALL_COUNT);
    expect(SYSDIG029_SYSCALL_CATEGORIES[75]).toBe(EC.MEMORY);
  });
});
