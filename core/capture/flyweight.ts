import type { RawEvent } from './event.js';
import { EVENT_HEADER_V1_LEN, EVENT_HEADER_V2_LEN, OLD_LEN_OVERSHOOT_TYPES } from './blocks.js';

const TWO32 = 4294967296;
const EMPTY = Buffer.alloc(0);
const EMPTY_DV = new DataView(EMPTY.buffer, EMPTY.byteOffset, 0);

/**
 * Why an event inside a well-framed block was rejected. The parser turns it into a warning and
 * moves on to the next block, since the block framing (length + trailer) is still trustworthy.
 */
export type EventShapeProblem = string;

/**
 * The reusable event view. `setV2`/`setV1` point it at bytes already in memory; nothing is copied
 * and param offsets are computed only if somebody asks for them.
 */
export class EventView implements RawEvent {
  buf: Buffer = EMPTY;
  /** A DataView over `buf`: unaligned little-endian loads compile to single instructions. */
  private dv: DataView = EMPTY_DV;
  start = 0;
  rawLen = 0;
  headerLen = EVENT_HEADER_V2_LEN;
  type = 0;
  tid = 0;
  tsLo = 0;
  tsHi = 0;
  cpu = 0;
  flags = 0;
  nparams = 0;
  largePayload = false;
  v1 = false;
  blockOffset = 0;
  blockType = 0;
  seq = 0;

  private tsCache: bigint | undefined;
  /** Storage of copyFrom(), kept across copies. */
  private owned: Buffer | null = null;
  private ownedDv: DataView | null = null;
  private ownedView: Buffer | null = null;
  /** Absolute data offsets of params, filled on first paramOffset() call for this event. */
  private offs = new Uint32Array(32);
  private offsFor = -1;
  /** Bumps on every reset so `offsFor` can tell whether `offs` belongs to this event. */
  private gen = 0;

  get ts(): bigint {
    if (this.tsCache === undefined) this.tsCache = (BigInt(this.tsHi) << 32n) | BigInt(this.tsLo);
    return this.tsCache;
  }

  get tsNum(): number {
    return this.tsHi * TWO32 + this.tsLo;
  }

  /**
   * Point the view at a V2 event (26-byte header with nparams) of at most `avail` bytes.
   * `largeTypes[type]` is 1 for types with u32 param lengths. Returns a problem description when
   * the event does not fit, else undefined.
   */
  setV2(buf: Buffer, dv: DataView, start: number, avail: number, largeTypes: Uint8Array): EventShapeProblem | undefined {
    if (avail < EVENT_HEADER_V2_LEN) return `event header needs ${EVENT_HEADER_V2_LEN} bytes, block holds ${avail}`;
    const len = dv.getUint32(start + 16, true);
    const type = dv.getUint16(start + 20, true);
    const nparams = dv.getUint32(start + 22, true);
    if (len < EVENT_HEADER_V2_LEN) return `event len ${len} is smaller than its header`;
    if (len > avail) return `event len ${len} exceeds the ${avail} bytes left in its block`;
    const isLarge = largeTypes[type] === 1;
    const lensOff = start + EVENT_HEADER_V2_LEN;
    let dataOff = EVENT_HEADER_V2_LEN + nparams * (isLarge ? 4 : 2);
    if (dataOff > len) return `nparams ${nparams} does not fit in event len ${len}`;
    // Same rule as libscap: each param must fit in what the event still has left.
    if (isLarge) {
      for (let i = 0; i < nparams; i++) {
        const pl = dv.getUint32(lensOff + 4 * i, true);
        if (pl > len - dataOff) return `param ${i} len ${pl} exceeds event len ${len}`;
        dataOff += pl;
      }
    } else {
      for (let i = 0; i < nparams; i++) {
        const pl = dv.getUint16(lensOff + 2 * i, true);
        if (pl > len - dataOff) return `param ${i} len ${pl} exceeds event len ${len}`;
        dataOff += pl;
      }
    }
    this.fill(buf, dv, start, len, EVENT_HEADER_V2_LEN, type, nparams, isLarge, false);
    return undefined;
  }

  /**
   * Point the view at a pre-V2 event (22-byte header, no nparams). nparams is derived from the
   * length: with n params the event ends at 22 + 2n + sum(len[0..n)), which grows strictly with
   * n, so at most one n matches `len` and no event table is needed to find it.
   */
  setV1(buf: Buffer, dv: DataView, start: number, avail: number): EventShapeProblem | undefined {
    if (avail < EVENT_HEADER_V1_LEN) return `event header needs ${EVENT_HEADER_V1_LEN} bytes, block holds ${avail}`;
    let len = dv.getUint32(start + 16, true);
    const type = dv.getUint16(start + 20, true);
    if (len < EVENT_HEADER_V1_LEN) return `event len ${len} is smaller than its header`;
    if (len > avail) return `event len ${len} exceeds the ${avail} bytes left in its block`;
    let n = deriveV1Params(dv, start, len);
    if (n < 0) {
      const overshoot = OLD_LEN_OVERSHOOT_TYPES.get(type);
      if (overshoot !== undefined && len - overshoot >= EVENT_HEADER_V1_LEN) {
        len -= overshoot;
        n = deriveV1Params(dv, start, len);
      }
    }
    if (n < 0) return `cannot derive nparams of a pre-V2 event (type ${type}, len ${len})`;
    this.fill(buf, dv, start, len, EVENT_HEADER_V1_LEN, type, n, false, true);
    return undefined;
  }

