/**
 * printf-compatible number text for the conversions libsinsp uses on params. The C code passes
 * 8/16/32-bit values through int promotion and prints them with %d/%X/%#o, so a u32 shown "DEC"
 * comes out signed and a negative i8 shown "HEX" comes out as 8 hex digits; reproducing that
 * needs the 32/64-bit two's complement patterns below.
 */
import { PF } from './types.js';
import type { PrintFormat } from './types.js';

/** The int-promoted 32-bit pattern, as %d (signed) or %u/%X/%o (unsigned) see it. */
export function int32Of(v: number): number {
  return v | 0;
}
export function uint32Of(v: number): number {
  return v >>> 0;
}

export function int64Of(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}
export function uint64Of(v: bigint): bigint {
  return BigInt.asUintN(64, v);
}

function octAlt(u: bigint | number): string {
  // %#o: a leading 0 unless the value is 0.
  return u === 0 || u === 0n ? '0' : `0${u.toString(8)}`;
}

function padded9(s: string): string {
  // %09d: zero padding after the sign, total width 9.
  if (s.startsWith('-')) return `-${s.slice(1).padStart(8, '0')}`;
  return s.padStart(9, '0');
}

/** SET_NUMERIC_FORMAT for params of 32 bits or fewer (after promotion to int). */
export function formatNumeric32(v: number, format: PrintFormat): string {
  switch (format) {
    case PF.OCT:
      return octAlt(uint32Of(v));
    case PF.HEX:
      return uint32Of(v).toString(16).toUpperCase();
    case PF.PADDED_DEC:
      return padded9(String(int32Of(v)));
    default:
      return String(int32Of(v));
  }
}

/** SET_NUMERIC_FORMAT for 64-bit params; DEC prints the signed pattern even for UINT64. */
export function formatNumeric64(v: bigint, format: PrintFormat): string {
  switch (format) {
    case PF.OCT:
      return octAlt(uint64Of(v));
    case PF.HEX:
      return uint64Of(v).toString(16).toUpperCase();
    case PF.PADDED_DEC:
      return padded9(String(int64Of(v)));
    default:
      return String(int64Of(v));
  }
}

/** %lu of a 64-bit pattern. */
export function u64Text(v: bigint): string {
  return uint64Of(v).toString();
}

/** %lx of a 64-bit pattern (lower case, no prefix). */
export function u64Hex(v: bigint): string {
  return uint64Of(v).toString(16);
}

/** %u of a 32-bit pattern. */
export function u32Text(v: number): string {
  return String(uint32Of(v));
}

/** %x of a 32-bit pattern. */
export function u32Hex(v: number): string {
  return uint32Of(v).toString(16);
}

/** printf "%g" / "%lg" (precision 6): shortest of %e/%f with trailing zeros removed. */
export function formatG(x: number, precision = 6): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const p = precision === 0 ? 1 : precision;
  const [mant, expStr] = x.toExponential(p - 1).split('e');
  const exp = Number(expStr);
  const strip = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= p) {
    const e = Math.abs(exp);
    return `${strip(mant)}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  return strip(x.toFixed(Math.max(0, p - 1 - exp)));
}
