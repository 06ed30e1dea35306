/**
 * Real rulesets load unchanged: the current falcosecurity/rules files (stable, incubating,
 * sandbox, loaded together in that order like `falco -r a -r b -r c`) and the falco-rules-1.0.1
 * default ruleset of Falco's 2023 regression suite.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FieldContext } from '../../../core/inspect/fields/types.js';
import { RulesEngine } from '../../../core/rules/engine.js';
import { RegistryResolver } from '../../../core/rules/syscall-resolver.js';

const RULES = '../shared/data/rules';
const DEFAULT_1_0_1 = '../shared/data/falco_expectations/default_rules/falco-rules-1.0.1/falco_rules.yaml';
const CURRENT = ['falco_rules.yaml', 'falco-incubating_rules.yaml', 'falco-sandbox_rules.yaml'];

function load(files: string[]) {
  const engine = new RulesEngine<FieldContext>({ sources: { syscall: new RegistryResolver() } });
  const results = files.map((f) => engine.loadRules(readFileSync(f, 'utf8'), f));
  return { engine, results };
}

function summary(d: { code: string; itemType: string; itemName: string; file: string; line: number; message: string }): string {
  return `${d.code} ${d.file}:${d.line} ${d.itemType} '${d.itemName}': ${d.message}`;
}

describe('current falcosecurity/rules', () => {
  const { engine, results } = load(CURRENT.map((f) => `${RULES}/${f}`));

  it('load with zero errors', () => {
    expect(results.flatMap((r) => r.errors).map(summary)).toEqual([]);
  });

  it('load with zero warnings', () => {
    // Falco itself loads these files without warnings: the rules repository's CI validates every
    // change with `falco -V` and rejects warnings. In particular no macro or list is unused across
    // the three files, no rule spans more than 100 event codes, and nothing deprecated is used.
    expect(results.flatMap((r) => r.warnings).map(summary)).toEqual([]);
  });

  it('load every rule, with its flags', () => {
    expect(engine.rules.length).toBe(25 + 31 + 37);
    const disabled = engine.rules.filter((r) => !engine.isEnabled(r.name)).length;
    expect(disabled).toBeGreaterThan(0);
    expect(engine.pluginRequirementErrors()).toEqual([]);
    expect(engine.requiredEngineVersion).toBe('0.57.0');
  });

  it('index rules by event type as Falco does', () => {
    const shell = engine.rule('Terminal shell in container')!;
    expect(shell.eventNames).toEqual(['execve', 'execveat']);
    const execve = engine.rules.filter((r) => r.eventNames !== 'all' && r.eventNames.includes('execve') && engine.isEnabled(r.name));
    const codes = shell.eventCodes.codes();
    for (const c of codes) {
      expect(engine.rulesForCode(c).map((r) => r.name)).toEqual(expect.arrayContaining(execve.map((r) => r.name)));
    }
    // No rule of these files is unrestricted.
    expect(engine.rules.filter((r) => r.eventNames === 'all').map((r) => r.name)).toEqual([]);
  });

  it('compiles outputs with their %field tokens', () => {
    const r = engine.rule('Terminal shell in container')!;
    expect(r.output.fieldNames).toEqual(expect.arrayContaining(['proc.name', 'evt.type']));
  });

  it('names each rule file and line', () => {
    const r = engine.rule('Terminal shell in container')!;
    expect(r.file).toBe(`${RULES}/falco_rules.yaml`);
    const text = readFileSync(`${RULES}/falco_rules.yaml`, 'utf8').split('\n');
    expect(text[r.line - 1]).toBe('- rule: Terminal shell in container');
  });

  it("resolves the newest fields they use with libsinsp's types", () => {
    // The fields of current libs (and its container plugin) these files use that sysdig 0.29.3
    // does not have; the registry serves them (test/diff/libs-fields.test.ts checks their values).
    const registry = new RegistryResolver();
    const used = CURRENT.map((f) => readFileSync(`${RULES}/${f}`, 'utf8')).join('\n');
    const types: Record<string, string> = {
      'thread.cap_effective': 'CHARBUF',
      'thread.cap_permitted': 'CHARBUF',
      'container.start_ts': 'ABSTIME',
      'proc.exe_ino.ctime': 'ABSTIME',
      'proc.exe_ino.mtime': 'ABSTIME',
      'proc.exe_ino.ctime_duration_proc_start': 'ABSTIME',
      'proc.is_exe_from_memfd': 'BOOL',
      'proc.is_exe_upper_layer': 'BOOL',
    };
    for (const [name, type] of Object.entries(types)) {
      expect(used).toContain(name);
      const r = registry.resolve(name, undefined);
      expect('error' in r ? r.error : r.descriptor.type, name).toBe(type);
    }
  });
});

describe('falco-rules-1.0.1 (default ruleset of the 2023 regression suite)', () => {
  const { engine, results } = load([DEFAULT_1_0_1]);

  it('loads with zero errors', () => {
    expect(results.flatMap((r) => r.errors).map(summary)).toEqual([]);
  });

  it("gives only the deprecation warnings today's Falco gives for it", () => {
    // Falco 0.35 loaded this file cleanly; Falco since 0.41 (whose loader we follow) flags two
    // things this older ruleset uses: `evt.dir` in conditions (enter events are no longer
    // delivered, filter_warning_resolver's deprecated-field check) and `%container.info` in
    // outputs (rule_loader_compiler, replaced by the container plugin's fields). Both are
    // LOAD_DEPRECATED_ITEM, one per rule, and no other warning appears.
    const warnings = results.flatMap((r) => r.warnings);
    const evtDir = warnings.filter((w) => w.message.startsWith("due to the drop of enter events, 'evt.dir"));
    const containerInfo = warnings.filter((w) => w.message.startsWith('%container.info is deprecated'));
    expect(warnings.length).toBe(evtDir.length + containerInfo.length);
    expect(warnings.every((w) => w.code === 'LOAD_DEPRECATED_ITEM')).toBe(true);
    const usesEvtDir = engine.rules.filter((r) => JSON.stringify(r.condition).includes('"field":"evt.dir"')).map((r) => r.name).sort();
    expect(evtDir.map((w) => w.itemName).sort()).toEqual(usesEvtDir);
    const text = readFileSync(DEFAULT_1_0_1, 'utf8');
    const outputLines = text.split('\n').filter((l) => !l.trimStart().startsWith('#'));
    expect(containerInfo.length).toBe(outputLines.filter((l) => l.includes('%container.info')).length);
    expect(evtDir.length).toBe(58);
    expect(containerInfo.length).toBe(24);
  });
});
