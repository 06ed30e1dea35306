import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ProgressEvent } from '../api/contract.js';
import { TracehoundError } from '../api/errors.js';
import { exportCapture } from '../capture/writer.js';
import type { CaseStore } from './store.js';
import type { VerifyReport } from './verify.js';

/** Events of one capture artifact to write into the bundle as a smaller capture. */
export interface CaptureSelection {
  artifactId: number;
  /** Inclusive event-number range. */
  fromEvt?: number;
  toEvt?: number;
  /** Exactly these events (bookmarks, findings...); combined with the range if both are given. */
  evtNums?: readonly number[];
}

export interface ExportOptions {
  /** The verification to include (verify.json) and to summarise in the manifest. */
  verify?: VerifyReport;
  captures?: readonly CaptureSelection[];
  tool?: { name: string; version: string };
  onProgress?: (p: ProgressEvent) => void;
  signal?: AbortSignal;
}

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface ExportManifest {
  format: 'tracehound-case-export';
  formatVersion: 1;
  tool: { name: string; version: string };
  case: { id: string; name: string; schemaVersion: number };
  exportedAt: string;
  exportedBy: string;
  /** The audit head when exported: an anchor for a later `verify --anchor`. */
  auditHead: { seq: number; hash: string } | null;
  verified: { ok: boolean; issues: number } | null;
  captures: { file: string; artifactId: number; sourceSha256: string; events: number }[];
  files: ManifestFile[];
}

export interface ExportResult {
  dir: string;
  manifest: ExportManifest;
  manifestSha256: string;
}

const json = (v: unknown) => `${JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x), 2)}\n`;

/**
 * Writes a report bundle: the findings, notes, bookmarks, saved filters, the full audit log (so
 * the recipient can re-check the chain), optional capture slices, and manifest.json with the
 * sha256 of every other file. The bundle is built in a sibling folder and renamed into place,
 * so `dir` is either complete or absent. The export itself is logged ('case.exported').
 */
export async function exportCase(store: CaseStore, dir: string, options: ExportOptions = {}): Promise<ExportResult> {
  const full = resolve(dir);
  checkTarget(full);
  const staging = join(dirname(full), `.${full.split(sep).pop()}.partial-${randomUUID().slice(0, 8)}`);
  mkdirSync(staging);
  const progress = options.onProgress ?? (() => {});
  try {
    const info = store.info();
    const head = store.auditHead();
    progress({ phase: 'exporting records', fraction: 0 });
    const write = (name: string, value: unknown) => writeFileSync(join(staging, name), json(value));
    write('case.json', { case: info, artifacts: store.artifacts(), imports: store.imports(), views: store.views() });
    write('findings.json', store.findings());
    write('notes.json', store.notes());
    write('bookmarks.json', store.bookmarks());
    write('saved-filters.json', store.savedFilters());
    write('audit-log.json', store.auditLog());
    if (options.verify) write('verify.json', options.verify);

    const captures: ExportManifest['captures'] = [];
    const selections = options.captures ?? [];
    for (const [i, sel] of selections.entries()) {
      if (options.signal?.aborted) throw new TracehoundError('CANCELLED', 'The export was cancelled');
      progress({ phase: 'exporting events', fraction: i / selections.length });
      captures.push(await exportSelection(store, staging, sel));
    }

    progress({ phase: 'hashing the bundle', fraction: 0.9 });
    const files: ManifestFile[] = [];
    for (const name of listFiles(staging)) {
      const path = join(staging, name);
      files.push({ path: name, size: statSync(path).size, sha256: await sha256File(path) });
    }
    const manifest: ExportManifest = {
      format: 'tracehound-case-export',
      formatVersion: 1,
      tool: options.tool ?? { name: 'Tracehound', version: 'unknown' },
      case: { id: info.id, name: info.name, schemaVersion: info.schemaVersion },
      exportedAt: new Date().toISOString(),
      exportedBy: store.actor,
      auditHead: head,
      verified: options.verify ? { ok: options.verify.ok, issues: options.verify.issues.length } : null,
      captures,
      files,
    };
    const manifestText = json(manifest);
    writeFileSync(join(staging, 'manifest.json'), manifestText);
    if (existsSync(full)) rmdirSync(full); // checkTarget allowed only an empty folder
    renameSync(staging, full);
    const manifestSha256 = createHash('sha256').update(manifestText).digest('hex');
    store.recordAction('case.exported', { dir: full, manifestSha256, files: files.length + 1, auditHead: head, captures: captures.length });
    progress({ phase: 'exporting', fraction: 1, etaMs: 0 });
    return { dir: full, manifest, manifestSha256 };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

function checkTarget(full: string): void {
  if (!existsSync(dirname(full))) {
    throw new TracehoundError('NOT_A_DIRECTORY', `The folder to export into does not exist: ${dirname(full)}`, { detail: { path: dirname(full) } });
  }
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory() || readdirSync(full).length > 0) {
    throw new TracehoundError('EXPORT_TARGET_EXISTS', `${full} already exists and is not an empty folder`, {
      hint: 'Export into a new folder; an export never overwrites files.',
      detail: { path: full },
    });
  }
}

async function exportSelection(store: CaseStore, staging: string, sel: CaptureSelection): Promise<ExportManifest['captures'][number]> {
  const artifact = store.artifact(sel.artifactId);
  if (artifact.kind !== 'scap') {
    throw new TracehoundError('INVALID_REQUEST', `Artifact ${artifact.id} is ${artifact.kind}, not a capture; only captures can be sliced`, { detail: { artifactId: artifact.id } });
  }
  const wanted = sel.evtNums ? new Set(sel.evtNums) : undefined;
  const from = sel.fromEvt ?? (wanted ? Math.min(...wanted) : 1);
  const to = sel.toEvt ?? (wanted ? Math.max(...wanted) : Number.POSITIVE_INFINITY);
  const suffix = wanted ? `${wanted.size}-events` : `${from}-${Number.isFinite(to) ? to : 'end'}`;
  const file = join('events', `artifact-${artifact.id}-${suffix}.scap`);
  mkdirSync(join(staging, 'events'), { recursive: true });
  const summary = await exportCapture(artifact.path, join(staging, file), {
    fromSeq: from,
    toSeq: to,
    ...(wanted ? { select: (ev: { seq: number }) => wanted.has(ev.seq) } : {}),
  });
  if (summary.events === 0) {
    // An empty capture is unreadable to sysdig ("no events in file") and tells the reader nothing.
    throw new TracehoundError('INVALID_REQUEST', `No events of artifact ${artifact.id} match the selection (${suffix})`, {
      hint: 'Check the event numbers against `tracehound case ls`.',
      detail: { artifactId: artifact.id },
    });
  }
  return { file: file.split(sep).join('/'), artifactId: artifact.id, sourceSha256: artifact.sha256, events: summary.events };
}

function listFiles(root: string, sub = ''): string[] {
  const out: string[] = [];
  for (const d of readdirSync(join(root, sub), { withFileTypes: true })) {
    const rel = sub ? join(sub, d.name) : d.name;
    if (d.isDirectory()) out.push(...listFiles(root, rel));
    else out.push(relative(root, join(root, rel)).split(sep).join('/'));
  }
  return out.sort();
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (c) => h.update(c)).on('error', reject).on('end', () => resolvePromise(h.digest('hex')));
  });
}
