import { Cursor, cString } from './cursor.js';
import { OPT_COMMENT, OPT_ENDOFOPT } from './blocks.js';
import type { PcapngOption } from './metadata.js';

/**
 * pcapng-style options (code u16, length u16, value padded to 4 bytes, ended by code 0). editcap
 * writes them after the section header and after an event inside its block; libscap skips both.
 * Parsing is lenient: a malformed option list yields the options read so far.
 */
export function parseOptions(buf: Buffer, start: number, end: number): PcapngOption[] {
  const out: PcapngOption[] = [];
  const c = new Cursor(buf, start, end);
  while (c.left >= 4) {
    const code = c.u16();
    const len = c.u16();
    if (code === OPT_ENDOFOPT) break;
    if (len > c.left) break;
    // Copied: option values outlive the chunk they were read from (chunks are reused).
    out.push({ code, value: Buffer.from(c.bytes(len)) });
    c.pos = Math.min(end, c.pos + ((4 - (len & 3)) & 3));
  }
  return out;
}

export function commentsOf(options: readonly PcapngOption[]): string[] {
  return options.filter((o) => o.code === OPT_COMMENT).map((o) => cString(o.value));
}

/** Encode options (with the closing end-of-options) for the writer. */
export function encodeOptions(options: readonly PcapngOption[]): Buffer {
  if (options.length === 0) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  for (const o of options) {
    const h = Buffer.alloc(4);
    h.writeUInt16LE(o.code, 0);
    h.writeUInt16LE(o.value.length, 2);
    parts.push(h, o.value, Buffer.alloc((4 - (o.value.length & 3)) & 3));
  }
  parts.push(Buffer.alloc(4));
  return Buffer.concat(parts);
}
