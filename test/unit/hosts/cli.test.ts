import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(args, { stdout, stderr, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, out, err };
}

describe('tracehound CLI', () => {
  it('prints help and version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('serve');
    const v = await cli(['--version']);
    expect(v.out).toMatch(/^tracehound \d+\.\d+\.\d+/);
  });

  it('fails clearly on an unknown command', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CLI_UNKNOWN_COMMAND');
  });

  it('rejects bad serve options with a usage error', async () => {
    const r = await cli(['serve', '--port', 'abc', '--no-open']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CLI_USAGE');
    const t = await cli(['serve', '--token', 'x', '--no-open']);
    expect(t.code).toBe(2);
  });
});
