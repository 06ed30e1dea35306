import { describe, expect, it } from 'vitest';
import { Bucketer, chooseWidth, DISTINCT_BUCKETS, SUM_BUCKETS, TimelineSeries, WIDTH_LADDER } from '../../../core/analysis/timeline.js';
import { parseDuration, parseTimeBound } from '../../../core/analysis/timerange.js';
import { ObjResolver, ORIGIN, ev } from './fixture.js';

const US = 1000n;

describe('width ladder', () => {
  it('each width divides the next, from 1 µs to a day', () => {
    expect(WIDTH_LADDER[0]).toBe(1000);
    for (let i = 1; i < WIDTH_LADDER.length; i++) expect(WIDTH_LADDER[i]! % WIDTH_LADDER[i - 1]!).toBe(0);
  });

  it('chooses the finest width that covers the range in the budget', () => {
    expect(chooseWidth(ORIGIN, ORIGIN + 300n * US, 400)).toBe(1000);
    expect(chooseWidth(ORIGIN, ORIGIN + 1_000_000_000n, 400)).toBe(5_000_000);
    expect(chooseWidth(ORIGIN, ORIGIN + 3600n * 1_000_000_000n, 400)).toBe(10_000_000_000);
  });
});

describe('corrupt timestamps', () => {
  it('keep any span of a 64-bit clock within the bucket budget', () => {
    const w = chooseWidth(0n, 2n ** 63n - 1n, 400);
    expect((2n ** 63n - 1n) / BigInt(w) + 1n).toBeLessThanOrEqual(400n);
    const b = new Bucketer(SUM_BUCKETS, 400);
    b.add(0n, 1);
    b.add(2n ** 63n - 1n, 1);
    b.add(1_700_000_000_123_456_789n, 1);
    const s = b.series(0n, 2n ** 63n - 1n);
    expect(s.values.length).toBeLessThanOrEqual(400);
    expect(s.total).toBe(3);
  });

  it('regroup exactly at epoch-scale bucket indexes', () => {
    // 1.7e18 ns: index x width passes 2^53, where a float multiply would round across an edge.
    const b = new Bucketer(SUM_BUCKETS, 4);
    const t = 1_700_000_000_000_000_000n;
    for (let i = 0n; i < 10n; i++) b.add(t + i * 1_000n, 1);
    const s = b.series(t, t + 9_000n);
    expect(s.total).toBe(10);
    expect(BigInt(s.start) % BigInt(s.width)).toBe(0n);
    expect(s.values.reduce((a, x) => a + x, 0)).toBe(10);
  });
});

describe('bucketer', () => {
  it('coarsens exactly: totals and per-bucket sums survive any number of merges', () => {
    const b = new Bucketer(SUM_BUCKETS, 10);
    const fine = new Map<bigint, number>();
    let total = 0;
    for (let i = 0; i < 500; i++) {
      const ts = ORIGIN + BigInt(i * i) * 997n;
      b.add(ts, i);
      total += i;
      fine.set(ts, i);
    }
    const s = b.series();
    expect(s.values.length).toBeLessThanOrEqual(10);
    expect(s.total).toBe(total);
    const w = BigInt(s.width);
    const start = BigInt(s.start);
    expect(start % w).toBe(0n);
    const expected = new Array<number>(s.values.length).fill(0);
    for (const [ts, v] of fine) expected[Number((ts - start) / w)]! += v;
    expect(s.values).toEqual(expected);
  });

  it('accepts events out of order and zero-fills a requested range', () => {
    const b = new Bucketer(SUM_BUCKETS, 100);
    b.add(ORIGIN + 50n * US, 1);
    b.add(ORIGIN + 10n * US, 2);
    const s = b.series(ORIGIN, ORIGIN + 99n * US);
    expect(s.width).toBe(1000);
    expect(s.values).toHaveLength(100);
    expect(s.values[10]).toBe(2);
    expect(s.values[50]).toBe(1);
    expect(s.total).toBe(3);
  });

  it('distinct buckets count keys per bucket and merge as unions', () => {
    const b = new Bucketer(DISTINCT_BUCKETS, 2);
    b.at(ORIGIN).add('a');
    b.at(ORIGIN + 1n * US).add('a');
    b.at(ORIGIN + 1n * US).add('b');
    expect(b.series().values).toEqual([1, 2]);
    b.at(ORIGIN + 7n * US).add('a');
    const s = b.series();
    expect(s.width).toBe(5000);
    expect(s.values).toEqual([2, 1]);
  });
});

describe('series of a filter', () => {
  it('counts matching events or sums a field per bucket', () => {
    const r = new ObjResolver();
    const count = new TimelineSeries({ id: 'reads', filter: 'evt.type=read' }, r, { width: 1_000_000 });
    const bytes = new TimelineSeries({ id: 'bytes', filter: 'evt.type=read', field: 'evt.rawarg.res' }, r, { width: 1_000_000 });
    for (const e of [ev(0.1, { 'evt.type': 'read', 'evt.rawarg.res': 10 }), ev(0.2, { 'evt.type': 'write', 'evt.rawarg.res': 5 }), ev(2.5, { 'evt.type': 'read', 'evt.rawarg.res': 7 })]) {
      count.add(e);
      bytes.add(e);
    }
    const from = ORIGIN;
    const to = ORIGIN + 3_000_000n;
    expect(count.bucketer.series(from, to).values).toEqual([1, 0, 1, 0]);
    expect(bytes.bucketer.series(from, to).values).toEqual([10, 0, 7, 0]);
  });
});

describe('time bounds', () => {
  const start = 1_506_127_469_900_650_688n; // 2017-09-23T00:44:29.900650688Z
  it('reads ns, ISO dates, clock times and offsets', () => {
    expect(parseTimeBound('1506127470000000000', start)).toBe(1_506_127_470_000_000_000n);
    expect(parseTimeBound('2017-09-23T00:44:30.5Z', start)).toBe(1_506_127_470_500_000_000n);
    expect(parseTimeBound('00:44:30.000000001', start)).toBe(1_506_127_470_000_000_001n);
    expect(parseTimeBound('+1.5s', start)).toBe(start + 1_500_000_000n);
    expect(parseDuration('250ms')).toBe(250_000_000n);
  });

  it('rejects what it cannot read, with a usage error', () => {
    expect(() => parseTimeBound('yesterday', start)).toThrow(/not a time/);
    expect(() => parseTimeBound('+1s', null)).toThrow(/needs a capture/);
  });
});
