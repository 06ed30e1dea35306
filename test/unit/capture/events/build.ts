/** Hand-built events for the event-table tests: params laid out back to back in one buffer. */
import type { EventParams } from '../../../../core/capture/events/render.js';

export function event(type: number, params: readonly Buffer[]): EventParams {
  const offs: number[] = [];
  let o = 0;
  for (const p of params) {
    offs.push(o);
    o += p.length;
  }
  // A trailing NUL-free guard byte shows that readers stop at the param end where they must.
  const buf = Buffer.concat([...params, Buffer.from([0x41, 0])]);
  return {
    type,
    nparams: params.length,
    buf,
    paramOffset: (i) => offs[i],
    paramLen: (i) => params[i].length,
  };
}

export const u8 = (v: number) => Buffer.from([v & 0xff]);
export const u16 = (v: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
};
export const i16 = (v: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16LE(v);
  return b;
};
export const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};
export const i32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(v);
  return b;
};
export const i64 = (v: number | bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(BigInt(v));
  return b;
};
export const u64 = (v: number | bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
};
export const f64 = (v: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(v);
  return b;
};
/** NUL-terminated string, as the driver writes CHARBUF/FSPATH. */
export const str = (s: string) => Buffer.from(`${s}\0`, 'utf8');
export const bytes = (...v: number[]) => Buffer.from(v);

export const ipv4 = (s: string) => Buffer.from(s.split('.').map(Number));

/** 16 bytes from 8 hex groups (no :: shorthand, to keep the helper obvious). */
export const ipv6 = (groups: readonly number[]) => {
  const b = Buffer.alloc(16);
  groups.forEach((g, i) => b.writeUInt16BE(g, 2 * i));
  return b;
};

export const sockaddrIn = (ip: string, port: number) => Buffer.concat([u8(2), ipv4(ip), u16(port)]);
export const tupleIn = (sip: string, sport: number, dip: string, dport: number) =>
  Buffer.concat([u8(2), ipv4(sip), u16(sport), ipv4(dip), u16(dport)]);
