import { Cursor, cString } from './cursor.js';
import type { MachineInfo } from './metadata.js';

/** Machine info block body: a packed struct of 180 bytes (older writers called two fields reserved). */
export const MACHINE_INFO_LEN = 180;

export function parseMachineInfo(buf: Buffer, start: number, end: number): MachineInfo {
  const c = new Cursor(buf, start, end);
  return {
    numCpus: c.u32('num_cpus'),
    memorySizeBytes: c.u64n('memory_size_bytes'),
    maxPid: c.u64n('max_pid'),
    hostname: cString(c.bytes(128, 'hostname')),
    bootTsEpoch: c.u64('boot_ts_epoch'),
    flags: c.u64('flags'),
    reserved3: c.u64('reserved3'),
    reserved4: c.u64('reserved4'),
  };
}
