import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { BLOCK_HEADER_LEN, MAX_SMALL_EVENT_BLOCK_BODY } from './blocks.js';
import type { RawEvent } from './event.js';
import {
  ByteBuilder,
  encodeFdList,
  encodeIfList,
  encodeMachineInfo,
  encodeProcList,
  encodeRawEvent,
  encodeSectionHeader,
  encodeSyntheticEvent,
  encodeUserList,
  type ProcListLayout,
  type SyntheticEvent,
} from './encode.js';
import type { FdInfo, GroupInfo, InterfaceInfo, MachineInfo, PcapngOption, ThreadInfo, UserInfo } from './metadata.js';
import { readCapture, type ReadOptions } from './reader.js';

/**
 * Writes a capture as current libscap does: section header 1.2, then machine info, interface,
 * user, process and fd lists, then EV_V2 blocks (EVF_V2 when an event has flags, *_LARGE for
 * large-payload types). Output is buffered and written in big slices; with gzip each slice is its
 * own gzip member, which zlib's gzread (libscap) and Node's gunzip both read as one stream.
 */

export interface WriterOptions {
  gzip?: boolean;
  /** See ProcListLayout. Default 'full'. */
  procListLayout?: ProcListLayout;
  /** Options for the section header, e.g. a comment. */
  sectionOptions?: PcapngOption[];
  /** Bytes buffered before a write. Default 4 MiB. */
  flushBytes?: number;
}

type Sink = (chunk: Buffer) => void;

export class CaptureWriter {
  private out = new ByteBuilder(1 << 16);
  private readonly flushAt: number;
  private readonly layout: ProcListLayout;
  private closed = false;
  private phase: 'meta' | 'events' = 'meta';
  events = 0;
  bytes = 0;

  private constructor(
    private readonly sink: Sink,
    private readonly gzip: boolean,
    opts: WriterOptions,
    private readonly onClose: () => void = () => {},
  ) {
    this.flushAt = opts.flushBytes ?? 4 << 20;
    this.layout = opts.procListLayout ?? 'full';
    encodeSectionHeader(opts.sectionOptions ?? [], this.out);
  }

  /** Write to a file; it appears under `path` only when close() succeeds. */
  static toFile(path: string, opts: WriterOptions = {}): CaptureWriter {
    const tmp = `${path}.partial-${process.pid}`;
    const fd = openSync(tmp, 'w');
    let ok = false;
    const w = new CaptureWriter(
      (chunk) => {
        let off = 0;
        while (off < chunk.length) off += writeSync(fd, chunk, off, chunk.length - off);
      },
      opts.gzip ?? false,
      opts,
      () => {
        closeSync(fd);
        ok = true;
        renameSync(tmp, path);
      },
    );
    w.abort = () => {
      if (ok) return;
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
      try {
        unlinkSync(tmp);
      } catch {
        /* nothing to remove */
      }
    };
    return w;
  }

  /** Collect the capture in memory (tests, small exports). */
  static toBuffer(opts: WriterOptions = {}): { writer: CaptureWriter; result: () => Buffer } {
    const parts: Buffer[] = [];
    const writer = new CaptureWriter((c) => parts.push(Buffer.from(c)), opts.gzip ?? false, opts);
    return { writer, result: () => Buffer.concat(parts) };
  }

  /** Discard a file being written (toFile only). */
  abort: () => void = () => {};

  private metaBlock(): void {
    if (this.closed) throw new Error('writer is closed');
    if (this.phase !== 'meta') {
      // libscap reads metadata only before the first event block.
      throw new Error('metadata blocks must be written before the first event');
    }
  }

  machineInfo(m: MachineInfo): this {
    this.metaBlock();
    encodeMachineInfo(m, this.out);
    return this.maybeFlush();
  }

  interfaces(list: readonly InterfaceInfo[]): this {
    this.metaBlock();
    encodeIfList(list, this.out);
    return this.maybeFlush();
  }

  users(users: readonly UserInfo[], groups: readonly GroupInfo[]): this {
    this.metaBlock();
    if (users.length > 0 || groups.length > 0) encodeUserList(users, groups, this.out);
    return this.maybeFlush();
  }

  threads(list: readonly ThreadInfo[]): this {
    this.metaBlock();
    if (list.length > 0) encodeProcList(list, this.layout, this.out);
    return this.maybeFlush();
  }

  /** fds grouped into one FDL_V2 block per thread, in first-seen order. */
  fds(list: readonly FdInfo[]): this {
    this.metaBlock();
    const byTid = new Map<number, FdInfo[]>();
    for (const f of list) {
      let l = byTid.get(f.tid);
      if (!l) byTid.set(f.tid, (l = []));
      l.push(f);
    }
    for (const [tid, l] of byTid) {
      encodeFdList(tid, l, this.out);
      this.maybeFlush();
    }
    return this;
  }

