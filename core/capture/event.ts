/**
 * The event interface every consumer of the capture layer codes against.
 *
 * The reader hands out ONE object per parser and rewrites it for every event (a flyweight), so the
 * hot loop allocates nothing. Consequences for consumers:
 *  - A RawEvent is only valid until the next call that advances the reader. Keep `clone()`, not
 *    the event itself, if you need it later.
 *  - `buf` is the reader's own chunk buffer; never write to it.
 *
 * Parameters are NOT decoded here: the event-table layer (core/capture/events/) knows each
 * type's param names and types and reads them from `buf` at `paramOffset(i)` / `paramLen(i)`.
 */

/**
 * What the block layer needs to know about event types but cannot know by itself. Supplied by the
 * event-table layer; everything is optional and has a table-free default.
 */
export interface EventShape {
  /**
   * True when the type's parameter lengths are u32 instead of u16 (EF_LARGE_PAYLOAD in the driver
   * table). It depends on the event type only, in every block version. Default:
   * DEFAULT_LARGE_PAYLOAD_TYPES from blocks.ts.
   */
  largePayload?(type: number): boolean;
}

export interface RawEvent {
  /** ppm event type (PPME_*). Even = enter, odd = exit for syscalls. */
  readonly type: number;
  /** Thread id as a signed 64-bit value converted to number (real tids fit in 2^53; none is -1). */
  readonly tid: number;
  /** Timestamp in nanoseconds since the epoch. Computed on first access per event. */
  readonly ts: bigint;
  /**
   * The same timestamp as a double. Exact to ~256 ns at current epoch values: good for binning
   * and sorting, not for printing nanoseconds (use `ts` or tsHi/tsLo for that).
   */
  readonly tsNum: number;
  /** Exact low and high u32 halves of the timestamp, for writers of compact indexes. */
  readonly tsLo: number;
  readonly tsHi: number;
  /** CPU id from the block (u16). */
  readonly cpu: number;
  /** Flags from EVF* blocks (u32); 0 for blocks without flags. */
  readonly flags: number;
  /**
   * Number of parameters. For V2 blocks this is the header field; for pre-V2 blocks it is derived
   * from the event length (see README: the solution is unique, no table needed).
   */
  readonly nparams: number;
  /** True if param lengths are u32 (EF_LARGE_PAYLOAD type). */
  readonly largePayload: boolean;
  /** True if the event came from a pre-V2 block (22-byte header, no nparams on disk). */
  readonly v1: boolean;

  /** Backing bytes. Valid until the reader advances (or forever, for a clone). */
  readonly buf: Buffer;
  /** Offset of the event header (ts) in `buf`. */
  readonly start: number;
  /** Bytes of the event in `buf` as stored: header + length array + param data. */
  readonly rawLen: number;
  /** 22 for pre-V2 events, 26 for V2. */
  readonly headerLen: number;

  /** Length in bytes of parameter i (0 <= i < nparams). */
  paramLen(i: number): number;
  /** Absolute offset in `buf` of parameter i's data. */
  paramOffset(i: number): number;
  /** Parameter i's bytes as a view into `buf` (allocates a Buffer view; avoid in hot loops). */
  param(i: number): Buffer;

  /** Byte offset in the (decompressed) file of the block holding this event. */
  readonly blockOffset: number;
  /** Block type code the event came from (see blocks.ts). */
  readonly blockType: number;
  /** 1-based number of this event among all events the reader produced from the file. */
  readonly seq: number;

  /** A detached copy that owns its bytes and stays valid. */
  clone(): RawEvent;
}
