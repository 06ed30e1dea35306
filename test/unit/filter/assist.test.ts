import { describe, expect, it } from 'vitest';
import { completeFilter, validateFilter } from '../../../core/filter/assist.js';
import { TestResolver } from './fixture.js';

const R = new TestResolver();
const labels = (text: string, cursor = text.length, values?: (f: string, p: string) => string[]) =>
  completeFilter(text, cursor, R, values ? { values, macros: ['spawned_process'] } : { macros: ['spawned_process'] }).items.map((i) => i.label);

describe('validateFilter', () => {
  it('returns fields and warnings for a good filter', () => {
    const v = validateFilter('proc.name = bash and fd.num > 2', R);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.fields).toEqual(['proc.name', 'fd.num']);
  });

  it('returns the problem with a span, a suggestion and candidates', () => {
    const v = validateFilter('proc.name = bash and fd.nmae = x', R);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problem).toMatchObject({ code: 'FILTER_UNKNOWN_FIELD', reason: 'UNKNOWN_FIELD', start: 21, end: 28, col: 22 });
    expect(v.problem.candidates).toContain('fd.name');
    expect(v.problem.replacement).toBe('fd.name');
    const a = validateFilter('proc.anme[2] = bash', R);
    expect(a.ok || [a.problem.start, a.problem.end, a.problem.replacement]).toEqual([0, 12, 'proc.aname[2]']);
    const p = validateFilter('proc.name = bash and (fd.num = 1', R);
    expect(p.ok || p.problem.reason).toBe('UNBALANCED_PARENS');
    const o = validateFilter('fd.num contains 1', R);
    expect(o.ok || [o.problem.code, o.problem.start, o.problem.end]).toEqual(['FILTER_BAD_OPERATOR', 0, 17]);
  });
});

describe('completeFilter', () => {
  it('offers fields, macros and not where a check starts', () => {
    expect(labels('proc.n')).toEqual(['proc.name']);
    expect(labels('')).toEqual(expect.arrayContaining(['not', 'proc.name', 'fd.num', 'spawned_process']));
    expect(labels('proc.name = a and fd.')).toEqual(expect.arrayContaining(['fd.name', 'fd.num', 'fd.sip']));
    expect(labels('spa')).toEqual(['spawned_process']);
    const r = completeFilter('proc.name = a and fd.n', 20, R);
    expect([r.from, r.to]).toEqual([18, 22]);
  });

  it('offers only the operators that fit the field type', () => {
    const num = labels('fd.num ');
    expect(num).toEqual(expect.arrayContaining(['=', '<', 'in', 'exists']));
    expect(num).not.toContain('contains');
    expect(labels('proc.name st')).toEqual(['startswith']);
    expect(labels('fd.sip ')).toEqual(['=', '!=', 'in', 'exists', 'intersects']);
  });

  it('offers values from the caller, quoted when needed, and booleans', () => {
    const values = (f: string) => (f === 'proc.name' ? ['bash', 'my shell', 'sshd'] : []);
    expect(labels('proc.name = ', undefined, values)).toEqual(['bash', 'my shell', 'sshd']);
    expect(labels('proc.name = s', undefined, values)).toEqual(['sshd']);
    expect(completeFilter('proc.name = my', 14, R, { values }).items[0]).toEqual({ label: 'my shell', kind: 'value', insert: '"my shell"' });
    expect(labels('proc.name in (bash, ', undefined, values)).toEqual(['bash', 'my shell', 'sshd']);
    expect(labels('evt.is_open_write = ')).toEqual(['true', 'false']);
  });

  it('offers and/or after a complete check', () => {
    expect(labels('proc.name = bash ')).toEqual(['and', 'or']);
    expect(labels('proc.name = bash a')).toEqual(['and']);
  });
});
