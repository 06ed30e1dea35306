import { TracehoundError, type ErrorCode } from '../api/errors.js';
import {
  BLOCK_BY_CODE,
  BLOCK_HEADER_LEN,
  BLOCK_TRAILER_LEN,
  DEFAULT_LARGE_PAYLOAD_TYPES,
  MAX_SMALL_EVENT_BLOCK_BODY,
  SHB_MAGIC,
  SHB_MAGIC_SWAPPED,
  SUPPORTED_MAJOR_VERSION,
  BT,
  type BlockTypeInfo,
} from './blocks.js';
import { BlockFormatError } from './cursor.js';
import type { EventShape, RawEvent } from './event.js';
import { parseFdList } from './fdlist.js';
import { EventView, viewOf } from './flyweight.js';
import { parseIfList } from './iflist.js';
import { parseMachineInfo } from './machine.js';
import type {
  CaptureComment,
  FdInfo,
  GroupInfo,
  InterfaceInfo,
  MachineInfo,
  SectionHeader,
  ThreadInfo,
  UserInfo,
} from './metadata.js';
import { commentsOf, parseOptions } from './options.js';
import { parseProcList } from './proclist.js';
import { parseUserList } from './userlist.js';

/** A recoverable problem: reading went on (or stopped cleanly) and earlier events are kept. */
export interface CaptureWarning {
  code: ErrorCode;
  message: string;
  /** Byte offset in the (decompressed) capture where the problem was found. */
  offset: number;
}

/** Everything the capture says about the machine, in file order. */
export interface CaptureMetadata {
  /** First section header; later ones (concatenated captures) are in `sections`. */
  section?: SectionHeader;
  sections: SectionHeader[];
  machine?: MachineInfo;
  threads: ThreadInfo[];
  fds: FdInfo[];
  interfaces: InterfaceInfo[];
  users: UserInfo[];
  groups: GroupInfo[];
  comments: CaptureComment[];
}

/** One run of consecutive blocks of the same type, e.g. { name: 'FDL_V2', count: 218 }. */
export interface BlockRun {
  code: number;
  name: string;
  count: number;
  /** Offset of the first block of the run. */
  offset: number;
}

/** Optional per-block callbacks, called as blocks are decoded (after `meta` is updated). */
export interface MetadataSink {
  section?(h: SectionHeader): void;
  machine?(m: MachineInfo): void;
  threads?(list: ThreadInfo[], blockOffset: number): void;
  fds?(tid: number, list: FdInfo[], blockOffset: number): void;
  interfaces?(list: InterfaceInfo[], blockOffset: number): void;
  users?(users: UserInfo[], groups: GroupInfo[], blockOffset: number): void;
  comment?(c: CaptureComment): void;
  warning?(w: CaptureWarning): void;
}

export interface ParserOptions {
  shape?: EventShape;
  sink?: MetadataSink;
  /**
   * Upper bound for a LARGE event block or a metadata block. A length field above it is treated
   * as corruption, which bounds memory whatever the file says. Non-LARGE event blocks are bounded
   * by libscap's own 64 KiB rule.
   */
  maxBlockBytes?: number;
  /** Keep decoded metadata in `meta` (default true). Sinks are called either way. */
  collectMetadata?: boolean;
  /** Stop recording warnings after this many (a count is still kept). Default 1000. */
  maxWarnings?: number;
  /** Start parsing at this file offset (for reading a range from an index). Default 0. */
  startOffset?: number;
  /** When starting mid-file, skip the section-header check. */
  midStream?: boolean;
}

const DEFAULT_MAX_BLOCK = 128 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);
const EMPTY_DV = viewOf(EMPTY);
/** Unread tails up to this size are copied out of a chunk so the chunk can be reused. */
const CARRY_MAX = 1 << 17;
const MIN_BLOCK = BLOCK_HEADER_LEN + BLOCK_TRAILER_LEN;

