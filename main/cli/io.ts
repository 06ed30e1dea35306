import type { Writable } from 'node:stream';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  /** Set when the user interrupts (Ctrl-C), so long commands stop cleanly. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Exit codes. 2 for usage follows getopt tradition; 1 is a failure the input caused. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;
