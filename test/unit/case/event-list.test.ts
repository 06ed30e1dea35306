// The case-backed event list must answer every question exactly like the in-memory index built
// from the same rows: it is what a reopened capture pages, locates and plots from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEventIndex, EventIndex, type StoredRow } from '../../../core/analysis/explore/event-index.js';
import { AnchorCollector, CaseEventList, CaseStore, type EventIndexRow, type ListAnchors } from '../../../core/case/index.js';
import { ScratchListWriter, scratchError } from '../../../core/case/scratch-list.js';
import { codeOf, FIXED_NOW, scratch, writeEvidence } from './helpers.js';

const tmp = scratch('event-list');
afterAll(() => tmp.cleanup());

const BASE_TS = 1_700_000_000_123_456_789n;
const PROCS = ['bash', 'curl', 'nginx', 'sh'];
const TYPES = ['openat', 'read', 'connect', 'write', 'execve'];

/** Rows with gaps in evt_num (internal events have no row), times that repeat and text that varies. */
function makeRows(n: number): StoredRow[] {
  const rows: StoredRow[] = [];
  let num = 3;
  let ts = BASE_TS;
  for (let i = 0; i < n; i++) {
    num += 1 + (i % 5 === 0 ? 2 : 0);
    ts += BigInt((i * 7919) % 3 === 0 ? 0 : 1000 + (i % 13) * 17);
    rows.push({
      num, ts, cpu: i % 3, dir: i % 2 ? '<' : '>', type: TYPES[i % TYPES.length]!, tid: 100 + (i % 11),
      proc: PROCS[(i >> 3) % PROCS.length]!, info: i % 9 === 0 ? '' : `fd=${i % 10} size=${i} é`, offset: 24 + i * 80, code: 2 + (i % 40),
    });
  }
  return rows;
}

const ROWS = makeRows(3000);
let memory: EventIndex;
let casePath: string;
let anchorsEvery7: ListAnchors;

beforeAll(async () => {
  memory = await EventIndex.fromRows([ROWS], ROWS.length + 500);
  casePath = tmp.path('list.thcase');
  const store = CaseStore.create(casePath, { name: 'list', actor: 'alice', now: FIXED_NOW });
  const ev = tmp.path('capture.bin');
  writeEvidence(ev, 4096);
  const { artifact } = await store.addArtifact(ev, { kind: 'scap' });
  const w = store.beginImport(artifact.id);
  const anchors = new AnchorCollector(7);
  const batch: EventIndexRow[] = ROWS.map((r) => {
    anchors.add(r.num);
    return {
      evtNum: r.num, offset: r.offset, ts: r.ts, cpu: r.cpu, dir: r.dir === '<' ? 1 : 0, type: r.code, tid: r.tid,
      typeName: w.intern(r.type), procName: w.intern(r.proc), info: r.info === '' ? null : w.intern(r.info),
    };
  });
  for (let i = 0; i < batch.length; i += 500) w.addEvents(batch.slice(i, i + 500));
  w.commit({});
  anchorsEvery7 = anchors.anchors;
  store.close();
});

function open(anchors?: ListAnchors): CaseEventList {
  return CaseEventList.open(casePath, { artifactId: 1, count: ROWS.length, firstTs: ROWS[0]!.ts, lastTs: ROWS[ROWS.length - 1]!.ts, ...(anchors ? { anchors } : {}) });
}

describe.each([
  ['anchors stored by the import (every 7 rows)', () => anchorsEvery7],
  ['anchors rebuilt from the key (an older import)', () => undefined],
])('case event list with %s', (_name, anchors) => {
  let list: CaseEventList;
  beforeAll(() => {
    list = open(anchors());
  });
  afterAll(() => list.close());

  it('pages exactly like the in-memory index, at every offset', () => {
    expect(list.count).toBe(memory.count);
    for (const [offset, limit] of [[0, 10], [6, 3], [7, 7], [13, 50], [2990, 50], [2999, 1], [3000, 5], [1234, 700]] as const) {
      expect(list.slice(offset, limit)).toEqual(memory.slice(offset, limit));
    }
  });

  it('gives every row back, with offsets and codes, in order', () => {
    expect([...list.stored()]).toEqual(ROWS);
  });

  it('locates every event, and none that has no row', () => {
    for (let i = 0; i < ROWS.length; i += 37) expect(list.positionOf(ROWS[i]!.num)).toBe(i);
    expect(list.positionOf(ROWS[ROWS.length - 1]!.num)).toBe(ROWS.length - 1);
    expect(list.positionOf(1)).toBe(-1);
    expect(list.positionOf(ROWS[5]!.num + 1)).toBe(memory.positionOf(ROWS[5]!.num + 1));
    expect(list.positionOf(ROWS[ROWS.length - 1]!.num + 1)).toBe(-1);
  });

  it('fetches a scattered set of rows by number', () => {
    const nums = Float64Array.from(ROWS.filter((_, i) => i % 11 === 3).map((r) => r.num));
    expect(list.byNums(nums, 4, 40)).toEqual(memory.byNums(nums, 4, 40));
  });

  it('counts rows per bucket like the in-memory index, on any grid', () => {
    const lo = ROWS[0]!.ts;
    const hi = ROWS[ROWS.length - 1]!.ts;
    for (const [from, to, width] of [[lo, hi, 1000n], [lo + 50_000n, hi - 90_000n, 333n], [lo, hi, 10n ** 9n]] as const) {
      const start = (from / width) * width;
      const buckets = Number((to - start) / width) + 1;
      const got = list.density(from, to, start, width, buckets);
      expect(got).toEqual(memory.density(from, to, start, width, buckets));
      expect(got.reduce((a, b) => a + b, 0)).toBe(ROWS.filter((r) => r.ts >= from && r.ts <= to).length);
      // Asked again (a redraw), from the cache, and not shared with the caller.
      got[0] = -1;
      expect(list.density(from, to, start, width, buckets)[0]).not.toBe(-1);
    }
  });

  it('lists the values seen for completion', () => {
    expect(list.seen('proc', '', 200)).toEqual([...PROCS].sort());
    expect(list.seen('proc', 'c', 200)).toEqual(['curl']);
    expect(list.seen('type', 'e', 200)).toEqual(memory.seen('type', 'e', 200));
    expect(list.seen('type', '', 2)).toHaveLength(2);
  });
});

