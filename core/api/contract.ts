/**
 * The API contract: every request, response, progress event and error code that crosses a host
 * boundary. The renderer may only `import type` from this file; hosts validate inputs against the
 * schemas in ./schemas.ts, which are checked against these types at compile time.
 */

/** Stable error codes. The UI, CLI exit status and tests rely on the code, never on message text. */
export const ERROR_CODES = [
  // transport and contract
  'INVALID_REQUEST',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'CANCELLED',
  'INTERNAL',
  // files
  'FILE_NOT_FOUND',
  'FILE_NOT_READABLE',
  /** Writing a scratch file failed (the temporary folder is full or not writable). */
  'DISK_WRITE_FAILED',
  'NOT_A_DIRECTORY',
  // captures
  'CAPTURE_NOT_SCAP',
  'CAPTURE_TRUNCATED',
  'CAPTURE_CORRUPT_BLOCK',
  'CAPTURE_UNKNOWN_BLOCK',
  'CAPTURE_UNSUPPORTED_VERSION',
  'CAPTURE_NOT_OPEN',
  // filters and rules
  'FILTER_SYNTAX',
  'FILTER_UNKNOWN_FIELD',
  'FILTER_BAD_OPERATOR',
  'FILTER_BAD_VALUE',
  'FILTER_UNSUPPORTED',
  'RULES_INVALID',
  // cases
  'CASE_NOT_FOUND',
  'CASE_EXISTS',
  'CASE_CORRUPT',
  'CASE_TOO_NEW',
  'CASE_BUSY',
  'CASE_VERIFY_FAILED',
  'CASE_SECRET_REFUSED',
  'CASE_APPEND_ONLY',
  'CASE_ARTIFACT_NOT_FOUND',
  'CASE_ALREADY_INDEXED',
  'CASE_IMPORT_CLOSED',
  'EXPORT_TARGET_EXISTS',
  // CLI
  'CLI_USAGE',
  'CLI_UNKNOWN_COMMAND',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable shape of an error crossing any host boundary (IPC, WebSocket, CLI JSON). */
export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** What the user can do next. */
  hint?: string;
  /** Character offset into the user's input (filters) or byte offset (captures). */
  position?: number;
  detail?: Record<string, unknown>;
}

/** A warning that did not stop an operation (a truncated capture still opens). */
export interface ApiWarning {
  code: ErrorCode;
  message: string;
  /** Byte offset in the evidence where the problem starts, when it has one. */
  offset?: number;
}

/** Streamed by long operations. `fraction` is 0..1; `etaMs` is absent until it can be estimated. */
export interface ProgressEvent {
  phase: string;
  fraction: number;
  etaMs?: number;
  message?: string;
}

export type HostMode = 'electron' | 'web' | 'cli';

export interface AppInfo {
  name: string;
  version: string;
  mode: HostMode;
  /** Where the generated demo capture lives, when it has been built. */
  demoCapture?: string;
  /** The capture given on the command line, opened at start. */
  initialCapture?: string;
}

export interface DirEntry {
  name: string;
  path: string;
  kind: 'file' | 'dir' | 'other';
  size: number;
  /** True when the file starts like a scap capture (raw or gzip), so pickers can highlight it. */
  looksLikeCapture: boolean;
}

export interface DirListing {
  path: string;
  parent: string | null;
  entries: DirEntry[];
}

export interface EvidenceHash {
  path: string;
  size: number;
  sha256: string;
}

export interface CaptureBlockCount {
  kind: string;
  count: number;
}

export interface CaptureSummary {
  id: string;
  path: string;
  size: number;
  sha256: string;
  compressed: boolean;
  /** Section header version, e.g. "1.2". */
  version: string;
  events: number;
  /** Nanoseconds since the epoch, as decimal strings (JSON has no 64-bit integers). */
  firstTs: string | null;
  lastTs: string | null;
  blocks: CaptureBlockCount[];
  warnings: ApiWarning[];
}

