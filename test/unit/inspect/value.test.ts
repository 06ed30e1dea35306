import { describe, expect, it } from 'vitest';
import { jsonQuote, valueToJson, valueToText } from '../../../core/inspect/format/value.js';

describe('valueToText (rawval_to_string)', () => {
  it('prints integers per type and print format', () => {
    expect(valueToText({ type: 'INT64', format: 'ID' }, -1)).toBe('-1');
    expect(valueToText({ type: 'UINT64', format: 'DEC' }, -1n)).toBe('18446744073709551615');
    expect(valueToText({ type: 'INT16', format: 'ID' }, 0xffff)).toBe('-1');
    // Signed small ints go through int promotion: %X of int16 -1 is FFFFFFFF.
    expect(valueToText({ type: 'INT32', format: 'HEX' }, -1)).toBe('FFFFFFFF');
    expect(valueToText({ type: 'INT16', format: 'HEX' }, -1)).toBe('FFFFFFFF');
    // Unsigned 8/16/32 "hex" is printed with %u by libsinsp.
    expect(valueToText({ type: 'UINT32', format: 'HEX' }, 255)).toBe('255');
    expect(valueToText({ type: 'UINT64', format: 'HEX' }, 255n)).toBe('FF');
    expect(valueToText({ type: 'ABSTIME', format: 'PADDED_DEC' }, 42n)).toBe('000000042');
    expect(valueToText({ type: 'INT64', format: 'PADDED_DEC' }, -42n)).toBe('-00000042');
    expect(valueToText({ type: 'UINT32', format: 'NA' }, 1)).toBeNull();
    expect(valueToText({ type: 'INT8', format: 'OCT' }, 8)).toBe('10');
  });
  it('prints the other types', () => {
    expect(valueToText({ type: 'BOOL', format: 'NA' }, true)).toBe('true');
    expect(valueToText({ type: 'BOOL', format: 'NA' }, 0)).toBe('false');
    expect(valueToText({ type: 'DOUBLE', format: 'NA' }, 12.345)).toBe('12.3');
    expect(valueToText({ type: 'IPADDR', format: 'NA' }, Uint8Array.from([10, 0, 0, 1]))).toBe('10.0.0.1');
    expect(valueToText({ type: 'CHARBUF', format: 'NA' }, 'ab\0cd')).toBe('ab');
    expect(valueToText({ type: 'CHARBUF', format: 'NA' }, null)).toBeNull();
  });
});

describe('valueToJson (rawval_to_json)', () => {
  it('keeps numbers numeric and 64-bit exact', () => {
    expect(valueToJson({ type: 'UINT64', format: 'DEC' }, 1522704423470393498n)).toBe(1522704423470393498n);
    expect(valueToJson({ type: 'INT64', format: 'ID' }, -1)).toBe(-1n);
    expect(valueToJson({ type: 'PORT', format: 'DEC' }, 80)).toBe(80n);
    expect(valueToJson({ type: 'BOOL', format: 'NA' }, false)).toBe(false);
    expect(valueToJson({ type: 'CHARBUF', format: 'NA' }, 'x')).toBe('x');
    expect(valueToJson({ type: 'UINT32', format: 'NA' }, 1)).toBeNull();
  });
  it('has no JSON form for doubles, like sysdig (which aborts)', () => {
    expect(valueToJson({ type: 'DOUBLE', format: 'NA' }, 1.5)).toBeUndefined();
  });
  it('quotes strings like jsoncpp', () => {
    expect(jsonQuote('a"b\\c\n\t\u0001')).toBe('"a\\"b\\\\c\\n\\t\\u0001"');
    // UTF-8 bytes (as a byte string) become \u escapes of their code point.
    expect(jsonQuote(Buffer.from('é€😀', 'utf8').toString('latin1'))).toBe('"\\u00e9\\u20ac\\ud83d\\ude00"');
  });
});
