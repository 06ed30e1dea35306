import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The generated demo capture, if it has been built (it is generated, never committed). */
export function demoCapturePath(root: string): string | undefined {
  const p = join(root, 'dist', 'demo', 'demo-incident.scap');
  return existsSync(p) ? p : undefined;
}