describe('case event list errors', () => {
  it('refuses anchors that do not fit the import, and queries after close', async () => {
    expect(await codeOf(() => open({ every: 7, nums: [4, 12] }))).toBe('CASE_CORRUPT');
    const list = open();
    list.close();
    expect(await codeOf(() => list.slice(0, 10))).toBe('INVALID_REQUEST');
    list.close();
  });

  it('says when the case file is missing', async () => {
    expect(await codeOf(() => CaseEventList.open(tmp.path('nope.thcase'), { artifactId: 1, count: 0, firstTs: null, lastTs: null }))).toBe('CASE_NOT_FOUND');
  });
});

describe('the scratch list of a large open capture', () => {
  it('keeps any text and direction exactly, lone surrogates included', async () => {
    const odd = makeRows(500).map((r, i) => ({
      ...r,
      dir: (i % 7 === 0 ? '' : r.dir) as StoredRow['dir'],
      info: i % 5 === 0 ? `lone \uD800 ${i}` : i % 5 === 1 ? `tail \uDC00` : r.info,
      proc: i % 50 === 0 ? 'p\uDBFF' : r.proc,
    }));
    const w = new ScratchListWriter();
    for (const r of odd) w.add(r.num, r.ts, r.cpu, r.dir, r.type, r.tid, r.proc, r.info, r.offset, r.code);
    const list = w.finish();
    try {
      expect([...list.stored()]).toEqual(odd);
      const mem = await EventIndex.fromRows([odd], odd.length);
      expect(list.seen('proc', 'p', 10)).toEqual(mem.seen('proc', 'p', 10));
    } finally {
      list.close();
    }
  });

  const capture = new URL('../../../../shared/data/captures/inspect_502error.scap', import.meta.url).pathname;

  it('answers like the in-memory index of the same capture (a real one, spilled after 1,000 rows)', async () => {
    const { index: mem } = await buildEventIndex(capture);
    const { index: disk } = await buildEventIndex(capture, { spillRows: 1000 });
    try {
      expect(mem).toBeInstanceOf(EventIndex);
      expect(disk).toBeInstanceOf(CaseEventList);
      expect(disk.count).toBe(mem.count);
      expect(mem.count).toBeGreaterThan(5000);
      expect([disk.firstTs, disk.lastTs]).toEqual([mem.firstTs, mem.lastTs]);
      expect([...disk.stored()]).toEqual([...mem.stored()]);
      expect(disk.slice(4090, 20)).toEqual(mem.slice(4090, 20));
      const last = mem.slice(mem.count - 1, 1)[0]!;
      expect(disk.positionOf(last.num)).toBe(mem.count - 1);
      const width = 1_000_000n;
      const start = (mem.firstTs! / width) * width;
      const buckets = Number((mem.lastTs! - start) / width) + 1;
      expect(disk.density(mem.firstTs!, mem.lastTs!, start, width, buckets)).toEqual(mem.density(mem.firstTs!, mem.lastTs!, start, width, buckets));
      expect(disk.seen('type', '', 500)).toEqual(mem.seen('type', '', 500));
    } finally {
      disk.close();
    }
  });

  it('gives up the scratch index when the open is cancelled after spilling', async () => {
    const ctl = new AbortController();
    let progress = 0;
    const code = await codeOf(() => buildEventIndex(capture, { spillRows: 100, signal: ctl.signal, onProgress: () => { progress++; ctl.abort(); } }));
    expect(code).toBe('CANCELLED');
    expect(progress).toBeGreaterThan(0);
  });
});

describe('scratch list errors', () => {
  const sqlite = (code: string) => Object.assign(new Error(`${code} happened`), { code });

  it('names the temporary folder when the disk is the problem', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_PERM']) {
      expect(scratchError(sqlite(code))).toMatchObject({ code: 'DISK_WRITE_FAILED', detail: { sqlite: code } });
    }
    expect(scratchError(sqlite('SQLITE_CORRUPT'))).toMatchObject({ code: 'CASE_CORRUPT' });
    const other = new Error('not sqlite');
    expect(scratchError(other)).toBe(other);
  });
});