  private fill(buf: Buffer, dv: DataView, start: number, len: number, hdr: number, type: number, nparams: number, large: boolean, v1: boolean): void {
    // Consecutive events share their chunk: skipping the unchanged stores skips their write
    // barriers (a call per store when the chunk's objects are young).
    if (this.buf !== buf) this.buf = buf;
    if (this.dv !== dv) this.dv = dv;
    this.start = start;
    this.rawLen = len;
    this.headerLen = hdr;
    this.type = type;
    this.nparams = nparams;
    this.largePayload = large;
    this.v1 = v1;
    this.tsLo = dv.getUint32(start, true);
    this.tsHi = dv.getUint32(start + 4, true);
    this.tid = dv.getInt32(start + 12, true) * TWO32 + dv.getUint32(start + 8, true);
    this.tsCache = undefined;
    this.gen++;
  }

  paramLen(i: number): number {
    if (i >= this.nparams || i < 0) throw new RangeError(`param ${i} of an event with ${this.nparams}`);
    const p = this.start + this.headerLen;
    return this.largePayload ? this.dv.getUint32(p + 4 * i, true) : this.dv.getUint16(p + 2 * i, true);
  }

  paramOffset(i: number): number {
    if (i >= this.nparams || i < 0) throw new RangeError(`param ${i} of an event with ${this.nparams}`);
    // Param 0 starts right after the length array; the state machine reads it on nearly every
    // event (fd or result), usually alone.
    if (i === 0) return this.start + this.headerLen + this.nparams * (this.largePayload ? 4 : 2);
    if (this.offsFor !== this.gen) this.computeOffsets();
    return this.offs[i];
  }

  param(i: number): Buffer {
    const o = this.paramOffset(i);
    return this.buf.subarray(o, o + this.paramLen(i));
  }

  private computeOffsets(): void {
    const n = this.nparams;
    if (this.offs.length < n) this.offs = new Uint32Array(Math.max(n, this.offs.length * 2));
    const w = this.largePayload ? 4 : 2;
    const lensOff = this.start + this.headerLen;
    let o = lensOff + n * w;
    for (let i = 0; i < n; i++) {
      this.offs[i] = o;
      o += w === 4 ? this.dv.getUint32(lensOff + 4 * i, true) : this.dv.getUint16(lensOff + 2 * i, true);
    }
    this.offsFor = this.gen;
  }

  /**
   * Make this view a copy of `src` in storage it owns and reuses: the storage grows only when an
   * event is bigger than any before. For holders that keep one event at a time (a thread's stored
   * enter event), where `clone()` per event would be an allocation per event.
   */
  copyFrom(src: RawEvent): this {
    let own = this.owned;
    if (own === null || own.length < src.rawLen) {
      own = this.owned = Buffer.allocUnsafeSlow(Math.max(256, src.rawLen * 2));
      this.ownedDv = viewOf(own);
      this.ownedView = null;
    }
    const n = src.rawLen;
    const from = src.buf;
    const s = src.start;
    // Most stored events are small: a plain loop beats Buffer#copy's native call.
    if (n <= 512) for (let i = 0; i < n; i++) own[i] = from[s + i]!;
    else from.copy(own, 0, s, s + n);
    // `buf` ends where the event does, as a clone's would: readers that look past a short param
    // see the end of the event, not stale bytes of an earlier, longer one. The view is kept while
    // events of the same length follow (it is dropped when the storage grows; comparing
    // ArrayBuffers instead would cost a runtime call per copy).
    let view = this.ownedView;
    if (view === null || view.length !== n) view = this.ownedView = own.subarray(0, n);
    this.fill(view, this.ownedDv!, 0, n, src.headerLen, src.type, src.nparams, src.largePayload, src.v1);
    this.cpu = src.cpu;
    this.flags = src.flags;
    this.blockOffset = src.blockOffset;
    this.blockType = src.blockType;
    this.seq = src.seq;
    return this;
  }

  clone(): RawEvent {
    const copy = new EventView();
    const bytes = Buffer.from(this.buf.subarray(this.start, this.start + this.rawLen));
    copy.fill(bytes, viewOf(bytes), 0, this.rawLen, this.headerLen, this.type, this.nparams, this.largePayload, this.v1);
    copy.cpu = this.cpu;
    copy.flags = this.flags;
    copy.blockOffset = this.blockOffset;
    copy.blockType = this.blockType;
    copy.seq = this.seq;
    return copy;
  }
}

/** Returns the unique n with 22 + 2n + sum(len[0..n)) === len, or -1. */
function deriveV1Params(dv: DataView, start: number, len: number): number {
  const lensOff = start + EVENT_HEADER_V1_LEN;
  let end = EVENT_HEADER_V1_LEN; // where the event would end with n params
  for (let n = 0; ; n++) {
    if (end === len) return n;
    // Adding param n costs its 2-byte length slot plus its data; the slot itself must be in range.
    if (end + 2 > len) return -1;
    end += 2 + dv.getUint16(lensOff + 2 * n, true);
    if (end > len) return -1;
  }
}

export function viewOf(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
