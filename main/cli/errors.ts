import type { ApiErrorShape } from '../../core/api/contract.js';
import { toErrorShape } from '../../core/api/errors.js';
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
