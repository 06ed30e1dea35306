import { describe, expect, it } from 'vitest';
import { RulesEngine } from '../../../core/rules/engine.js';
import type { LoadResult } from '../../../core/rules/result.js';
import { TestResolver, type TestEvent } from '../filter/fixture.js';
import { codesByName } from '../../../core/capture/events/table.js';

function engine(): RulesEngine<TestEvent> {
  return new RulesEngine<TestEvent>({ sources: { syscall: new TestResolver() } });
}

function load(...files: string[]): { e: RulesEngine<TestEvent>; results: LoadResult[] } {
  const e = engine();
  const results = files.map((f, i) => e.loadRules(f, `file${i + 1}.yaml`));
  return { e, results };
}

const errors = (rs: LoadResult[]) => rs.flatMap((r) => r.errors);
const warnings = (rs: LoadResult[]) => rs.flatMap((r) => r.warnings);
const EXECVE = codesByName('execve')[0]!;
const OPEN = codesByName('open')[0]!;

const BASE = `
- list: shells
  items: [bash, zsh]
- list: all_shells
  items: [shells, "fish shell", 'ksh']
- macro: spawned
  condition: evt.type = execve
- macro: shell_spawned
  condition: spawned and proc.name in (all_shells)
- rule: Shell
  desc: a shell started
  condition: shell_spawned and not proc.pname = sshd
  output: "Shell %proc.name under %proc.pname (%fd.name)"
  priority: warning
  tags: [shell, T1059]
`;

