import { resolve } from 'node:path';
import type { ProgressEvent } from '../api/contract.js';
import { TracehoundError } from '../api/errors.js';
import { ProgressReporter } from '../api/progress.js';
import { verifyAuditChain, type AuditEntry, type ChainReport } from './audit.js';
import { openDb, sqliteError, type Db } from './database.js';
import { hashEvidence } from './evidence.js';
import { caseVersion } from './migrate.js';
import { DigestList, findingDigest, noteDigest, type FindingDbRow, type NoteDbRow } from './records.js';

export interface VerifyOptions {
  onProgress?: (p: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Re-hash every referenced evidence file (the slow part). Default true. */
  hashArtifacts?: boolean;
  /**
   * A head recorded elsewhere (an export manifest, a ticket): proves the log was not rewritten
   * wholesale or cut short after that point, which no chain can prove about itself.
   */
  anchor?: { seq: number; hash: string };
}

export type ArtifactStatus = 'ok' | 'changed' | 'missing' | 'unreadable' | 'not-checked';

export interface ArtifactCheck {
  id: number;
  path: string;
  kind: string;
  sha256: string;
  size: number;
  status: ArtifactStatus;
  actualSha256?: string;
  actualSize?: number;
}

export interface InterruptedImport {
  importId: string;
  artifactId: number;
  /** The audit entry that started it. */
  seq: number;
  startedAt: string;
}

export type VerifyIssueKind = 'database' | 'audit-chain' | 'anchor' | 'artifact' | 'record' | 'import';

export interface VerifyIssue {
  kind: VerifyIssueKind;
  severity: 'error' | 'warning';
  message: string;
  seq?: number;
  artifactId?: number;
  path?: string;
  importId?: string;
}

export interface VerifyReport {
  /** True when nothing has severity 'error' (an interrupted import is a warning). */
  ok: boolean;
  path: string;
  caseId: string | null;
  schemaVersion: number;
  audit: ChainReport;
  artifacts: ArtifactCheck[];
  interruptedImports: InterruptedImport[];
  issues: VerifyIssue[];
}

/**
 * Proves a case: the database is intact, the audit chain re-hashes end to end, every artifact,
 * import, finding and note is vouched for by the entry that added it, and every referenced
 * evidence file still has the hash it had when it was added. Opens the case read-only and never
 * migrates it. Returns a report; use assertVerified to turn a failure into CASE_VERIFY_FAILED.
 */
export async function verifyCase(path: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const full = resolve(path);
  const progress = options.onProgress ?? (() => {});
  const db = openForVerify(full);
  let report: VerifyReport;
  try {
    report = checkDatabase(db, full, options, progress);
  } catch (e) {
    throw sqliteError(e, full);
  } finally {
    db.close();
  }
  if (options.hashArtifacts !== false) await hashArtifacts(report, options, progress);
  report.ok = !report.issues.some((i) => i.severity === 'error');
  return report;
}

/** Throws CASE_VERIFY_FAILED naming the first problem when the report is not ok. */
export function assertVerified(report: VerifyReport): void {
  if (report.ok) return;
  const first = report.issues.find((i) => i.severity === 'error')!;
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  throw new TracehoundError('CASE_VERIFY_FAILED', `${report.path} failed verification: ${first.message}${errors > 1 ? ` (and ${errors - 1} more)` : ''}`, {
    hint: 'The case or its evidence changed since it was recorded; see the report for every problem.',
    detail: { path: report.path, issues: report.issues.slice(0, 50) },
  });
}

/**
 * Read-only where possible. A case left by a crash has a WAL that must be recovered first, and a
 * read-only connection cannot do that; then a normal connection does it, writing nothing else.
 */
function openForVerify(path: string): Db {
  try {
    const db = openDb(path, { readonly: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (e) {
    const err = sqliteError(e, path);
    if (err instanceof TracehoundError && err.code !== 'FILE_NOT_READABLE' && err.code !== 'CASE_BUSY') throw err;
    return openDb(path);
  }
}

interface Expectations {
  caseId: string | null;
  artifacts: Map<number, { seq: number; details: Record<string, unknown> }>;
  started: Map<string, { seq: number; artifactId: number; time: string }>;
  completed: Map<string, { seq: number; details: Record<string, unknown> }>;
  aborted: Set<string>;
  findingSingles: Map<number, { seq: number; digest: string }>;
  findingBatches: { seq: number; firstId: number; lastId: number; count: number; digest: string }[];
  notes: Map<number, { seq: number; digest: string }>;
}

function checkDatabase(db: Db, path: string, options: VerifyOptions, progress: (p: ProgressEvent) => void): VerifyReport {
  const issues: VerifyIssue[] = [];
  progress({ phase: 'checking database', fraction: 0 });
  const check = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const bad = check.map((r) => r.quick_check).filter((m) => m !== 'ok');
  if (bad.length) issues.push({ kind: 'database', severity: 'error', message: `SQLite integrity check failed: ${bad.slice(0, 3).join('; ')}` });
  const version = caseVersion(db, path);
  const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const guards = ['audit_log', 'artifacts', 'imports', 'findings', 'notes'].filter((t) => tables.has(t))
    .flatMap((t) => [[t, `${t}_no_update`], [t, `${t}_no_delete`]]).concat([['audit_log', 'audit_log_extends_chain']]);
  for (const [table, trigger] of guards) {
    const present = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?").get(trigger);
    if (!present) issues.push({ kind: 'database', severity: 'error', message: `The append-only guard ${trigger} on ${table} has been removed` });
  }

  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const reporter = new ProgressReporter('verifying audit chain', total, progress);
  const x: Expectations = {
    caseId: null, artifacts: new Map(), started: new Map(), completed: new Map(), aborted: new Set(),
    findingSingles: new Map(), findingBatches: [], notes: new Map(),
  };
  const audit = verifyAuditChain(db, (e) => collect(x, e), () => reporter.advance(1));
  reporter.done();
  if (audit.firstBroken) {
    issues.push({ kind: 'audit-chain', severity: 'error', seq: audit.firstBroken.seq, message: `Audit entry ${audit.firstBroken.seq} is broken: ${audit.firstBroken.reason}` });
  }
  if (options.anchor) checkAnchor(db, options.anchor, issues);

  const artifacts = checkArtifactRows(db, x, issues);
  const interruptedImports = checkImports(db, x, tables, issues);
  if (tables.has('findings')) checkFindings(db, x, issues);
  if (tables.has('notes')) checkNotes(db, x, issues);

  const meta = db.prepare("SELECT value FROM case_meta WHERE key = 'case_id'").get() as { value: string } | undefined;
  if (meta && x.caseId && meta.value !== x.caseId) {
    issues.push({ kind: 'record', severity: 'error', message: `The case id ${meta.value} is not the one its 'case.created' entry recorded (${x.caseId})` });
  }
  return { ok: false, path, caseId: meta?.value ?? null, schemaVersion: version, audit, artifacts, interruptedImports, issues };
}

function collect(x: Expectations, e: AuditEntry): void {
  const d = e.details;
  const n = (k: string) => Number(d[k]);
  const s = (k: string) => String(d[k]);
  switch (e.action) {
    case 'case.created': x.caseId = s('caseId'); break;
    case 'artifact.added': x.artifacts.set(n('artifactId'), { seq: e.seq, details: d }); break;
    case 'import.started': x.started.set(s('importId'), { seq: e.seq, artifactId: n('artifactId'), time: e.time }); break;
    case 'import.completed': x.completed.set(s('importId'), { seq: e.seq, details: d }); break;
    case 'import.aborted': x.aborted.add(s('importId')); break;
    case 'finding.added': x.findingSingles.set(n('findingId'), { seq: e.seq, digest: s('digest') }); break;
    case 'findings.added': x.findingBatches.push({ seq: e.seq, firstId: n('firstId'), lastId: n('lastId'), count: n('count'), digest: s('digest') }); break;
    case 'note.added': x.notes.set(n('noteId'), { seq: e.seq, digest: s('digest') }); break;
    default: break;
  }
}

function checkAnchor(db: Db, anchor: { seq: number; hash: string }, issues: VerifyIssue[]): void {
  const r = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(anchor.seq) as { hash: string } | undefined;
  if (!r) issues.push({ kind: 'anchor', severity: 'error', seq: anchor.seq, message: `Audit entry ${anchor.seq} (the anchor) is missing: the log was cut short` });
  else if (r.hash !== anchor.hash.toLowerCase()) issues.push({ kind: 'anchor', severity: 'error', seq: anchor.seq, message: `Audit entry ${anchor.seq} does not have the anchored hash: the log was rewritten` });
}

function checkArtifactRows(db: Db, x: Expectations, issues: VerifyIssue[]): ArtifactCheck[] {
  const rows = db.prepare('SELECT id, path, kind, sha256, size FROM artifacts ORDER BY id').all() as { id: number; path: string; kind: string; sha256: string; size: number }[];
  const seen = new Set<number>();
  for (const r of rows) {
    seen.add(r.id);
    const e = x.artifacts.get(r.id);
    if (!e) {
      issues.push({ kind: 'record', severity: 'error', artifactId: r.id, path: r.path, message: `Artifact ${r.id} (${r.path}) has no 'artifact.added' audit entry` });
      continue;
    }
    const d = e.details;
    const diffs = (['path', 'kind', 'sha256', 'size'] as const).filter((k) => d[k] !== r[k]);
    if (diffs.length) {
      issues.push({ kind: 'record', severity: 'error', artifactId: r.id, path: r.path, seq: e.seq, message: `Artifact ${r.id} (${r.path}) differs from audit entry ${e.seq} in ${diffs.join(', ')}` });
    }
  }
  for (const [id, e] of x.artifacts) {
    if (!seen.has(id)) issues.push({ kind: 'record', severity: 'error', artifactId: id, seq: e.seq, message: `Artifact ${id} added in audit entry ${e.seq} is missing from the case` });
  }
  // The audit log's values are the reference: a row edited to match a changed file must not pass.
  return rows.map((r) => {
    const d = x.artifacts.get(r.id)?.details;
    const sha256 = typeof d?.sha256 === 'string' ? d.sha256 : r.sha256;
    const size = typeof d?.size === 'number' ? d.size : r.size;
    return { id: r.id, path: typeof d?.path === 'string' ? d.path : r.path, kind: r.kind, sha256, size, status: 'not-checked' as ArtifactStatus };
  });
}

function checkImports(db: Db, x: Expectations, tables: Set<string>, issues: VerifyIssue[]): InterruptedImport[] {
  const interrupted: InterruptedImport[] = [];
  for (const [importId, s] of x.started) {
    if (x.completed.has(importId) || x.aborted.has(importId)) continue;
    interrupted.push({ importId, artifactId: s.artifactId, seq: s.seq, startedAt: s.time });
    issues.push({
      kind: 'import', severity: 'warning', importId, artifactId: s.artifactId, seq: s.seq,
      message: `Import ${importId} of artifact ${s.artifactId} (started in audit entry ${s.seq}) never completed; nothing of it was kept`,
    });
  }
  if (!tables.has('imports')) return interrupted;
  const rows = db.prepare('SELECT id, artifact_id, events, findings FROM imports ORDER BY completed_at, rowid').all() as { id: string; artifact_id: number; events: number; findings: number }[];
  const latest = new Map<number, { id: string; events: number }>();
  const seen = new Set<string>();
  for (const r of rows) {
    seen.add(r.id);
    latest.set(r.artifact_id, { id: r.id, events: r.events });
    const e = x.completed.get(r.id);
    if (!e) {
      issues.push({ kind: 'record', severity: 'error', importId: r.id, artifactId: r.artifact_id, message: `Import ${r.id} has no 'import.completed' audit entry` });
    } else if (e.details.events !== r.events || e.details.findings !== r.findings || e.details.artifactId !== r.artifact_id) {
      issues.push({ kind: 'record', severity: 'error', importId: r.id, seq: e.seq, message: `Import ${r.id} differs from audit entry ${e.seq}` });
    }
  }
  for (const [id, e] of x.completed) {
    if (!seen.has(id)) issues.push({ kind: 'record', severity: 'error', importId: id, seq: e.seq, message: `Import ${id} completed in audit entry ${e.seq} is missing from the case` });
  }
  // The index of each artifact must be exactly what its latest import wrote.
  const counts = db.prepare('SELECT count(*) AS n FROM events WHERE artifact_id = ?');
  const indexed = db.prepare('SELECT DISTINCT artifact_id AS a FROM events').all() as { a: number }[];
  for (const { a } of indexed) {
    if (!latest.has(a)) issues.push({ kind: 'record', severity: 'error', artifactId: a, message: `Artifact ${a} has index rows but no completed import` });
  }
  const dangling = db.prepare(`SELECT e.artifact_id AS a, e.evt_num AS n FROM events e WHERE
    (e.proc_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM strings s WHERE s.id = e.proc_name)) OR
    (e.fd_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM strings s WHERE s.id = e.fd_name)) OR
    (e.container IS NOT NULL AND NOT EXISTS (SELECT 1 FROM strings s WHERE s.id = e.container)) OR
    (e.info IS NOT NULL AND NOT EXISTS (SELECT 1 FROM strings s WHERE s.id = e.info))${typeNameCheck(db)} LIMIT 1`).get() as { a: number; n: number } | undefined;
  if (dangling) {
    issues.push({ kind: 'record', severity: 'error', artifactId: dangling.a, message: `Event ${dangling.n} of artifact ${dangling.a} refers to a string that is not in the case` });
  }
  for (const [artifactId, imp] of latest) {
    const n = (counts.get(artifactId) as { n: number }).n;
    if (n !== imp.events) {
      issues.push({ kind: 'record', severity: 'error', artifactId, importId: imp.id, message: `Artifact ${artifactId} has ${n} indexed events; import ${imp.id} recorded ${imp.events}` });
    }
  }
  return interrupted;
}

function checkFindings(db: Db, x: Expectations, issues: VerifyIssue[]): void {
  const rows = db.prepare('SELECT * FROM findings ORDER BY id').safeIntegers(true).all() as FindingDbRow[];
  const byImport = new Map<string, DigestList>();
  const loose: FindingDbRow[] = [];
  const covered = new Set<number>();
  for (const r of rows) {
    const id = Number(r.id);
    if (r.import_id !== null) {
      let d = byImport.get(r.import_id);
      if (!d) byImport.set(r.import_id, (d = new DigestList()));
      d.add(findingDigest(r));
      covered.add(id);
      continue;
    }
    const single = x.findingSingles.get(id);
    if (single) {
      covered.add(id);
      if (single.digest !== findingDigest(r)) issues.push({ kind: 'record', severity: 'error', seq: single.seq, message: `Finding ${id} differs from what audit entry ${single.seq} recorded` });
      continue;
    }
    loose.push(r);
  }
  for (const [importId, d] of byImport) {
    const e = x.completed.get(importId);
    if (!e) {
      issues.push({ kind: 'record', severity: 'error', importId, message: `Findings of import ${importId} have no 'import.completed' audit entry` });
    } else if (e.details.findingsDigest !== d.digest() || e.details.findings !== d.count) {
      issues.push({ kind: 'record', severity: 'error', importId, seq: e.seq, message: `Findings of import ${importId} differ from what audit entry ${e.seq} recorded` });
    }
  }
  for (const [importId, e] of x.completed) {
    if (!byImport.has(importId) && Number(e.details.findings) > 0) {
      issues.push({ kind: 'record', severity: 'error', importId, seq: e.seq, message: `Findings of import ${importId} (audit entry ${e.seq}) are missing` });
    }
  }
  const byId = new Map(loose.map((r) => [Number(r.id), r]));
  for (const b of x.findingBatches) {
    const d = new DigestList();
    for (let id = b.firstId; id <= b.lastId; id++) {
      const r = byId.get(id);
      if (r) { d.add(findingDigest(r)); covered.add(id); }
    }
    if (d.count !== b.count || d.digest() !== b.digest) {
      issues.push({ kind: 'record', severity: 'error', seq: b.seq, message: `Findings ${b.firstId}..${b.lastId} differ from what audit entry ${b.seq} recorded` });
    }
  }
  for (const [id, e] of x.findingSingles) {
    if (!covered.has(id)) issues.push({ kind: 'record', severity: 'error', seq: e.seq, message: `Finding ${id} added in audit entry ${e.seq} is missing` });
  }
  for (const r of rows) {
    if (!covered.has(Number(r.id))) issues.push({ kind: 'record', severity: 'error', message: `Finding ${Number(r.id)} has no audit entry` });
  }
}

function checkNotes(db: Db, x: Expectations, issues: VerifyIssue[]): void {
  const rows = db.prepare('SELECT * FROM notes ORDER BY id').safeIntegers(true).all() as NoteDbRow[];
  const seen = new Set<number>();
  for (const r of rows) {
    const id = Number(r.id);
    seen.add(id);
    const e = x.notes.get(id);
    if (!e) issues.push({ kind: 'record', severity: 'error', message: `Note ${id} has no audit entry` });
    else if (e.digest !== noteDigest(r)) issues.push({ kind: 'record', severity: 'error', seq: e.seq, message: `Note ${id} differs from what audit entry ${e.seq} recorded` });
  }
  for (const [id, e] of x.notes) {
    if (!seen.has(id)) issues.push({ kind: 'record', severity: 'error', seq: e.seq, message: `Note ${id} added in audit entry ${e.seq} is missing` });
  }
}

async function hashArtifacts(report: VerifyReport, options: VerifyOptions, progress: (p: ProgressEvent) => void): Promise<void> {
  const totalBytes = report.artifacts.reduce((n, a) => n + a.size, 0);
  const reporter = new ProgressReporter('hashing evidence', totalBytes, progress);
  let before = 0;
  for (const a of report.artifacts) {
    if (options.signal?.aborted) throw new TracehoundError('CANCELLED', 'Verification was cancelled');
    const sub = (p: ProgressEvent) => reporter.set(before + p.fraction * a.size);
    try {
      const hashOptions: Parameters<typeof hashEvidence>[1] = { onProgress: sub };
      if (options.signal) hashOptions.signal = options.signal;
      const d = await hashEvidence(a.path, hashOptions);
      a.actualSha256 = d.sha256;
      a.actualSize = d.size;
      a.status = d.sha256 === a.sha256 ? 'ok' : 'changed';
    } catch (e) {
      if (e instanceof TracehoundError && e.code === 'CANCELLED') throw e;
      const code = e instanceof TracehoundError ? e.code : (e as NodeJS.ErrnoException).code;
      a.status = code === 'FILE_NOT_FOUND' || code === 'ENOENT' ? 'missing' : 'unreadable';
    }
    before += a.size;
    if (a.status !== 'ok') {
      const what = a.status === 'changed' ? `changed (sha256 ${a.actualSha256} instead of ${a.sha256}${a.actualSize !== a.size ? `, ${a.actualSize} bytes instead of ${a.size}` : ''})`
        : a.status === 'missing' ? 'is missing' : 'cannot be read';
      report.issues.push({ kind: 'artifact', severity: 'error', artifactId: a.id, path: a.path, message: `Evidence file ${a.path} (artifact ${a.id}) ${what}` });
    }
  }
  reporter.done();
}

/** Schema 4 added events.type_name; an older case (verify never migrates) has no such column. */
function typeNameCheck(db: Db): string {
  const cols = db.prepare('PRAGMA table_info(events)').all() as { name: string }[];
  return cols.some((c) => c.name === 'type_name')
    ? ' OR\n    (e.type_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM strings s WHERE s.id = e.type_name))'
    : '';
}
