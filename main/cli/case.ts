import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import type { ProgressEvent } from '../../core/api/contract.js';
import { TracehoundError } from '../../core/api/errors.js';
import {
  assertVerified, CaseStore, exportCase, verifyCase, type CaptureSelection, type VerifyReport,
} from '../../core/case/index.js';
import { packageVersion } from '../shared/version.js';
import { EXIT, type CliIo, type Command } from './io.js';

const USAGE = `tracehound case <subcommand> ...

  new CASE [--name NAME]                 create a case file (CASE ends in .thcase)
  add CASE FILE... [--kind K] [--label L]
                                         reference evidence (hashed, never modified or copied)
  ls CASE [--json]                       list the case: artifacts, imports, findings, notes, audit head
  verify CASE [--json] [--anchor SEQ:HASH] [--no-evidence]
                                         prove the audit chain and re-hash every evidence file;
                                         exit 1 and CASE_VERIFY_FAILED when anything changed
  note CASE TEXT... [--artifact ID [--evt N]]
                                         add a note to the case or to one event
  export CASE DIR [--no-verify] [--bookmarked] [--events ID:FROM-TO]...
                                         write a report bundle (findings, notes, audit log,
                                         manifest.json with the sha256 of every file); --events
                                         and --bookmarked add those events as .scap slices`;

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(argv: string[], options: ParseArgsConfig['options'], sub: string): { values: Values; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Values, positionals: r.positionals };
  } catch (e) {
    throw new TracehoundError('CLI_USAGE', (e as Error).message, { hint: `See \`tracehound case --help\` (${sub}).` });
  }
}

function need(positionals: string[], count: number, what: string): void {
  if (positionals.length < count) throw new TracehoundError('CLI_USAGE', `case ${what}`, { hint: 'See `tracehound case --help`.' });
}

function intArg(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new TracehoundError('CLI_USAGE', `${name} must be a positive integer, got '${v}'`);
  return n;
}

/** A progress line on a terminal; nothing when stderr is a pipe or a file. */
function progressTo(io: CliIo): ((p: ProgressEvent) => void) | undefined {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY;
  if (!tty) return undefined;
  return (p) => {
    const eta = p.etaMs !== undefined && p.fraction < 1 ? `, ${Math.ceil(p.etaMs / 1000)} s left` : '';
    io.stderr.write(`\r\x1b[K${p.phase} ${Math.floor(p.fraction * 100)}%${eta}${p.fraction >= 1 ? '\n' : ''}`);
  };
}

const jsonText = (v: unknown) => `${JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x), 2)}\n`;

function withCase<T>(io: CliIo, path: string, fn: (store: CaseStore) => T): T {
  const store = CaseStore.open(resolve(io.cwd, path));
  try {
    const r = fn(store);
    if (r instanceof Promise) throw new Error('withCase is for synchronous work');
    return r;
  } finally {
    store.close();
  }
}

