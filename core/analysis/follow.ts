/**
 * Follow stream: the data read and written on one fd or connection, in order, with direction and
 * time, like Wireshark's Follow Stream and sysdig's echo_fds chisel (whose event selection this
 * uses: I/O exits that moved at least one byte).
 */
import type { StreamChunk as WireChunk, StreamSummary } from '../api/contract.js';
import type { FieldResolver } from '../filter/fields.js';
import { compileFilter, type Predicate } from '../filter/compiler.js';
import { andFilters } from './drilldown.js';
import { bindField, isAbsent, isTrue, toNumber, valueText, type BoundField } from './fieldref.js';
import { bufferAscii, bufferDots, bufferHex, formatBytes, formatIso } from './format.js';

export const ECHO_FDS_FILTER = 'evt.is_io=true and evt.dir=< and evt.rawres>0';

/** A chunk as the engine holds it; the contract's StreamChunk is its JSON form (text ts, base64 data). */
export type StreamChunk = Omit<WireChunk, 'ts' | 'data'> & {
  ts: bigint;
  /** The bytes the capture kept (at most the snap length). */
  data: Uint8Array;
};

export type { StreamSummary };

type Fields = 'data' | 'isRead' | 'res' | 'fdName' | 'fdNum' | 'pname' | 'pid' | 'tid' | 'cname' | 'num' | 'raw';

export class FollowStream<E> {
  private readonly filter: Predicate<E>;
  private readonly f: Record<Fields, BoundField<E>>;
  readonly chunks: StreamChunk[] = [];
  private dropped = 0;

  private readonly limit: number;
  private readonly rawData: ((evt: E) => Uint8Array | null) | undefined;

  constructor(
    resolver: FieldResolver<E>,
    /** The user's selection (fd.name=..., fd.num=3 and proc.pid=...); null follows every fd. */
    readonly fdFilter: string | null,
    opts: { limit?: number; data?: (evt: E) => Uint8Array | null } = {},
  ) {
    this.limit = opts.limit ?? 1_000_000;
    // The source knows where the raw bytes are; the field's value is its printed (C string) form.
    this.rawData = opts.data;
    this.filter = compileFilter(andFilters(ECHO_FDS_FILTER, fdFilter)!, resolver).match;
    const b = (s: string): BoundField<E> => bindField(resolver, s);
    this.f = {
      data: b('evt.rawarg.data'),
      isRead: b('evt.is_io_read'),
      res: b('evt.rawarg.res'),
      fdName: b('fd.name'),
      fdNum: b('fd.num'),
      pname: b('proc.name'),
      pid: b('proc.pid'),
      tid: b('thread.tid'),
      cname: b('container.name'),
      num: b('evt.num'),
      raw: b('evt.rawtime'),
    };
  }

  add(evt: E): void {
    if (!this.filter(evt)) return;
    const res = toNumber(this.f.res.extract(evt));
    if (res === undefined || res <= 0) return;
    if (this.chunks.length >= this.limit) {
      this.dropped++;
      return;
    }
    const data = this.rawData ? this.rawData(evt) : this.f.data.extract(evt);
    const bytes = data instanceof Uint8Array ? Uint8Array.from(data) : typeof data === 'string' ? Buffer.from(data, 'latin1') : new Uint8Array(0);
    const fdName = this.f.fdName.extract(evt);
    const t = (f: BoundField<E>): string => valueText(f.extract(evt), f.descriptor);
    this.chunks.push({
      num: t(this.f.num),
      ts: BigInt(t(this.f.raw) || '0'),
      dir: isTrue(this.f.isRead.extract(evt)) ? 'read' : 'write',
      len: res,
      data: bytes,
      fd: isAbsent(fdName) ? '<NA>' : valueText(fdName, this.f.fdName.descriptor),
      fdNum: toNumber(this.f.fdNum.extract(evt)) ?? null,
      proc: t(this.f.pname),
      pid: toNumber(this.f.pid.extract(evt)) ?? null,
      tid: toNumber(this.f.tid.extract(evt)) ?? null,
      container: t(this.f.cname),
    });
  }

  /** Chunks past the limit that were counted but not kept. */
  get droppedChunks(): number {
    return this.dropped;
  }

  summary(): StreamSummary {
    let r = 0;
    let w = 0;
    let missing = 0;
    const streams = new Set<string>();
    for (const c of this.chunks) {
      if (c.dir === 'read') r += c.len;
      else w += c.len;
      missing += Math.max(0, c.len - c.data.length);
      streams.add(c.fd);
    }
    return { chunks: this.chunks.length, bytesRead: r, bytesWritten: w, bytesMissing: missing, streams: [...streams] };
  }
}

/** echo_fds.lua's output for one chunk (colors disabled): a header line and the dotted data. */
export function echoFdsLines(c: StreamChunk): [string, string] {
  const head =
    c.dir === 'read'
      ? `------ Read ${formatBytes(c.len)} from   ${c.fd} (${c.proc})`
      : `------ Write ${formatBytes(c.len)} to   ${c.fd} (${c.proc})`;
  return [head, bufferDots(c.data)];
}

export type FollowFormat = 'ascii' | 'hex' | 'dots';

/** A Follow Stream rendering: one header per chunk with direction, time and size, then the data. */
export function renderChunk(c: StreamChunk, format: FollowFormat): string {
  const arrow = c.dir === 'read' ? '<<' : '>>';
  const kept = c.data.length < c.len ? ` (${c.data.length} captured)` : '';
  const head = `${arrow} ${formatIso(c.ts)} ${c.dir} ${c.len}B${kept} fd=${c.fd} ${c.proc}(${c.pid ?? '?'})`;
  const body = format === 'hex' ? bufferHex(c.data, true) : format === 'ascii' ? bufferAscii(c.data) : bufferDots(c.data);
  return `${head}\n${body}`;
}
