import type { Command } from './io.js';
import { serveCommand } from './serve.js';

/** Every subcommand, in the order `--help` lists them. Later capabilities add rows here. */
export const COMMANDS: Command[] = [serveCommand];
