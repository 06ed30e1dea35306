import type { Command } from './io.js';
import { serveCommand } from './serve.js';
import { readCommand } from './read.js';
import { caseCommand } from './case.js';
import { viewCommand } from './view.js';
import { followCommand } from './follow.js';
import { rulesCommand } from './rules.js';
import { demoCommand } from './demo.js';

/** Every subcommand, in the order `--help` lists them. Later capabilities add rows here. */
export const COMMANDS: Command[] = [serveCommand, readCommand, caseCommand, viewCommand, followCommand, rulesCommand, demoCommand];