/**
 * The synchronous core: feed it chunks of the (decompressed) file in order, pull events with
 * `next()`. It never copies a chunk except to stitch a block that straddles chunk boundaries, and
 * hands out one reused EventView.
 *
 * Policy on bad input, all reported as warnings with byte offsets:
 *  - a block whose length or trailer is wrong means the framing is lost: stop there (like libscap),
 *    keeping everything read before;
 *  - a well-framed block whose contents are bad (an event that does not fit, a malformed process
 *    list) is skipped and reading goes on;
 *  - an unknown block type is skipped;
 *  - a tail shorter than its block is CAPTURE_TRUNCATED.
 * Only a first block that is not a section header (CAPTURE_NOT_SCAP) or an unsupported major
 * version throws.
 */
export class CaptureParser {
  readonly meta: CaptureMetadata = {
    sections: [],
    threads: [],
    fds: [],
    interfaces: [],
    users: [],
    groups: [],
    comments: [],
  };
  readonly inventory: BlockRun[] = [];
  readonly warnings: CaptureWarning[] = [];
  warningCount = 0;
  /** Events handed out so far (the last event's seq). */
  eventCount = 0;
  /** Set once the parser has stopped for good (end of data or lost framing). */
  done = false;

  private readonly view = new EventView();
  /** largeTypes[type] === 1 when the type's param lengths are u32 (a table: one load per event). */
  private readonly largeTypes = new Uint8Array(65536);
  /** The last block type seen and its table row: consecutive blocks nearly always share a type. */
  private lastCode = -1;
  private lastInfo: BlockTypeInfo | undefined;
  private readonly sink: MetadataSink | undefined;
  private readonly maxBlock: number;
  private readonly collect: boolean;
  private readonly maxWarnings: number;

  /** Current chunk and read position in it. */
  private cur: Buffer = EMPTY;
  private curDv: DataView = viewOf(EMPTY);
  private pos = 0;
  /** Chunks fed but not yet current. */
  private queue = new ChunkQueue();
  private queued = 0;
  /** File offset of cur[pos]. */
  private offset: number;
  private ended = false;
  private sawSection: boolean;
  private scratch: Buffer = EMPTY;
  private scratchDv: DataView = viewOf(EMPTY);
  private carry: Buffer = EMPTY;

  constructor(opts: ParserOptions = {}) {
    const shape = opts.shape;
    if (shape?.largePayload) {
      for (let t = 0; t < 65536; t++) if (shape.largePayload(t)) this.largeTypes[t] = 1;
    } else {
      for (const t of DEFAULT_LARGE_PAYLOAD_TYPES) this.largeTypes[t] = 1;
    }
    this.sink = opts.sink;
    this.maxBlock = opts.maxBlockBytes ?? DEFAULT_MAX_BLOCK;
    this.collect = opts.collectMetadata ?? true;
    this.maxWarnings = opts.maxWarnings ?? 1000;
    this.offset = opts.startOffset ?? 0;
    this.sawSection = opts.midStream ?? false;
  }

  /** File offset of the next unread byte. */
  get position(): number {
    return this.offset;
  }

  feed(chunk: Buffer): void {
    if (this.ended) throw new Error('feed() after end()');
    // After a stop nothing more will be read: dropping input keeps memory flat.
    if (chunk.length === 0 || this.done) return;
    if (this.pos >= this.cur.length && this.queue.size === 0) {
      this.setCur(chunk, 0);
    } else {
      this.queue.push(chunk);
      this.queued += chunk.length;
    }
  }

  /** No more input will come: the next `next()` calls drain what is left and report a short tail. */
  end(): void {
    this.ended = true;
  }

  /** Bytes fed but not consumed. */
  get buffered(): number {
    return this.cur.length - this.pos + this.queued;
  }