/**
 * Every method: its params and its result. `long` methods stream ProgressEvent and accept a cancel.
 * Adding a method here forces a schema (schemas.ts) and an implementation (service.ts).
 */
// ---- capture explorer ----------------------------------------------------------------------

/** Scope shared by every capture query: a sysdig/Falco filter and a time range (ns since epoch, as text). */
export interface CaptureScope {
  filter?: string;
  from?: string;
  to?: string;
}

export interface EventRow {
  num: number;
  /** Nanoseconds since the epoch. */
  ts: string;
  cpu: number;
  dir: '>' | '<' | '';
  type: string;
  tid: number;
  proc: string;
  info: string;
  /** Extra columns the caller asked for, by field name, as sysdig prints them (<NA> when absent). */
  cols?: Record<string, string>;
}

export interface EventPage {
  /** Events in the scope (all events when the scope is empty). */
  total: number;
  offset: number;
  rows: EventRow[];
}

export interface DetailField {
  name: string;
  value: string;
  /** A filter selecting events with this value ("apply as filter"). */
  filter?: string;
}

export interface DetailSection {
  title: string;
  fields: DetailField[];
}

export interface EventDetail {
  num: number;
  ts: string;
  line: string;
  sections: DetailSection[];
  /** The event's data buffer (reads/writes), base64, when it has one. */
  data?: string;
  /** Ancestors of the event's process, nearest first. */
  ancestors: { pid: number; name: string; exe: string; args: string }[];
}

export interface FieldInfo {
  name: string;
  cls: string;
  type: string;
  desc: string;
  /** How the field takes an argument: none, [N], .NAME… */
  arg: string;
}

export interface ViewInfo {
  id: string;
  title: string;
  kind: 'table' | 'list';
  description: string;
}

export type Cell = number | string | null;
export type Unit = 'bytes' | 'ns' | 'count' | 'text' | 'time' | 'id' | 'pct';

export interface ViewColumn {
  id: string;
  title: string;
  unit: Unit;
  key?: boolean;
}

export interface ViewRow {
  key: string[];
  cells: Cell[];
  /** The filter that selects this row's events: the drill-down. */
  filter: string;
}

export interface ViewResult {
  id: string;
  title: string;
  kind: 'table' | 'list';
  columns: ViewColumn[];
  rows: ViewRow[];
  totalRows: number;
  sort: { column: string; desc: boolean } | null;
  filter: string | null;
  drilldown?: string;
}

export interface Series {
  /** Start of the first bucket, ns since the epoch (aligned to width). */
  start: string;
  /** Bucket width in ns. */
  width: number;
  values: number[];
  total: number;
  max: number;
}

export interface TileResult {
  id: string;
  name: string;
  desc: string;
  category: string;
  total: number;
  series: Series;
  /** The view a click on the tile drills into, with `filter` applied. */
  targetView: string;
  filter: string | null;
  /** How to print `total` and the series: byte tiles sum bytes, the others count. */
  unit: 'bytes' | 'count';
}

export interface OverviewResult {
  categories: { id: string; name: string }[];
  tiles: TileResult[];
}

export interface ExecRecord {
  ts: string;
  num: string;
  exe: string;
  args: string;
  name: string;
  user: string;
}

export interface ProcNode {
  /** The pid, plus `#n` for the n-th reuse of a pid. */
  id: string;
  pid: number;
  ppid: number | null;
  parent: string | null;
  children: string[];
  name: string;
  exe: string;
  args: string;
  user: string;
  container: string;
  /** Creation time when the capture saw the clone, else null (it existed before). */
  start: string | null;
  exit: string | null;
  exitStatus: number | null;
  firstSeen: string;
  lastSeen: string;
  /** The image it started with, then each exec. */
  execs: ExecRecord[];
  threads: number[];
  events: number;
  filter: string;
}

export interface ProcTreeResult {
  nodes: ProcNode[];
  roots: string[];
}

export interface TopoNode {
  id: string;
  kind: 'process' | 'container' | 'endpoint';
  label: string;
  detail: string;
  filter: string;
}

