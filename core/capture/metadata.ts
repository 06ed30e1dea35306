/**
 * The decoded contents of the non-event blocks: what the capturing machine looked like when the
 * capture started. The inspector seeds its thread, fd and user tables from these.
 *
 * Numeric conventions: ids, counts and sizes are numbers (exact below 2^53, always true for
 * them); timestamps, capability masks and inode numbers are bigint because they use all 64 bits.
 * Fields a block version does not carry hold libscap's defaults, so consumers need no version logic.
 */

export interface PcapngOption {
  code: number;
  value: Buffer;
}

export interface SectionHeader {
  major: number;
  minor: number;
  /** -1 (unknown) in every capture seen so far. */
  sectionLength: bigint;
  /** pcapng options after the fixed header (editcap writes comments and shb_userappl here). */
  options: PcapngOption[];
  comments: string[];
  blockOffset: number;
}

export interface MachineInfo {
  numCpus: number;
  memorySizeBytes: number;
  maxPid: number;
  hostname: string;
  /** Boot time in ns since the epoch; 0 in captures that predate the field (it was reserved). */
  bootTsEpoch: bigint;
  flags: bigint;
  reserved3: bigint;
  reserved4: bigint;
}

export interface ThreadInfo {
  tid: number;
  pid: number;
  ptid: number;
  /** Session id; -1 before PL V6. */
  sid: number;
  /** Process group id as seen from the process's pid namespace; -1 before PL V8. */
  vpgid: number;
  /** Process group id in the init namespace; -1 unless the entry carries it. */
  pgid: number;
  comm: string;
  /** argv[0]. */
  exe: string;
  /** Full path of the executable; '' before PL V7. */
  exepath: string;
  /** argv[1..]. */
  args: string[];
  cwd: string;
  fdlimit: number;
  flags: number;
  uid: number;
  gid: number;
  vmsizeKb: number;
  vmrssKb: number;
  vmswapKb: number;
  pfMajor: number;
  pfMinor: number;
  env: string[];
  vtid: number;
  vpid: number;
  /** "subsystem=path" entries. */
  cgroups: string[];
  root: string;
  pidnsInitStartTs: bigint;
  tty: number;
  /** 0xffffffff means unset, as in libscap. */
  loginuid: number;
  exeWritable: boolean;
  capInheritable: bigint;
  capPermitted: bigint;
  capEffective: bigint;
  exeUpperLayer: boolean;
  exeLowerLayer: boolean;
  exeFromMemfd: boolean;
  exeIno: bigint;
  exeInoCtime: bigint;
  exeInoMtime: bigint;
  /**
   * The appended fields (pidnsInitStartTs onwards) this entry did not carry: process list blocks
   * before V9 have none, and V9 writers older than a field end their entries before it. Those
   * hold the defaults above, which libscap cannot tell from real zeros; this can. Undefined when
   * every field is real (entries built in memory).
   */
  missing?: readonly PLTailField[];
}

/** Fields a V9 process list entry may append after the fixed ones, in file order. */
export type PLTailField =
  | 'pidnsInitStartTs'
  | 'tty'
  | 'loginuid'
  | 'exeWritable'
  | 'capInheritable'
  | 'capPermitted'
  | 'capEffective'
  | 'exeUpperLayer'
  | 'exeIno'
  | 'exeInoCtime'
  | 'exeInoMtime'
  | 'exeFromMemfd'
  | 'exeLowerLayer'
  | 'pgid';

/** scap_fd_type values, as stored in fd list entries. */
export const FD_TYPES = {
  UNKNOWN: 0,
  FILE: 1,
  DIRECTORY: 2,
  IPV4_SOCK: 3,
  IPV6_SOCK: 4,
  IPV4_SERVSOCK: 5,
  IPV6_SERVSOCK: 6,
  FIFO: 7,
  UNIX_SOCK: 8,
  EVENT: 9,
  UNSUPPORTED: 10,
  SIGNALFD: 11,
  EVENTPOLL: 12,
  INOTIFY: 13,
  TIMERFD: 14,
  NETLINK: 15,
  FILE_V2: 16,
  BPF: 17,
  USERFAULTFD: 18,
  IOURING: 19,
  MEMFD: 20,
  PIDFD: 21,
} as const;

export type FdTypeName = keyof typeof FD_TYPES;

export const FD_TYPE_NAMES: ReadonlyMap<number, FdTypeName> = new Map(
  (Object.entries(FD_TYPES) as [FdTypeName, number][]).map(([k, v]) => [v, k]),
);

export interface FdInfo {
  /** The thread whose fd table this entry belongs to. */
  tid: number;
  fd: number;
  ino: bigint;
  /** A FD_TYPES value. Unknown on-disk types become UNSUPPORTED with name "unknown-type:[N]". */
  type: number;
  /** Path for files/dirs/fifos/etc., socket path for unix sockets. */
  name?: string;
  /** FILE_V2 only. */
  openFlags?: number;
  /** FILE_V2 only, when the entry carries it. */
  dev?: number;
  /** Socket tuple; for server sockets only sip/sport (the listening address) are set. */
  sip?: string;
  dip?: string;
  sport?: number;
  dport?: number;
  l4proto?: number;
  /** Unix sockets: kernel addresses of the two ends. */
  unixSource?: bigint;
  unixDest?: bigint;
}

/** scap_ifinfo types. */
export const IF_TYPES = { IPV4: 1, IPV6: 2, IPV4_NOLINKSPEED: 3, IPV6_NOLINKSPEED: 4 } as const;

export interface InterfaceInfo {
  /** An IF_TYPES value, as stored. */
  type: number;
  family: 4 | 6;
  name: string;
  addr: string;
  netmask: string;
  bcast: string;
  /** 0 for the NOLINKSPEED variants. */
  linkspeed: bigint;
}

export interface UserInfo {
  uid: number;
  gid: number;
  name: string;
  homedir: string;
  shell: string;
}

export interface GroupInfo {
  gid: number;
  name: string;
}

export interface CaptureComment {
  /** Offset of the block carrying the comment. */
  blockOffset: number;
  /** Sequence number of the event in that block, when it was an event block. */
  seq?: number;
  text: string;
}
