/**
 * Field values to text and JSON, as libsinsp's rawval_to_string / rawval_to_json print them:
 * the field's declared type and print format decide, not the value's JS type.
 */
import type { FieldDef, FieldValue } from '../fields/types.js';
import { ipv4ToString, ipv6ToString } from '../net.js';

/** A JSON value as jsoncpp would hold it; bigint keeps 64-bit integers exact. */
export type JsonValue = null | boolean | number | bigint | string;

function big(v: FieldValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return 0n;
}

/** C string semantics: the text ends at the first NUL. */
function cstr(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

function ip(v: FieldValue): string | null {
  if (!(v instanceof Uint8Array)) return null;
  if (v.length === 4) return ipv4ToString(v);
  if (v.length === 16) return ipv6ToString(v);
  return null;
}

/**
 * printf of a signed/unsigned integer of `bits` in one of sysdig's formats. Values narrower than
 * 64 bits go through C's int promotion, so a negative int16 prints in hex as 32 bits.
 */
function int(v: bigint, bits: 8 | 16 | 32 | 64, signed: boolean, fmt: string): string | null {
  const asS = BigInt.asIntN(bits, v);
  const asU = BigInt.asUintN(bits, v);
  const promoted = signed && bits < 64 ? BigInt.asUintN(32, asS) : asU;
  switch (fmt) {
    case 'OCT':
      return promoted.toString(8);
    case 'DEC':
    case 'ID':
      return (signed ? asS : asU).toString();
    case 'HEX':
      // rawval_to_string prints unsigned 8/16/32 "hex" with %u; the others with %X.
      return signed || bits === 64 ? promoted.toString(16).toUpperCase() : asU.toString();
    case 'PADDED_DEC':
      if (bits !== 64) return null;
      if (signed && asS < 0n) return '-' + (-asS).toString().padStart(8, '0');
      return (signed ? asS : asU).toString().padStart(9, '0');
    default:
      return bits === 64 && signed ? asS.toString() : null;
  }
}

/** rawval_to_string. Null means the field printed nothing (shown as <NA>). */
export function valueToText(def: Pick<FieldDef, 'type' | 'format'>, v: FieldValue): string | null {
  if (v === null) return null;
  const fmt = def.format;
  switch (def.type) {
    case 'INT8':
      return int(big(v), 8, true, fmt);
    case 'INT16':
      return int(big(v), 16, true, fmt);
    case 'INT32':
      return int(big(v), 32, true, fmt);
    case 'INT64':
    case 'PID':
    case 'ERRNO':
      return int(big(v), 64, true, fmt === 'NA' ? 'DEC' : fmt);
    case 'L4PROTO':
    case 'UINT8':
      return int(big(v), 8, false, fmt);
    case 'PORT':
    case 'UINT16':
      return int(big(v), 16, false, fmt);
    case 'UINT32':
      return int(big(v), 32, false, fmt);
    case 'UINT64':
    case 'RELTIME':
    case 'ABSTIME':
      return int(big(v), 64, false, fmt);
    case 'CHARBUF':
    case 'FSPATH':
    case 'FSRELPATH':
      return typeof v === 'string' ? cstr(v) : String(v);
    case 'BYTEBUF':
      return typeof v === 'string' ? v : Buffer.from(v as Uint8Array).toString('latin1');
    case 'BOOL':
      return v === true || (typeof v !== 'boolean' && big(v) !== 0n) ? 'true' : 'false';
    case 'IPV4ADDR':
    case 'IPV6ADDR':
    case 'IPADDR':
    case 'IPNET':
      return ip(v);
    case 'DOUBLE':
      return (typeof v === 'number' ? v : Number(v)).toFixed(1);
    case 'DYN':
      return typeof v === 'string' ? v : String(v);
    default:
      return null;
  }
}

/** rawval_to_json. `undefined` is jsoncpp throwing "wrong event type" (sysdig aborts). */
export function valueToJson(def: Pick<FieldDef, 'type' | 'format'>, v: FieldValue): JsonValue | undefined {
  if (v === null) return null;
  const fmt = def.format;
  const numeric = (bits: 8 | 16 | 32 | 64, signed: boolean): JsonValue => {
    if (fmt === 'DEC' || fmt === 'ID') {
      const b = signed ? BigInt.asIntN(bits, big(v)) : BigInt.asUintN(bits, big(v));
      return b;
    }
    if (fmt === 'OCT' || fmt === 'HEX' || (bits === 64 && fmt === 'PADDED_DEC')) return valueToText(def, v);
    return null;
  };
  switch (def.type) {
    case 'INT8':
      return numeric(8, true);
    case 'INT16':
      return numeric(16, true);
    case 'INT32':
      return numeric(32, true);
    case 'INT64':
    case 'PID':
      return fmt === 'DEC' || fmt === 'ID' ? BigInt.asIntN(64, big(v)) : valueToText(def, v);
    case 'L4PROTO':
    case 'UINT8':
      return numeric(8, false);
    case 'PORT':
    case 'UINT16':
      return numeric(16, false);
    case 'UINT32':
      return numeric(32, false);
    case 'UINT64':
    case 'RELTIME':
    case 'ABSTIME':
      return numeric(64, false);
    case 'BOOL':
      return v === true || (typeof v !== 'boolean' && big(v) !== 0n);
    case 'CHARBUF':
    case 'FSPATH':
    case 'BYTEBUF':
    case 'IPV4ADDR':
    case 'IPV6ADDR':
    case 'IPADDR':
    case 'FSRELPATH':
      return valueToText(def, v);
    case 'DYN':
      return typeof v === 'string' ? v : String(v);
    default:
      return undefined;
  }
}

/**
 * jsoncpp FastWriter string quoting: the usual escapes, control characters as \u00XX, and
 * non-ASCII text (our byte strings hold UTF-8 bytes) as \uXXXX escapes of its code points.
 */
export function jsonQuote(bytes: string): string {
  let out = '"';
  const b = Buffer.from(bytes, 'latin1');
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    switch (c) {
      case 0x22:
        out += '\\"';
        continue;
      case 0x5c:
        out += '\\\\';
        continue;
      case 0x08:
        out += '\\b';
        continue;
      case 0x0c:
        out += '\\f';
        continue;
      case 0x0a:
        out += '\\n';
        continue;
      case 0x0d:
        out += '\\r';
        continue;
      case 0x09:
        out += '\\t';
        continue;
    }
    if (c < 0x20) {
      out += '\\u' + c.toString(16).padStart(4, '0');
      continue;
    }
    if (c < 0x80) {
      out += String.fromCharCode(c);
      continue;
    }
    // Decode one UTF-8 sequence; jsoncpp maps a malformed one to U+FFFD (without extra bytes).
    let cp = 0xfffd;
    let n = 1;
    if ((c & 0xe0) === 0xc0 && i + 1 < b.length) {
      cp = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
      n = 2;
    } else if ((c & 0xf0) === 0xe0 && i + 2 < b.length) {
      cp = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
      n = 3;
    } else if ((c & 0xf8) === 0xf0 && i + 3 < b.length) {
      cp = ((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f);
      n = 4;
    }
    i += n - 1;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      out += '\\u' + (0xd800 + (v >> 10)).toString(16).padStart(4, '0') + '\\u' + (0xdc00 + (v & 0x3ff)).toString(16).padStart(4, '0');
    } else {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    }
  }
  return out + '"';
}

export function jsonValueText(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return jsonQuote(v);
}