export interface TopoEdge {
  /** Client side. */
  from: string;
  /** Server side. */
  to: string;
  proto: string;
  port: number | null;
  bytesOut: number;
  bytesIn: number;
  connections: number;
  ioCalls: number;
  filter: string;
}

export interface TopologyResult {
  grouping: 'process' | 'procname' | 'container';
  nodes: TopoNode[];
  edges: TopoEdge[];
}

export interface StreamChunk {
  num: string;
  ts: string;
  dir: 'read' | 'write';
  /** Bytes the call moved. */
  len: number;
  /** The bytes the capture kept (snap length), base64. */
  data: string;
  fd: string;
  fdNum: number | null;
  proc: string;
  pid: number | null;
  tid: number | null;
  container: string;
}

export interface StreamSummary {
  chunks: number;
  bytesRead: number;
  bytesWritten: number;
  /** Bytes moved but not kept by the capture's snap length. */
  bytesMissing: number;
  /** Distinct fd names the filter matched: more than one means the filter spans streams. */
  streams: string[];
}

export interface AnalyzeRequest extends CaptureScope {
  views?: { id: string; sort?: string; desc?: boolean; top?: number }[];
  overview?: boolean;
  /** Count events matching `filter` (on top of the scope), or sum `field`, per time bucket. */
  series?: { id: string; filter?: string; field?: string }[];
  tree?: boolean;
  topology?: 'process' | 'procname' | 'container';
  follow?: { fdFilter: string | null; limit?: number };
  maxBuckets?: number;
}

export interface AnalyzeResult {
  summary: { events: number; matched: number; firstTs: string | null; lastTs: string | null; scopeFilter: string | null; warnings: string[] };
  views: Record<string, ViewResult>;
  overview?: OverviewResult;
  series?: Record<string, Series>;
  tree?: ProcTreeResult;
  topology?: TopologyResult;
  follow?: { chunks: StreamChunk[]; summary: StreamSummary; dropped: number };
}

export interface FilterProblem {
  code: string;
  message: string;
  start: number;
  end: number;
  suggestion?: string;
  /** Text that replaces start..end to fix the problem (a one-click fix), when there is one. */
  replacement?: string;
}

export type FilterCheck = { ok: true; fields: string[] } | { ok: false; problem: FilterProblem };

export interface CompletionItem {
  label: string;
  kind: string;
  detail?: string;
  insert?: string;
}

export interface CompletionResult {
  from: number;
  to: number;
  items: CompletionItem[];
}

export interface Finding {
  rule: string;
  priority: string;
  /** ns since the epoch. */
  ts: string;
  time: string;
  output: string;
  tags: string[];
  evtNum: number;
  outputFields: Record<string, string | number | boolean | null>;
}

export interface RulesRun {
  findings: Finding[];
  counts: { rule: string; count: number }[];
  rulesLoaded: number;
  problems: { severity: 'error' | 'warning'; message: string; file?: string; line?: number; item?: string }[];
}

// ---- cases -----------------------------------------------------------------------------------

/** A piece of evidence in a case. The file stays where it is, read-only; the case keeps its hash. */
export interface CaseArtifact {
  id: number;
  path: string;
  kind: string;
  sha256: string;
  size: number;
  addedAt: string;
  label: string | null;
  /** The case holds its first-pass index: its list and views open without reading the capture. */
  indexed: boolean;
  /** Rows of the event list in the index (0 when not indexed). */
  events: number;
  importedAt: string | null;
  /** Stored analysis results (views, overview, tree, topology). */
  views: number;
}

export interface CaseInfo {
  /** The case's own id (stable across reopening); every case.* call names the case by it. */
  id: string;
  path: string;
  name: string;
  createdAt: string;
  schemaVersion: number;
  artifacts: CaseArtifact[];
  counts: { findings: number; notes: number; bookmarks: number; filters: number };
  /** The newest audit entry: what an export manifest records as its anchor. */
  auditHead: { seq: number; hash: string } | null;
}

