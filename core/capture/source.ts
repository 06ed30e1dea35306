import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { TracehoundError } from '../api/errors.js';

/**
 * Byte sources for the parser: a raw file read in large chunks, or a gzip file inflated as a
 * stream. Neither ever holds more than a few chunks, whatever the file size.
 */

export const DEFAULT_CHUNK = 4 * 1024 * 1024;

export interface ChunkSourceOptions {
  chunkSize?: number;
  /** Decompressed offset to start at; bytes before it are skipped (seeked for raw files). */
  startOffset?: number;
  signal?: AbortSignal;
  /** Called with the compressed (on-disk) bytes read so far, for progress. */
  onDiskProgress?: (bytes: number) => void;
  /**
   * Raw files: may the previously yielded buffer be refilled? (True once the parser has let go
   * of it.) Reusing one buffer avoids page-faulting a fresh 4 MiB for every chunk.
   */
  reusable?: (b: Buffer) => boolean;
}

/** What ended a source early, so the reader can warn instead of failing. */
export interface SourceEnd {
  /** Set when gzip data ended early or was corrupt. */
  problem?: { code: 'CAPTURE_TRUNCATED' | 'CAPTURE_CORRUPT_BLOCK'; message: string };
}

export interface FileInfo {
  size: number;
  gzip: boolean;
}

export async function probeFile(path: string): Promise<FileInfo> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    if (!st.isFile()) {
      throw new TracehoundError('CAPTURE_NOT_SCAP', `${path} is not a regular file`, { hint: 'Pass the path of a .scap capture file.' });
    }
    const magic = Buffer.alloc(2);
    const { bytesRead } = await fh.read(magic, 0, 2, 0);
    return { size: st.size, gzip: bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b };
  } finally {
    await fh.close();
  }
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new TracehoundError('CANCELLED', 'capture reading was cancelled');
}

/**
 * Raw file: positional reads of chunkSize. The next chunk is read while the consumer parses the
 * current one, so parsing does not wait for the disk; two buffers take turns, and one the reader
 * has not let go of is replaced instead of refilled.
 */
export async function* rawChunks(path: string, opts: ChunkSourceOptions = {}, end: SourceEnd = {}): AsyncGenerator<Buffer> {
  void end;
  const size = opts.chunkSize ?? DEFAULT_CHUNK;
  const fh = await open(path, 'r');
  let pos = opts.startOffset ?? 0;
  const readAt = (prev: Buffer | undefined): Promise<{ bytesRead: number; buffer: Buffer }> => {
    const buf = prev !== undefined && opts.reusable?.(prev) ? prev : Buffer.allocUnsafe(size);
    const read = fh.read(buf, 0, size, pos);
    // Its error surfaces where the loop awaits it; until then it must not count as unhandled
    // (the consumer may be awaiting something else when it fails).
    read.catch(() => undefined);
    return read;
  };
  let inFlight: Promise<{ bytesRead: number; buffer: Buffer }> | undefined;
  try {
    let spare: Buffer | undefined;
    checkAbort(opts.signal);
    inFlight = readAt(undefined);
    for (;;) {
      const { bytesRead, buffer } = await inFlight;
      inFlight = undefined;
      if (bytesRead === 0) return;
      pos += bytesRead;
      opts.onDiskProgress?.(pos);
      // The buffer yielded before this one has been drained by now: it may take the next read.
      const prev = spare;
      spare = buffer;
      inFlight = readAt(prev);
      yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
      // As before the read-ahead: no chunk after one whose consumer saw a cancel.
      checkAbort(opts.signal);
    }
  } finally {
    // A consumer that stops early leaves a read in flight: let it settle before closing the file.
    if (inFlight !== undefined) await inFlight.catch(() => undefined);
    await fh.close();
  }
}

/**
 * Gzip file: inflated as a stream. A truncated or damaged gzip stream ends the source with a
 * problem recorded in `end` rather than an exception, because the bytes inflated so far are good.
 */
export async function* gzipChunks(path: string, opts: ChunkSourceOptions = {}, end: SourceEnd = {}): AsyncGenerator<Buffer> {
  const size = opts.chunkSize ?? DEFAULT_CHUNK;
  const input = createReadStream(path, { highWaterMark: Math.min(size, 256 << 10) });
  // 64 KiB output chunks, measured: with 1 MiB chunks V8 let ~1 GB of spent inflate buffers pile up
  // before collecting them (a 1.4 GB capture peaked at 1 GB RSS); at 64 KiB the peak stays under
  // 200 MB at the same speed. Small chunks also salvage more when the stream is damaged, since
  // zlib drops its pending output on an error. The parser copes with any chunking.
  const gunzip = createGunzip({ chunkSize: Math.min(size, 64 << 10) });
  let disk = 0;
  input.on('data', (c) => {
    disk += c.length;
    opts.onDiskProgress?.(disk);
  });
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  let skip = opts.startOffset ?? 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      checkAbort(opts.signal);
      if (skip > 0) {
        if (chunk.length <= skip) {
          skip -= chunk.length;
          continue;
        }
        const rest = chunk.subarray(skip);
        skip = 0;
        yield rest;
        continue;
      }
      yield chunk;
    }
  } catch (e) {
    if (e instanceof TracehoundError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') throw e;
    if (err.code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message)) {
      end.problem = { code: 'CAPTURE_TRUNCATED', message: `gzip stream ends early after ${disk} compressed bytes: ${err.message}` };
    } else {
      end.problem = { code: 'CAPTURE_CORRUPT_BLOCK', message: `gzip stream is damaged after ${disk} compressed bytes: ${err.message}` };
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}
