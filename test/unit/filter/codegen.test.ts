import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../core/filter/compiler.js';
import { TestResolver, type TestEvent } from './fixture.js';

const R = new TestResolver();

const EVENTS: TestEvent[] = [
  { 'evt.type': 'open', 'proc.name': 'bash', 'fd.name': '/etc/shadow', 'fd.num': 3, 'evt.is_open_write': true, 'user.uid': 0 },
  { 'evt.type': 'openat', 'proc.name': 'cat', 'fd.name': '/etc/passwd', 'fd.num': -1, 'evt.is_open_write': false, 'user.uid': 1000 },
  { 'evt.type': 'execve', 'proc.name': 'sh', 'proc.pname': 'bash', 'proc.pid': 42, 'proc.ppid': 1 },
  { 'evt.type': 'connect', 'proc.name': 'curl', 'fd.sip': '10.0.0.1', 'fd.sport': 443, 'k8s.ns.labels': ['a', 'b'] },
  { 'evt.type': 'read', 'proc.name': null, 'fd.name': undefined, 'proc.ports': [80, 443] },
  { 'evt.type': 'write', 'evt.num': 7n, 'evt.rawres': -2n, 'evt.is_open_write': 1n, 'fd.num': 0n, 'proc.pid': 40, 'user.uid': 0 },
  { 'evt.type': 'close', 'evt.num': 8, 'evt.rawres': 0, 'evt.is_open_write': 0, 'fd.num': true, 'proc.pid': 40.5 },
  {},
];

// Conditions mixing every node shape the code generator emits: flattened and/or chains (also
// nested through parentheses), negations, inlined string equality and sets, opaque leaves
// (lists, any-of fields, field-to-field, exists) and checks of fields missing from the event.
const FILTERS = [
  'evt.type = open',
  'evt.type != open',
  'not evt.type in (open, openat, openat2)',
  'evt.type in (open, openat) and (fd.num >= 0 and (evt.is_open_write = true and fd.name startswith /etc))',
  'proc.name = bash or (proc.name = sh or (proc.name in (cat, curl) and not fd.name = /etc/passwd))',
  'not (proc.name = bash and not (fd.name contains shadow or user.uid = 0))',
  'proc.name exists and not proc.pname exists',
  'proc.pname = bash and proc.ppid < 2 or proc.pid > 40',
  'k8s.ns.labels in (a, b) or proc.ports intersects (443)',
  'fd.sip = 10.0.0.1 and fd.sport in (80, 443)',
  'proc.name = proc.pname or proc.name != sh',
  'not not not proc.name in (bash)',
  'proc.name != bash',
  // Numbers and booleans compare inline for number/boolean values and through the closure otherwise.
  'fd.num >= 0 and evt.num < 8',
  'fd.num = 0 or evt.rawres != 0 or evt.num > 7 or evt.num <= 7',
  'proc.pid = 40 or proc.pid in (41, 42) or proc.pid > 40',
  'evt.is_open_write = true',
  'evt.is_open_write = false or not evt.is_open_write != true',
  'fd.name contains etc and fd.name endswith shadow or fd.name startswith /etc/pa',
];


describe('filter compiler: generated predicates', () => {
  it('agree with the closure evaluation on every event', () => {
    for (const f of FILTERS) {
      const gen = compileFilter(f, R).match;
      const clo = compileFilter(f, R, { codegen: false }).match;
      for (const e of EVENTS) expect([f, e, gen(e)]).toEqual([f, e, clo(e)]);
    }
  });

  it('give the expected results on a few hand-checked cases', () => {
    const m = (f: string, e: TestEvent): boolean => compileFilter(f, R).match(e);
    expect(m('evt.type in (open, openat) and (fd.num >= 0 and (evt.is_open_write = true and fd.name startswith /etc))', EVENTS[0]!)).toBe(true);
    expect(m('evt.type in (open, openat) and (fd.num >= 0 and (evt.is_open_write = true and fd.name startswith /etc))', EVENTS[1]!)).toBe(false);
    // A missing value makes != false, and `not` of it true.
    expect(m('proc.name != bash', EVENTS[4]!)).toBe(false);
    expect(m('not proc.name = bash', EVENTS[4]!)).toBe(true);
    expect(m('proc.name = bash or (proc.name = sh or proc.name in (cat, curl))', EVENTS[3]!)).toBe(true);
  });
});
