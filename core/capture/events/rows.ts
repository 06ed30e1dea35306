/**
 * The compact row format the event table data is written in, and its expansion into EventInfo.
 * Kept apart from the data so event-rows.ts and sysdig029.ts stay pure tables.
 */
import { DYN_TABLES, FLAG_TABLES } from './flag-tables.js';
import type { DynTableName, FlagTableName } from './flag-tables.js';
import { PF, PT } from './types.js';
import type { EventInfo, ParamInfo, ParamTypeName, PrintFormatName } from './types.js';

/**
 * [name, type, format, info]: info is a flag table (FLAGS/ENUMFLAGS/MODE), a dynamic table (DYN)
 * or the index of the dirfd param (FSRELPATH).
 */
export type ParamRow =
  | readonly [name: string, type: ParamTypeName]
  | readonly [name: string, type: ParamTypeName, format: PrintFormatName]
  | readonly [name: string, type: ParamTypeName, format: PrintFormatName, info: FlagTableName | DynTableName | number];

/** [code, PPME id, evt.type name, category, flags, params] */
export type EventRow = readonly [
  code: number,
  id: string,
  name: string,
  category: number,
  flags: number,
  params: readonly ParamRow[],
];

/** A sparse change to a row (see sysdig029.ts). */
export interface EventRowDiff {
  readonly name?: string;
  readonly category?: number;
  readonly flags?: number;
  readonly nparams?: number;
  readonly params?: Readonly<Record<number, ParamRow>>;
}

export class EventTableError extends Error {
  readonly code = 'EVENT_TABLE_INVALID';
}

export function expandParam(row: ParamRow, where: string): ParamInfo {
  const [name, typeName, formatName = 'NA', info] = row as readonly [string, ParamTypeName, PrintFormatName?, (string | number)?];
  const type = PT[typeName];
  const format = PF[formatName];
  if (type === undefined) throw new EventTableError(`${where}: unknown param type ${typeName}`);
  if (format === undefined) throw new EventTableError(`${where}: unknown print format ${formatName}`);
  const p: { -readonly [K in keyof ParamInfo]: ParamInfo[K] } = { name, type, format };
  if (typeof info === 'number') {
    p.dirfd = info;
  } else if (typeof info === 'string') {
    if (type === PT.DYN) {
      if (!(info in DYN_TABLES)) throw new EventTableError(`${where}: unknown dynamic table ${info}`);
      p.dynTable = info;
    } else {
      if (!(info in FLAG_TABLES)) throw new EventTableError(`${where}: unknown flag table ${info}`);
      p.flagTable = info;
    }
  }
  return Object.freeze(p);
}

export function expandRow(row: EventRow, diff?: EventRowDiff): EventInfo {
  const [code, id, name, category, flags, paramRows] = row;
  const where = `event ${code} (${id})`;
  let params = paramRows.map((p, i) => expandParam(p, `${where} param ${i}`));
  if (diff) {
    if (diff.nparams !== undefined) params = params.slice(0, diff.nparams);
    if (diff.params) {
      for (const [k, p] of Object.entries(diff.params)) params[Number(k)] = expandParam(p, `${where} param ${k}`);
    }
  }
  return Object.freeze({
    code,
    id,
    name: diff?.name ?? name,
    dir: (code & 1) === 1 ? 'exit' : 'enter',
    category: diff?.category ?? category,
    flags: diff?.flags ?? flags,
    params: Object.freeze(params),
  });
}
