/**
 * Param bytes as the driver writes them, for hand-built captures in the differential tests. Kept
 * apart from the demo generator's encoder on purpose: these tests must not share the product's
 * encoding to check it.
 */
import { PT } from '../../core/capture/events/types.js';

export type Val = number | bigint | string | Buffer;

export function enc(type: number, v: Val): Buffer {
  if (Buffer.isBuffer(v)) return v;
  switch (type) {
    case PT.INT64:
    case PT.PID:
    case PT.FD:
    case PT.ERRNO:
    case PT.UINT64:
    case PT.RELTIME:
    case PT.ABSTIME: {
      const b = Buffer.alloc(8);
      b.writeBigInt64LE(BigInt.asIntN(64, BigInt(v)));
      return b;
    }
    case PT.UINT32:
    case PT.INT32:
    case PT.UID:
    case PT.GID:
    case PT.FLAGS32:
    case PT.MODE: {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(Number(BigInt.asUintN(32, BigInt(v))));
      return b;
    }
    case PT.UINT16:
    case PT.FLAGS16:
    case PT.PORT: {
      const b = Buffer.alloc(2);
      b.writeUInt16LE(Number(v));
      return b;
    }
    case PT.UINT8:
    case PT.FLAGS8:
    case PT.SIGTYPE:
      return Buffer.from([Number(v)]);
    case PT.CHARBUF:
    case PT.FSPATH:
    case PT.FSRELPATH:
      return Buffer.from(`${String(v)}\0`, 'latin1');
    default:
      return Buffer.from(String(v), 'latin1');
  }
}

/** sockaddr: family, address, port (little endian), as the driver writes it. */
export function v4addr(ip: string, port: number): Buffer {
  const b = Buffer.alloc(7);
  b[0] = 2;
  Buffer.from(ip.split('.').map(Number)).copy(b, 1);
  b.writeUInt16LE(port, 5);
  return b;
}
export function v4tuple(sip: string, sport: number, dip: string, dport: number): Buffer {
  const b = Buffer.alloc(13);
  b[0] = 2;
  Buffer.from(sip.split('.').map(Number)).copy(b, 1);
  b.writeUInt16LE(sport, 5);
  Buffer.from(dip.split('.').map(Number)).copy(b, 7);
  b.writeUInt16LE(dport, 11);
  return b;
}
export function v6addr(port: number): Buffer {
  const b = Buffer.alloc(19);
  b[0] = 10;
  b.writeUInt16LE(port, 17);
  return b;
}
export const nul = (...parts: string[]) => Buffer.from(parts.map((p) => `${p}\0`).join(''), 'latin1');

