import { describe, expect, it } from 'vitest';
import { fieldByName, listFields, parseFieldPrefix, resolveField } from '../../../core/inspect/fields/registry.js';
import { TracehoundError } from '../../../core/api/errors.js';

describe('field registry', () => {
  it('lists every class with typed, described fields', () => {
    const all = listFields();
    expect(all.length).toBeGreaterThan(200);
    for (const cls of ['evt', 'process', 'user', 'group', 'container', 'fd', 'k8s'] as const) {
      expect(listFields(cls).length).toBeGreaterThan(0);
    }
    for (const f of all) {
      expect(f.name).toMatch(/^[a-z0-9_]+\.[a-z0-9_.]+$/);
      expect(f.desc.length).toBeGreaterThan(5);
      expect(f.type).toMatch(/^[A-Z0-9_]+$/);
      expect(typeof f.bind).toBe('function');
    }
    expect(new Set(all.map((f) => f.name)).size).toBe(all.length);
  });

  it('carries sysdig types and argument rules', () => {
    expect(fieldByName('fd.sport')).toMatchObject({ type: 'PORT', format: 'DEC' });
    expect(fieldByName('evt.rawtime')).toMatchObject({ type: 'ABSTIME' });
    expect(fieldByName('fd.sip')).toMatchObject({ type: 'IPADDR' });
    expect(fieldByName('fd.net')).toMatchObject({ type: 'IPNET', flags: { filterOnly: true } });
    expect(fieldByName('proc.aname')).toMatchObject({ arg: 'index', flags: { allowsArg: true } });
    expect(fieldByName('evt.arg')).toMatchObject({ arg: 'index-or-dotted', flags: { requiresArg: true } });
    expect(fieldByName('proc.pexe')?.origin).toBe('libs');
  });

  it('resolves names with arguments', () => {
    expect(resolveField('proc.aname[2]')).toMatchObject({ def: { name: 'proc.aname' }, arg: { index: 2 }, length: 13 });
    expect(resolveField('evt.arg[0]')).toMatchObject({ def: { name: 'evt.arg' }, arg: { index: 0 } });
    expect(resolveField('evt.arg.fd')).toMatchObject({ def: { name: 'evt.arg' }, arg: { text: 'fd' } });
    expect(resolveField('thread.cgroup.cpuacct')).toMatchObject({ def: { name: 'thread.cgroup' }, arg: { text: 'cpuacct' } });
    expect(resolveField('container.mount[/usr/*]')).toMatchObject({ def: { name: 'container.mount' }, arg: { text: '/usr/*' } });
    expect(resolveField('container.mount.dest[0]')).toMatchObject({ def: { name: 'container.mount.dest' }, arg: { index: 0 } });
    expect(resolveField('k8s.pod.label.app.kubernetes.io/name')).toMatchObject({ def: { name: 'k8s.pod.label' }, arg: { text: 'app.kubernetes.io/name' } });
    expect(resolveField('proc.name')).toMatchObject({ def: { name: 'proc.name' }, length: 9 });
  });

  it('parses prefixes the way -p formats read them', () => {
    // The longest field of the first class with a match; the rest is plain text.
    expect(parseFieldPrefix('evt.numx')).toMatchObject({ def: { name: 'evt.num' }, length: 7 });
    expect(parseFieldPrefix('evt.time.s foo')).toMatchObject({ def: { name: 'evt.time.s' }, length: 10 });
    // evt.arg.NAME matches against every param name of the event table, longest first.
    expect(parseFieldPrefix('evt.arg.fdlimit=')).toMatchObject({ arg: { text: 'fdlimit' }, length: 15 });
    // evt.type.is only takes its argument when it ends the text (libsinsp compares the rest).
    expect(parseFieldPrefix('evt.type.is.open')).toMatchObject({ length: 16 });
    expect(parseFieldPrefix('evt.type.is.open %x')).toMatchObject({ length: 0 });
    expect(parseFieldPrefix('nosuch.field')).toBeNull();
  });

  it('parses ancestor indexes like current libs, or like sysdig 0.29.3 on request', () => {
    expect(parseFieldPrefix('proc.aname[2] x')).toMatchObject({ arg: { index: 2 }, length: 13 });
    expect(parseFieldPrefix('proc.aname[ +2]')).toMatchObject({ arg: { index: 2 }, length: 15 });
    // No valid index: "the process" in output, "any ancestor" in filters.
    expect(parseFieldPrefix('proc.aname x')).toMatchObject({ length: 10 });
    expect(parseFieldPrefix('proc.aname x')?.arg).toBeUndefined();
    expect(parseFieldPrefix('proc.aname[2x] x')).toMatchObject({ length: 10 });
    expect(parseFieldPrefix('proc.aname[2x] x')?.arg).toBeUndefined();
    // 0.29.3 consumes nothing unless the text is exactly the name.
    const old = { dialect: 'sysdig029' } as const;
    expect(parseFieldPrefix('proc.aname', old)).toMatchObject({ length: 10 });
    expect(parseFieldPrefix('proc.aname', old)?.arg).toBeUndefined();
    expect(parseFieldPrefix('proc.aname x', old)).toMatchObject({ length: 0 });
    expect(parseFieldPrefix('proc.aname x', old)?.arg).toBeUndefined();
    expect(parseFieldPrefix('proc.apid[2 ]', old)).toMatchObject({ length: 0 });
    expect(parseFieldPrefix('proc.apid[2 ]', old)?.arg).toBeUndefined();
    expect(parseFieldPrefix('proc.apid[2', old)).toMatchObject({ arg: { index: 2 }, length: 0 });
    expect(parseFieldPrefix('proc.apid[3]|', old)).toMatchObject({ arg: { index: 3 }, length: 12 });
  });

  it('reports unknown fields and bad arguments as typed errors', () => {
    expect(() => resolveField('proc.nosuch')).toThrowError(TracehoundError);
    try {
      resolveField('proc.nosuch');
    } catch (e) {
      expect((e as TracehoundError).code).toBe('FILTER_UNKNOWN_FIELD');
    }
    expect(() => resolveField('thread.cgroup')).toThrowError(/filter syntax error/);
    expect(() => resolveField('evt.arg.nosuchparamname')).toThrowError(/unknown event argument/);
  });

  it('binds independent extractors for stateful fields', () => {
    const a = resolveField('evt.deltatime').bind();
    const b = resolveField('evt.deltatime').bind();
    expect(a).not.toBe(b);
  });
});
