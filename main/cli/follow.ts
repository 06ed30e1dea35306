import { resolve } from 'node:path';
import { TracehoundError } from '../../core/api/errors.js';
import { analyzeCapture, type AnalyzeRequest } from '../../core/analysis/analyze.js';
import { renderChunk, type FollowFormat } from '../../core/analysis/follow.js';
import { EXIT, type CliIo, type Command } from './io.js';
import { parseCommandArgs } from './errors.js';
import { timeBounds } from './view.js';

export const followCommand: Command = {
  name: 'follow',
  summary: 'Print the data read and written on an fd or connection, in order (Follow Stream)',
  usage: `tracehound follow -r FILE --fd-filter FILTER [-A | -X] [FILTER] [--from T] [--to T] [-j]

  --fd-filter F  the fd or connection to follow, as a sysdig filter, e.g.
                 "fd.name=192.168.0.3:54716->192.168.0.2:80" or "proc.pid=13700 and fd.num=5"
  -A             printable ASCII with line ends (like sysdig -A)
  -X             hex and ASCII rows (like sysdig -X); default is dotted text
  FILTER         a further sysdig filter on the events
  --from, --to   a time range (see tracehound view --help)
  -j             JSON: every chunk with direction, time, sizes and the data in base64`,
  async run(argv: string[], io: CliIo): Promise<number> {
    let values: Record<string, string | boolean | undefined>;
    let positionals: string[];
    ({ values, positionals } = parseCommandArgs('follow', {
      args: argv,
      options: {
        read: { type: 'string', short: 'r' },
        'fd-filter': { type: 'string' },
        ascii: { type: 'boolean', short: 'A' },
        hex: { type: 'boolean', short: 'X' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean', short: 'j' },
        sysdig029: { type: 'boolean' },
      },
      allowPositionals: true,
    }));
    if (typeof values.read !== 'string') throw new TracehoundError('CLI_USAGE', 'missing -r FILE');
    if (typeof values['fd-filter'] !== 'string' || values['fd-filter'].trim() === '') {
      throw new TracehoundError('CLI_USAGE', 'missing --fd-filter', { hint: 'Pick the stream, e.g. --fd-filter "fd.name=10.0.0.1:5000->10.0.0.2:80".' });
    }
    if (values.ascii && values.hex) throw new TracehoundError('CLI_USAGE', '-A and -X exclude each other');
    const path = resolve(io.cwd, values.read);
    const bounds = await timeBounds(path, values.from as string | undefined, values.to as string | undefined);
    const req: AnalyzeRequest = {
      filter: positionals.length ? positionals.join(' ') : null,
      ...bounds,
      follow: { fdFilter: values['fd-filter'] },
    };
    if (values.sysdig029) req.dialect = 'sysdig029';
    const res = await analyzeCapture(path, req, { signal: io.signal });
    if (io.signal.aborted) throw new TracehoundError('CANCELLED', 'follow was interrupted');
    const f = res.follow!;
    if (values.json) {
      const chunks = f.chunks.map((c) => ({ ...c, ts: c.ts.toString(), data: Buffer.from(c.data).toString('base64') }));
      io.stdout.write(`${JSON.stringify({ summary: f.summary, dropped: f.dropped, chunks }, null, 2)}\n`);
      return EXIT.ok;
    }
    const format: FollowFormat = values.hex ? 'hex' : values.ascii ? 'ascii' : 'dots';
    for (const c of f.chunks) io.stdout.write(`${renderChunk(c, format)}\n`);
    const s = f.summary;
    io.stderr.write(`${s.chunks} chunks, ${s.bytesRead} bytes read, ${s.bytesWritten} bytes written${s.bytesMissing ? `, ${s.bytesMissing} not captured (snap length)` : ''}\n`);
    if (s.streams.length > 1) io.stderr.write(`tracehound: warning: the filter matched ${s.streams.length} fds: ${s.streams.slice(0, 5).join(', ')}${s.streams.length > 5 ? ', ...' : ''}\n`);
    return EXIT.ok;
  },
};