export interface CaseFinding {
  id: number;
  artifactId: number | null;
  rule: string;
  /** Lower-case Falco priority (emergency … debug). */
  priority: string;
  source: string;
  ts: string | null;
  /** The explorer's evt.num: the same number the event list shows. */
  evtNum: number | null;
  output: string;
  outputFields: Record<string, string | number | boolean | null>;
  tags: string[];
  createdAt: string;
}

export interface CaseNote {
  id: number;
  artifactId: number | null;
  evtNum: number | null;
  text: string;
  author: string;
  createdAt: string;
}

export interface CaseBookmark {
  id: number;
  artifactId: number;
  evtNum: number;
  label: string | null;
  createdAt: string;
  /** The bookmarked event as the case's index lists it; null when the artifact is not indexed. */
  event: EventRow | null;
}

export interface CaseFilter {
  id: number;
  name: string;
  filter: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseAuditEntry {
  seq: number;
  time: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface CaseVerifyReport {
  /** True when nothing is an error (an interrupted import is a warning). */
  ok: boolean;
  path: string;
  caseId: string | null;
  schemaVersion: number;
  audit: { ok: boolean; entries: number; head: { seq: number; hash: string } | null; firstBroken?: { seq: number; reason: string } };
  artifacts: {
    id: number;
    path: string;
    kind: string;
    sha256: string;
    size: number;
    status: 'ok' | 'changed' | 'missing' | 'unreadable' | 'not-checked';
    actualSha256?: string;
    actualSize?: number;
  }[];
  interruptedImports: { importId: string; artifactId: number; seq: number; startedAt: string }[];
  issues: {
    kind: 'database' | 'audit-chain' | 'anchor' | 'artifact' | 'record' | 'import';
    severity: 'error' | 'warning';
    message: string;
    seq?: number;
    artifactId?: number;
    path?: string;
    importId?: string;
  }[];
}

export interface CaseCaptureImport {
  artifact: CaseArtifact;
  /** False when the same file with the same content was already in the case. */
  added: boolean;
  import: { id: string; events: number; views: number; firstTs: string | null; lastTs: string | null };
}

export interface CaseExportResult {
  dir: string;
  manifestSha256: string;
  /** Files in the bundle, manifest.json included. */
  files: number;
  auditHead: { seq: number; hash: string } | null;
  verified: { ok: boolean; issues: number } | null;
  captures: { file: string; artifactId: number; events: number }[];
}

export interface Methods {
  'app.info': { params: Record<string, never>; result: AppInfo; long: false };
  'fs.list': { params: { path?: string }; result: DirListing; long: false };
  'evidence.hash': { params: { path: string }; result: EvidenceHash; long: true };
  'capture.open': { params: { path: string }; result: CaptureSummary; long: true };
  'capture.close': { params: { id: string }; result: { closed: boolean }; long: false };
  'capture.locate': { params: { id: string; num: number } & CaptureScope; result: { offset: number | null; total: number }; long: true };
  /** Listed events per time bucket; with `filter`, only the rows the filter keeps (same grid). */
  'capture.density': { params: { id: string; from?: string; to?: string; maxBuckets?: number; filter?: string }; result: Series; long: true };
  'capture.events': { params: { id: string; offset: number; limit: number; columns?: string[] } & CaptureScope; result: EventPage; long: true };
  'capture.event': { params: { id: string; num: number }; result: EventDetail; long: true };
  'capture.analyze': { params: { id: string } & AnalyzeRequest; result: AnalyzeResult; long: true };
  'capture.views': { params: Record<string, never>; result: ViewInfo[]; long: false };
  'fields.list': { params: Record<string, never>; result: FieldInfo[]; long: false };
  'filter.validate': { params: { filter: string }; result: FilterCheck; long: false };
  'filter.complete': { params: { filter: string; cursor: number; id?: string }; result: CompletionResult; long: false };
  'rules.run': { params: { id: string; defaults: boolean; files?: string[] } & CaptureScope; result: RulesRun; long: true };
  'case.create': { params: { path: string; name?: string }; result: CaseInfo; long: false };
  'case.open': { params: { path: string }; result: CaseInfo; long: false };
  'case.info': { params: { caseId: string }; result: CaseInfo; long: false };
  'case.close': { params: { caseId: string }; result: { closed: boolean }; long: false };
  /** Stores an open capture's first-pass index and its unscoped views in the case, in one import. */
  'case.addCapture': { params: { caseId: string; captureId: string; maxBuckets?: number }; result: CaseCaptureImport; long: true };
  /** Opens an indexed artifact from the case's stored index, without reading the capture. */
  'case.openCapture': { params: { caseId: string; artifactId: number }; result: CaptureSummary; long: true };
  /** Adds rule alerts; one already in the case (same artifact, rule, event, time and output) is skipped. */
  'case.findings.add': { params: { caseId: string; artifactId: number; findings: Finding[] }; result: { added: CaseFinding[]; skipped: number }; long: false };
  'case.findings.list': { params: { caseId: string; artifactId?: number; limit?: number }; result: CaseFinding[]; long: false };
  'case.notes.add': { params: { caseId: string; text: string; artifactId?: number; evtNum?: number }; result: CaseNote; long: false };
  'case.notes.list': { params: { caseId: string; artifactId?: number; evtNum?: number }; result: CaseNote[]; long: false };
  'case.bookmarks.add': { params: { caseId: string; artifactId: number; evtNum: number; label?: string }; result: CaseBookmark; long: false };
  'case.bookmarks.remove': { params: { caseId: string; artifactId: number; evtNum: number }; result: { removed: boolean }; long: false };
  'case.bookmarks.list': { params: { caseId: string; artifactId?: number }; result: CaseBookmark[]; long: false };
  'case.filters.save': { params: { caseId: string; name: string; filter: string; description?: string }; result: CaseFilter; long: false };
  'case.filters.list': { params: { caseId: string }; result: CaseFilter[]; long: false };
  'case.verify': { params: { caseId: string }; result: CaseVerifyReport; long: true };
  /** The newest `limit` audit entries (all when absent), oldest first. */
  'case.audit': { params: { caseId: string; limit?: number }; result: { entries: CaseAuditEntry[]; total: number }; long: false };
  /** A report bundle in a new folder; `bookmarked` adds the bookmarked events as capture slices. */
  'case.export': { params: { caseId: string; dir: string; bookmarked?: boolean }; result: CaseExportResult; long: true };
}

export type MethodName = keyof Methods;
export type Params<M extends MethodName> = Methods[M]['params'];
export type Result<M extends MethodName> = Methods[M]['result'];

export interface CallOptions {
  onProgress?: (p: ProgressEvent) => void;
  signal?: AbortSignal;
  /**
   * The cancel hook for callers across Electron's contextBridge, which copies an AbortSignal into a
   * plain object and loses it; functions do cross. The callee hands over a function that cancels.
   */
  registerCancel?: (cancel: () => void) => void;
}

/**
 * What the renderer holds. Built by the preload in Electron and by the WebSocket client in web mode;
 * both implement exactly this, so every UI test covers both.
 */
export interface Api {
  call<M extends MethodName>(method: M, params: Params<M>, options?: CallOptions): Promise<Result<M>>;
  /** Events the host pushes (the Electron menu's Open capture…). Returns an unsubscribe function. */
  onHostEvent?(listener: (event: HostEvent) => void): () => void;
}

export type HostEvent =
  | { kind: 'open-capture'; path: string }
  | { kind: 'open-case'; path: string };

/** Wire messages shared by the IPC and WebSocket transports. */
export type ClientMessage =
  | { kind: 'call'; id: number; method: string; params: unknown }
  | { kind: 'cancel'; id: number };

export type ServerMessage =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: ApiErrorShape }
  | { kind: 'progress'; id: number; progress: ProgressEvent };
