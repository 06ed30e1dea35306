import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../../core/capture/reader.js';
import { CaseStore, exportCase, verifyCase, type EventIndexRow } from '../../../core/case/index.js';
import { scratch } from './helpers.js';

/**
 * The writer API fed by the real capture reader, as the first pass will: every event of a real
 * capture goes into the index in one import, reads back in order, and the bookmarked ones export
 * as a capture slice that the reader decodes to the same events. The evidence is read in place.
 */
const CAPTURE = resolve('../shared/data/captures/falco_cat_write.scap');
const tmp = scratch('capture');
afterAll(() => tmp.cleanup());

describe.skipIf(!existsSync(CAPTURE))('indexing a real capture', () => {
  it('imports every event, reads pages back, and exports bookmarked events as a capture', async () => {
    const before = statSync(CAPTURE);
    const store = CaseStore.create(tmp.path('real.thcase'));
    const { artifact } = await store.addArtifact(CAPTURE);
    expect(artifact.kind).toBe('scap');

    const seen: { seq: number; ts: bigint; type: number; tid: number; cpu: number }[] = [];
    const record = await store.importWith(artifact.id, async (w) => {
      let batch: EventIndexRow[] = [];
      const summary = await readCapture(CAPTURE, (ev) => {
        seen.push({ seq: ev.seq, ts: ev.ts, type: ev.type, tid: ev.tid, cpu: ev.cpu });
        batch.push({ evtNum: ev.seq, offset: ev.blockOffset, ts: ev.ts, cpu: ev.cpu, dir: (ev.type & 1) as 0 | 1, type: ev.type, tid: ev.tid });
        if (batch.length === 100) { w.addEvents(batch); batch = []; }
      });
      w.addEvents(batch);
      return { reader: 'core/capture', events: summary.events, warnings: summary.warningCount };
    });
    expect(record.events).toBe(seen.length);
    expect(record.events).toBeGreaterThan(300);
    expect(record.firstTs).toBe(seen.reduce((m, e) => (e.ts < m ? e.ts : m), seen[0]!.ts));

    // Paging through the index gives back the capture's events in order.
    const all = [];
    for (let after = 0; ;) {
      const page = store.events(artifact.id, { afterEvtNum: after, limit: 128 });
      if (page.length === 0) break;
      all.push(...page);
      after = page[page.length - 1]!.evtNum;
    }
    expect(all.map((e) => [e.evtNum, e.ts, e.type, e.tid, e.cpu])).toEqual(seen.map((e) => [e.seq, e.ts, e.type, e.tid, e.cpu]));

    const picks = [1, Math.floor(seen.length / 2), seen.length];
    for (const n of picks) store.addBookmark(artifact.id, n);
    const out = tmp.path('bundle');
    const result = await exportCase(store, out, { captures: [{ artifactId: artifact.id, evtNums: picks }] });
    expect(result.manifest.captures).toEqual([{ file: 'events/artifact-1-3-events.scap', artifactId: 1, sourceSha256: artifact.sha256, events: 3 }]);
    const slice: { ts: bigint; type: number; tid: number }[] = [];
    await readCapture(join(out, 'events/artifact-1-3-events.scap'), (ev) => { slice.push({ ts: ev.ts, type: ev.type, tid: ev.tid }); });
    expect(slice).toEqual(picks.map((n) => ({ ts: seen[n - 1]!.ts, type: seen[n - 1]!.type, tid: seen[n - 1]!.tid })));
    expect(result.manifest.files.map((f) => f.path)).toContain('events/artifact-1-3-events.scap');
    // A selection that matches nothing is refused, and leaves no half-made bundle behind.
    await expect(exportCase(store, tmp.path('empty'), { captures: [{ artifactId: artifact.id, fromEvt: 100_000, toEvt: 100_010 }] }))
      .rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(existsSync(tmp.path('empty'))).toBe(false);
    expect(readdirSync(tmp.dir).filter((n) => n.includes('partial'))).toEqual([]);
    store.close();

    // The evidence was read, never touched.
    const after = statSync(CAPTURE);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    expect((await verifyCase(tmp.path('real.thcase'))).ok).toBe(true);
  });
});
