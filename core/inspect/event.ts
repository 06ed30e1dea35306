/**
 * The inspected event (libsinsp sinsp_evt): a raw event from the reader plus what the state
 * machine attached to it (its thread, its fd, its number). Param access is raw and positional,
 * exactly like libsinsp's parser reads `*(int64_t*)param->m_val`; rendering params to text is the
 * event-table layer's job.
 */
import type { RawEvent } from '../capture/event.js';
import type { EventInfo } from '../capture/events/types.js';
import type { FdInfo } from './fdinfo.js';
import type { ThreadInfo } from './threadinfo.js';

const TWO32 = 4294967296;
const EMPTY = Buffer.alloc(0);

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Strings longer than this are made afresh: comparing them would cost what making them does. */
const CACHED_MAX_LEN = 256;
const CACHE_SLOTS = 4096;
/**
 * Recently made param strings, direct-mapped by a hash of their bytes. Captures repeat the same
 * paths, names and arguments over and over; checking a candidate's chars against the bytes is
 * cheaper than a Buffer#toString call and leaves nothing for the GC.
 */
const stringCache: string[] = new Array<string>(CACHE_SLOTS).fill('');

/** The latin1 string of b[start, end) whose FNV-1a hash is `h`, from the cache when it is there. */
function cachedLatin1(b: Buffer, start: number, end: number, h: number): string {
  const n = end - start;
  if (n > CACHED_MAX_LEN) return b.toString('latin1', start, end);
  const slot = (h ^ (h >>> 16)) & (CACHE_SLOTS - 1);
  const s = stringCache[slot]!;
  if (s.length === n) {
    let k = 0;
    while (k < n && s.charCodeAt(k) === b[start + k]) k++;
    if (k === n) return s;
  }
  const made = b.toString('latin1', start, end);
  stringCache[slot] = made;
  return made;
}

/** Reads params of one raw event by index, within libsinsp's min(table, event) param count. */
export class ParamReader {
  raw!: RawEvent;
  info!: EventInfo;
  /** min(params the table knows, params the event carries). */
  nparams = 0;

  bind(raw: RawEvent, info: EventInfo): this {
    this.raw = raw;
    this.info = info;
    this.nparams = Math.min(info.params.length, raw.nparams);
    return this;
  }

  get type(): number {
    return this.raw.type;
  }

  len(i: number): number {
    return i < this.raw.nparams ? this.raw.paramLen(i) : 0;
  }

  /** Absolute offset of param i in raw.buf (libsinsp reads through short params, so do we). */
  private off(i: number): number {
    return i < this.raw.nparams ? this.raw.paramOffset(i) : this.raw.start + this.raw.rawLen;
  }

  private readable(i: number, n: number): number {
    const o = this.off(i);
    return o + n <= this.raw.buf.length ? o : -1;
  }

  // Loads byte by byte: Buffer#read*LE validate their argument on every call, and these run
  // several times per event.
  i64(i: number): number {
    const o = this.readable(i, 8);
    if (o < 0) return 0;
    const b = this.raw.buf;
    const lo = (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
    const hi = b[o + 4]! | (b[o + 5]! << 8) | (b[o + 6]! << 16) | (b[o + 7]! << 24);
    return hi * TWO32 + lo;
  }

  /** i64big(i) < 0n, read from the sign byte without making a BigInt. */
  i64neg(i: number): boolean {
    const o = this.readable(i, 8);
    return o >= 0 && (this.raw.buf[o + 7]! & 0x80) !== 0;
  }

  i64big(i: number): bigint {
    const o = this.readable(i, 8);
    return o < 0 ? 0n : this.raw.buf.readBigInt64LE(o);
  }

  u64(i: number): bigint {
    const o = this.readable(i, 8);
    return o < 0 ? 0n : this.raw.buf.readBigUInt64LE(o);
  }

  u32(i: number): number {
    const o = this.readable(i, 4);
    if (o < 0) return 0;
    const b = this.raw.buf;
    return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
  }

  i32(i: number): number {
    const o = this.readable(i, 4);
    if (o < 0) return 0;
    const b = this.raw.buf;
    return b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
  }

  u16(i: number): number {
    const o = this.readable(i, 2);
    if (o < 0) return 0;
    const b = this.raw.buf;
    return b[o]! | (b[o + 1]! << 8);
  }

  u8(i: number): number {
    const o = this.readable(i, 1);
    return o < 0 ? 0 : this.raw.buf[o]!;
  }

  /** The param bytes (a view, valid while the raw event is). */
  bytes(i: number): Buffer {
    if (i >= this.raw.nparams) return EMPTY;
    const o = this.raw.paramOffset(i);
    return this.raw.buf.subarray(o, o + this.raw.paramLen(i));
  }

  /**
   * C-string reading of a param: up to the first NUL, as latin1 bytes (no Buffer view made).
   * The scan for the NUL also hashes the bytes for the string cache.
   */
  str(i: number): string {
    if (i >= this.raw.nparams) return '';
    const b = this.raw.buf;
    const o = this.raw.paramOffset(i);
    const end = o + this.raw.paramLen(i);
    let z = o;
    let h = FNV_OFFSET;
    while (z < end) {
      const c = b[z]!;
      if (c === 0) break;
      h = Math.imul(h ^ c, FNV_PRIME);
      z++;
    }
    return z === o ? '' : cachedLatin1(b, o, z, h);
  }

  /** Index of the first param with this name in the table entry, or -1. */
  indexOf(name: string): number {
    const ps = this.info.params;
    for (let i = 0; i < this.nparams; i++) if (ps[i]!.name === name) return i;
    return -1;
  }
}

export class InspectedEvent extends ParamReader {
  /** evt.num: 1-based count of events the inspector consumed (libsinsp m_evtnum). */
  num = 0;
  tinfo: ThreadInfo | null = null;
  fdinfo: FdInfo | null = null;
  errorcode = 0;
  fdinfoNameChanged = false;
  /** The state machine decided this event must not reach the user. */
  filteredOut = false;
  /** Container events own a synthetic thread ("container:<id>") for their fields. */
  ownedThread: ThreadInfo | null = null;

  get tid(): number {
    return this.raw.tid;
  }
  get ts(): bigint {
    return this.raw.ts;
  }
  get cpu(): number {
    return this.raw.cpu;
  }
  get category(): number {
    return this.info.category;
  }
  get flags(): number {
    return this.info.flags;
  }
  isEnter(): boolean {
    return (this.raw.type & 1) === 0;
  }
}
