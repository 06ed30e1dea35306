import { createHash } from 'node:crypto';
import { TracehoundError } from '../api/errors.js';
import { canonicalJson } from './canonical.js';
import { PRIORITIES, type Priority } from './types.js';

/**
 * Row digests. Findings and notes are what a report is built from, so each one is pinned by the
 * audit entry that added it: the entry carries the digest of the row as stored, and verify
 * re-derives it. The digest input is the stored columns, so it can be recomputed from the file.
 */
export interface FindingDbRow {
  id: number;
  artifact_id: number | null;
  import_id: string | null;
  rule: string;
  priority: string;
  source: string;
  ts: bigint | number | null;
  evt_num: number | bigint | null;
  output: string;
  output_fields: string;
  tags: string;
  created_at: string;
}

export interface NoteDbRow {
  id: number;
  artifact_id: number | null;
  evt_num: number | bigint | null;
  text: string;
  author: string;
  created_at: string;
}

const asText = (v: bigint | number | null) => (v === null ? null : BigInt(v).toString());

export function findingDigest(r: FindingDbRow): string {
  return sha256(canonicalJson({
    id: Number(r.id), artifact_id: r.artifact_id === null ? null : Number(r.artifact_id), import_id: r.import_id,
    rule: r.rule, priority: r.priority, source: r.source, ts: asText(r.ts), evt_num: asText(r.evt_num),
    output: r.output, output_fields: r.output_fields, tags: r.tags, created_at: r.created_at,
  }));
}

export function noteDigest(r: NoteDbRow): string {
  return sha256(canonicalJson({
    id: Number(r.id), artifact_id: r.artifact_id === null ? null : Number(r.artifact_id), evt_num: asText(r.evt_num),
    text: r.text, author: r.author, created_at: r.created_at,
  }));
}

/** A running digest over many findings in id order (one import's worth). */
export class DigestList {
  private readonly h = createHash('sha256');
  count = 0;
  add(digest: string): void {
    this.h.update(digest).update('\n');
    this.count++;
  }
  digest(): string {
    return this.h.copy().digest('hex');
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function normalisePriority(p: string): Priority {
  const v = p.trim().toLowerCase();
  const mapped = v === 'info' ? 'informational' : v === 'warn' ? 'warning' : v === 'crit' ? 'critical' : v === 'emerg' ? 'emergency' : v === 'err' ? 'error' : v;
  if (!(PRIORITIES as readonly string[]).includes(mapped)) {
    throw new TracehoundError('INVALID_REQUEST', `Unknown finding priority '${p}'`, {
      hint: `Use one of ${PRIORITIES.join(', ')}.`,
    });
  }
  return mapped as Priority;
}