async function withCaseAsync<T>(io: CliIo, path: string, fn: (store: CaseStore) => Promise<T>): Promise<T> {
  const store = CaseStore.open(resolve(io.cwd, path));
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

const SUBCOMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  async new(argv, io) {
    const { values, positionals } = parse(argv, { name: { type: 'string' } }, 'new');
    need(positionals, 1, 'new needs the case file to create');
    const path = resolve(io.cwd, positionals[0]!);
    if (!path.toLowerCase().endsWith('.thcase')) throw new TracehoundError('CLI_USAGE', `A case file name ends in .thcase: ${positionals[0]}`);
    const opts: { name?: string } = {};
    if (typeof values.name === 'string') opts.name = values.name;
    const store = CaseStore.create(path, opts);
    const info = store.info();
    store.close();
    io.stdout.write(`Created case '${info.name}' (${info.id}) at ${info.path}\n`);
    return EXIT.ok;
  },

  async add(argv, io) {
    const { values, positionals } = parse(argv, { kind: { type: 'string' }, label: { type: 'string' } }, 'add');
    need(positionals, 2, 'add needs the case and at least one evidence file');
    const [casePath, ...files] = positionals;
    return withCaseAsync(io, casePath!, async (store) => {
      for (const f of files) {
        const opts: Parameters<CaseStore['addArtifact']>[1] = { signal: io.signal };
        if (typeof values.kind === 'string') opts.kind = values.kind;
        if (typeof values.label === 'string') opts.label = values.label;
        const onProgress = progressTo(io);
        if (onProgress) opts.onProgress = onProgress;
        const { artifact: a, added } = await store.addArtifact(resolve(io.cwd, f), opts);
        io.stdout.write(`${added ? 'Added' : 'Already in the case:'} artifact ${a.id}: ${a.path} (${a.kind}, ${a.size} bytes, sha256 ${a.sha256})\n`);
      }
      return EXIT.ok;
    });
  },

  async ls(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, 'ls');
    need(positionals, 1, 'ls needs the case file');
    return withCase(io, positionals[0]!, (store) => {
      const info = store.info();
      const artifacts = store.artifacts();
      const imports = store.imports();
      const findings = store.findings();
      const notes = store.notes();
      const bookmarks = store.bookmarks();
      const head = store.auditHead();
      if (values.json) {
        io.stdout.write(jsonText({ case: info, artifacts, imports, findings: findings.length, notes, bookmarks, savedFilters: store.savedFilters(), auditHead: head }));
        return EXIT.ok;
      }
      const out: string[] = [`Case '${info.name}' (${info.id}), schema ${info.schemaVersion}, created ${info.createdAt}`, `  ${info.path}`, ''];
      out.push(`Artifacts (${artifacts.length}):`);
      for (const a of artifacts) {
        const events = imports.filter((i) => i.artifactId === a.id).at(-1)?.events;
        out.push(`  ${a.id}  ${a.kind.padEnd(8)} ${String(a.size).padStart(12)}  ${a.sha256.slice(0, 16)}…  ${a.path}${a.label ? `  [${a.label}]` : ''}${events !== undefined ? `  (${events} events indexed)` : ''}`);
      }
      const byPriority = new Map<string, number>();
      for (const f of findings) byPriority.set(f.priority, (byPriority.get(f.priority) ?? 0) + 1);
      out.push('', `Findings: ${findings.length}${findings.length ? ` (${[...byPriority].map(([p, n]) => `${p} ${n}`).join(', ')})` : ''}`);
      out.push(`Notes: ${notes.length}`);
      for (const n of notes) out.push(`  ${n.id}  ${n.createdAt}  ${n.author}${n.artifactId !== null ? `  artifact ${n.artifactId}${n.evtNum !== null ? ` evt ${n.evtNum}` : ''}` : ''}: ${n.text}`);
      out.push(`Bookmarks: ${bookmarks.length}`);
      out.push(`Audit log: ${head ? `${head.seq} entries, head ${head.hash}` : 'empty'}`);
      io.stdout.write(`${out.join('\n')}\n`);
      return EXIT.ok;
    });
  },

  async verify(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, anchor: { type: 'string' }, 'no-evidence': { type: 'boolean' } }, 'verify');
    need(positionals, 1, 'verify needs the case file');
    const opts: Parameters<typeof verifyCase>[1] = { signal: io.signal, hashArtifacts: !values['no-evidence'] };
    if (typeof values.anchor === 'string') {
      const m = /^(\d+):([0-9a-fA-F]{64})$/.exec(values.anchor);
      if (!m) throw new TracehoundError('CLI_USAGE', '--anchor is SEQ:HASH (the audit head from an export manifest)');
      opts.anchor = { seq: Number(m[1]), hash: m[2]! };
    }
    const onProgress = progressTo(io);
    if (onProgress) opts.onProgress = onProgress;
    const report = await verifyCase(resolve(io.cwd, positionals[0]!), opts);
    io.stdout.write(values.json ? jsonText(report) : describeReport(report));
    assertVerified(report);
    return EXIT.ok;
  },

  async note(argv, io) {
    const { values, positionals } = parse(argv, { artifact: { type: 'string' }, evt: { type: 'string' } }, 'note');
    need(positionals, 2, 'note needs the case and the text');
    const [casePath, ...words] = positionals;
    const artifactId = intArg(values.artifact as string | undefined, '--artifact');
    const evtNum = intArg(values.evt as string | undefined, '--evt');
    return withCase(io, casePath!, (store) => {
      const n = store.addNote({ text: words.join(' '), artifactId: artifactId ?? null, evtNum: evtNum ?? null });
      io.stdout.write(`Added note ${n.id}\n`);
      return EXIT.ok;
    });
  },

  async export(argv, io) {
    const { values, positionals } = parse(argv, {
      'no-verify': { type: 'boolean' }, bookmarked: { type: 'boolean' }, events: { type: 'string', multiple: true },
    }, 'export');
    need(positionals, 2, 'export needs the case and the folder to write');
    const casePath = resolve(io.cwd, positionals[0]!);
    const onProgress = progressTo(io);
    let report: VerifyReport | undefined;
    if (!values['no-verify']) {
      const vopts: Parameters<typeof verifyCase>[1] = { signal: io.signal };
      if (onProgress) vopts.onProgress = onProgress;
      report = await verifyCase(casePath, vopts);
    }
    const selections: CaptureSelection[] = [];
    for (const spec of (values.events as string[] | undefined) ?? []) {
      const m = /^(\d+):(\d+)-(\d+)$/.exec(spec);
      if (!m) throw new TracehoundError('CLI_USAGE', `--events is ARTIFACT:FROM-TO (event numbers), got '${spec}'`);
      selections.push({ artifactId: Number(m[1]), fromEvt: Number(m[2]), toEvt: Number(m[3]) });
    }
    return withCaseAsync(io, casePath, async (store) => {
      if (values.bookmarked) {
        const byArtifact = new Map<number, number[]>();
        for (const b of store.bookmarks()) byArtifact.set(b.artifactId, [...(byArtifact.get(b.artifactId) ?? []), b.evtNum]);
        for (const [artifactId, evtNums] of byArtifact) {
          if (store.artifact(artifactId).kind === 'scap') selections.push({ artifactId, evtNums });
        }
      }
      const opts: Parameters<typeof exportCase>[2] = { captures: selections, tool: { name: 'Tracehound', version: packageVersion() }, signal: io.signal };
      if (report) opts.verify = report;
      if (onProgress) opts.onProgress = onProgress;
      const r = await exportCase(store, resolve(io.cwd, positionals[1]!), opts);
      io.stdout.write(`Exported ${r.manifest.files.length + 1} files to ${r.dir}\n`);
      for (const c of r.manifest.captures) io.stdout.write(`  ${c.file}: ${c.events} events of artifact ${c.artifactId}\n`);
      if (r.manifest.auditHead) io.stdout.write(`  audit head ${r.manifest.auditHead.seq}:${r.manifest.auditHead.hash} (use with verify --anchor)\n`);
      io.stdout.write(`  manifest sha256 ${r.manifestSha256}\n`);
      if (report) {
        io.stdout.write(report.ok ? '  verification passed\n' : '  verification FAILED; see verify.json in the bundle\n');
        assertVerified(report);
      }
      return EXIT.ok;
    });
  },
};