  /**
   * The next event, or null when more input is needed (or, after end()/stop, when done). The
   * returned object is reused: it is valid only until the next call.
   */
  next(): RawEvent | null {
    for (;;) {
      if (this.done) return null;
      if (this.pos >= this.cur.length && this.queue.size > 0) {
        const c = this.queue.shift();
        this.queued -= c.length;
        this.setCur(c, 0);
      }
      const inCur = this.cur.length - this.pos;
      let type: number;
      let len: number;
      if (inCur >= BLOCK_HEADER_LEN) {
        type = this.curDv.getUint32(this.pos, true);
        len = this.curDv.getUint32(this.pos + 4, true);
      } else {
        if (inCur + this.queued < BLOCK_HEADER_LEN) {
          if (!this.ended) return this.release();
          return this.starve(inCur + this.queued);
        }
        const h = this.peek(BLOCK_HEADER_LEN);
        type = h.readUInt32LE(0);
        len = h.readUInt32LE(4);
      }
      const blockOffset = this.offset;
      if (type !== this.lastCode) {
        this.lastCode = type;
        this.lastInfo = BLOCK_BY_CODE.get(type);
      }
      const info = this.lastInfo;

      if (!this.sawSection) {
        if (type !== BT.SHB) {
          this.done = true;
          throw new TracehoundError('CAPTURE_NOT_SCAP', 'not a scap capture: the file does not start with a section header block', {
            position: blockOffset,
            hint: 'Open a .scap file written by sysdig, Falco or libscap (raw or gzip-compressed).',
          });
        }
      }

      if (len < MIN_BLOCK || len > this.limitFor(info)) {
        this.stop('CAPTURE_CORRUPT_BLOCK', `block at ${blockOffset} (type 0x${type.toString(16)}) has an impossible length ${len}`, blockOffset);
        if (!this.sawSection) this.throwNotScap(blockOffset);
        continue;
      }

      let b: Buffer;
      let dv: DataView;
      let s: number;
      if (inCur >= len) {
        b = this.cur;
        dv = this.curDv;
        s = this.pos;
        this.pos += len;
      } else if (inCur + this.queued >= len) {
        b = this.take(len);
        dv = b === this.scratch ? this.scratchDv : viewOf(b);
        s = 0;
      } else {
        if (!this.ended) return this.release();
        this.stop('CAPTURE_TRUNCATED', `capture ends inside a ${info?.name ?? 'block'} at ${blockOffset}: it needs ${len} bytes, ${inCur + this.queued} remain`, blockOffset);
        if (!this.sawSection) this.throwTruncatedHeader(blockOffset);
        continue;
      }
      this.offset += len;

      if (dv.getUint32(s + len - BLOCK_TRAILER_LEN, true) !== len) {
        this.stop('CAPTURE_CORRUPT_BLOCK', `block at ${blockOffset}: trailer does not repeat the length ${len}`, blockOffset);
        if (!this.sawSection) this.throwNotScap(blockOffset);
        continue;
      }

      this.count(type, info, blockOffset);

      if (info !== undefined && info.kind === 'event') {
        const ev = this.event(b, dv, s, len, info, blockOffset);
        if (ev) return ev;
        continue;
      }
      this.metadata(b, s, len, type, info, blockOffset);
    }
  }

  /** Drain the rest of the input, counting events; metadata and warnings are still recorded. */
  skipAll(): number {
    let n = 0;
    while (this.next()) n++;
    return n;
  }

  private limitFor(info: BlockTypeInfo | undefined): number {
    if (info && info.kind === 'event' && !info.large) return BLOCK_HEADER_LEN + MAX_SMALL_EVENT_BLOCK_BODY;
    return this.maxBlock;
  }