describe('rules loader: lists, macros, rules', () => {
  it('loads and evaluates a rule through lists and macros', () => {
    const { e, results } = load(BASE);
    expect(errors(results)).toEqual([]);
    expect(warnings(results)).toEqual([]);
    const r = e.rule('Shell')!;
    expect(r.priority).toBe('WARNING');
    expect(r.tags).toEqual(['shell', 'T1059']);
    expect(r.eventNames).toEqual(['execve']);
    const ev: TestEvent = { 'evt.type': 'execve', 'proc.name': 'fish shell', 'proc.pname': 'init' };
    const m = e.evaluate(ev, EXECVE);
    expect(m.map((x) => x.rule.name)).toEqual(['Shell']);
    expect(m[0]!.output).toBe('Shell fish shell under init (<NA>)');
    expect(e.evaluate({ ...ev, 'proc.name': 'zsh' }, EXECVE).length).toBe(1);
    expect(e.evaluate({ ...ev, 'proc.name': 'ksh' }, EXECVE).length).toBe(1);
    expect(e.evaluate({ ...ev, 'proc.pname': 'sshd' }, EXECVE).length).toBe(0);
    // Indexed by event type: an open event is not even tested.
    expect(e.rulesForCode(OPEN)).toEqual([]);
  });

  it('warns about unused macros and lists, with their location', () => {
    const { results } = load(`${BASE}
- macro: unused_macro
  condition: proc.name = x
- list: unused_list
  items: [a]
`);
    const w = warnings(results).map((x) => [x.code, x.itemType, x.itemName, x.line]);
    expect(w).toEqual([
      ['LOAD_UNUSED_MACRO', 'macro', 'unused_macro', 17],
      ['LOAD_UNUSED_LIST', 'list', 'unused_list', 19],
    ]);
  });

  it('reports undefined macros and macro loops at the reference', () => {
    const { results } = load(`
- macro: a
  condition: b and proc.name = x
- macro: b
  condition: a
- rule: R
  desc: d
  condition: evt.type = open and nosuch
  output: o
  priority: INFO
`);
    const errs = errors(results).map((x) => [x.code, x.itemType, x.itemName, x.message]);
    expect(errs).toEqual([
      ['LOAD_ERR_VALIDATE', 'macro', 'a', "Undefined macro 'b' used in filter."],
      ['LOAD_ERR_VALIDATE', 'macro', 'b', "Macro 'a' used in filter has errors"],
      ['LOAD_ERR_VALIDATE', 'rule', 'R', "Undefined macro 'nosuch' used in filter."],
    ]);
    const r = errors(results)[2]!;
    expect(r.line).toBe(8);
    expect(r.conditionPos).toEqual({ idx: 20, line: 1, col: 21 });
    expect(r.col).toBe(14 + 20);
  });

  it('detects macro reference loops (and a macro cannot see itself)', () => {
    const { results: self } = load(`
- macro: selfref
  condition: proc.name = a or selfref
`);
    expect(errors(self).map((x) => x.message)).toEqual(["Undefined macro 'selfref' used in filter."]);
    const { results } = load(`
- macro: loop
  condition: proc.name = a
- macro: other
  condition: loop
- macro: loop
  condition: other
- rule: R
  desc: d
  condition: evt.type = open and loop
  output: o
  priority: INFO
`);
    expect(errors(results).map((x) => x.message)).toContain("reference loop in macro 'other'");
  });

  it('keeps loading the good rules next to a bad one', () => {
    const { e, results } = load(`
- rule: Good1
  desc: d
  condition: evt.type = open
  output: o
  priority: INFO
- rule: Bad field
  desc: d
  condition: evt.type = open and proc.nmae = x
  output: o
  priority: INFO
- rule: Bad syntax
  desc: d
  condition: evt.type = open and (proc.name = x
  output: o
  priority: INFO
- rule: No output
  desc: d
  condition: evt.type = open
  priority: INFO
- rule: Good2
  desc: d
  condition: evt.type = execve
  output: o
  priority: INFO
`);
    expect(e.rules.map((r) => r.name)).toEqual(['Good1', 'Good2']);
    const errs = errors(results).map((x) => [x.code, x.itemName, x.line, x.message]);
    expect(errs).toEqual([
      ['LOAD_ERR_YAML_VALIDATE', 'No output', 17, "Item has no mapping for key 'output'"],
      ['LOAD_ERR_COMPILE_CONDITION', 'Bad field', 9, 'filter_check called with nonexistent field proc.nmae'],
      ['LOAD_ERR_COMPILE_CONDITION', 'Bad syntax', 14, "expected a ')' token"],
    ]);
  });

  it('rejects an output with an unknown field, or skips the rule when asked to', () => {
    const { e, results } = load(`
- rule: R1
  desc: d
  condition: evt.type = open
  output: "x %not_a_real_field"
  priority: INFO
- rule: R2
  desc: d
  condition: evt.type = open and proc.nobody = 1
  output: o
  priority: INFO
  skip-if-unknown-filter: true
`);
    expect(errors(results).map((x) => [x.code, x.message])).toEqual([['LOAD_ERR_COMPILE_OUTPUT', 'invalid formatting token not_a_real_field']]);
    expect(warnings(results).map((x) => [x.code, x.message])).toEqual([['LOAD_UNKNOWN_FILTER', 'filter_check called with nonexistent field proc.nobody']]);
    expect(e.rules).toEqual([]);
  });

  it('warns about conditions that match too many event types unless told not to', () => {
    const { results } = load(`
- rule: Broad
  desc: d
  condition: proc.name = x
  output: o
  priority: INFO
- rule: Broad quiet
  desc: d
  condition: proc.name = x
  output: o
  priority: INFO
  warn_evttypes: false
- rule: Never
  desc: d
  condition: evt.num = 0
  output: o
  priority: INFO
`);
    expect(warnings(results).map((w) => [w.code, w.itemName])).toEqual([['LOAD_NO_EVTTYPE', 'Broad']]);
  });

  it('validates priorities, names and unknown keys like Falco', () => {
    const { results } = load(`
- rule: P
  desc: d
  condition: evt.type = open
  output: o
  priority: LOUD
- macro: bad-name
  condition: evt.type = open
- rule: K
  desc: d
  condition: evt.type = open and bad-name
  output: o
  priority: INFO
  colour: red
- whatever: 1
`);
    expect(errors(results).map((x) => [x.code, x.context.last.itemType, x.message])).toEqual([
      ['LOAD_ERR_YAML_VALIDATE', 'rule priority', 'Invalid priority'],
      ['LOAD_ERR_COMPILE_CONDITION', 'condition expression', "unexpected token after 'bad', expecting 'or', 'and'"],
    ]);
    expect(warnings(results).map((x) => x.code)).toEqual(['LOAD_INVALID_MACRO_NAME', 'LOAD_UNKNOWN_KEY', 'LOAD_UNKNOWN_ITEM', 'LOAD_UNUSED_MACRO']);
  });

  it('reports YAML problems with their line', () => {
    const r1 = engine().loadRules('- rule: x\n  desc: [unclosed\n', 'bad.yaml');
    expect(r1.errors[0]!.code).toBe('LOAD_ERR_YAML_PARSE');
    expect(r1.errors[0]!.line).toBeGreaterThanOrEqual(2);
    expect(engine().loadRules('just text', 'a.yaml').errors.map((e) => e.message)).toEqual(['Rules content is not yaml']);
    expect(engine().loadRules('a: b', 'a.yaml').errors.map((e) => e.message)).toEqual(['Rules content is not yaml array of objects']);
    expect(engine().loadRules('- [a]', 'a.yaml').errors.map((e) => e.message)).toEqual(['Unexpected element type. Each element should be a yaml associative array.']);
  });
});

