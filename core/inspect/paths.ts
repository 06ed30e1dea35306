/**
 * Path joining and string sanitising as libsinsp does it (sinsp_utils::concatenate_paths and
 * sanitize_string). Strings are byte strings (latin1), so every byte survives unchanged.
 */
import { SCAP_MAX_PATH_SIZE } from './constants.js';

/** libsinsp's g_invalidchar: anything that is not printable ASCII. */
export function isInvalidChar(c: number): boolean {
  return c < 0x20 || c >= 0x7f;
}

/** sanitize_string(): drop every non-printable byte. */
export function sanitize(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (isInvalidChar(s.charCodeAt(i))) {
      let out = s.slice(0, i);
      for (let j = i + 1; j < s.length; j++) if (!isInvalidChar(s.charCodeAt(j))) out += s[j];
      return out;
    }
  }
  return s;
}

function cstr(p: Buffer | string): string {
  if (typeof p === 'string') {
    const z = p.indexOf('\0');
    return z < 0 ? p : p.slice(0, z);
  }
  const z = p.indexOf(0);
  return p.toString('latin1', 0, z < 0 ? p.length : z);
}

/**
 * copy_and_sanitize_path(): resolves "./" and "../", squeezes repeated separators, replaces
 * non-printable bytes with '.', and drops one trailing separator. `base` is the prefix it may not
 * rewind past.
 */
export function copyAndSanitize(base: string, path: string, fast = true): string {
  if (fast && isCanonical(base, path)) return base + path;
  const t: number[] = [];
  for (let i = 0; i < base.length; i++) t.push(base.charCodeAt(i));
  const targetBase = 0;
  let tc = t.length;
  let pc = 0;
  const at = (i: number): number => (i < path.length ? path.charCodeAt(i) : 0);
  const SEP = 0x2f;
  const DOT = 0x2e;
  const rewind = (delta: number): void => {
    if (tc <= targetBase + 1) {
      pc += delta;
      return;
    }
    tc--;
    while (t[tc - 1] !== SEP && tc >= targetBase + 1) tc--;
    pc += delta;
  };
  for (;;) {
    const c = at(pc);
    if (c === 0) {
      t.length = tc;
      if (tc > targetBase + 1 && t[tc - 1] === SEP) t.length = tc - 1;
      return String.fromCharCode(...t);
    }
    if (isInvalidChar(c)) {
      t[tc++] = DOT;
      pc++;
    } else if (c === DOT && at(pc + 1) === DOT && at(pc + 2) === SEP) {
      rewind(3);
    } else if (c === DOT && at(pc + 1) === DOT) {
      if (at(pc + 2) === 0) rewind(2);
      else {
        t[tc++] = DOT;
        t[tc++] = DOT;
        pc += 2;
      }
    } else if (c === DOT && at(pc + 1) === SEP) {
      pc += 2;
    } else if (c === DOT) {
      if (at(pc + 1) === 0) pc++;
      else {
        t[tc++] = c;
        pc++;
      }
    } else if (c === SEP) {
      if (tc > targetBase && t[tc - 1] === SEP) pc++;
      else {
        t[tc++] = c;
        pc++;
      }
    } else {
      t[tc++] = c;
      pc++;
    }
  }
}

/**
 * True when copyAndSanitize(base, path) would return base + path unchanged, the common case
 * (an absolute, clean path): then no code-unit array is built. Mirrors each branch below: a
 * '.' only passes when it starts a plain name ('.x', '..x'), a '/' only when the output does not
 * already end with one, and the result may not end with a '/' that the last step would drop.
 */
function isCanonical(base: string, path: string): boolean {
  const n = path.length;
  let prev = base.length === 0 ? 0 : base.charCodeAt(base.length - 1);
  for (let i = 0; i < n; i++) {
    const c = path.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f) return false;
    if (c === 0x2e) {
      const c1 = i + 1 < n ? path.charCodeAt(i + 1) : 0;
      if (c1 === 0 || c1 === 0x2f) return false;
      if (c1 === 0x2e) {
        const c2 = i + 2 < n ? path.charCodeAt(i + 2) : 0;
        if (c2 === 0 || c2 === 0x2f) return false;
        i++;
      }
    } else if (c === 0x2f && prev === 0x2f) {
      return false;
    }
    prev = path.charCodeAt(i);
  }
  return !(prev === 0x2f && base.length + n > 1);
}

/**
 * sinsp_utils::concatenate_paths(path1, path2): a relative path2 is appended to path1 (which is
 * expected to end with '/'); an absolute one replaces it. `len2` is the byte length libsinsp was
 * given for path2 (event params include their NUL), used only for the size check and emptiness.
 */
export function concatenatePaths(path1: string, path2: Buffer | string, len2?: number): string {
  const l2 = len2 ?? path2.length;
  // Checked before cstr(): the answer is a pure function of the arguments, and the method call
  // on a string (strings come in several shapes) is a generic property lookup each time.
  if (typeof path2 === 'string' && path2 === memo.p2 && l2 === memo.l2 && path1 === memo.p1) return memo.out;
  const p2 = cstr(path2);
  let out: string;
  if (SCAP_MAX_PATH_SIZE < path1.length + l2 + 1) out = '/PATH_TOO_LONG';
  else if (l2 !== 0 && p2.charCodeAt(0) !== 0x2f) out = copyAndSanitize(path1, p2);
  else out = copyAndSanitize('', p2);
  if (typeof path2 === 'string') {
    memo.p1 = path1;
    memo.p2 = path2;
    memo.l2 = l2;
    memo.out = out;
  }
  return out;
}

/**
 * The last concatenatePaths() call with a string argument and its answer: processes open the same
 * path over and over, and the param string cache hands back the same string objects, so the
 * check is usually pointer compares. (Buffer arguments are views of reused memory: never kept.)
 */
const memo = { p1: '', p2: '', l2: -1, out: '' };
