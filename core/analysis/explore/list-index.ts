/**
 * What the explorer needs from an event list's index, whatever holds it: the first pass's columns in
 * memory (a capture just opened), or a case database read a page at a time (a capture reopened from
 * a case, which must open at once and stay small whatever the capture's size).
 */
import type { IndexRow, StoredRow } from './event-index.js';

export type SeenColumn = 'proc' | 'type';

export interface ListIndex {
  /** Rows in the list (events `sysdig -r` prints). */
  readonly count: number;
  readonly firstTs: bigint | null;
  readonly lastTs: bigint | null;
  /** Rows [offset, offset + limit) of the unscoped list. */
  slice(offset: number, limit: number): IndexRow[];
  /** The rows of these event numbers (ascending), in order; numbers without a row are skipped. */
  byNums(nums: ArrayLike<number>, from: number, to: number): IndexRow[];
  /** Where an event sits in the unscoped list, or -1 when it has no row. */
  positionOf(num: number): number;
  /** Rows per bucket of the grid `start + k * width` (k < buckets) whose time is in [lo, hi]. */
  density(lo: bigint, hi: bigint, start: bigint, width: bigint, buckets: number): number[];
  /** Values of an indexed text column starting with `prefix`, sorted, at most `limit`. */
  seen(column: SeenColumn, prefix: string, limit: number): string[];
  /** Every row in list order, with what a case stores besides the list's columns. */
  stored(): Iterable<StoredRow>;
  /** Releases what the index holds open (a database connection). */
  close(): void;
}
