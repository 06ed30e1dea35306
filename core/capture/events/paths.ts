/**
 * How libsinsp turns a relative path param into the absolute path shown in parentheses
 * (sinsp_utils::concatenate_paths + copy_and_sanitize_path), reproduced step by step because its
 * output has quirks people's filters depend on: "." and "./" are dropped, ".." pops one level but
 * never above the first character, repeated '/' collapse, a trailing '/' is removed, and
 * non-printable path bytes become '.'.
 */
import { isPrint } from './cstr.js';

const SLASH = 0x2f;
const DOT = 0x2e;

/**
 * Resolve `path` (raw param bytes, NUL-terminated or not) against `base` (a directory that ends
 * with '/', as the thread cwd does). Returns undefined when libsinsp shows no resolved form: an
 * absolute path, or an empty (zero-length) param.
 */
export function resolveRelativePath(base: string, path: Uint8Array, pathOff = 0, pathLen = path.length): string | undefined {
  if (pathLen === 0 || path[pathOff] === SLASH) return undefined;
  // The target is built as char codes; base is copied verbatim (it is not sanitized there).
  const t: number[] = [];
  for (let i = 0; i < base.length; i++) t.push(base.charCodeAt(i));
  const end = pathOff + pathLen;
  const at = (i: number): number => (i < end ? path[i] : 0);
  // tc is t.length; targetbase is index 0.
  const rewind = (): void => {
    if (t.length <= 1) return;
    t.pop();
    while (t.length >= 1 && t[t.length - 1] !== SLASH) t.pop();
  };
  let pc = pathOff;
  for (;;) {
    const c = at(pc);
    if (c === 0) {
      if (t.length > 1 && t[t.length - 1] === SLASH) t.pop();
      break;
    }
    if (c >= 0x80 || !isPrint(c)) {
      t.push(DOT);
      pc++;
    } else if (c === DOT && at(pc + 1) === DOT && at(pc + 2) === SLASH) {
      rewind();
      pc += 3;
    } else if (c === DOT && at(pc + 1) === DOT) {
      if (at(pc + 2) === 0) {
        rewind();
        pc += 2;
      } else {
        t.push(DOT, DOT);
        pc += 2;
      }
    } else if (c === DOT && at(pc + 1) === SLASH) {
      pc += 2;
    } else if (c === DOT) {
      if (at(pc + 1) !== 0) t.push(DOT);
      pc++;
    } else if (c === SLASH) {
      if (!(t.length > 0 && t[t.length - 1] === SLASH)) t.push(SLASH);
      pc++;
    } else {
      t.push(c);
      pc++;
    }
  }
  let out = '';
  for (let i = 0; i < t.length; i += 4096) out += String.fromCharCode(...t.slice(i, i + 4096));
  return out;
}
