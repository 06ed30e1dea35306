/**
 * C-string helpers with libsinsp's notion of "printable": the C locale isprint (0x20..0x7e).
 * Bytes >= 0x80 count as invalid too, so UTF-8 file names lose their non-ASCII bytes where
 * libsinsp sanitizes (paths, fd names) and become '.' where it dots (byte buffers).
 */

export function isPrint(b: number): boolean {
  return b >= 0x20 && b <= 0x7e;
}

/** End (exclusive) of the NUL-terminated string at off, never past off + len. */
export function cstrEnd(buf: Uint8Array, off: number, len: number): number {
  const end = off + len;
  for (let i = off; i < end; i++) if (buf[i] === 0) return i;
  return end;
}

/** The bytes up to the first NUL (or len), decoded as UTF-8 like a terminal would show them. */
export function cstr(buf: Buffer, off: number, len: number): string {
  return buf.toString('utf8', off, cstrEnd(buf, off, len));
}

/** sanitize_string / strcpy_sanitized: drop every non-printable byte, stop at NUL. */
export function sanitized(buf: Buffer, off: number, len: number): string {
  const end = cstrEnd(buf, off, len);
  let out = '';
  for (let i = off; i < end; i++) if (isPrint(buf[i])) out += String.fromCharCode(buf[i]);
  return out;
}

/** sanitize_string applied to a JS string (fd names and cwd handed in by the inspector). */
export function sanitizeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) out += s[i];
  }
  return out;
}
