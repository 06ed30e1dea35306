import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { TracehoundError } from '../../../core/api/errors.js';
import { CaptureParser } from '../../../core/capture/parser.js';
import { readCapture } from '../../../core/capture/reader.js';
import { capturePath, eventKey } from './helpers.js';

const EVENT_BLOCK_TYPES = new Set([0x204, 0x208, 0x216, 0x217, 0x221, 0x222]);

/** Walk block headers only (type + length), independently of the parser. */
function blocks(data: Buffer): { start: number; end: number; event: boolean }[] {
  const out: { start: number; end: number; event: boolean }[] = [];
  for (let o = 0; o + 8 <= data.length; ) {
    const len = data.readUInt32LE(o + 4);
    out.push({ start: o, end: o + len, event: EVENT_BLOCK_TYPES.has(data.readUInt32LE(o)) });
    o += len;
  }
  return out;
}

function parse(data: Buffer): { keys: string[]; parser: CaptureParser } {
  const p = new CaptureParser();
  p.feed(data);
  p.end();
  const keys: string[] = [];
  for (let ev = p.next(); ev; ev = p.next()) keys.push(eventKey(ev));
  return { keys, parser: p };
}

const tmp = mkdtempSync(join(tmpdir(), 'th-trunc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('truncated captures', () => {
  for (const name of ['libs_sample.scap', 'falco_cat_write.scap']) {
    it(`${name}: a cut anywhere keeps every whole event before it and reports where`, () => {
      const raw = readFileSync(capturePath(name));
      const data = raw[0] === 0x1f ? gunzipSync(raw) : raw;
      const all = parse(data).keys;
      const bl = blocks(data);
      expect(bl[bl.length - 1].end).toBe(data.length);
      const shbEnd = bl[0].end;

      // Every block boundary and its neighbours, plus pseudo-random cuts (fixed seed).
      const cuts = new Set<number>();
      for (const b of bl) for (const d of [-4, -1, 0, 1, 4, 9]) cuts.add(b.start + d);
      let x = 12345;
      for (let i = 0; i < 400; i++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        cuts.add(x % data.length);
      }
      let checked = 0;
      for (const cut of [...cuts].filter((c) => c >= 0 && c <= data.length).sort((a, b) => a - b)) {
        const part = data.subarray(0, cut);
        if (cut < shbEnd) {
          // Nothing to keep: a typed error, TRUNCATED once it is recognisably a capture.
          let err: unknown;
          try {
            parse(part);
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(TracehoundError);
          expect((err as TracehoundError).code).toBe(cut >= 4 ? 'CAPTURE_TRUNCATED' : 'CAPTURE_NOT_SCAP');
          continue;
        }
        const { keys, parser } = parse(part);
        const whole = bl.filter((b) => b.end <= cut);
        const expectedEvents = whole.filter((b) => b.event).length;
        expect(keys).toEqual(all.slice(0, expectedEvents));
        const boundary = bl.some((b) => b.end === cut);
        if (boundary) {
          expect(parser.warnings).toEqual([]);
        } else {
          const inside = bl.find((b) => b.start <= cut && cut < b.end)!;
          expect(parser.warnings).toHaveLength(1);
          expect(parser.warnings[0]).toMatchObject({ code: 'CAPTURE_TRUNCATED', offset: inside.start });
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(500);
    });
  }

  it('gzip files cut anywhere: the events inflated before the cut, and a CAPTURE_TRUNCATED warning', async () => {
    const name = 'falco_cat_write.scap';
    const gz = readFileSync(capturePath(name));
    expect(gz[0]).toBe(0x1f);
    const all: string[] = [];
    await readCapture(capturePath(name), (ev) => {
      all.push(eventKey(ev));
    });
    const path = join(tmp, 'cut.scap.gz');
    let withEvents = 0;
    for (let i = 1; i <= 60; i++) {
      const cut = Math.floor((gz.length * i) / 61);
      writeFileSync(path, gz.subarray(0, cut));
      const keys: string[] = [];
      try {
        const s = await readCapture(path, (ev) => {
          keys.push(eventKey(ev));
        });
        expect(keys).toEqual(all.slice(0, keys.length));
        expect(s.warnings.map((w) => w.code)).toContain('CAPTURE_TRUNCATED');
        if (keys.length > 0) withEvents++;
      } catch (e) {
        // Only a cut so early that not even the section header inflated may fail, and typed.
        expect(e).toBeInstanceOf(TracehoundError);
        expect(['CAPTURE_TRUNCATED', 'CAPTURE_NOT_SCAP']).toContain((e as TracehoundError).code);
        expect(keys).toEqual([]);
      }
    }
    expect(withEvents).toBeGreaterThan(10);
  });

  it('raw files cut on disk behave like the in-memory parser', async () => {
    const data = readFileSync(capturePath('libs_sample.scap'));
    const path = join(tmp, 'cut.scap');
    const cut = Math.floor(data.length * 0.8) + 3;
    writeFileSync(path, data.subarray(0, cut));
    const keys: string[] = [];
    const s = await readCapture(
      path,
      (ev) => {
        keys.push(eventKey(ev));
      },
      { chunkSize: 4096 },
    );
    const mem = parse(data.subarray(0, cut));
    expect(keys).toEqual(mem.keys);
    expect(s.warnings).toEqual(mem.parser.warnings);
    expect(s.warnings[0].code).toBe('CAPTURE_TRUNCATED');
  });
});
