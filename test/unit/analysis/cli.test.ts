import { PassThrough } from 'node:stream';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../../main/cli/errors.js';
import { followCommand } from '../../../main/cli/follow.js';
import type { Command } from '../../../main/cli/io.js';
import { viewCommand } from '../../../main/cli/view.js';

const C502 = resolve(import.meta.dirname, '../../../../shared/data/captures/inspect_502error.scap');

async function run(cmd: Command, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const io = { stdout, stderr, cwd: process.cwd(), signal: new AbortController().signal };
  let code: number;
  try {
    code = await cmd.run(args, io);
  } catch (e) {
    code = reportError(io, e);
  }
  return { code, out, err };
}

describe('tracehound view / follow', () => {
  it('lists the views', async () => {
    const r = await run(viewCommand, ['--list']);
    expect(r.code).toBe(0);
    for (const id of ['procs', 'connections', 'files', 'errors', 'syscalls', 'spy_users', 'topconns', 'overview', 'proctree', 'topology']) expect(r.out).toContain(id);
  });

  it('reports usage errors with exit code 2', async () => {
    expect((await run(viewCommand, ['errors'])).err).toContain('CLI_USAGE');
    const unknown = await run(viewCommand, ['-r', C502, 'nosuchview']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown view');
    expect((await run(viewCommand, ['-r', C502, 'files', '--top', '-1'])).code).toBe(2);
    expect((await run(viewCommand, ['-r', C502, 'files', '--from', 'soon'])).code).toBe(2);
    expect((await run(followCommand, ['-r', C502])).err).toContain('--fd-filter');
  });

  it('reports a bad filter with its code', async () => {
    const r = await run(viewCommand, ['-r', C502, 'files', 'proc.nme=x']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/FILTER_UNKNOWN_FIELD/);
  });

  it.skipIf(!existsSync(C502))('prints a view as a table and as JSON with drill-down filters', async () => {
    const t = await run(viewCommand, ['-r', C502, 'errors']);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/EAGAIN\s+126/);
    const j = await run(viewCommand, ['-r', C502, 'topconns', '--top', '3', '-j', '--from', '+0s', '--to', '+60s']);
    const parsed = JSON.parse(j.out) as { result: { rows: { cells: unknown[]; filter: string }[] } };
    expect(parsed.result.rows).toHaveLength(3);
    expect(parsed.result.rows[0]!.cells).toEqual(['udp', '192.168.128.156:55441->145.216.3.255:514', 7364]);
    expect(parsed.result.rows[0]!.filter).toMatch(/^evt\.rawtime>=\d+ and evt\.rawtime<=\d+ and \(fd\.type=ipv4 or fd\.type=ipv6\) and evt\.is_io=true and fd\.l4proto=udp and fd\.name=192\.168\.128\.156:55441->145\.216\.3\.255:514$/);
  });

  it.skipIf(!existsSync(C502))('prints a timeline of events or of a view column', async () => {
    const t = await run(viewCommand, ['-r', C502, 'timeline', '--buckets', '12', 'proc.name=haproxy']);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/^bucket 5\.00s, total 2934, max 1263\n/);
    const j = await run(viewCommand, ['-r', C502, 'timeline', '--metric', 'files.file_in', '-j']);
    const s = JSON.parse(j.out) as { result: { total: number; values: number[] } };
    expect(s.result.total).toBe(72298);
    expect((await run(viewCommand, ['-r', C502, 'timeline', '--metric', 'files'])).code).toBe(2);
  });

  it.skipIf(!existsSync(C502))('follows one connection in order, in ASCII and hex', async () => {
    const fd = ['--fd-filter', 'fd.name=192.168.0.3:54716->192.168.0.2:80 and proc.name=python'];
    const a = await run(followCommand, ['-r', C502, ...fd, '-A']);
    expect(a.code).toBe(0);
    expect(a.out.split('\n')[0]).toMatch(/^<< \S+ read 131B \(80 captured\) fd=192\.168\.0\.3:54716->192\.168\.0\.2:80 python\(13700\)$/);
    expect(a.out).toContain('HTTP/1.0 200 OK');
    expect(a.err).toContain('7 chunks, 131 bytes read, 121 bytes written');
    const x = await run(followCommand, ['-r', C502, ...fd, '-X']);
    expect(x.out).toContain('\t0x0000: 4854 5450 2f31 2e30 2032 3030 204f 4b0d  HTTP/1.0 200 OK.');
  });
});