  private starve(have: number): null {
    if (this.ended) {
      const startsLikeShb = have >= 4 && this.peek(4).readUInt32LE(0) === BT.SHB;
      if (have > 0) {
        this.stop('CAPTURE_TRUNCATED', `capture ends with ${have} stray bytes at ${this.offset}`, this.offset);
      } else {
        this.done = true;
      }
      if (!this.sawSection) {
        if (startsLikeShb) this.throwTruncatedHeader(this.offset);
        throw new TracehoundError('CAPTURE_NOT_SCAP', have === 0 && this.offset === 0 ? 'the file is empty' : 'not a scap capture: too short for a section header', {
          position: this.offset,
        });
      }
    }
    return null;
  }

  private throwNotScap(at: number): never {
    throw new TracehoundError('CAPTURE_NOT_SCAP', 'not a scap capture: no valid section header block', { position: at });
  }

  /** It starts like a capture but ends before its section header does: nothing can be kept. */
  private throwTruncatedHeader(at: number): never {
    throw new TracehoundError('CAPTURE_TRUNCATED', 'the capture ends inside its section header; it holds no events', { position: at });
  }

  private event(b: Buffer, dv: DataView, s: number, len: number, info: BlockTypeInfo, blockOffset: number): RawEvent | null {
    const bodyStart = s + BLOCK_HEADER_LEN;
    const bodyEnd = s + len - BLOCK_TRAILER_LEN;
    const prefix = info.hasFlags ? 6 : 2;
    if (bodyEnd - bodyStart < prefix) {
      this.addWarning('CAPTURE_CORRUPT_BLOCK', `event block at ${blockOffset} is too short`, blockOffset);
      return null;
    }
    const v = this.view;
    const evStart = bodyStart + prefix;
    const problem = info.v2Header ? v.setV2(b, dv, evStart, bodyEnd - evStart, this.largeTypes) : v.setV1(b, dv, evStart, bodyEnd - evStart);
    if (problem !== undefined) {
      this.addWarning('CAPTURE_CORRUPT_BLOCK', `event at ${blockOffset}: ${problem}; event skipped`, blockOffset);
      return null;
    }
    v.cpu = dv.getUint16(bodyStart, true);
    v.flags = info.hasFlags ? dv.getUint32(bodyStart + 2, true) : 0;
    v.blockOffset = blockOffset;
    v.blockType = info.code;
    v.seq = ++this.eventCount;
    // editcap appends pcapng options after the (4-byte aligned) event; plain padding is < 4 bytes.
    const diskLen = info.v2Header ? v.rawLen : dv.getUint32(evStart + 16, true);
    const optStart = bodyStart + ((prefix + diskLen + 3) & ~3);
    if (bodyEnd - optStart >= 4) this.eventOptions(b, optStart, bodyEnd, blockOffset, v.seq);
    return v;
  }

  private eventOptions(b: Buffer, start: number, end: number, blockOffset: number, seq: number): void {
    for (const text of commentsOf(parseOptions(b, start, end))) {
      const c: CaptureComment = { blockOffset, seq, text };
      if (this.collect) this.meta.comments.push(c);
      this.sink?.comment?.(c);
    }
  }

