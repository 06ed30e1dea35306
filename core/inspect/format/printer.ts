/**
 * `sysdig -r FILE [-p FMT]`'s output loop as a library: inspect a capture and write one line per
 * visible event. Used by `tracehound read` and by the differential tests.
 */
import type { BufferFormat } from '../../capture/events/bytebuf.js';
import type { TableDialect } from '../../capture/events/table.js';
import { EC } from '../constants.js';
import type { FieldContext } from '../fields/types.js';
import { Inspector, type InspectSummary } from '../inspector.js';
import type { RenderSettings } from '../render.js';
import { DEFAULT_FORMAT, EventFormatter, unescapeFormat } from './formatter.js';

export interface PrintOptions {
  /** -p: output format; defaults to sysdig's default line. */
  format?: string;
  /** -D: also print internal events (procinfo, ...). */
  internal?: boolean;
  /** -q: read and count, print nothing. */
  quiet?: boolean;
  /** -n: stop after this many events (counted like sysdig: internal ones included). */
  count?: number;
  /** -A / -x / -X / -b: how data buffers print. */
  bufferFormat?: BufferFormat;
  /** -j: one JSON object per event. */
  json?: boolean;
  /** -v: do not cut data buffers at 80 characters. */
  verbose?: boolean;
  /** -t: evt.outputtime style. */
  timeFormat?: RenderSettings['timeFormat'];
  /** Event table dialect (see InspectorOptions.dialect). Default 'sysdig029'. */
  dialect?: TableDialect;
  /** Event types newer than the dialect's table (see InspectorOptions.unknownEvents). */
  unknownEvents?: 'skip' | 'decode';
  /** Capture filter (a compiled sysdig filter expression). */
  filter?: (ctx: FieldContext) => boolean;
  signal?: AbortSignal;
}

export interface PrintSummary extends InspectSummary {
  /** Lines written. */
  lines: number;
}

/**
 * Inspect `path` and call `write` with each output line (without its newline). Lines are byte
 * strings: one char per byte, so write them with the 'latin1' encoding.
 */
export async function printCapture(path: string, opts: PrintOptions, write: (line: string) => void): Promise<PrintSummary> {
  const json = opts.json ?? false;
  const dialect = opts.dialect ?? 'sysdig029';
  const formatter = new EventFormatter(unescapeFormat(opts.format ?? DEFAULT_FORMAT), json, dialect);
  const ctx: { evt: FieldContext['evt'] | null; state: Inspector; render: RenderSettings } = {
    evt: null,
    state: null as unknown as Inspector,
    render: { bufferFormat: 'normal', maxBufferLen: 0 },
  };
  const pred = opts.filter;
  const insp = new Inspector({
    dialect,
    internalEvents: opts.internal ?? false,
    ...(opts.unknownEvents !== undefined ? { unknownEvents: opts.unknownEvents } : {}),
    ...(pred
      ? {
          filter: (evt: FieldContext['evt']) => {
            ctx.evt = evt;
            return pred(ctx as FieldContext);
          },
        }
      : {}),
  });
  ctx.state = insp;
  const bufferFormat = opts.bufferFormat ?? 'normal';
  const render: RenderSettings = {
    bufferFormat,
    // sysdig cuts buffers only in the plain (non-JSON, non -A/-x) mode, and not with -v.
    maxBufferLen: opts.verbose || json || bufferFormat !== 'normal' ? 0 : 80,
    ...(opts.timeFormat !== undefined ? { timeFormat: opts.timeFormat } : {}),
  };
  const limit = opts.count ?? Number.POSITIVE_INFINITY;
  let seen = 0;
  let lines = 0;
  ctx.render = render;
  if (limit <= 0) {
    return { events: 0, delivered: 0, warnings: [], stopped: true, lines: 0 };
  }
  const summary = await insp.run(
    path,
    (evt) => {
      seen++;
      if (!opts.quiet && (opts.internal || !(evt.category & EC.INTERNAL))) {
        ctx.evt = evt;
        const line = formatter.format(ctx as FieldContext);
        if (line !== null) {
          write(line);
          lines++;
        }
      }
      return seen < limit;
    },
    opts.signal ? { signal: opts.signal } : {},
  );
  return { ...summary, lines };
}
