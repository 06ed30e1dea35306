import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index.js';

const EXP = resolve('../shared/data/falco_expectations');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(args, { stdout, stderr, cwd: EXP, signal: new AbortController().signal });
  return { code, out, err };
}

describe('tracehound rules', () => {
  it('is listed in the help and checks its arguments', async () => {
    expect((await cli('--help')).out).toMatch(/\n {2}rules +Run Falco rules over a capture/);
    expect((await cli('rules')).code).toBe(2);
    const both = await cli('rules', '-r', 'x.scap', '--rules', 'y.yaml', '-D', 'a', '-t', 'b');
    expect(both.code).toBe(2);
    expect(both.err).toContain('You can not specify both disabled (-D/-T) and enabled (-t) rules');
  });

  it('replays a capture and prints Falco-style alerts and summary', async () => {
    const r = await cli('rules', '-r', '../captures/falco_cat_write.scap', '--rules', 'falco@2583ea9/test/rules/single_rule.yaml',
      '--rules', 'falco@2583ea9/test/rules/double_rule.yaml', '-p', 'warning', '--iso8601');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '2016-08-04T16:17:57.881730713+0000: Error An exec was seen (command=cat /dev/null)',
      '2016-08-04T16:17:57.881781397+0000: Warning An open was seen (command=cat /dev/null)',
    ]);
    expect(lines.length).toBe(9);
    expect(r.err).toContain('Events detected: 9');
    expect(r.err).toContain('   open_from_cat: 8\n');
    expect(r.err).toContain('   exec_from_cat: 1\n');
    expect(r.err).toContain('   ERROR: 1\n   WARNING: 8\n');
  });

  it('validates rules files with Falco codes, and exits 1 on errors', async () => {
    const ok = await cli('rules', '--validate', 'falco@2583ea9/test/rules/single_rule.yaml');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/single_rule.yaml: Ok\n/);
    const bad = await cli('rules', '--validate', 'falco@2583ea9/test/rules/invalid_rule_output.yaml', '--json');
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.out) as { falco_load_results: { successful: boolean; errors: { code: string; message: string }[] }[] };
    expect(json.falco_load_results[0]!.successful).toBe(false);
    expect(json.falco_load_results[0]!.errors.map((e) => [e.code, e.message])).toEqual([['LOAD_ERR_COMPILE_OUTPUT', 'invalid formatting token not_a_real_field']]);
  });
});
