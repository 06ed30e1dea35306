import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import type { Db } from './database.js';
import { GENESIS_HASH } from './schema.js';
import { assertNoSecrets } from './secrets.js';

/** Every action the case records. The list is the vocabulary auditors read; add, never rename. */
export const AUDIT_ACTIONS = [
  'case.created',
  'case.migrated',
  'artifact.added',
  'import.started',
  'import.completed',
  'import.aborted',
  'finding.added',
  'findings.added',
  'note.added',
  'bookmark.added',
  'bookmark.removed',
  'filter.saved',
  'filter.deleted',
  'view.saved',
  'case.exported',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  seq: number;
  time: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditRow {
  seq: number;
  time: string;
  actor: string;
  action: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** hash = sha256(prev_hash + canonical JSON of {seq, time, actor, action, details}). */
export function entryHash(prevHash: string, e: { seq: number; time: string; actor: string; action: string; details: unknown }): string {
  const body = canonicalJson({ seq: e.seq, time: e.time, actor: e.actor, action: e.action, details: e.details });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends one entry. Must run inside a write transaction (IMMEDIATE, or the import's), so the head
 * read here is still the head at commit. Details are refused if they hold anything credential-like.
 */
export function appendAudit(db: Db, actor: string, action: AuditAction, details: Record<string, unknown>, time = new Date().toISOString()): AuditEntry {
  if (!db.inTransaction) throw new Error('appendAudit must run inside a write transaction');
  assertNoSecrets(details, `the audit details of ${action}`);
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Store the canonical text, so verify can re-derive the hash from exactly what is on disk.
  const text = canonicalJson(details);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const hash = entryHash(prevHash, { seq, time, actor, action, details: parsed });
  db.prepare('INSERT INTO audit_log (seq, time, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(seq, time, actor, action, text, prevHash, hash);
  return { seq, time, actor, action, details: parsed, prevHash, hash };
}

export function rowToEntry(r: AuditRow): AuditEntry {
  return { seq: r.seq, time: r.time, actor: r.actor, action: r.action, details: JSON.parse(r.details) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash };
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  /** The first entry that does not check out; everything after it is unproven. */
  firstBroken?: ChainBreak;
}

/**
 * Walks the log in seq order and re-derives every hash. Reports the first entry whose seq, link
 * or content does not match; `visit` sees every entry that parsed (for cross-checks).
 */
export function verifyAuditChain(db: Db, visit?: (e: AuditEntry) => void, onRow?: () => void): ChainReport {
  let prevHash = GENESIS_HASH;
  let expectSeq = 1;
  let entries = 0;
  let head: ChainReport['head'] = null;
  let firstBroken: ChainBreak | undefined;
  const rows = db.prepare('SELECT seq, time, actor, action, details, prev_hash, hash FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>;
  for (const r of rows) {
    entries++;
    onRow?.();
    head = { seq: r.seq, hash: r.hash };
    let details: Record<string, unknown> | undefined;
    try {
      details = JSON.parse(r.details) as Record<string, unknown>;
    } catch {
      details = undefined;
    }
    if (!firstBroken) {
      firstBroken = checkEntry(r, details, expectSeq, prevHash);
    }
    if (details !== undefined) visit?.({ seq: r.seq, time: r.time, actor: r.actor, action: r.action, details, prevHash: r.prev_hash, hash: r.hash });
    prevHash = r.hash;
    expectSeq = r.seq + 1;
  }
  const report: ChainReport = { ok: !firstBroken, entries, head };
  if (firstBroken) report.firstBroken = firstBroken;
  return report;
}

function checkEntry(r: AuditRow, details: Record<string, unknown> | undefined, expectSeq: number, prevHash: string): ChainBreak | undefined {
  if (r.seq > expectSeq) return { seq: expectSeq, reason: `entry ${expectSeq} is missing (the next entry is ${r.seq})` };
  if (r.seq < expectSeq) return { seq: r.seq, reason: `entry ${r.seq} is out of order` };
  const selfConsistent = details !== undefined && entryHash(r.prev_hash, { ...r, details }) === r.hash;
  if (r.prev_hash !== prevHash) {
    // If this entry still hashes correctly over the prev_hash it recorded, that recorded value is
    // the original: the entry before was rewritten (and re-hashed to hide it).
    if (selfConsistent && r.seq > 1) return { seq: r.seq - 1, reason: `entry ${r.seq - 1} was rewritten: entry ${r.seq} recorded a different hash for it` };
    return { seq: r.seq, reason: 'its prev_hash does not match the hash of the entry before it' };
  }
  if (details === undefined) return { seq: r.seq, reason: 'its details are not valid JSON' };
  if (canonicalJson(details) !== r.details) return { seq: r.seq, reason: 'its details are not the canonical JSON that was hashed' };
  if (!selfConsistent) return { seq: r.seq, reason: 'its content does not match its hash' };
  return undefined;
}
