/**
 * Text renderings shared by the CLI and the differential tests: the chisels' number formats
 * (common.lua's format_bytes and format_time_interval) and libsinsp's data-buffer renderings
 * (the default dotted text, -A's ASCII with line ends, -X's hex and ASCII rows).
 */

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;
const TB = GB * 1024;
const PB = TB * 1024;

/** common.lua format_bytes: thresholds are strict, two decimals, and bytes as an integer. */
export function formatBytes(val: number): string {
  if (val > PB) return `${(val / PB).toFixed(2)}P`;
  if (val > TB) return `${(val / TB).toFixed(2)}T`;
  if (val > GB) return `${(val / GB).toFixed(2)}G`;
  if (val > MB) return `${(val / MB).toFixed(2)}M`;
  if (val > KB) return `${(val / KB).toFixed(2)}KB`;
  return `${Math.trunc(val)}B`;
}

const S = 1_000_000_000;
const MS = 1_000_000;
const US = 1_000;

function two(n: number): string {
  return String(Math.trunc(n)).padStart(2, '0');
}

/** common.lua format_time_interval (values in nanoseconds). */
export function formatTimeInterval(val: number): string {
  if (val >= S) return `${Math.floor(val / S)}.${two((val % S) / 10_000_000)}s`;
  if (val >= S / 100) return `${Math.floor(val / MS)}ms`;
  if (val >= S / 1000) return `${Math.floor(val / MS)}.${two((val % MS) / 10_000)}ms`;
  if (val >= S / 100_000) return `${Math.floor(val / US)}us`;
  if (val >= S / 1_000_000) return `${Math.floor(val / US)}.${two((val % US) / 10)}us`;
  return `${Math.trunc(val)}ns`;
}

/**
 * csysdig's rendering of a RELTIME cell (libsinsp format_time): format_time_interval's rules
 * below a minute, then "M:S" (unpadded) and "HH:MM:SS".
 */
export function formatReltime(val: number): string {
  if (val >= 3600 * S) {
    const p = (x: number): string => String(Math.trunc(x)).padStart(2, '0');
    return `${p(val / (3600 * S))}:${p((val / (60 * S)) % 60)}:${p((val / S) % 60)}`;
  }
  if (val >= 60 * S) return `${Math.trunc(val / (60 * S))}:${Math.trunc((val / S) % 60)}`;
  return formatTimeInterval(val);
}

function isPrint(c: number): boolean {
  return c >= 0x20 && c <= 0x7e;
}

/** sysdig's default rendering of a data buffer: printable bytes as they are, the rest as '.'. */
export function bufferDots(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    s += isPrint(c) ? String.fromCharCode(c) : '.';
  }
  return s;
}

/**
 * sysdig -A: printable bytes only, CR becomes a line end, LF is kept unless it follows a CR.
 * Unlike sysdig, no leading newline: callers put the text on its own line themselves.
 */
export function bufferAscii(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (isPrint(c)) s += String.fromCharCode(c);
    else if (c === 0x0d) s += '\n';
    else if (c === 0x0a && i > 0 && b[i - 1] !== 0x0d) s += '\n';
  }
  return s;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/**
 * sysdig -X: rows of 16 bytes, an offset, the bytes in 16-bit groups, then the ASCII column.
 * With `ascii` false this is -x (no ASCII column). Rows are separated by newlines.
 */
export function bufferHex(b: Uint8Array, ascii = true): string {
  const rows: string[] = [];
  for (let j = 0; j < b.length; j += 16) {
    let row = `\t0x${j.toString(16).padStart(4, '0')}:`;
    let chunks = 0;
    for (let p = j; chunks < 8 && p < b.length; p += 2, chunks++) {
      row += p === b.length - 1 ? ` ${hex2(b[p]!)}` : ` ${hex2(b[p]!)}${hex2(b[p + 1]!)}`;
    }
    if (ascii) {
      row += ' '.repeat(5 * (8 - chunks)) + '  ';
      for (let p = j; p < j + 16 && p < b.length; p++) row += isPrint(b[p]!) ? String.fromCharCode(b[p]!) : '.';
    }
    rows.push(row);
  }
  return rows.join('\n');
}

/** Nanoseconds since the epoch as sysdig's evt.time with TZ=UTC: HH:MM:SS.nnnnnnnnn. */
export function formatClock(ns: bigint): string {
  const sec = ns / 1_000_000_000n;
  const frac = ns % 1_000_000_000n;
  const d = new Date(Number(sec) * 1000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${hh}:${mm}:${ss}.${frac.toString().padStart(9, '0')}`;
}

/** Nanoseconds since the epoch as an ISO 8601 UTC date with nanoseconds. */
export function formatIso(ns: bigint): string {
  const sec = ns / 1_000_000_000n;
  const frac = ns % 1_000_000_000n;
  const d = new Date(Number(sec) * 1000).toISOString().slice(0, 19);
  return `${d}.${frac.toString().padStart(9, '0')}Z`;
}

/** A view cell as text for terminals: bytes and durations humanized, times as ISO dates. */
export function formatCell(v: number | string | null, unit: 'bytes' | 'ns' | 'count' | 'text' | 'time' | 'id' | 'pct'): string {
  if (v === null) return '';
  if (typeof v === 'string') {
    if (unit === 'time' && /^\d+$/.test(v)) return formatIso(BigInt(v));
    return v;
  }
  switch (unit) {
    case 'bytes':
      return formatBytes(v);
    case 'ns':
      return formatTimeInterval(v);
    case 'time':
      return formatIso(BigInt(Math.round(v)));
    case 'pct':
      return `${v.toFixed(2)}%`;
    default:
      return Number.isInteger(v) ? String(v) : v.toFixed(2);
  }
}
