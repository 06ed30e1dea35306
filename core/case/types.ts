/** Records the case store reads and writes. Timestamps are nanoseconds since the epoch as bigint. */

export interface CaseInfo {
  id: string;
  name: string;
  path: string;
  createdAt: string;
  schemaVersion: number;
}

export interface ArtifactRecord {
  id: number;
  /** Absolute path of the evidence, which stays where it is. */
  path: string;
  kind: string;
  sha256: string;
  size: number;
  mtimeMs: number | null;
  addedAt: string;
  label: string | null;
  meta: Record<string, unknown>;
}

/** 0 = enter (`>`), 1 = exit (`<`), as sysdig prints evt.dir. */
export type EventDir = 0 | 1;

/**
 * One row of the first-pass index, as the capture reader produces it. String columns hold ids
 * from ImportWriter.intern()/addStrings(); null where the event has no such value.
 */
export interface EventIndexRow {
  /** 1-based event number in the capture (RawEvent.seq). */
  evtNum: number;
  /** Byte offset of the event's block in the (decompressed) capture (RawEvent.blockOffset). */
  offset: number;
  ts: bigint;
  cpu: number;
  dir: EventDir;
  /** ppm event type code. */
  type: number;
  /** The type name the event list prints (evt.type), a string id; schema 4 and later. */
  typeName?: number | null;
  tid: number;
  pid?: number | null;
  procName?: number | null;
  fdName?: number | null;
  container?: number | null;
  res?: number | bigint | null;
  info?: number | null;
}

/** An index row read back, strings resolved. */
export interface EventSummary {
  artifactId: number;
  evtNum: number;
  offset: number;
  ts: bigint;
  cpu: number;
  dir: EventDir;
  type: number;
  typeName: string | null;
  tid: number;
  pid: number | null;
  procName: string | null;
  fdName: string | null;
  container: string | null;
  res: number | null;
  info: string | null;
}

export interface EventQuery {
  /** Rows with evt_num greater than this (keyset paging). */
  afterEvtNum?: number;
  fromTs?: bigint;
  /** Exclusive. */
  toTs?: bigint;
  limit?: number;
}

export const PRIORITIES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface FindingInput {
  artifactId?: number | null;
  rule: string;
  /** Falco priority, any case; `info` is accepted for `informational` as Falco does. */
  priority: string;
  /** Event source: syscall, k8s_audit, aws_cloudtrail... */
  source?: string;
  ts?: bigint | null;
  evtNum?: number | null;
  output: string;
  outputFields?: Record<string, unknown>;
  tags?: string[];
}

export interface FindingRecord {
  id: number;
  artifactId: number | null;
  importId: string | null;
  rule: string;
  priority: Priority;
  source: string;
  ts: bigint | null;
  evtNum: number | null;
  output: string;
  outputFields: Record<string, unknown>;
  tags: string[];
  createdAt: string;
}

export interface FindingQuery {
  artifactId?: number;
  /** Findings at this priority or more severe. */
  minPriority?: Priority;
  rule?: string;
  limit?: number;
}

export interface NoteInput {
  text: string;
  artifactId?: number | null;
  evtNum?: number | null;
}

export interface NoteRecord {
  id: number;
  artifactId: number | null;
  evtNum: number | null;
  text: string;
  author: string;
  createdAt: string;
}

export interface BookmarkRecord {
  id: number;
  artifactId: number;
  evtNum: number;
  label: string | null;
  createdAt: string;
}

export interface SavedFilterRecord {
  id: number;
  name: string;
  filter: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What identifies a stored view result: same key, same result (a newer put replaces it). */
export interface ViewKey {
  name: string;
  artifactId?: number | null;
  params?: Record<string, unknown>;
  filter?: string | null;
  tsFrom?: bigint | null;
  tsTo?: bigint | null;
}

export interface ViewInput extends ViewKey {
  rows: unknown[];
}

export interface ViewRecord {
  id: number;
  name: string;
  artifactId: number | null;
  importId: string | null;
  params: Record<string, unknown>;
  filter: string | null;
  tsFrom: bigint | null;
  tsTo: bigint | null;
  rowCount: number;
  createdAt: string;
  rows: unknown[];
}

export type ViewSummary = Omit<ViewRecord, 'rows'>;

export interface ImportRecord {
  id: string;
  artifactId: number;
  startedAt: string;
  completedAt: string;
  events: number;
  findings: number;
  views: number;
  firstTs: bigint | null;
  lastTs: bigint | null;
  /** ts never decreases with evt_num in this import. */
  tsSorted: boolean;
  meta: Record<string, unknown>;
}
