import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ApiErrorShape } from '../../core/api/contract.js';
import { TracehoundError, toErrorShape } from '../../core/api/errors.js';
import { EXIT, type CliIo } from './io.js';

/** Prints a typed error the way every subcommand does: code first, so scripts can grep it. */
export function reportError(io: CliIo, err: unknown): number {
  const shape: ApiErrorShape = toErrorShape(err);
  io.stderr.write(`tracehound: error ${shape.code}: ${shape.message}\n`);
  if (shape.hint) io.stderr.write(`  hint: ${shape.hint}\n`);
  if (shape.code === 'CLI_USAGE' || shape.code === 'CLI_UNKNOWN_COMMAND') return EXIT.usage;
  if (shape.code === 'CANCELLED') return EXIT.interrupted;
  return EXIT.failure;
}

/** A usage error of one subcommand, pointing at its help. */
export function usageError(command: string, message: string, hint = `See \`tracehound ${command} --help\`.`): TracehoundError {
  return new TracehoundError('CLI_USAGE', message, { hint });
}

/** node:util's parseArgs, with its complaints (unknown option, missing value) as CLI_USAGE. */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw usageError(command, (e as Error).message);
  }
}
