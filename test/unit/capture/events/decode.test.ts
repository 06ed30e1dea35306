/**
 * Param bytes -> typed values. Byte layouts come from the driver's format (ppm_events_public.h
 * comments, libscap); where a real capture holds the same value, the sysdig 0.29.3 line that
 * shows it is quoted (TZ=UTC sysdig -r <capture> -p '%evt.num %evt.args').
 */
import { describe, expect, it } from 'vitest';
import {
  decodeFdList,
  decodeParam,
  decodeSockaddr,
  decodeSocktuple,
  decodeStringList,
  decodeValue,
  fixedSize,
  readI64Num,
} from '../../../../core/capture/events/decode.js';
import { PPME, eventInfo } from '../../../../core/capture/events/table.js';
import { PT } from '../../../../core/capture/events/types.js';
import type { ParamType } from '../../../../core/capture/events/types.js';
import {
  bytes,
  f64,
  i16,
  i32,
  i64,
  ipv4,
  ipv6,
  sockaddrIn,
  str,
  tupleIn,
  u16,
  u32,
  u64,
  u8,
} from './build.js';

const dec = (type: ParamType, b: Buffer, dyn?: string) => decodeValue(type, b, 0, b.length, dyn);

describe('integers', () => {
  it('decodes signed and unsigned widths little endian', () => {
    expect(dec(PT.INT8, bytes(0xff))).toBe(-1);
    expect(dec(PT.UINT8, bytes(0xff))).toBe(255);
    expect(dec(PT.INT16, i16(-2))).toBe(-2);
    expect(dec(PT.UINT16, u16(0xfffe))).toBe(0xfffe);
    // falco_psp_run_as_user_0_container #2183: "... tty=34816 ..." is INT32 in 0.29.3's execve.
    expect(dec(PT.INT32, i32(34816))).toBe(34816);
    expect(dec(PT.UINT32, u32(0xffffffff))).toBe(0xffffffff);
  });

  it('keeps all 64 bits of INT64/UINT64/RELTIME/ABSTIME as bigint', () => {
    // falco_psp_run_as_user_0_container #62: "fds=4:e1 7:i0 timeout=100"
    expect(dec(PT.INT64, i64(100))).toBe(100n);
    expect(dec(PT.INT64, i64(-1))).toBe(-1n);
    expect(dec(PT.UINT64, u64(0xffff_ffff_ffff_ffffn))).toBe(0xffff_ffff_ffff_ffffn);
    // falco_psp_run_as_user_0_container #640: "interval=1000000000(1s)"
    expect(dec(PT.RELTIME, u64(1_000_000_000))).toBe(1_000_000_000n);
    expect(dec(PT.ABSTIME, u64(1_700_000_000_123_456_789n))).toBe(1_700_000_000_123_456_789n);
  });

  it('decodes fd, pid and errno as numbers (hot path for the inspector)', () => {
    // falco_cat_write #135: "res=-2(ENOENT) name=/etc/ld.so.nohwcap"
    expect(dec(PT.ERRNO, i64(-2))).toBe(-2);
    // falco_cat_write #136: "... fd=4294967295 offset=0" (a u32 -1 stored in an int64 fd)
    expect(dec(PT.FD, i64(4294967295))).toBe(4294967295);
    expect(dec(PT.FD, i64(-100))).toBe(-100);
    expect(dec(PT.PID, i64(20072))).toBe(20072);
    expect(readI64Num(i64(-3), 0)).toBe(-3);
    expect(readI64Num(i64(2 ** 40 + 5), 0)).toBe(2 ** 40 + 5);
  });

  it('decodes flags, uid/gid, mode, sigset, syscall ids and the 32-bit fd/pid of iterator events', () => {
    // falco_psp_run_as_user_0_container #1756: "flags=25165824(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID)"
    expect(dec(PT.FLAGS32, u32(25165824))).toBe(25165824);
    // falco_psp_run_as_user_0_container #15: "op=128(FUTEX_PRIVATE_FLAG)"
    expect(dec(PT.FLAGS16, u16(128))).toBe(128);
    // inspect_502error #142: "cmd=5(F_SETFL)"
    expect(dec(PT.FLAGS8, u8(5))).toBe(5);
    expect(dec(PT.ENUMFLAGS32, u32(10))).toBe(10);
    expect(dec(PT.UID, u32(0xffffffff))).toBe(0xffffffff);
    expect(dec(PT.GID, u32(0))).toBe(0);
    expect(dec(PT.MODE, u32(0o644))).toBe(0o644);
    expect(dec(PT.SIGSET, u32(0x80000001))).toBe(0x80000001);
    // falco_cat_write #158 is a generic event for mprotect (PPM_SC 75).
    expect(dec(PT.SYSCALLID, u16(75))).toBe(75);
    expect(dec(PT.SIGTYPE, u8(29))).toBe(29);
    expect(dec(PT.FD32, i32(-1))).toBe(-1);
    expect(dec(PT.PID32, i32(4242))).toBe(4242);
    expect(dec(PT.PORT, u16(443))).toBe(443);
  });

  it('decodes bool and double', () => {
    expect(dec(PT.BOOL, u32(0))).toBe(false);
    expect(dec(PT.BOOL, u32(7))).toBe(true);
    expect(dec(PT.DOUBLE, f64(1.5))).toBe(1.5);
  });

  it('returns undefined for a fixed-size param that is too short instead of reading past it', () => {
    expect(dec(PT.INT64, bytes(1, 2, 3))).toBeUndefined();
    expect(dec(PT.UINT32, Buffer.alloc(0))).toBeUndefined();
    expect(fixedSize(PT.FD)).toBe(8);
    expect(fixedSize(PT.CHARBUF)).toBeUndefined();
  });
});

