/**
 * PT_BYTEBUF text in each of sysdig's buffer modes (default, -A, -x, -X, -b), byte for byte as
 * libsinsp's binary_buffer_to_* produce it, plus the 80-character cut of the default CLI output.
 */
import { isPrint } from './cstr.js';

/**
 * normal: non-printable bytes become '.' (the default; also what JSON output uses).
 * ascii (-A): printable bytes kept, '\r' becomes a newline, '\n' kept unless it follows '\r' (or
 *   is the first byte), everything else dropped; the text starts with a newline.
 * ascii-compact: the same without the leading newline.
 * hex (-x) / hexascii (-X): one row per 16 bytes, "\n\t0x%04x:" then big-endian 16-bit groups,
 *   hexascii padded and followed by the dotted ASCII; a final newline.
 * base64 (-b): standard alphabet with '=' padding.
 */
export type BufferFormat = 'normal' | 'ascii' | 'ascii-compact' | 'hex' | 'hexascii' | 'base64';

export function dots(buf: Uint8Array, off: number, len: number): string {
  let out = '';
  for (let i = off; i < off + len; i++) out += isPrint(buf[i]) ? String.fromCharCode(buf[i]) : '.';
  return out;
}

function asciiOnly(buf: Uint8Array, off: number, len: number, compact: boolean): string {
  let out = compact ? '' : '\n';
  for (let j = 0; j < len; j++) {
    const c = buf[off + j];
    if (isPrint(c)) out += String.fromCharCode(c);
    else if (c === 0x0d) out += '\n';
    else if (c === 0x0a && j > 0 && buf[off + j - 1] !== 0x0d) out += '\n';
  }
  return out;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

function hexRows(buf: Uint8Array, off: number, len: number, withAscii: boolean): string {
  let out = '';
  for (let j = 0; j < len; j += 16) {
    let row = `\n\t0x${j.toString(16).padStart(4, '0')}:`;
    let chunks = 0;
    let p = j;
    while (chunks < 8 && p < len) {
      // The last byte of an odd-length buffer is printed alone as two digits.
      row += p === len - 1 ? ` ${hex2(buf[off + p])}` : ` ${hex2(buf[off + p])}${hex2(buf[off + p + 1])}`;
      chunks++;
      p += 2;
    }
    if (withAscii) {
      row += '     '.repeat(8 - chunks) + '  ';
      for (let k = j; k < j + 16 && k < len; k++) row += isPrint(buf[off + k]) ? String.fromCharCode(buf[off + k]) : '.';
    }
    out += row;
  }
  return out + '\n';
}

export function renderByteBuffer(buf: Uint8Array, off: number, len: number, format: BufferFormat = 'normal'): string {
  if (len === 0) return '';
  switch (format) {
    case 'hex':
      return hexRows(buf, off, len, false);
    case 'hexascii':
      return hexRows(buf, off, len, true);
    case 'base64':
      return Buffer.from(buf.buffer, buf.byteOffset + off, len).toString('base64');
    case 'ascii':
      return asciiOnly(buf, off, len, false);
    case 'ascii-compact':
      return asciiOnly(buf, off, len, true);
    default:
      return dots(buf, off, len);
  }
}

/**
 * The CLI's cut (sysdig without -v sets a max event output length of 80): only in normal mode,
 * only when longer than the limit; the last three kept characters become "...".
 */
export function truncateBufferText(text: string, maxLen: number, format: BufferFormat = 'normal'): string {
  if (maxLen === 0 || format !== 'normal' || text.length <= maxLen) return text;
  if (maxLen > 3) return text.slice(0, maxLen - 3) + '...';
  return text.slice(0, maxLen);
}
