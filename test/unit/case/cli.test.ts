import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index.js';
import { scratch, writeEvidence } from './helpers.js';

const tmp = scratch('cli');
afterAll(() => tmp.cleanup());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(args, { stdout, stderr, cwd: tmp.dir, signal: new AbortController().signal });
  return { code, out, err };
}

describe('tracehound case', () => {
  it('is listed in the help and explains itself', async () => {
    expect((await cli('--help')).out).toMatch(/\n {2}case +Create, fill, list, verify and export a case/);
    const h = await cli('case', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('export CASE DIR');
    expect((await cli('case')).code).toBe(2);
    const bad = await cli('case', 'frob');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('CLI_USAGE');
    expect((await cli('case', 'new', 'x.db')).err).toContain('ends in .thcase');
    expect((await cli('case', 'note', 'x.thcase', 'hi', '--evt', 'abc')).code).toBe(2);
  });

  it('new, add, note, ls, verify, export: a whole session', async () => {
    const ev = join(tmp.dir, 'evidence.log');
    writeEvidence(ev, 70_000, 3);
    const made = await cli('case', 'new', 'inc.thcase', '--name', 'INC-1234');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^Created case 'INC-1234' \(.{36}\) at .*inc\.thcase\n$/);
    expect((await cli('case', 'new', 'inc.thcase')).err).toContain('CASE_EXISTS');

    const add = await cli('case', 'add', 'inc.thcase', 'evidence.log', '--label', 'web-1 logs');
    expect(add.code).toBe(0);
    const sha = createHash('sha256').update(readFileSync(ev)).digest('hex');
    expect(add.out).toBe(`Added artifact 1: ${ev} (log, 70000 bytes, sha256 ${sha})\n`);
    expect((await cli('case', 'add', 'inc.thcase', 'evidence.log')).out).toMatch(/^Already in the case: artifact 1/);
    expect((await cli('case', 'add', 'inc.thcase', 'nope.log')).err).toContain('FILE_NOT_FOUND');

    expect((await cli('case', 'note', 'inc.thcase', 'Pager', 'fired', 'at', '03:12')).out).toBe('Added note 1\n');
    expect((await cli('case', 'note', 'inc.thcase', 'odd line', '--artifact', '1', '--evt', '42')).out).toBe('Added note 2\n');
    expect((await cli('case', 'note', 'inc.thcase', 'x', '--artifact', '7')).err).toContain('CASE_ARTIFACT_NOT_FOUND');
    expect((await cli('case', 'note', 'missing.thcase', 'x')).err).toContain('CASE_NOT_FOUND');

    const ls = await cli('case', 'ls', 'inc.thcase');
    expect(ls.code).toBe(0);
    expect(ls.out).toContain("Case 'INC-1234'");
    expect(ls.out).toMatch(/ {2}1 {2}log +70000 {2}[0-9a-f]{16}… {2}.*evidence\.log {2}\[web-1 logs\]/);
    expect(ls.out).toContain('Pager fired at 03:12');
    expect(ls.out).toContain('artifact 1 evt 42: odd line');
    expect(ls.out).toMatch(/Audit log: 4 entries, head [0-9a-f]{64}/);
    const lsJson = JSON.parse((await cli('case', 'ls', 'inc.thcase', '--json')).out) as { notes: unknown[]; auditHead: { seq: number } };
    expect(lsJson.notes).toHaveLength(2);
    expect(lsJson.auditHead.seq).toBe(4);

    const v = await cli('case', 'verify', 'inc.thcase');
    expect(v.code).toBe(0);
    expect(v.out).toContain('audit log: 4 entries, chain intact');
    expect(v.out).toContain(`artifact 1: ok          ${ev}`);
    expect(v.out).toContain('Verified: OK');

    const ex = await cli('case', 'export', 'inc.thcase', 'bundle');
    expect(ex.code, ex.err).toBe(0);
    expect(ex.out).toContain('verification passed');
    const bundle = join(tmp.dir, 'bundle');
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8')) as {
      files: { path: string; size: number; sha256: string }[]; auditHead: { seq: number; hash: string }; case: { name: string }; verified: { ok: boolean };
    };
    expect(manifest.case.name).toBe('INC-1234');
    expect(manifest.verified.ok).toBe(true);
    expect(manifest.files.map((f) => f.path)).toEqual(['audit-log.json', 'bookmarks.json', 'case.json', 'findings.json', 'notes.json', 'saved-filters.json', 'verify.json']);
    for (const f of manifest.files) {
      const bytes = readFileSync(join(bundle, f.path));
      expect(bytes.length).toBe(f.size);
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
    }
    const audit = JSON.parse(readFileSync(join(bundle, 'audit-log.json'), 'utf8')) as { seq: number; hash: string; action: string }[];
    expect(audit.at(-1)).toMatchObject({ seq: manifest.auditHead.seq, hash: manifest.auditHead.hash });
    expect((JSON.parse(readFileSync(join(bundle, 'notes.json'), 'utf8')) as { text: string }[]).map((n) => n.text)).toEqual(['Pager fired at 03:12', 'odd line']);
    // The export is itself in the log, pinning the manifest.
    const after = JSON.parse((await cli('case', 'ls', 'inc.thcase', '--json')).out) as { auditHead: { seq: number } };
    expect(after.auditHead.seq).toBe(manifest.auditHead.seq + 1);
    expect((await cli('case', 'export', 'inc.thcase', 'bundle')).err).toContain('EXPORT_TARGET_EXISTS');
    expect(readdirSync(tmp.dir).filter((n) => n.includes('partial'))).toEqual([]);

    // The manifest's head anchors a later verify.
    const anchored = await cli('case', 'verify', 'inc.thcase', '--anchor', `${manifest.auditHead.seq}:${manifest.auditHead.hash}`);
    expect(anchored.code).toBe(0);

    // Tampering: one changed byte of evidence fails verify with a named file and exit 1.
    const bytes = readFileSync(ev);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(ev, bytes);
    const bad = await cli('case', 'verify', 'inc.thcase');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`artifact 1: changed     ${ev}`);
    expect(bad.err).toContain('error CASE_VERIFY_FAILED');
    expect(bad.err).toContain(ev);
    const badJson = await cli('case', 'verify', 'inc.thcase', '--json');
    expect(JSON.parse(badJson.out)).toMatchObject({ ok: false, artifacts: [{ status: 'changed' }] });
    const noEvidence = await cli('case', 'verify', 'inc.thcase', '--no-evidence');
    expect(noEvidence.code).toBe(0);
    expect(noEvidence.out).toContain('artifact 1: not-checked');

    // An exported case that fails verification still gets its bundle (with the failure in it).
    const exBad = await cli('case', 'export', 'inc.thcase', 'bundle-2');
    expect(exBad.code).toBe(1);
    expect(exBad.out).toContain('verification FAILED');
    expect(JSON.parse(readFileSync(join(tmp.dir, 'bundle-2', 'verify.json'), 'utf8'))).toMatchObject({ ok: false });

    // An edited audit row is named by its seq.
    const db = new Database(join(tmp.dir, 'inc.thcase'));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 3;");
    db.close();
    const broken = await cli('case', 'verify', 'inc.thcase', '--no-evidence');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN at entry 3');
    expect(existsSync(join(tmp.dir, 'inc.thcase'))).toBe(true);
  });
});