describe('strings and buffers', () => {
  it('reads CHARBUF/FSPATH/FSRELPATH up to the NUL', () => {
    // falco_cat_write #135: "name=/etc/ld.so.nohwcap"
    expect(dec(PT.FSPATH, str('/etc/ld.so.nohwcap'))).toBe('/etc/ld.so.nohwcap');
    expect(dec(PT.CHARBUF, Buffer.from('cat\0garbage'))).toBe('cat');
    expect(dec(PT.FSRELPATH, str('test2'))).toBe('test2');
    // No NUL: stop at the param end.
    expect(dec(PT.CHARBUF, Buffer.from('abc'))).toBe('abc');
    expect(dec(PT.CHARBUF, str('grüße'))).toBe('grüße');
  });

  it('returns BYTEBUF as a view of the bytes', () => {
    const b = Buffer.from('\x7fELF\x02\x01', 'latin1');
    const v = dec(PT.BYTEBUF, b) as Buffer;
    expect(Buffer.isBuffer(v)).toBe(true);
    expect([...v]).toEqual([0x7f, 0x45, 0x4c, 0x46, 2, 1]);
  });

  it('splits NUL-separated lists (execve args/env, CHARBUFARRAY in files)', () => {
    // sysflow_rename_rename #2370: "args=/tmp/test1./tmp/test2." -- two NUL-terminated strings.
    const args = Buffer.from('/tmp/test1\0/tmp/test2\0');
    expect(decodeStringList(args, 0, args.length)).toEqual(['/tmp/test1', '/tmp/test2']);
    expect(dec(PT.CHARBUFARRAY, args)).toEqual(['/tmp/test1', '/tmp/test2']);
    expect(decodeStringList(Buffer.from('a\0b'), 0, 3)).toEqual(['a', 'b']);
    expect(decodeStringList(Buffer.alloc(0), 0, 0)).toEqual([]);
    expect(dec(PT.CHARBUF_PAIR_ARRAY, Buffer.from('k1\0v1\0k2\0v2\0'))).toEqual([
      ['k1', 'v1'],
      ['k2', 'v2'],
    ]);
  });
});

