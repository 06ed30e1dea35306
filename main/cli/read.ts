import { resolve } from 'node:path';
import { TracehoundError } from '../../core/api/errors.js';
import type { BufferFormat } from '../../core/capture/events/bytebuf.js';
import { compileFilter } from '../../core/filter/compiler.js';
import type { FieldContext } from '../../core/inspect/fields/types.js';
import { CONTAINER_FORMAT, K8S_FORMAT } from '../../core/inspect/format/formatter.js';
import { printCapture, type PrintOptions } from '../../core/inspect/format/printer.js';
import { RegistryResolver } from '../../core/rules/syscall-resolver.js';
import { EXIT, type CliIo, type Command } from './io.js';
import { parseCommandArgs, usageError } from './errors.js';

const TIME_FORMATS = new Set(['h', 'a', 'r', 'd', 'D']);

/** Output is written in chunks: one write per line is slow on pipes. */
class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly io: CliIo) {}
  line(l: string): void {
    this.parts.push(l, '\n');
    this.size += l.length + 1;
    if (this.size >= 1 << 16) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    // Lines are byte strings (one char per byte): latin1 writes the bytes unchanged.
    this.io.stdout.write(Buffer.from(this.parts.join(''), 'latin1'));
    this.parts = [];
    this.size = 0;
  }
}

export const readCommand: Command = {
  name: 'read',
  summary: 'Print the events of a capture, like sysdig -r',
  usage: `tracehound read -r FILE [-p FORMAT] [options] [FILTER]

  -r FILE        the capture (.scap, raw or gzip)
  -p FORMAT      output format: text with %field tokens, e.g. "%evt.num %proc.name %fd.name".
                 Start it with * to print lines even when some field has no value (<NA>).
                 -pc / -pk use sysdig's container / Kubernetes formats
  -j             one JSON object per event (fields of -p as keys)
  -A             print only the text of data buffers; -x hex; -X hex and ASCII; -b base64
  -v             do not cut data buffers at 80 characters
  -t h|a|r|d|D   time in %evt.outputtime: wall clock (default), absolute, relative to the
                 first event, latency, delta from the previous event
  -D             also print internal events (procinfo, ...)
  -n N           stop after N events
  -q             print nothing (read and count only)
  --table T      event table: sysdig029 (default, sysdig 0.29.3's rendering) or current
                 (today's falcosecurity/libs)
  --skip-new-events
                 drop event types newer than sysdig 0.29.3 without numbering them, exactly as
                 sysdig 0.29.3 does (by default they are shown, decoded with the current table)
  FILTER         a sysdig filter; events that do not match are neither parsed nor printed
                 (the words after the options are joined with spaces)

Output matches \`TZ=UTC sysdig -r FILE\` byte for byte; times are printed in the local zone.`,
  async run(argv: string[], io: CliIo): Promise<number> {
    let values: Record<string, string | boolean | undefined>;
    let positionals: string[];
    ({ values, positionals } = parseCommandArgs('read', {
      args: argv,
      options: {
        read: { type: 'string', short: 'r' },
        print: { type: 'string', short: 'p' },
        json: { type: 'boolean', short: 'j' },
        'print-ascii': { type: 'boolean', short: 'A' },
        'print-hex': { type: 'boolean', short: 'x' },
        'print-hex-ascii': { type: 'boolean', short: 'X' },
        'print-base64': { type: 'boolean', short: 'b' },
        verbose: { type: 'boolean', short: 'v' },
        timetype: { type: 'string', short: 't' },
        debug: { type: 'boolean', short: 'D' },
        numevents: { type: 'string', short: 'n' },
        quiet: { type: 'boolean', short: 'q' },
        table: { type: 'string' },
        'skip-new-events': { type: 'boolean' },
      },
      allowPositionals: true,
    }));
    if (typeof values.read !== 'string') throw usageError('read', 'missing -r FILE');
    const path = resolve(io.cwd, values.read);

    const opts: PrintOptions = { signal: io.signal };
    const fmt = values.print as string | undefined;
    if (fmt !== undefined) {
      if (fmt === 'c' || fmt === 'container') opts.format = CONTAINER_FORMAT;
      else if (fmt === 'k' || fmt === 'kubernetes') opts.format = K8S_FORMAT;
      else opts.format = fmt;
    }
    const buffers: Array<[string, BufferFormat]> = [
      ['print-ascii', 'ascii'],
      ['print-hex', 'hex'],
      ['print-hex-ascii', 'hexascii'],
      ['print-base64', 'base64'],
    ];
    const chosen = buffers.filter(([k]) => values[k]);
    if (chosen.length > 1) throw usageError('read', 'you cannot specify more than one output format');
    if (chosen.length === 1) opts.bufferFormat = chosen[0]![1];
    if (values.json) opts.json = true;
    if (values.verbose) opts.verbose = true;
    if (values.debug) opts.internal = true;
    if (values.quiet) opts.quiet = true;
    if (values.timetype !== undefined) {
      const t = values.timetype as string;
      if (!TIME_FORMATS.has(t)) throw usageError('read', `invalid modifier for flag -t: ${t}`);
      opts.timeFormat = t as PrintOptions['timeFormat'];
    }
    if (values.numevents !== undefined) {
      const n = Number(values.numevents);
      if (!Number.isInteger(n) || n < 0) throw usageError('read', `-n needs a whole number, got ${String(values.numevents)}`);
      opts.count = n;
    }
    const table = (values.table as string | undefined) ?? 'sysdig029';
    if (table !== 'sysdig029' && table !== 'current') throw usageError('read', `--table must be sysdig029 or current, got ${table}`);
    opts.dialect = table;
    opts.unknownEvents = values['skip-new-events'] ? 'skip' : 'decode';

    if (positionals.length > 0) {
      const text = positionals.join(' ');
      let match: (ctx: FieldContext) => boolean;
      try {
        match = compileFilter(text, new RegistryResolver()).match;
      } catch (e) {
        if (e instanceof TracehoundError) throw e;
        throw new TracehoundError('FILTER_UNSUPPORTED', `cannot use filter "${text}": ${(e as Error).message}`, {
          hint: 'Check the filter syntax (sysdig/Falco filter language).',
        });
      }
      opts.filter = match;
    }

    const out = new ChunkedWriter(io);
    try {
      const summary = await printCapture(path, opts, (l) => out.line(l));
      out.flush();
      for (const w of summary.warnings) io.stderr.write(`tracehound: warning: ${w}\n`);
    } finally {
      out.flush();
    }
    if (io.signal.aborted) throw new TracehoundError('CANCELLED', 'read was interrupted');
    return EXIT.ok;
  },
};
