/**
 * Block type codes of the libscap savefile format (a pcapng-like container), as a table.
 *
 * Every block is `u32 type, u32 total_length, body (padded to 4 bytes), u32 total_length`, little
 * endian. The `*_INT` codes are the numbers used before the first libscap release; libscap still
 * accepts them, so we do too.
 */

export type BlockKind = 'section' | 'machine' | 'proclist' | 'fdlist' | 'iflist' | 'userlist' | 'event' | 'pcapng';

export interface BlockTypeInfo {
  readonly code: number;
  /** The libscap macro name, used in inventories and warnings. */
  readonly name: string;
  readonly kind: BlockKind;
  /** Block layout version within its kind (proc lists 1..9, the rest 1..2). */
  readonly version: number;
  /** Event blocks: a u32 of flags follows the cpu id. */
  readonly hasFlags?: boolean;
  /** Event blocks: the event header carries u32 nparams (26-byte header instead of 22). */
  readonly v2Header?: boolean;
  /** Event blocks: may exceed 64 KiB. */
  readonly large?: boolean;
}

export const BLOCK_TYPES: readonly BlockTypeInfo[] = [
  { code: 0x0a0d0d0a, name: 'SHB', kind: 'section', version: 1 },
  { code: 0x201, name: 'MI', kind: 'machine', version: 1 },
  { code: 0x8002abcd, name: 'MI_INT', kind: 'machine', version: 1 },

  { code: 0x202, name: 'PL_V1', kind: 'proclist', version: 1 },
  { code: 0x8000abcd, name: 'PL_V1_INT', kind: 'proclist', version: 1 },
  { code: 0x207, name: 'PL_V2', kind: 'proclist', version: 2 },
  { code: 0x8013abcd, name: 'PL_V2_INT', kind: 'proclist', version: 2 },
  { code: 0x209, name: 'PL_V3', kind: 'proclist', version: 3 },
  { code: 0x8014abcd, name: 'PL_V3_INT', kind: 'proclist', version: 3 },
  { code: 0x210, name: 'PL_V4', kind: 'proclist', version: 4 },
  { code: 0x211, name: 'PL_V5', kind: 'proclist', version: 5 },
  { code: 0x212, name: 'PL_V6', kind: 'proclist', version: 6 },
  { code: 0x213, name: 'PL_V7', kind: 'proclist', version: 7 },
  { code: 0x214, name: 'PL_V8', kind: 'proclist', version: 8 },
  { code: 0x215, name: 'PL_V9', kind: 'proclist', version: 9 },

  { code: 0x203, name: 'FDL', kind: 'fdlist', version: 1 },
  { code: 0x8001abcd, name: 'FDL_INT', kind: 'fdlist', version: 1 },
  { code: 0x218, name: 'FDL_V2', kind: 'fdlist', version: 2 },

  { code: 0x205, name: 'IL', kind: 'iflist', version: 1 },
  { code: 0x8011abcd, name: 'IL_INT', kind: 'iflist', version: 1 },
  { code: 0x219, name: 'IL_V2', kind: 'iflist', version: 2 },

  { code: 0x206, name: 'UL', kind: 'userlist', version: 1 },
  { code: 0x8012abcd, name: 'UL_INT', kind: 'userlist', version: 1 },
  { code: 0x220, name: 'UL_V2', kind: 'userlist', version: 2 },

  { code: 0x204, name: 'EV', kind: 'event', version: 1 },
  { code: 0x8010abcd, name: 'EV_INT', kind: 'event', version: 1 },
  { code: 0x208, name: 'EVF', kind: 'event', version: 1, hasFlags: true },
  { code: 0x216, name: 'EV_V2', kind: 'event', version: 2, v2Header: true },
  { code: 0x217, name: 'EVF_V2', kind: 'event', version: 2, v2Header: true, hasFlags: true },
  { code: 0x221, name: 'EV_V2_LARGE', kind: 'event', version: 2, v2Header: true, large: true },
  { code: 0x222, name: 'EVF_V2_LARGE', kind: 'event', version: 2, v2Header: true, hasFlags: true, large: true },

  // pcapng blocks that pcapng tools (editcap, mergecap) may add; libscap skips them as unknown.
  // We read their comment options and otherwise skip them without a warning.
  { code: 0x00000004, name: 'NRB', kind: 'pcapng', version: 1 },
  { code: 0x00000bad, name: 'CUSTOM', kind: 'pcapng', version: 1 },
  { code: 0x40000bad, name: 'CUSTOM_NOCOPY', kind: 'pcapng', version: 1 },
];

export const BLOCK_BY_CODE: ReadonlyMap<number, BlockTypeInfo> = new Map(BLOCK_TYPES.map((b) => [b.code, b]));

/** The codes the writer emits. */
export const BT = {
  SHB: 0x0a0d0d0a,
  MI: 0x201,
  PL_V9: 0x215,
  FDL_V2: 0x218,
  IL_V2: 0x219,
  UL_V2: 0x220,
  EV_V2: 0x216,
  EVF_V2: 0x217,
  EV_V2_LARGE: 0x221,
  EVF_V2_LARGE: 0x222,
} as const;

/** Section header byte-order magic; the byte-swapped value means a big-endian writer. */
export const SHB_MAGIC = 0x1a2b3c4d;
export const SHB_MAGIC_SWAPPED = 0x4d3c2b1a;
export const SUPPORTED_MAJOR_VERSION = 1;

/** Block header (type + total length) and trailer (total length) sizes. */
export const BLOCK_HEADER_LEN = 8;
export const BLOCK_TRAILER_LEN = 4;

/** ts u64, tid u64, len u32, type u16 — the pre-V2 event header. */
export const EVENT_HEADER_V1_LEN = 22;
/** ...plus nparams u32. */
export const EVENT_HEADER_V2_LEN = 26;

/**
 * libscap reads non-LARGE event blocks into a 64 KiB buffer and rejects anything bigger (block
 * length minus the 8-byte header must fit), so a bigger non-LARGE block is corrupt by definition.
 */
export const MAX_SMALL_EVENT_BLOCK_BODY = 65536;

/**
 * Event types whose parameter lengths are u32 rather than u16 (EF_LARGE_PAYLOAD in the driver's
 * event table: pluginevent, container json v2, asyncevent). This depends on the event type, not on
 * the block type. The event-table layer may supply its own predicate; this is the default.
 */
export const DEFAULT_LARGE_PAYLOAD_TYPES: ReadonlySet<number> = new Set([322, 324, 402]);

/**
 * Old (pre-V2) captures wrote the notification (280) and infrastructure (286) events with a `len`
 * 3 bytes too large; libscap subtracts 3 before deriving nparams, and so do we.
 */
export const OLD_LEN_OVERSHOOT_TYPES: ReadonlyMap<number, number> = new Map([
  [280, 3],
  [286, 3],
]);

/** pcapng option codes editcap writes into SHB and event blocks. */
export const OPT_ENDOFOPT = 0;
export const OPT_COMMENT = 1;
