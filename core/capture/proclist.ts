import { BlockFormatError, Cursor } from './cursor.js';
import type { PLTailField, ThreadInfo } from './metadata.js';

/**
 * Process list blocks V1..V9. Versions 1-8 are a fixed sequence of fields where each version
 * inserted fields (sometimes in the middle), so an entry can only be read by knowing its version.
 * V9 prefixes each entry with its length and only appends fields, so unknown trailing fields of a
 * newer writer are skipped and missing ones keep defaults.
 */

type Kind = 'i64' | 'u64n' | 'u32' | 'str' | 'list';
type FixedKey = Exclude<keyof ThreadInfo, PLTailField | 'missing'>;

/** [field, on-disk kind, first PL version that has it], in file order. */
const FIXED_FIELDS: readonly (readonly [FixedKey, Kind, number])[] = [
  ['tid', 'i64', 1],
  ['pid', 'i64', 1],
  ['ptid', 'i64', 1],
  ['sid', 'i64', 6],
  ['vpgid', 'i64', 8],
  ['comm', 'str', 1],
  ['exe', 'str', 1],
  ['exepath', 'str', 7],
  ['args', 'list', 1],
  ['cwd', 'str', 1],
  ['fdlimit', 'i64', 1],
  ['flags', 'u32', 1],
  ['uid', 'u32', 1],
  ['gid', 'u32', 1],
  ['vmsizeKb', 'u32', 2],
  ['vmrssKb', 'u32', 2],
  ['vmswapKb', 'u32', 2],
  ['pfMajor', 'u64n', 2],
  ['pfMinor', 'u64n', 2],
  ['env', 'list', 3],
  ['vtid', 'i64', 4],
  ['vpid', 'i64', 4],
  ['cgroups', 'list', 4],
  ['root', 'str', 5],
];

type TailKind = 'u8b' | 'u32' | 'u64' | 'i64';
type TailKey = PLTailField;

/**
 * Fields V9 entries may append, in file order, each read only if the entry length covers it.
 * libs 0.10 inserted pidns_init_start_ts and tty BEFORE loginuid; entries written by older libs
 * end with at most the 29 bytes loginuid..cap_effective, which is how the two layouts are told
 * apart (same rule as libscap).
 */
const TAIL_INSERTED: readonly (readonly [TailKey, TailKind])[] = [
  ['pidnsInitStartTs', 'u64'],
  ['tty', 'u32'],
];
const TAIL_FIELDS: readonly (readonly [TailKey, TailKind])[] = [
  ['loginuid', 'u32'],
  ['exeWritable', 'u8b'],
  ['capInheritable', 'u64'],
  ['capPermitted', 'u64'],
  ['capEffective', 'u64'],
  ['exeUpperLayer', 'u8b'],
  ['exeIno', 'u64'],
  ['exeInoCtime', 'u64'],
  ['exeInoMtime', 'u64'],
  ['exeFromMemfd', 'u8b'],
  ['exeLowerLayer', 'u8b'],
  ['pgid', 'i64'],
];
const PRE_0_10_TAIL_BYTES = 29;
const ALL_TAIL: readonly TailKey[] = [...TAIL_INSERTED, ...TAIL_FIELDS].map(([k]) => k);
const TAIL_SIZE: Record<TailKind, number> = { u8b: 1, u32: 4, u64: 8, i64: 8 };

export function newThreadInfo(): ThreadInfo {
  return {
    tid: 0,
    pid: 0,
    ptid: 0,
    sid: -1,
    vpgid: -1,
    pgid: -1,
    comm: '',
    exe: '',
    exepath: '',
    args: [],
    cwd: '',
    fdlimit: 0,
    flags: 0,
    uid: 0,
    gid: 0,
    vmsizeKb: 0,
    vmrssKb: 0,
    vmswapKb: 0,
    pfMajor: 0,
    pfMinor: 0,
    env: [],
    vtid: -1,
    vpid: -1,
    cgroups: [],
    root: '',
    pidnsInitStartTs: 0n,
    tty: 0,
    loginuid: 0xffffffff,
    exeWritable: false,
    capInheritable: 0n,
    capPermitted: 0n,
    capEffective: 0n,
    exeUpperLayer: false,
    exeLowerLayer: false,
    exeFromMemfd: false,
    exeIno: 0n,
    exeInoCtime: 0n,
    exeInoMtime: 0n,
  };
}

function readFixed(c: Cursor, t: ThreadInfo, version: number): void {
  const rec = t as unknown as Record<string, unknown>;
  for (const [key, kind, since] of FIXED_FIELDS) {
    if (version < since) continue;
    switch (kind) {
      case 'i64':
        rec[key] = c.i64(key);
        break;
      case 'u64n':
        rec[key] = c.u64n(key);
        break;
      case 'u32':
        rec[key] = c.u32(key);
        break;
      case 'str':
        rec[key] = c.str16(key);
        break;
      case 'list':
        rec[key] = c.list16(key);
        break;
    }
  }
}

/** Reads the fields the entry covers; those it does not are appended to `missing`. */
function readTail(c: Cursor, t: ThreadInfo, fields: readonly (readonly [TailKey, TailKind])[], entryEnd: number, missing: TailKey[]): void {
  const rec = t as unknown as Record<string, unknown>;
  for (let i = 0; i < fields.length; i++) {
    const [key, kind] = fields[i]!;
    if (c.pos + TAIL_SIZE[kind] > entryEnd) {
      for (let j = i; j < fields.length; j++) missing.push(fields[j]![0]);
      return;
    }
    switch (kind) {
      case 'u8b':
        rec[key] = c.u8(key) !== 0;
        break;
      case 'u32':
        rec[key] = c.u32(key);
        break;
      case 'u64':
        rec[key] = c.u64(key);
        break;
      case 'i64':
        rec[key] = c.i64(key);
        break;
    }
  }
}

/** Decode the body [start, end) of a PL block of the given version. */
export function parseProcList(buf: Buffer, start: number, end: number, version: number): ThreadInfo[] {
  const out: ThreadInfo[] = [];
  const c = new Cursor(buf, start, end);
  while (c.left >= 4) {
    const t = newThreadInfo();
    if (version >= 9) {
      const entryStart = c.pos;
      const subLen = c.u32('entry length');
      if (subLen === 0) {
        // libscap treats a zero length as "unknown": fixed fields only, no tail.
        readFixed(c, t, version);
        t.missing = ALL_TAIL;
        out.push(t);
        continue;
      }
      const entryEnd = entryStart + subLen;
      if (subLen < 4 || entryEnd > end) {
        throw new BlockFormatError(`process entry length ${subLen} does not fit the block`, entryStart);
      }
      // Limit reads to the entry, so a short entry cannot consume the next one.
      const ec = new Cursor(buf, c.pos, entryEnd);
      readFixed(ec, t, version);
      const missing: TailKey[] = [];
      if (entryEnd - ec.pos > PRE_0_10_TAIL_BYTES) readTail(ec, t, TAIL_INSERTED, entryEnd, missing);
      else missing.push('pidnsInitStartTs', 'tty');
      readTail(ec, t, TAIL_FIELDS, entryEnd, missing);
      if (missing.length !== 0) t.missing = missing;
      c.pos = entryEnd;
    } else {
      readFixed(c, t, version);
      t.missing = ALL_TAIL;
    }
    out.push(t);
  }
  return out;
}