  /** Copy an event read from a capture (works on the reused flyweight). */
  event(ev: RawEvent): this {
    if (this.closed) throw new Error('writer is closed');
    this.phase = 'events';
    const before = this.out.len;
    encodeRawEvent(ev, this.out);
    this.checkSize(before, ev.largePayload);
    this.events++;
    return this.maybeFlush();
  }

  synthetic(e: SyntheticEvent): this {
    if (this.closed) throw new Error('writer is closed');
    this.phase = 'events';
    const before = this.out.len;
    encodeSyntheticEvent(e, this.out);
    this.checkSize(before, e.large ?? false);
    this.events++;
    return this.maybeFlush();
  }

  private checkSize(before: number, large: boolean): void {
    const blockLen = this.out.len - before;
    if (!large && blockLen - BLOCK_HEADER_LEN > MAX_SMALL_EVENT_BLOCK_BODY) {
      this.out.len = before;
      throw new RangeError(`event block of ${blockLen} bytes exceeds the 64 KiB libscap accepts for a non-large event`);
    }
  }

  private maybeFlush(): this {
    if (this.out.len >= this.flushAt) this.flush();
    return this;
  }

  private flush(): void {
    if (this.out.len === 0) return;
    const data = this.out.result();
    const chunk = this.gzip ? gzipSync(data) : data;
    this.sink(chunk);
    this.bytes += chunk.length;
    this.out.len = 0;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.onClose();
  }
}

export interface ExportOptions extends ReadOptions {
  /** Which events to keep. Called with the reused flyweight. */
  select?: (ev: RawEvent) => boolean;
  /** Keep events with fromSeq <= seq <= toSeq (1-based, inclusive). */
  fromSeq?: number;
  toSeq?: number;
  /**
   * Thread and fd tables to write instead of the source's own process/fd list blocks, e.g. the
   * inspector's state at the start of the range, which knows threads created by earlier events.
   */
  threads?: readonly ThreadInfo[];
  fds?: readonly FdInfo[];
  /**
   * Keep only threads that exported events need: the events' threads, every thread of their
   * processes, and their ancestors; and the fds of those threads. Default true.
   */
  pruneTables?: boolean;
  writer?: WriterOptions;
}

export interface ExportSummary {
  events: number;
  threads: number;
  fds: number;
  bytes: number;
}

/**
 * Export a subset of a capture with the tables needed to decode it. Two streaming passes over the
 * source: one to learn which threads the selected events touch, one to write.
 */
export async function exportCapture(src: string, dest: string, opts: ExportOptions = {}): Promise<ExportSummary> {
  const from = opts.fromSeq ?? 1;
  const to = opts.toSeq ?? Number.POSITIVE_INFINITY;
  const keep = (ev: RawEvent) => ev.seq >= from && ev.seq <= to && (opts.select ? opts.select(ev) : true);
  const prune = opts.pruneTables ?? true;

  const tids = new Set<number>();
  const first = await readCapture(
    src,
    (ev) => {
      if (ev.seq > to) return false;
      if (prune && keep(ev)) tids.add(ev.tid);
      return true;
    },
    opts,
  );
  const meta = first.meta;
  const allThreads = opts.threads ?? meta.threads;
  const allFds = opts.fds ?? meta.fds;
  const threads = prune ? closeOverThreads(allThreads, tids) : [...allThreads];
  const keptTids = new Set(threads.map((t) => t.tid));
  const fds = prune ? allFds.filter((f) => keptTids.has(f.tid)) : [...allFds];

  const w = CaptureWriter.toFile(dest, opts.writer ?? {});
  try {
    if (meta.machine) w.machineInfo(meta.machine);
    if (meta.interfaces.length > 0) w.interfaces(meta.interfaces);
    if (meta.users.length > 0 || meta.groups.length > 0) w.users(meta.users, meta.groups);
    w.threads(threads);
    w.fds(fds);
    await readCapture(
      src,
      (ev) => {
        if (ev.seq > to) return false;
        if (keep(ev)) w.event(ev);
        return true;
      },
      opts,
    );
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
  return { events: w.events, threads: threads.length, fds: fds.length, bytes: w.bytes };
}

/** The given tids, all threads of their processes, and their ancestor chains. */
export function closeOverThreads(all: readonly ThreadInfo[], tids: ReadonlySet<number>): ThreadInfo[] {
  const byTid = new Map(all.map((t) => [t.tid, t]));
  const pids = new Set<number>();
  const want = new Set<number>();
  const addChain = (tid: number) => {
    let t = byTid.get(tid);
    const guard = new Set<number>();
    while (t && !guard.has(t.tid)) {
      guard.add(t.tid);
      want.add(t.tid);
      pids.add(t.pid);
      const main = byTid.get(t.pid);
      if (main) want.add(main.tid);
      t = byTid.get(t.ptid);
    }
  };
  for (const tid of tids) addChain(tid);
  for (const t of all) if (pids.has(t.pid)) want.add(t.tid);
  return all.filter((t) => want.has(t.tid));
}