describe('rules loader: append, override, enabled', () => {
  it('appends with the deprecated append flag', () => {
    const { e, results } = load(BASE, `
- list: shells
  items: [sh]
  append: true
- macro: spawned
  condition: or evt.type = execveat
  append: true
- rule: Shell
  condition: and proc.name != zsh
  append: true
`);
    expect(errors(results)).toEqual([]);
    expect(warnings(results).map((w) => w.code)).toEqual(['LOAD_DEPRECATED_ITEM', 'LOAD_DEPRECATED_ITEM', 'LOAD_DEPRECATED_ITEM']);
    const r = e.rule('Shell')!;
    expect(r.eventNames).toEqual(['execve', 'execveat']);
    expect(e.evaluate({ 'evt.type': 'execve', 'proc.name': 'sh', 'proc.pname': 'x' }, EXECVE).length).toBe(1);
    expect(e.evaluate({ 'evt.type': 'execve', 'proc.name': 'zsh', 'proc.pname': 'x' }, EXECVE).length).toBe(0);
  });

  it('applies override append and replace per key', () => {
    const { e, results } = load(BASE, `
- list: shells
  items: [csh]
  override:
    items: append
- rule: Shell
  condition: and proc.name != bash
  output: "(appended %proc.pid)"
  priority: CRITICAL
  tags: [replaced]
  override:
    condition: append
    output: append
    priority: replace
    tags: replace
`);
    expect(errors(results)).toEqual([]);
    const r = e.rule('Shell')!;
    expect(r.priority).toBe('CRITICAL');
    expect(r.tags).toEqual(['replaced']);
    expect(r.outputFormat).toBe('Shell %proc.name under %proc.pname (%fd.name) (appended %proc.pid)');
    const ev = { 'evt.type': 'execve', 'proc.name': 'csh', 'proc.pname': 'x', 'proc.pid': 4 };
    expect(e.evaluate(ev, EXECVE)[0]!.output).toBe('Shell csh under x (<NA>) (appended 4)');
    expect(e.evaluate({ ...ev, 'proc.name': 'bash' }, EXECVE).length).toBe(0);
  });

  it('reports overrides of missing items and misuse of override', () => {
    const { results } = load(BASE, `
- rule: Missing
  condition: evt.type = open
  override:
    condition: append
- list: nolist
  items: [a]
  override:
    items: append
- rule: Shell
  priority: INFO
  override:
    priority: append
- rule: Shell
  desc: x
  override:
    condition: replace
- rule: Shell
  desc: x
  append: true
  override:
    desc: replace
`);
    expect(errors(results).map((x) => [x.code, x.itemName, x.message])).toEqual([
      ['LOAD_ERR_VALIDATE', 'Missing', "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists"],
      ['LOAD_ERR_VALIDATE', 'nolist', "List uses 'append' or 'override.items: append' but no list by that name already exists"],
      ['LOAD_ERR_YAML_VALIDATE', 'Shell', "Key 'priority' cannot be appended to, use 'replace' instead"],
      ['LOAD_ERR_YAML_VALIDATE', 'Shell', "An replace override for 'condition' was specified but 'condition' is not defined"],
      ['LOAD_ERR_YAML_VALIDATE', 'Shell', "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead."],
    ]);
  });

  it('toggles rules with enabled, and by name, tag and priority', () => {
    const { e, results } = load(BASE, `
- rule: Shell
  enabled: false
`);
    expect(errors(results)).toEqual([]);
    expect(warnings(results).map((w) => w.code)).toEqual(['LOAD_DEPRECATED_ITEM']);
    expect(e.isEnabled('Shell')).toBe(false);
    const ev = { 'evt.type': 'execve', 'proc.name': 'bash', 'proc.pname': 'x' };
    expect(e.evaluate(ev, EXECVE)).toEqual([]);
    e.setEnabledByTag('T1059', true);
    expect(e.evaluate(ev, EXECVE).length).toBe(1);
    e.setMinPriority('ERROR');
    expect(e.evaluate(ev, EXECVE)).toEqual([]);
    e.setMinPriority('DEBUG');
    e.setEnabledByName('Sh*', false);
    expect(e.evaluate(ev, EXECVE)).toEqual([]);
    const { results: r2 } = load(`
- rule: Nothing
  enabled: true
`);
    expect(errors(r2).map((x) => x.message)).toEqual(["Rule has 'enabled' key but no rule by that name already exists"]);
  });
});