  private metadata(b: Buffer, s: number, len: number, type: number, info: BlockTypeInfo | undefined, blockOffset: number): void {
    const bodyStart = s + BLOCK_HEADER_LEN;
    const bodyEnd = s + len - BLOCK_TRAILER_LEN;
    if (info === undefined) {
      this.addWarning('CAPTURE_UNKNOWN_BLOCK', `unknown block type 0x${type.toString(16)} (${len} bytes) at ${blockOffset} skipped`, blockOffset);
      return;
    }
    try {
      switch (info.kind) {
        case 'section':
          this.section(b, bodyStart, bodyEnd, blockOffset);
          break;
        case 'machine': {
          const m = parseMachineInfo(b, bodyStart, bodyEnd);
          if (this.collect) this.meta.machine = m;
          this.sink?.machine?.(m);
          break;
        }
        case 'proclist': {
          const list = parseProcList(b, bodyStart, bodyEnd, info.version);
          if (this.collect) for (const t of list) this.meta.threads.push(t);
          this.sink?.threads?.(list, blockOffset);
          break;
        }
        case 'fdlist': {
          const { tid, fds } = parseFdList(b, bodyStart, bodyEnd, info.version);
          if (this.collect) for (const f of fds) this.meta.fds.push(f);
          this.sink?.fds?.(tid, fds, blockOffset);
          break;
        }
        case 'iflist': {
          const list = parseIfList(b, bodyStart, bodyEnd, info.version);
          // A later interface list replaces the earlier one, as in libscap.
          if (this.collect) this.meta.interfaces = list;
          this.sink?.interfaces?.(list, blockOffset);
          break;
        }
        case 'userlist': {
          const { users, groups } = parseUserList(b, bodyStart, bodyEnd, info.version);
          if (this.collect) {
            this.meta.users = users;
            this.meta.groups = groups;
          }
          this.sink?.users?.(users, groups, blockOffset);
          break;
        }
        case 'pcapng':
          this.pcapngBlock(b, bodyStart, bodyEnd, info, blockOffset);
          break;
        case 'event':
          break;
      }
    } catch (e) {
      if (e instanceof BlockFormatError) {
        this.addWarning('CAPTURE_CORRUPT_BLOCK', `${info.name} block at ${blockOffset} is malformed (${e.message}); block skipped`, blockOffset);
        return;
      }
      throw e;
    }
  }

  /** NRB: name records (u16 type, u16 length, padded value) up to an end record, then options. */
  private pcapngBlock(b: Buffer, start: number, end: number, info: BlockTypeInfo, blockOffset: number): void {
    if (info.name !== 'NRB') return;
    let p = start;
    while (p + 4 <= end) {
      const type = b.readUInt16LE(p);
      const len = b.readUInt16LE(p + 2);
      p += 4 + ((len + 3) & ~3);
      if (type === 0) break;
    }
    if (p > end) return;
    for (const text of commentsOf(parseOptions(b, p, end))) {
      const c: CaptureComment = { blockOffset, text };
      if (this.collect) this.meta.comments.push(c);
      this.sink?.comment?.(c);
    }
  }

  private section(b: Buffer, start: number, end: number, blockOffset: number): void {
    if (end - start < 16) {
      this.done = true;
      throw new TracehoundError('CAPTURE_NOT_SCAP', `section header at ${blockOffset} is too short`, { position: blockOffset });
    }
    const magic = b.readUInt32LE(start);
    if (magic !== SHB_MAGIC) {
      this.done = true;
      if (magic === SHB_MAGIC_SWAPPED) {
        throw new TracehoundError('CAPTURE_UNSUPPORTED_VERSION', 'big-endian captures are not supported', { position: blockOffset });
      }
      throw new TracehoundError('CAPTURE_NOT_SCAP', `not a scap capture: bad byte-order magic 0x${magic.toString(16)}`, { position: blockOffset });
    }
    const major = b.readUInt16LE(start + 4);
    const minor = b.readUInt16LE(start + 6);
    if (major > SUPPORTED_MAJOR_VERSION) {
      this.done = true;
      throw new TracehoundError('CAPTURE_UNSUPPORTED_VERSION', `capture format ${major}.${minor} is newer than this reader (${SUPPORTED_MAJOR_VERSION}.x)`, {
        position: blockOffset,
      });
    }
    const options = parseOptions(b, start + 16, end);
    const h: SectionHeader = {
      major,
      minor,
      sectionLength: b.readBigInt64LE(start + 8),
      options,
      comments: commentsOf(options),
      blockOffset,
    };
    this.sawSection = true;
    if (this.collect) {
      this.meta.sections.push(h);
      this.meta.section ??= h;
      for (const text of h.comments) this.meta.comments.push({ blockOffset, text });
    }
    this.sink?.section?.(h);
  }