describe('socket addresses', () => {
  it('decodes AF_INET sockaddr (family byte, network-order address, host-order port)', () => {
    // sysflow_client-server_tcp-client-server #373: "res=0 addr=0.0.0.0:8080"
    expect(decodeSockaddr(sockaddrIn('0.0.0.0', 8080), 0, 7)).toEqual({ kind: 'inet', family: 2, addr: '0.0.0.0', port: 8080 });
  });

  it('decodes AF_INET6 sockaddr', () => {
    // libs_single_ipv6_conn #851: "res=0 addr=2001:db8::3:1234"
    const b = Buffer.concat([u8(10), ipv6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 3]), u16(1234)]);
    expect(decodeSockaddr(b, 0, b.length)).toEqual({ kind: 'inet6', family: 10, addr: '2001:db8::3', port: 1234 });
  });

  it('decodes AF_UNIX sockaddr, wrong-size INET, other families and empty', () => {
    const b = Buffer.concat([u8(1), str('/var/run/nscd/socket')]);
    expect(decodeSockaddr(b, 0, b.length)).toEqual({ kind: 'unix', family: 1, path: '/var/run/nscd/socket' });
    expect(decodeSockaddr(bytes(2, 1, 2), 0, 3)).toEqual({ kind: 'invalid', family: 2 });
    expect(decodeSockaddr(bytes(16, 0), 0, 2)).toEqual({ kind: 'other', family: 16 });
    expect(decodeSockaddr(Buffer.alloc(0), 0, 0)).toBeUndefined();
  });

  it('decodes IPv4 tuples', () => {
    // falco_connect_localhost #187: "res=-115(EINPROGRESS) tuple=127.0.0.1:47192->127.0.0.1:80"
    const b = tupleIn('127.0.0.1', 47192, '127.0.0.1', 80);
    expect(decodeSocktuple(b, 0, b.length)).toEqual({
      kind: 'inet',
      family: 2,
      sip: '127.0.0.1',
      sport: 47192,
      dip: '127.0.0.1',
      dport: 80,
      v4mapped: false,
    });
  });

  it('decodes IPv6 tuples, and IPv4-mapped ones to dotted form', () => {
    // libs_curl_google #1189: "res=0 tuple=2600:1f18:262c:6542:9aa6:df7a:9a47:d29e:40251->2001:4860:4860::8888:53"
    const b = Buffer.concat([
      u8(10),
      ipv6([0x2600, 0x1f18, 0x262c, 0x6542, 0x9aa6, 0xdf7a, 0x9a47, 0xd29e]),
      u16(40251),
      ipv6([0x2001, 0x4860, 0x4860, 0, 0, 0, 0, 0x8888]),
      u16(53),
    ]);
    expect(decodeSocktuple(b, 0, b.length)).toMatchObject({
      kind: 'inet6',
      sip: '2600:1f18:262c:6542:9aa6:df7a:9a47:d29e',
      sport: 40251,
      dip: '2001:4860:4860::8888',
      dport: 53,
      v4mapped: false,
    });
    const mapped = Buffer.concat([
      u8(10),
      Buffer.concat([Buffer.alloc(10), bytes(0xff, 0xff), ipv4('10.0.0.1')]),
      u16(1000),
      Buffer.alloc(16),
      u16(0),
    ]);
    expect(decodeSocktuple(mapped, 0, mapped.length)).toMatchObject({ sip: '10.0.0.1', dip: '0.0.0.0', v4mapped: true });
  });

  it('decodes unix tuples (two kernel pointers and a path)', () => {
    // inspect_502error #29: "res=-2(ENOENT) tuple=0->ffff8edcfda06800 /var/run/nscd/socket"
    const b = Buffer.concat([u8(1), u64(0), u64(0xffff8edcfda06800n), str('/var/run/nscd/socket')]);
    expect(decodeSocktuple(b, 0, b.length)).toEqual({
      kind: 'unix',
      family: 1,
      source: 0n,
      dest: 0xffff8edcfda06800n,
      path: '/var/run/nscd/socket',
    });
    expect(decodeSocktuple(Buffer.alloc(0), 0, 0)).toBeUndefined();
    expect(decodeSocktuple(bytes(2, 1), 0, 2)).toEqual({ kind: 'invalid', family: 2 });
  });

  it('decodes IP addresses and networks', () => {
    expect(dec(PT.IPV4ADDR, ipv4('192.168.0.3'))).toBe('192.168.0.3');
    expect(dec(PT.IPV6ADDR, ipv6([0, 0, 0, 0, 0, 0, 0, 1]))).toBe('::1');
    expect(dec(PT.IPADDR, ipv4('10.1.2.3'))).toBe('10.1.2.3');
    expect(dec(PT.IPNET, Buffer.concat([ipv4('10.0.0.0'), ipv4('255.0.0.0')]))).toEqual({ addr: '10.0.0.0', mask: '255.0.0.0' });
  });
});

describe('fd lists and dynamic params', () => {
  it('decodes PT_FDLIST (u16 count, then int64 fd + u16 flags)', () => {
    // falco_psp_run_as_user_0_container #62: "fds=4:e1 7:i0 timeout=100"
    const b = Buffer.concat([u16(2), i64(4), u16(1), i64(7), u16(0)]);
    expect(decodeFdList(b, 0, b.length)).toEqual([
      { fd: 4, flags: 1 },
      { fd: 7, flags: 0 },
    ]);
    // A count larger than the bytes present stops at the last whole entry.
    expect(decodeFdList(Buffer.concat([u16(3), i64(4), u16(1)]), 0, 12)).toEqual([{ fd: 4, flags: 1 }]);
  });

  it('decodes PT_DYN through the param dynamic table (setsockopt val, ptrace addr)', () => {
    const setsockopt = eventInfo(PPME.SOCKET_SETSOCKOPT_X);
    const val = setsockopt?.params[4];
    expect(val?.type).toBe(PT.DYN);
    // index 2 = PPM_SOCKOPT_IDX_UINT32
    const b = Buffer.concat([u8(2), u32(65536)]);
    expect(decodeParam(val!, b, 0, b.length)).toEqual({ index: 2, type: PT.UINT32, value: 65536 });
    // index 4 = PPM_SOCKOPT_IDX_TIMEVAL, a RELTIME
    const t = Buffer.concat([u8(4), u64(1_500_000_000)]);
    expect(decodeParam(val!, t, 0, t.length)).toEqual({ index: 4, type: PT.RELTIME, value: 1_500_000_000n });
    // An index beyond the table gives the raw bytes back.
    const bad = Buffer.concat([u8(9), u32(1)]);
    expect(Buffer.isBuffer(decodeParam(val!, bad, 0, bad.length))).toBe(true);
  });
});
