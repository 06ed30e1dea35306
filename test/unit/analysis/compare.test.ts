import { describe, expect, it } from 'vitest';
import { compareLines, compareTopTable } from '../../diff/compare.js';

const row = (k: string, v: number): { keys: string[]; value: number } => ({ keys: [k], value: v });

describe('top-N comparison used by the differential tests', () => {
  it('accepts any subset of the rows tied at the cut, in any order', () => {
    const ours = [row('a', 9), row('b', 5), row('c', 5), row('d', 5), row('e', 1)];
    expect(compareTopTable(ours, [row('a', 9), row('d', 5), row('b', 5)], 3).problems).toEqual([]);
  });

  it('rejects a wrong value, a missing row, an extra row above the cut and a wrong count', () => {
    const ours = [row('a', 9), row('b', 5), row('c', 4)];
    expect(compareTopTable(ours, [row('a', 8), row('b', 5), row('c', 4)], 3).problems).toEqual(['value: [a] = 8 but ours 9']);
    expect(compareTopTable(ours, [row('a', 9), row('x', 5), row('c', 4)], 3).problems).toEqual(['missing: [x] = 5', 'extra: [b] = 5']);
    expect(compareTopTable(ours, [row('a', 9), row('b', 5)], 3).problems[0]).toMatch(/^row count/);
  });

  it('compares text line by line', () => {
    expect(compareLines(['x', 'y'], ['x', 'y']).problems).toEqual([]);
    const c = compareLines(['x', 'z'], ['x', 'y', 'w']);
    expect(c.matched).toBe(1);
    expect(c.problems).toHaveLength(3);
  });
});