describe('rules loader: exceptions', () => {
  const RULE = `
- rule: Open
  desc: d
  condition: evt.type = open
  output: "%proc.name %fd.name"
  priority: INFO
  exceptions:
    - name: by_proc_and_file
      fields: [proc.name, fd.name]
      comps: [=, startswith]
      values:
        - [cat, /etc/]
        - [tail, /var/log]
    - name: by_proc
      fields: proc.name
      values: [vim, "my editor"]
    - name: by_path
      fields: fd.name
      comps: pmatch
      values: [/tmp, /home/a]
    - name: tuple_in
      fields: [proc.name, fd.name]
      comps: [in, =]
      values:
        - [[less, more], /etc/motd]
`;

  it('builds the exception condition the way Falco writes it', () => {
    const { e, results } = load(RULE);
    expect(errors(results)).toEqual([]);
    const r = e.rule('Open')!;
    expect(r.conditionText).toBe(
      '(evt.type = open) and not (( proc.name = cat and  fd.name startswith /etc/) or ( proc.name = tail and  fd.name startswith /var/log))' +
        ' and not (proc.name in (vim, "my editor")) and not (fd.name pmatch (/tmp, /home/a))' +
        ' and not (( proc.name in (less, more) and  fd.name = /etc/motd))',
    );
    expect(r.exceptionFields.sort()).toEqual(['fd.name', 'proc.name']);
  });

  it('excludes matching events', () => {
    const { e } = load(RULE);
    const hit = (name: string, file: string) => e.evaluate({ 'evt.type': 'open', 'proc.name': name, 'fd.name': file }, OPEN).length === 1;
    expect(hit('cat', '/etc/passwd')).toBe(false);
    expect(hit('cat', '/root/x')).toBe(true);
    expect(hit('my editor', '/x')).toBe(false);
    expect(hit('ls', '/tmp/a/b')).toBe(false);
    expect(hit('ls', '/tmpx')).toBe(true);
    expect(hit('more', '/etc/motd')).toBe(false);
    expect(hit('more', '/etc/issue')).toBe(true);
  });

  it('appends exception values and reports bad exceptions like Falco', () => {
    const { e, results } = load(RULE, `
- rule: Open
  exceptions:
    - name: by_proc
      values: [nano]
    - name: by_proc
      values: [ed]
  override:
    exceptions: append
- rule: Open
  exceptions:
    - name: bad_comp
      fields: [proc.name]
      comps: [nope]
      values: [[x]]
  override:
    exceptions: append
- rule: Open
  exceptions:
    - name: bad_len
      fields: [proc.name, fd.name]
      values: [[x]]
  override:
    exceptions: append
- rule: Open
  exceptions:
    - name: bad_field
      fields: [proc.nosuch]
      values: [[x]]
  override:
    exceptions: append
`);
    expect(errors(results).map((x) => [x.itemType, x.itemName, x.message])).toEqual([
      ['exception', 'bad_comp', "'nope' is not a supported comparison operator"],
      ['exception', 'bad_field', "'proc.nosuch' is not a supported filter field"],
      ['exception', 'bad_len', 'Fields and values lists must have equal length'],
    ]);
    expect(warnings(results).map((w) => [w.code, w.message])).toEqual([
      ['LOAD_EXCEPTION_NAME_NOT_UNIQUE', "Multiple definitions of exception 'by_proc' in the same rule"],
    ]);
    expect(e.rules.map((r) => r.name)).toEqual([]);
  });
});

describe('rules loader: inspector registry as the syscall source', () => {
  it('rejects unknown event types, or skips the rule when asked to', async () => {
    const { RegistryResolver } = await import('../../../core/rules/syscall-resolver.js');
    const e = new RulesEngine({ sources: { syscall: new RegistryResolver() } });
    const res = e.loadRules(`
- rule: Typo
  desc: d
  condition: evt.type = opne and proc.name = cat
  output: o
  priority: INFO
- rule: Newer event
  desc: d
  condition: evt.type in (open, some_future_syscall)
  output: o
  priority: INFO
  skip-if-unknown-filter: true
- rule: Fine
  desc: d
  condition: evt.type in (open, openat2) and proc.aname = bash and fd.net = 10.0.0.0/8
  output: "%proc.name %fd.name"
  priority: INFO
`, 'x.yaml');
    expect(res.errors.map((x) => [x.itemName, x.message])).toEqual([['Typo', 'unknown event type opne']]);
    expect(res.warnings.map((x) => [x.code, x.itemName, x.message])).toEqual([['LOAD_UNKNOWN_FILTER', 'Newer event', 'unknown event type some_future_syscall']]);
    expect(e.rules.map((r) => r.name)).toEqual(['Fine']);
  });
});
