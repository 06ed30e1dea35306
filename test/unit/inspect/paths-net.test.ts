import { describe, expect, it } from 'vitest';
import { concatenatePaths, sanitize } from '../../../core/inspect/paths.js';
import { ipv6ToString, isIpv4MappedIpv6 } from '../../../core/inspect/net.js';

describe('concatenatePaths (sinsp_utils::concatenate_paths)', () => {
  it('appends a relative path to the directory', () => {
    expect(concatenatePaths('/home/user/', 'file.txt')).toBe('/home/user/file.txt');
  });
  it('resolves ./ and ../ and squeezes separators', () => {
    expect(concatenatePaths('/a/b/', './c//d/../e')).toBe('/a/b/c/e');
    expect(concatenatePaths('/a/b/', '../../..')).toBe('/');
    expect(concatenatePaths('/a/b/', '..')).toBe('/a');
  });
  it('lets an absolute path replace the directory', () => {
    expect(concatenatePaths('/home/user/', '/etc/passwd')).toBe('/etc/passwd');
  });
  it('drops one trailing separator, like the OS', () => {
    expect(concatenatePaths('', '/tmp/dir/')).toBe('/tmp/dir');
    expect(concatenatePaths('', '/')).toBe('/');
  });
  it('replaces non-printable bytes with dots', () => {
    expect(concatenatePaths('/x/', Buffer.from([0x61, 0x0a, 0x62, 0xff, 0]))).toBe('/x/a.b.');
  });
  it('stops at the first NUL of an event param', () => {
    expect(concatenatePaths('/x/', Buffer.from('abc\0def\0', 'latin1'))).toBe('/x/abc');
  });
  it('refuses paths longer than libscap allows', () => {
    expect(concatenatePaths('/'.repeat(600), 'a'.repeat(600))).toBe('/PATH_TOO_LONG');
  });
  it('treats an empty relative path as absolute (nothing appended)', () => {
    expect(concatenatePaths('/cwd/', '', 0)).toBe('');
  });
  it('sanitize drops control and non-ASCII bytes', () => {
    expect(sanitize('a\tb\u00e9c\u007f')).toBe('abc');
  });
});

describe('ipv6ToString (glibc inet_ntop)', () => {
  const b = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/ /g, ''), 'hex'));
  it('compresses the longest zero run', () => {
    expect(ipv6ToString(b('2001 0db8 0000 0000 0001 0000 0000 0001'))).toBe('2001:db8::1:0:0:1');
    expect(ipv6ToString(b('0000 0000 0000 0000 0000 0000 0000 0001'))).toBe('::1');
    expect(ipv6ToString(b('0000 0000 0000 0000 0000 0000 0000 0000'))).toBe('::');
    expect(ipv6ToString(b('fe80 0000 0000 0000 0000 0000 0000 0000'))).toBe('fe80::');
  });
  it('does not compress a single zero group', () => {
    expect(ipv6ToString(b('2001 0db8 0000 0001 0001 0001 0001 0001'))).toBe('2001:db8:0:1:1:1:1:1');
  });
  it('prints v4-mapped and v4-compatible addresses with a dotted quad', () => {
    expect(ipv6ToString(b('0000 0000 0000 0000 0000 ffff 7f00 0001'))).toBe('::ffff:127.0.0.1');
    expect(ipv6ToString(b('0000 0000 0000 0000 0000 0000 0a00 0001'))).toBe('::10.0.0.1');
  });
  it('recognises v4-mapped (and all-zero) addresses like libsinsp', () => {
    expect(isIpv4MappedIpv6(b('0000 0000 0000 0000 0000 ffff 7f00 0001'))).toBe(true);
    expect(isIpv4MappedIpv6(b('0000 0000 0000 0000 0000 0000 0000 0000'))).toBe(true);
    expect(isIpv4MappedIpv6(b('0000 0000 0000 0000 0000 0000 0000 0001'))).toBe(false);
  });
});