  private count(code: number, info: BlockTypeInfo | undefined, offset: number): void {
    const last = this.inventory[this.inventory.length - 1];
    if (last !== undefined && last.code === code) last.count++;
    else this.inventory.push({ code, name: info?.name ?? `0x${code.toString(16)}`, count: 1, offset });
  }

  /** Record a warning (also used by the file driver for problems below the parser, e.g. gzip). */
  addWarning(code: ErrorCode, message: string, offset: number): void {
    this.warningCount++;
    const w: CaptureWarning = { code, message, offset };
    if (this.warnings.length < this.maxWarnings) this.warnings.push(w);
    this.sink?.warning?.(w);
  }

  private stop(code: ErrorCode, message: string, offset: number): void {
    this.addWarning(code, message, offset);
    this.done = true;
    this.setCur(EMPTY, 0);
    this.queue = new ChunkQueue();
    this.queued = 0;
  }

  private setCur(b: Buffer, pos: number): void {
    this.cur = b;
    this.curDv = b.length === 0 ? EMPTY_DV : viewOf(b);
    this.pos = pos;
  }

  /**
   * Called when the parser needs more input: let go of the fed chunks, copying a short unread
   * tail, so the caller may refill the same buffer (see `holds`). A long partial block keeps its
   * chunks referenced rather than being copied again on every feed.
   */
  private release(): null {
    if (this.queue.size === 0) {
      const rest = this.cur.length - this.pos;
      if (rest === 0) this.setCur(EMPTY, 0);
      else if (rest <= CARRY_MAX && this.cur.buffer !== this.carry.buffer) {
        if (this.carry.length < rest) this.carry = Buffer.allocUnsafe(CARRY_MAX);
        this.cur.copy(this.carry, 0, this.pos);
        this.cur = this.carry.subarray(0, rest);
        this.curDv = viewOf(this.cur);
        this.pos = 0;
      }
    }
    return null;
  }

  /** True while the parser still references memory of `b` (then `b` must not be refilled). */
  holds(b: Buffer): boolean {
    if (this.cur.length > this.pos && this.cur.buffer === b.buffer) return true;
    for (let i = 0; i < this.queue.size; i++) if (this.queue.at(i).buffer === b.buffer) return true;
    return false;
  }

  /** Copy the next n bytes (spanning chunks) without consuming them. */
  private peek(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    let got = this.cur.copy(out, 0, this.pos, Math.min(this.cur.length, this.pos + n));
    for (let i = 0; got < n && i < this.queue.size; i++) {
      const c = this.queue.at(i);
      got += c.copy(out, got, 0, Math.min(c.length, n - got));
    }
    return out;
  }

  /** Consume the next n bytes spanning chunks into one contiguous buffer. */
  private take(n: number): Buffer {
    // Small blocks reuse one scratch buffer (events are valid only until the next call anyway);
    // big ones get their own so the scratch never grows past a typical event.
    let out: Buffer;
    if (n <= 1 << 17) {
      if (this.scratch.length < n) {
        this.scratch = Buffer.allocUnsafe(1 << 17);
        this.scratchDv = viewOf(this.scratch);
      }
      out = this.scratch;
    } else {
      out = Buffer.allocUnsafe(n);
    }
    let got = this.cur.copy(out, 0, this.pos);
    while (got < n) {
      const c = this.queue.shift();
      this.queued -= c.length;
      const want = n - got;
      if (c.length <= want) {
        c.copy(out, got);
        got += c.length;
        this.setCur(EMPTY, 0);
      } else {
        c.copy(out, got, 0, want);
        got += want;
        this.setCur(c, want);
      }
    }
    return out;
  }
}

/** FIFO of chunks with O(1) shift: a block fed in many tiny chunks must not go quadratic. */
class ChunkQueue {
  private items: Buffer[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(b: Buffer): void {
    this.items.push(b);
  }

  at(i: number): Buffer {
    return this.items[this.head + i];
  }

  shift(): Buffer {
    const b = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return b;
  }
}
