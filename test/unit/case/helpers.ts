import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TracehoundError } from '../../../core/api/errors.js';

/** A scratch folder per test file, removed at the end. */
export function scratch(prefix: string): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `th-case-${prefix}-`));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deterministic evidence bytes of a given size. */
export function writeEvidence(path: string, size: number, seed = 1): Buffer {
  const buf = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    buf[i] = x & 0xff;
  }
  writeFileSync(path, buf);
  return buf;
}

/** Runs fn and returns the TracehoundError code it threw (fails if it did not throw). */
export async function codeOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return (e as TracehoundError).code ?? `untyped: ${(e as Error).message}`;
  }
  throw new Error('expected an error, got none');
}

export const FIXED_NOW = () => '2024-05-01T12:00:00.000Z';
