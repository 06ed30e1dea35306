import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { TracehoundError } from '../../core/api/errors.js';
import type { FieldContext } from '../../core/inspect/fields/types.js';
import { alertJson, alertLine } from '../../core/rules/alerts.js';
import { RulesEngine } from '../../core/rules/engine.js';
import { parsePriority } from '../../core/rules/items.js';
import { falcoSummaryText, replayCapture } from '../../core/rules/replay.js';
import type { LoadResult } from '../../core/rules/result.js';
import { RegistryResolver } from '../../core/rules/syscall-resolver.js';
import { EXIT, type CliIo, type Command } from './io.js';
import { parseCommandArgs } from './errors.js';

function printResult(io: CliIo, r: LoadResult): void {
  const status = r.successful ? (r.warnings.length ? 'Ok, with warnings' : 'Ok') : 'Invalid';
  io.stdout.write(`${r.name}: ${status}\n`);
  for (const e of r.errors) io.stdout.write(`  error ${e.code} ${e.file}:${e.line}:${e.col} ${e.itemType} '${e.itemName}': ${e.message}\n`);
  for (const w of r.warnings) io.stderr.write(`  warning ${w.code} ${w.file}:${w.line}:${w.col} ${w.itemType} '${w.itemName}': ${w.message}\n`);
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Run Falco rules over a capture, or validate rules files (like falco -e / falco -V)',
  usage: `tracehound rules -r CAPTURE --rules FILE [--rules FILE...] [options]
tracehound rules --validate FILE [--validate FILE...] [--json]

  -r CAPTURE          capture to replay through the rules (raw or gzipped .scap)
  --rules FILE        Falco rules file; repeat to load several, in order
  --validate FILE     only load and check rules files; exit 1 if any has errors
  -p, --priority P    minimum priority (emergency ... debug; default debug)
  -D NAME             disable rules whose name contains NAME (repeatable)
  -T TAG              disable rules with TAG (repeatable)
  -t TAG              only run rules with TAG (repeatable)
  --all-matches       alert every matching rule of an event, not only the first
  --json, -o json     one JSON object per alert (or the validation results as JSON)
  --iso8601           ISO 8601 alert times (UTC)`,
  async run(argv, io) {
    let values: {
      r?: string; rules?: string[]; validate?: string[]; priority?: string; D?: string[]; T?: string[]; t?: string[];
      'all-matches'?: boolean; json?: boolean; iso8601?: boolean; o?: string;
    };
    ({ values } = parseCommandArgs('rules', {
      args: argv,
      options: {
        r: { type: 'string', short: 'r' },
        rules: { type: 'string', multiple: true },
        validate: { type: 'string', multiple: true },
        priority: { type: 'string', short: 'p' },
        D: { type: 'string', short: 'D', multiple: true },
        T: { type: 'string', short: 'T', multiple: true },
        t: { type: 'string', short: 't', multiple: true },
        'all-matches': { type: 'boolean' },
        json: { type: 'boolean' },
        o: { type: 'string', short: 'o' },
        iso8601: { type: 'boolean' },
      },
      allowPositionals: false,
    }));
    // `-o json|text` is the spelling CI tools use (trivy, grype); --json is Falco's.
    if (values.o !== undefined) {
      if (values.o !== 'json' && values.o !== 'text') throw new TracehoundError('CLI_USAGE', `-o takes json or text, not ${values.o}`);
      if (values.o === 'json') values.json = true;
    }
    const engine = new RulesEngine<FieldContext>({ sources: { syscall: new RegistryResolver(undefined, { memo: true }) } });

    if (values.validate?.length) {
      const results: LoadResult[] = [];
      for (const f of values.validate) results.push(await engine.loadRulesFile(resolve(io.cwd, f)));
      if (values.json) io.stdout.write(`${JSON.stringify({ falco_load_results: results.map((r) => r.toFalcoJson()) })}\n`);
      else for (const r of results) printResult(io, r);
      return results.every((r) => r.successful) ? EXIT.ok : EXIT.failure;
    }

    if (!values.r) throw new TracehoundError('CLI_USAGE', 'rules needs -r CAPTURE (or --validate FILE)', { hint: 'See `tracehound rules --help`.' });
    if (!values.rules?.length) throw new TracehoundError('CLI_USAGE', 'rules needs at least one --rules FILE', { hint: 'e.g. --rules falco_rules.yaml' });
    if ((values.D?.length || values.T?.length) && values.t?.length) {
      throw new TracehoundError('CLI_USAGE', 'You can not specify both disabled (-D/-T) and enabled (-t) rules');
    }
    let failed = false;
    for (const f of values.rules) {
      const r = await engine.loadRulesFile(resolve(io.cwd, f));
      if (!r.successful || r.warnings.length) printResult(io, r);
      failed ||= !r.successful;
    }
    for (const e of engine.pluginRequirementErrors()) io.stderr.write(`  warning: ${e}\n`);
    if (failed) io.stderr.write('tracehound: some rules did not load (see above); running the rules that did.\n');
    if (values.priority) {
      const p = parsePriority(values.priority);
      if (!p) throw new TracehoundError('CLI_USAGE', `unknown priority '${values.priority}'`, { hint: 'one of emergency, alert, critical, error, warning, notice, info, debug' });
      engine.setMinPriority(p);
    }
    for (const d of values.D ?? []) engine.setEnabledBySubstring(d, false);
    for (const tag of values.T ?? []) engine.setEnabledByTag(tag, false);
    if (values.t?.length) {
      engine.setEnabledByName('*', false);
      for (const tag of values.t) engine.setEnabledByTag(tag, true);
    }
    const iso = values.iso8601 ?? false;
    const host = process.env['FALCO_HOSTNAME'] ?? hostname();
    const summary = await replayCapture(resolve(io.cwd, values.r), engine, {
      ruleMatching: values['all-matches'] ? 'all' : 'first',
      signal: io.signal,
      onDetection: (d) => io.stdout.write(`${values.json ? alertJson(d, { iso, hostname: host, evtNum: true }) : alertLine(d, iso)}\n`),
    });
    if (io.signal.aborted) throw new TracehoundError('CANCELLED', 'interrupted');
    io.stderr.write(falcoSummaryText(summary));
    return failed ? EXIT.failure : EXIT.ok;
  },
};