function describeReport(r: VerifyReport): string {
  const out: string[] = [`Case ${r.path} (${r.caseId ?? 'unknown id'}), schema ${r.schemaVersion}`];
  out.push(`  audit log: ${r.audit.entries} entries, ${r.audit.ok ? 'chain intact' : `BROKEN at entry ${r.audit.firstBroken!.seq}: ${r.audit.firstBroken!.reason}`}${r.audit.head ? `, head ${r.audit.head.seq}:${r.audit.head.hash}` : ''}`);
  for (const a of r.artifacts) out.push(`  artifact ${a.id}: ${a.status.padEnd(11)} ${a.path}`);
  for (const i of r.interruptedImports) out.push(`  interrupted import ${i.importId} of artifact ${i.artifactId} (started ${i.startedAt}, audit entry ${i.seq}); nothing of it was kept`);
  for (const i of r.issues.filter((x) => x.kind !== 'import')) out.push(`  ${i.severity}: ${i.message}`);
  out.push(r.ok ? 'Verified: OK' : 'Verification FAILED');
  return `${out.join('\n')}\n`;
}

export const caseCommand: Command = {
  name: 'case',
  summary: 'Create, fill, list, verify and export a case (.thcase)',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const fn = sub === undefined ? undefined : SUBCOMMANDS[sub];
    if (!fn) {
      throw new TracehoundError('CLI_USAGE', sub === undefined ? 'case needs a subcommand' : `unknown case subcommand '${sub}'`, {
        hint: `Subcommands: ${Object.keys(SUBCOMMANDS).join(', ')}. See \`tracehound case --help\`.`,
      });
    }
    return fn(rest, io);
  },
};
