/**
 * Linux capability sets as the driver reports them (execve/execveat cap_* params, capset, the
 * process list's cap_* fields): a u64 where bit N is the driver's PPM_CAP_* number N
 * (ppm_events_public.h of falcosecurity/libs, commit 48dfd53cd23f, restated as data).
 *
 * The names are the ones libsinsp prints for thread.cap_* (the CAP_ prefix included). Bits past
 * the end of the table are dropped from the text, as libsinsp does.
 */

/** Capability names, indexed by bit number. */
export const CAPABILITIES: readonly string[] = [
  'CAP_CHOWN', // 0
  'CAP_DAC_OVERRIDE',
  'CAP_DAC_READ_SEARCH',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL', // 5
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_LINUX_IMMUTABLE',
  'CAP_NET_BIND_SERVICE', // 10
  'CAP_NET_BROADCAST',
  'CAP_NET_ADMIN',
  'CAP_NET_RAW',
  'CAP_IPC_LOCK',
  'CAP_IPC_OWNER', // 15
  'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO',
  'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT', // 20
  'CAP_SYS_ADMIN',
  'CAP_SYS_BOOT',
  'CAP_SYS_NICE',
  'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME', // 25
  'CAP_SYS_TTY_CONFIG',
  'CAP_MKNOD',
  'CAP_LEASE',
  'CAP_AUDIT_WRITE',
  'CAP_AUDIT_CONTROL', // 30
  'CAP_SETFCAP',
  'CAP_MAC_OVERRIDE',
  'CAP_MAC_ADMIN',
  'CAP_SYSLOG',
  'CAP_WAKE_ALARM', // 35
  'CAP_BLOCK_SUSPEND',
  'CAP_AUDIT_READ',
  'CAP_PERFMON',
  'CAP_BPF',
  'CAP_CHECKPOINT_RESTORE', // 40
];

/** Every capability of the table (libsinsp get_max_caps(): what a new user namespace grants). */
export const ALL_CAPS: bigint = (1n << BigInt(CAPABILITIES.length)) - 1n;

/** A capability set as text: names of the set bits, lowest first, one space apart ("" when empty). */
export function capsToString(caps: bigint): string {
  let out = '';
  // Two u32 halves: no BigInt shift per bit.
  const lo = Number(caps & 0xffffffffn);
  const hi = Number((caps >> 32n) & 0xffffffffn);
  for (let i = 0; i < CAPABILITIES.length; i++) {
    const set = i < 32 ? (lo >>> i) & 1 : (hi >>> (i - 32)) & 1;
    if (set) out += out.length === 0 ? CAPABILITIES[i]! : ' ' + CAPABILITIES[i]!;
  }
  return out;
}
