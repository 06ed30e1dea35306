import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEMO, writeDemoIncidentFile } from '../../core/capture/demo/incident.js';
import { parseCommandArgs } from './errors.js';
import { EXIT, type CliIo, type Command } from './io.js';

const DEFAULT_OUT = 'demo-incident.scap';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Generate the built-in demo capture (a synthetic web-server compromise)',
  usage: `tracehound demo [--out FILE]

Writes a small, deterministic capture generated from scratch: nginx in container
${DEMO.containerName} (${DEMO.image}) is exploited by ${DEMO.attacker}, spawns a shell that reads
/etc/shadow, downloads ${DEMO.minerPath} and runs it against ${DEMO.poolName}:${DEMO.poolPort}.
Every event is synthetic; the container carries the label org.tracehound.demo.

  --out FILE   where to write it (default ./${DEFAULT_OUT}); parent folders are created`,
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values: { out } } = parseCommandArgs('demo', { args: argv, options: { out: { type: 'string', short: 'o' } }, allowPositionals: false });
    const path = resolve(io.cwd, out ?? DEFAULT_OUT);
    mkdirSync(dirname(path), { recursive: true });
    const s = writeDemoIncidentFile(path);
    const secs = Number(s.end - s.start) / 1e9;
    io.stdout.write(`wrote ${path}: ${s.events} events over ${secs.toFixed(1)} s, ${s.threads} processes at start\n`);
    return EXIT.ok;
  },
};
