import type Database from 'better-sqlite3';
import { TracehoundError } from '../api/errors.js';
import { canonicalJson } from './canonical.js';
import type { Db } from './database.js';
import { findingDigest, normalisePriority, type FindingDbRow } from './records.js';
import { assertNoSecrets } from './secrets.js';
import type { FindingInput, ViewInput, ViewKey } from './types.js';

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepared once per connection: the import hot loop and the store share these. */
export function stmt(db: Db, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows: one statement call per batch. */
export function multiRowInsert(table: string, columns: readonly string[], rows: number): string {
  const one = `(${new Array<string>(columns.length).fill('?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${new Array<string>(rows).fill(one).join(', ')}`;
}

const INSERT_FINDING = `INSERT INTO findings
  (artifact_id, import_id, rule, priority, source, ts, evt_num, output, output_fields, tags, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Inserts one finding and returns the stored row, whose digest the audit log pins. */
export function validateFinding(f: FindingInput): void {
  if (typeof f.rule !== 'string' || f.rule.length === 0) throw new TracehoundError('INVALID_REQUEST', 'A finding needs a rule name');
  if (typeof f.output !== 'string') throw new TracehoundError('INVALID_REQUEST', `Finding of rule '${f.rule}' has no output text`);
  normalisePriority(f.priority);
  if (f.tags !== undefined && (!Array.isArray(f.tags) || f.tags.some((t) => typeof t !== 'string'))) {
    throw new TracehoundError('INVALID_REQUEST', `Finding of rule '${f.rule}' has tags that are not strings`);
  }
}

export function insertFinding(db: Db, f: FindingInput, importId: string | null, createdAt: string): FindingDbRow {
  validateFinding(f);
  const row: Omit<FindingDbRow, 'id'> = {
    artifact_id: f.artifactId ?? null,
    import_id: importId,
    rule: f.rule,
    priority: normalisePriority(f.priority),
    source: f.source ?? 'syscall',
    ts: f.ts ?? null,
    evt_num: f.evtNum ?? null,
    output: f.output,
    output_fields: canonicalJson(f.outputFields ?? {}),
    tags: canonicalJson(f.tags ?? []),
    created_at: createdAt,
  };
  const info = stmt(db, INSERT_FINDING).run(row.artifact_id, row.import_id, row.rule, row.priority, row.source, row.ts,
    row.evt_num, row.output, row.output_fields, row.tags, row.created_at);
  return { id: Number(info.lastInsertRowid), ...row };
}

export { findingDigest };

export function viewKey(k: ViewKey): string {
  return canonicalJson({
    name: k.name, artifactId: k.artifactId ?? null, params: k.params ?? {}, filter: k.filter ?? null,
    tsFrom: k.tsFrom ?? null, tsTo: k.tsTo ?? null,
  });
}

const UPSERT_VIEW = `INSERT INTO views
  (view_key, artifact_id, import_id, name, params, filter, ts_from, ts_to, rows, row_count, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (view_key) DO UPDATE SET import_id = excluded.import_id, rows = excluded.rows,
    row_count = excluded.row_count, created_at = excluded.created_at
  RETURNING id`;

export function validateView(v: ViewInput): void {
  if (typeof v.name !== 'string' || !/^[a-z][a-z0-9_.-]{0,63}$/i.test(v.name)) {
    throw new TracehoundError('INVALID_REQUEST', `Bad view name '${String(v.name)}'`, { hint: 'View names are letters, digits, _ . - (up to 64).' });
  }
  if (!Array.isArray(v.rows)) throw new TracehoundError('INVALID_REQUEST', `View '${v.name}' rows must be an array`);
  if (v.params) assertNoSecrets(v.params, `the params of view ${v.name}`);
}

export function upsertView(db: Db, v: ViewInput, importId: string | null, createdAt: string): { id: number; key: string } {
  validateView(v);
  const key = viewKey(v);
  const r = stmt(db, UPSERT_VIEW).get(key, v.artifactId ?? null, importId, v.name, canonicalJson(v.params ?? {}), v.filter ?? null,
    v.tsFrom ?? null, v.tsTo ?? null, JSON.stringify(v.rows, bigintReplacer), v.rows.length, createdAt) as { id: number };
  return { id: r.id, key };
}

/** View rows may carry nanosecond timestamps; JSON has no 64-bit integers, so they become strings. */
export function bigintReplacer(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}
