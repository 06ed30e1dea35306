import { describe, expect, it } from 'vitest';
import { EventIndex, type StoredRow } from '../../../core/analysis/explore/event-index.js';

function row(i: number, info: string, ts: bigint): StoredRow {
  return { num: i * 2 + 1, ts, cpu: i % 4, dir: i % 2 ? '<' : '>', type: `t${i % 3}`, tid: i - 5, proc: `p${i % 7}`, info, offset: i * 100, code: i % 300 };
}

describe('EventIndex columns', () => {
  it('gives back every row unchanged across chunk boundaries, whatever the text', async () => {
    const texts = ['', 'a', 'fd=3(<f>/etc/passwd) size=12', 'é ü 日本 🐕', 'x'.repeat(70_000), '\uD800 lone', 'tail \uDC00', 'y'.repeat(400_000), ''];
    const rows: StoredRow[] = [];
    for (let i = 0; i < 200_000; i++) {
      const t = texts[i % texts.length]! + (i % 5 === 0 ? String(i) : '');
      rows.push(row(i, t, 18446744073709551615n - BigInt(i) * 1_000_000_007n));
    }
    const index = await EventIndex.fromRows([rows.slice(0, 70_000), rows.slice(70_000)], 250_000);
    expect(index.count).toBe(rows.length);
    expect(index.totalEvents).toBe(250_000);
    for (let i = 0; i < rows.length; i++) {
      const got = index.storedRow(i);
      if (got.info !== rows[i]!.info || got.ts !== rows[i]!.ts) expect(got).toEqual(rows[i]);
    }
    expect(index.storedRow(123_457)).toEqual(rows[123_457]);
    expect(index.indexOfNum(rows[150_001]!.num)).toBe(150_001);
    expect(index.indexOfNum(4)).toBe(-1);
    expect(index.firstTs).toBe(rows[0]!.ts);
    expect(index.lastTs).toBe(rows[rows.length - 1]!.ts);
  });
});
