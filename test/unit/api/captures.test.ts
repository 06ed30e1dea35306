import { execFileSync } from 'node:child_process';
import { describe, expect, it, beforeAll } from 'vitest';
import { EngineService } from '../../../core/api/service.js';
import type { CaptureSummary } from '../../../core/api/contract.js';

// The explorer's list must show what `sysdig -r` prints: same events, same numbers, same text.
const CAPTURE = '../shared/data/captures/inspect_502error.scap';

function sysdig(args: string[]): string[] {
  const out = execFileSync('sysdig', ['-r', CAPTURE, ...args], { env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 30, encoding: 'latin1' });
  return out.split('\n').filter((l) => l !== '');
}

// sysdig 0.29.3's own event table and flag names, so every line can be compared exactly.
const service = new EngineService({ mode: 'cli', version: 'test', dialect: 'sysdig029' });
let cap: CaptureSummary;

beforeAll(async () => {
  const phases = new Set<string>();
  cap = await service.call('capture.open', { path: CAPTURE }, { onProgress: (p) => phases.add(p.phase.split(' ')[0]!) });
  expect([...phases]).toEqual(expect.arrayContaining(['hashing', 'indexing']));
});

describe('capture explorer API against sysdig', () => {
  it('lists the events sysdig prints, with the same numbers, types and info', async () => {
    const lines = sysdig(['-p', '*%evt.num|%evt.cpu|%proc.name|%thread.tid|%evt.dir|%evt.type|%evt.info']);
    expect(cap.events).toBe(lines.length);
    const ours: string[] = [];
    for (let offset = 0; offset < lines.length; offset += 5000) {
      const page = await service.call('capture.events', { id: cap.id, offset, limit: 5000 });
      expect(page.total).toBe(lines.length);
      ours.push(...page.rows.map((r) => [r.num, r.cpu, r.proc, r.tid, r.dir, r.type, r.info].join('|')));
    }
    expect(ours).toEqual(lines);
  });

  it.each([
    'proc.name=haproxy and evt.type=connect',
    'fd.type=ipv4 and evt.dir=<',
    'evt.failed=true',
    'not proc.name in (haproxy, python)',
  ])('filters like sysdig: %s', async (filter) => {
    const expected = sysdig(['-p', '%evt.num', filter]).map(Number);
    const page = await service.call('capture.events', { id: cap.id, offset: 0, limit: 5000, filter });
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.num)).toEqual(expected.slice(0, 5000));
  });

  it('restricts to a time range', async () => {
    const all = await service.call('capture.events', { id: cap.id, offset: 0, limit: 1 });
    const from = BigInt(all.rows[0]!.ts) + 1_000_000_000n;
    const to = from + 500_000_000n;
    const expected = sysdig(['-p', '%evt.num', `evt.rawtime>=${from} and evt.rawtime<=${to}`]).map(Number);
    const page = await service.call('capture.events', { id: cap.id, offset: 0, limit: 5000, from: String(from), to: String(to) });
    expect(page.rows.map((r) => r.num)).toEqual(expected);
  });

  it('fills extra columns as sysdig prints them', async () => {
    const expected = sysdig(['-p', '*%evt.num %fd.name %proc.aname[2]', 'evt.type=connect']);
    const page = await service.call('capture.events', { id: cap.id, offset: 0, limit: 20, filter: 'evt.type=connect', columns: ['fd.name', 'proc.aname[2]'] });
    const ours = page.rows.map((r) => `${r.num} ${r.cols!['fd.name']} ${r.cols!['proc.aname[2]']}`);
    expect(ours).toEqual(expected.slice(0, 20));
  });

  it('describes one event with sysdig values and its ancestors', async () => {
    const [line] = sysdig(['-p', '%evt.num\t%proc.name\t%proc.pname\t%fd.name\t%user.name', 'evt.type=connect and evt.dir=<']);
    const [num, proc, pname, fdname, user] = line!.split('\t');
    const d = await service.call('capture.event', { id: cap.id, num: Number(num) });
    const get = (name: string) => d.sections.flatMap((s) => s.fields).find((f) => f.name === name)?.value;
    expect(get('proc.name')).toBe(proc);
    expect(get('proc.pname')).toBe(pname);
    expect(get('fd.name')).toBe(fdname);
    expect(get('user.name')).toBe(user);
    expect(d.ancestors[0]?.name).toBe(pname);
  });

  it('reports filter mistakes with a code and position, before reading the capture', async () => {
    await expect(service.call('capture.events', { id: cap.id, offset: 0, limit: 1, filter: 'proc.nam = x' })).rejects.toMatchObject({ code: 'FILTER_UNKNOWN_FIELD', position: 0 });
    const v = await service.call('filter.validate', { filter: 'proc.name = = x' });
    expect(v.ok).toBe(false);
    const c = await service.call('filter.complete', { filter: 'proc.na', cursor: 7, id: cap.id });
    expect(c.items.map((i) => i.label)).toContain('proc.name');
  });

  it('locates an event in a scoped list and counts list rows per time bucket', async () => {
    const filter = 'evt.type=connect';
    const nums = sysdig(['-p', '%evt.num', filter]).map(Number);
    const loc = await service.call('capture.locate', { id: cap.id, num: nums[10]!, filter });
    expect(loc).toEqual({ offset: 10, total: nums.length });
    expect((await service.call('capture.locate', { id: cap.id, num: nums[10]! + 1, filter: 'evt.type=connect and evt.dir=>' })).offset).toBeNull();
    const d = await service.call('capture.density', { id: cap.id, maxBuckets: 50 });
    expect(d.values.length).toBeLessThanOrEqual(50);
    expect(d.total).toBe(cap.events);
    expect(d.values.reduce((a, b) => a + b, 0)).toBe(cap.events);
    // A filtered density counts exactly the listed rows the filter keeps, on the same grid.
    const f = await service.call('capture.density', { id: cap.id, maxBuckets: 50, filter });
    expect(f.total).toBe(nums.length);
    expect([f.start, f.width, f.values.length]).toEqual([d.start, d.width, d.values.length]);
    const internal = await service.call('capture.density', { id: cap.id, maxBuckets: 50, filter: 'evt.type=procinfo or evt.type=connect' });
    expect(internal.total).toBe(nums.length);
  });

  it('refuses unknown capture ids and cancels', async () => {
    await expect(service.call('capture.events', { id: 'nope', offset: 0, limit: 1 })).rejects.toMatchObject({ code: 'CAPTURE_NOT_OPEN' });
    const ac = new AbortController();
    ac.abort();
    await expect(service.call('capture.open', { path: CAPTURE }, { signal: ac.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('refuses a file that is not a capture', async () => {
    await expect(service.call('capture.open', { path: 'package.json' })).rejects.toMatchObject({ code: 'CAPTURE_NOT_SCAP' });
  });
});
