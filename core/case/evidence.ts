import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ProgressEvent } from '../api/contract.js';
import { TracehoundError } from '../api/errors.js';
import { ProgressReporter } from '../api/progress.js';

export interface HashOptions {
  onProgress?: (p: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Progress phase name; verify names the file being hashed. */
  phase?: string;
}

export interface EvidenceDigest {
  size: number;
  sha256: string;
  mtimeMs: number;
}

const CHUNK = 4 << 20;

/**
 * Opens evidence for reading only. O_NOATIME keeps even the access time untouched where the
 * kernel allows it (it refuses with EPERM for files the user does not own, so fall back).
 */
export async function openEvidence(path: string): Promise<FileHandle> {
  const fh = await openReadOnly(path);
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    throw new TracehoundError('FILE_NOT_READABLE', `Evidence must be a regular file: ${path}`, { detail: { path } });
  }
  return fh;
}

async function openReadOnly(path: string): Promise<FileHandle> {
  const noatime = (constants as Record<string, number>).O_NOATIME ?? 0;
  if (noatime) {
    try {
      return await open(path, constants.O_RDONLY | noatime);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw evidenceError(e, path);
    }
  }
  try {
    return await open(path, constants.O_RDONLY);
  } catch (e) {
    throw evidenceError(e, path);
  }
}

function evidenceError(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new TracehoundError('FILE_NOT_FOUND', `Evidence file not found: ${path}`, { detail: { path }, hint: 'Check the path and try again.' });
  if (code === 'EACCES' || code === 'EPERM') return new TracehoundError('FILE_NOT_READABLE', `Evidence file not readable: ${path}`, { detail: { path }, hint: 'Check the file permissions.' });
  if (code === 'EISDIR') return new TracehoundError('FILE_NOT_READABLE', `Evidence must be a file, not a folder: ${path}`, { detail: { path }, hint: 'Pick a file inside the folder.' });
  return e;
}

/** Streams the file once through sha256. Cancelling throws CANCELLED between chunks. */
export async function hashEvidence(path: string, options: HashOptions = {}): Promise<EvidenceDigest> {
  const fh = await openEvidence(path);
  try {
    const st = await fh.stat();
    const hash = createHash('sha256');
    const reporter = options.onProgress
      ? new ProgressReporter(options.phase ?? `hashing ${basename(path)}`, st.size, options.onProgress)
      : undefined;
    const buf = Buffer.allocUnsafe(CHUNK);
    let size = 0;
    for (;;) {
      if (options.signal?.aborted) throw new TracehoundError('CANCELLED', `Hashing ${path} was cancelled`);
      const { bytesRead } = await fh.read(buf, 0, CHUNK, size);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      size += bytesRead;
      reporter?.advance(bytesRead);
    }
    reporter?.done();
    return { size, sha256: hash.digest('hex'), mtimeMs: st.mtimeMs };
  } finally {
    await fh.close();
  }
}

const SCAP_MAGIC = 0x0a0d0d0a;

/** A first guess at the kind of evidence from its first bytes and name; callers may override. */
export async function sniffEvidenceKind(path: string): Promise<string> {
  const fh = await openEvidence(path);
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    if (bytesRead === 4 && head.readUInt32LE(0) === SCAP_MAGIC) return 'scap';
    const name = basename(path).toLowerCase();
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b && /\.scap(\.gz)?$/.test(name)) return 'scap';
    if (/\.(log|json|jsonl|ndjson)$/.test(name)) return 'log';
    if (/\.(tar|tar\.gz|tgz)$/.test(name)) return 'archive';
    return 'other';
  } finally {
    await fh.close();
  }
}
