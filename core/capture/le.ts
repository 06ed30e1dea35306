/**
 * Little-endian reads straight off the bytes. Buffer#readUInt32LE validates its argument on every
 * call, which dominated the per-event cost; these small functions inline into the hot loop. The
 * caller guarantees the bytes exist (every use sits behind a length check).
 */
export function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 16777216;
}

export function i32(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);
}
