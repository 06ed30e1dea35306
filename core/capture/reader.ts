import { TracehoundError } from '../api/errors.js';
import type { RawEvent } from './event.js';
import { CaptureParser, type BlockRun, type CaptureMetadata, type CaptureWarning, type ParserOptions } from './parser.js';
import { gzipChunks, probeFile, rawChunks, type ChunkSourceOptions, type SourceEnd } from './source.js';

/**
 * File-level drivers around CaptureParser. The hot path stays synchronous: `batches()` yields the
 * parser after each chunk and the consumer pulls events with `parser.next()` until it returns
 * null, so there is no promise per event. `readCapture()` wraps that in a callback loop.
 */

export interface ReadOptions extends ParserOptions, Omit<ChunkSourceOptions, 'startOffset'> {
  /** Called after each chunk with on-disk bytes consumed and the file size. */
  onProgress?: (diskBytes: number, diskSize: number) => void;
}

export interface ReadSummary {
  events: number;
  meta: CaptureMetadata;
  inventory: BlockRun[];
  warnings: CaptureWarning[];
  warningCount: number;
  gzip: boolean;
  /** On-disk size. */
  fileSize: number;
  /** Decompressed bytes parsed. */
  bytes: number;
  /** True if the consumer stopped early by returning false. */
  stopped: boolean;
}

export class CaptureFile {
  readonly parser: CaptureParser;
  private readonly sourceEnd: SourceEnd = {};
  private diskBytes = 0;
  private started = false;

  private constructor(
    readonly path: string,
    readonly gzip: boolean,
    readonly fileSize: number,
    private readonly opts: ReadOptions,
  ) {
    this.parser = new CaptureParser(opts);
  }

  static async open(path: string, opts: ReadOptions = {}): Promise<CaptureFile> {
    const info = await probeFile(path);
    return new CaptureFile(path, info.gzip, info.size, opts);
  }

  get meta(): CaptureMetadata {
    return this.parser.meta;
  }

  get warnings(): CaptureWarning[] {
    return this.parser.warnings;
  }

  /** On-disk bytes read so far (compressed bytes for gzip files). */
  get diskPosition(): number {
    return this.diskBytes;
  }

  /**
   * Yields the parser once per chunk; drain it with `next()` (until null) before continuing the
   * loop: the chunk's memory is refilled on the next step, so events and their param views die.
   * After the last chunk the parser is told the input ended and yielded once more, so a short
   * tail turns into a warning. Iterate only once.
   */
  async *batches(): AsyncGenerator<CaptureParser> {
    if (this.started) throw new Error('CaptureFile can be iterated only once');
    this.started = true;
    const p = this.parser;
    const srcOpts: ChunkSourceOptions = {
      ...(this.opts.chunkSize !== undefined ? { chunkSize: this.opts.chunkSize } : {}),
      ...(this.opts.startOffset !== undefined ? { startOffset: this.opts.startOffset } : {}),
      ...(this.opts.signal !== undefined ? { signal: this.opts.signal } : {}),
      onDiskProgress: (n) => {
        this.diskBytes = n;
      },
      reusable: (b) => !p.holds(b),
    };
    const src = this.gzip ? gzipChunks(this.path, srcOpts, this.sourceEnd) : rawChunks(this.path, srcOpts, this.sourceEnd);
    for await (const chunk of src) {
      p.feed(chunk);
      yield p;
      this.opts.onProgress?.(this.diskBytes, this.fileSize);
      if (p.done) break;
    }
    const problem = this.sourceEnd.problem;
    if (problem && !p.done) {
      if (p.position === 0 && p.buffered === 0) {
        throw new TracehoundError(problem.code === 'CAPTURE_TRUNCATED' ? 'CAPTURE_TRUNCATED' : 'CAPTURE_NOT_SCAP', `${this.path}: ${problem.message}`, {
          position: 0,
        });
      }
      // The parser only sees a clean end of what was inflated; the gzip layer knows better.
      p.addWarning(problem.code, problem.message, p.position + p.buffered);
    }
    p.end();
    yield p;
  }
}

/**
 * Read a whole capture, calling onEvent for every event (the event object is reused; clone() to
 * keep it). Return false from onEvent to stop early.
 */
export async function readCapture(path: string, onEvent: (ev: RawEvent) => boolean | void, opts: ReadOptions = {}): Promise<ReadSummary> {
  const f = await CaptureFile.open(path, opts);
  let stopped = false;
  outer: for await (const p of f.batches()) {
    let ev: RawEvent | null;
    while ((ev = p.next()) !== null) {
      if (onEvent(ev) === false) {
        stopped = true;
        break outer;
      }
    }
  }
  const p = f.parser;
  return {
    events: p.eventCount,
    meta: p.meta,
    inventory: p.inventory,
    warnings: p.warnings,
    warningCount: p.warningCount,
    gzip: f.gzip,
    fileSize: f.fileSize,
    bytes: p.position,
    stopped,
  };
}

/** Read only the metadata blocks at the start of the file (stops at the first event). */
export async function readCaptureMetadata(path: string, opts: ReadOptions = {}): Promise<ReadSummary> {
  return readCapture(path, () => false, opts);
}
