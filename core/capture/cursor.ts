/**
 * Bounds-checked little-endian reader over one block's body. Metadata blocks come from untrusted
 * files, so every read checks its end and an overrun becomes a BlockFormatError the parser turns
 * into a CAPTURE_CORRUPT_BLOCK warning, instead of a RangeError or garbage.
 */
export class BlockFormatError extends Error {
  constructor(message: string, readonly at: number) {
    super(message);
    this.name = 'BlockFormatError';
  }
}

const TWO32 = 4294967296;

export class Cursor {
  constructor(
    readonly buf: Buffer,
    public pos: number,
    public end: number,
  ) {}

  get left(): number {
    return this.end - this.pos;
  }

  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.end) {
      throw new BlockFormatError(`${what}: needs ${n} bytes, ${this.end - this.pos} left`, this.pos);
    }
  }

  u8(what = 'u8'): number {
    this.need(1, what);
    return this.buf[this.pos++];
  }

  u16(what = 'u16'): number {
    this.need(2, what);
    const v = this.buf.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }

  u32(what = 'u32'): number {
    this.need(4, what);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  /** Signed 64-bit as number: exact for pids, tids, fds, sizes (all far below 2^53). */
  i64(what = 'i64'): number {
    this.need(8, what);
    const lo = this.buf.readUInt32LE(this.pos);
    const hi = this.buf.readInt32LE(this.pos + 4);
    this.pos += 8;
    return hi * TWO32 + lo;
  }

  /** Unsigned 64-bit as number (counters, limits); loses precision above 2^53 only. */
  u64n(what = 'u64'): number {
    this.need(8, what);
    const lo = this.buf.readUInt32LE(this.pos);
    const hi = this.buf.readUInt32LE(this.pos + 4);
    this.pos += 8;
    return hi * TWO32 + lo;
  }

  /** Unsigned 64-bit exact (timestamps, capabilities, inode numbers). */
  u64(what = 'u64'): bigint {
    this.need(8, what);
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return v;
  }

  bytes(n: number, what = 'bytes'): Buffer {
    this.need(n, what);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /** u16 length then bytes; a trailing NUL, which some writers include, is dropped. */
  str16(what: string, max = 65535): string {
    const n = this.u16(`${what} length`);
    if (n > max) throw new BlockFormatError(`${what}: length ${n} exceeds ${max}`, this.pos - 2);
    return cString(this.bytes(n, what));
  }

  /** u16 length then a NUL-separated list (args, env, cgroups). */
  list16(what: string, max = 65535): string[] {
    const n = this.u16(`${what} length`);
    if (n > max) throw new BlockFormatError(`${what}: length ${n} exceeds ${max}`, this.pos - 2);
    return splitNul(this.bytes(n, what));
  }

  skip(n: number, what = 'skip'): void {
    this.need(n, what);
    this.pos += n;
  }
}

export function cString(b: Buffer): string {
  let n = b.length;
  const z = b.indexOf(0);
  if (z >= 0) n = z;
  return b.toString('utf8', 0, n);
}

export function splitNul(b: Buffer): string[] {
  const out: string[] = [];
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0) {
      out.push(b.toString('utf8', s, i));
      s = i + 1;
    }
  }
  if (s < b.length) out.push(b.toString('utf8', s));
  return out;
}
