/**
 * The event table as lookups: event info by ppm code, in two dialects.
 *
 * - 'current': falcosecurity/libs today. Use it to decode: it knows every event type and the
 *   most params for each, and a capture's event carries its own param count.
 * - 'sysdig029': what sysdig 0.29.3 knew. Use it when output must match that oracle (param
 *   counts, old param types and names, old flag tables). Codes it did not know are undefined.
 */
import { EVENT_ROWS } from './event-rows.js';
import { FLAG_TABLES } from './flag-tables.js';
import type { FlagTable, FlagTableName } from './flag-tables.js';
import { expandRow } from './rows.js';
import { SYSCALL_NAMES, SYSDIG029_SYSCALL_COUNT, SYSDIG029_SYSCALL_NAMES } from './syscalls.js';
import { SYSDIG029_DIFFS, SYSDIG029_EVENT_COUNT, SYSDIG029_FLAG_TABLES } from './sysdig029.js';
import { EC_SOURCE_MASK, EF } from './types.js';
import type { EventInfo, ParamInfo } from './types.js';

export type TableDialect = 'current' | 'sysdig029';

/** Index = ppm event code. */
export const EVENTS: readonly EventInfo[] = Object.freeze(EVENT_ROWS.map((r) => expandRow(r)));

/** PPM_EVENT_MAX of the current table. */
export const EVENT_COUNT = EVENTS.length;

/** The 2022 table had no category source bits and no CONVERTER_MANAGED flag. */
function asSysdig029(e: EventInfo): EventInfo {
  return Object.freeze({ ...e, category: e.category & ~EC_SOURCE_MASK, flags: e.flags & ~EF.CONVERTER_MANAGED });
}

export const EVENTS_SYSDIG029: readonly EventInfo[] = Object.freeze(
  EVENT_ROWS.slice(0, SYSDIG029_EVENT_COUNT).map((r) => asSysdig029(expandRow(r, SYSDIG029_DIFFS[r[0]]))),
);

/** PPME ids (enum names without the PPME_ prefix) to codes, e.g. PPME.SYSCALL_EXECVE_19_X. */
export const PPME: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(EVENTS.map((e) => [e.id, e.code])),
);

export function eventInfo(code: number, dialect: TableDialect = 'current'): EventInfo | undefined {
  return (dialect === 'current' ? EVENTS : EVENTS_SYSDIG029)[code];
}

/** All codes whose evt.type is `name` (every version, both directions). */
export function codesByName(name: string, dialect: TableDialect = 'current'): number[] {
  const table = dialect === 'current' ? EVENTS : EVENTS_SYSDIG029;
  return table.filter((e) => e.name === name).map((e) => e.code);
}

export function paramIndex(info: EventInfo, name: string): number {
  return info.params.findIndex((p: ParamInfo) => p.name === name);
}

export function flagTable(name: FlagTableName | string, dialect: TableDialect = 'current'): FlagTable | undefined {
  if (dialect === 'sysdig029') {
    const old = SYSDIG029_FLAG_TABLES[name as FlagTableName];
    if (old) return old;
  }
  return FLAG_TABLES[name as FlagTableName];
}

/**
 * Whether events of this type store u32 param lengths. Depends on the type only; plugs into the
 * block reader's EventShape.largePayload.
 */
export function isLargePayload(type: number): boolean {
  const e = EVENTS[type];
  return e !== undefined && (e.flags & EF.LARGE_PAYLOAD) !== 0;
}

/** Syscall name of a PPM_SC code (PT_SYSCALLID, generic events); undefined when out of range. */
export function syscallName(sc: number, dialect: TableDialect = 'current'): string | undefined {
  if (dialect === 'sysdig029') {
    if (sc >= SYSDIG029_SYSCALL_COUNT) return undefined;
    return SYSDIG029_SYSCALL_NAMES[sc] ?? SYSCALL_NAMES[sc];
  }
  return SYSCALL_NAMES[sc];
}
