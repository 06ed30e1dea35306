import { COMMANDS } from './commands.js';
import { reportError } from './errors.js';
import { EXIT, type CliIo } from './io.js';
import { packageVersion } from '../shared/version.js';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Tracehound ${packageVersion()}: forensics and troubleshooting for containers, Kubernetes and cloud

Usage: tracehound <command> [options]

Commands:
${rows}

Options:
  -h, --help     show help (also: tracehound <command> --help)
  -v, --version  print the version

Run \`npm start\` for the desktop app (or web mode where Electron is unavailable).
`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(topic ? `${(await topic.load()).usage}\n` : helpText());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`tracehound ${packageVersion()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    io.stderr.write(`tracehound: error CLI_UNKNOWN_COMMAND: unknown command '${first}'\n  hint: commands are ${COMMANDS.map((c) => c.name).join(', ')}; see \`tracehound --help\`.\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    return reportError(io, err);
  }
}

/** Entry point used by main/cli/tracehound.mjs. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    // First Ctrl-C asks commands to stop cleanly; a second one forces the exit.
    if (++interrupts > 1) process.exit(EXIT.interrupted);
    controller.abort();
  });
  process.on('SIGTERM', () => controller.abort());
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `tracehound read ... | head` closes the pipe early; that is not an error.
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
  });
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    signal: controller.signal,
  });
  process.exitCode = code;
}
