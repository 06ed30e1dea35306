import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TracehoundError } from '../../../core/api/errors.js';
import { CaptureParser } from '../../../core/capture/parser.js';
import { readCapture } from '../../../core/capture/reader.js';
import { capturePath, eventKey, rng } from './helpers.js';

function loadPlain(name: string): Buffer {
  const b = readFileSync(capturePath(name));
  return b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b;
}

function parseInChunks(data: Buffer, sizes: () => number): { keys: string[]; parser: CaptureParser } {
  const p = new CaptureParser();
  const keys: string[] = [];
  let off = 0;
  while (off < data.length) {
    const n = Math.max(1, Math.min(data.length - off, sizes()));
    p.feed(data.subarray(off, off + n));
    off += n;
    for (let ev = p.next(); ev; ev = p.next()) keys.push(eventKey(ev));
  }
  p.end();
  for (let ev = p.next(); ev; ev = p.next()) keys.push(eventKey(ev));
  return { keys, parser: p };
}

describe('CaptureParser chunking', () => {
  const names = ['falco_cat_write.scap', 'libs_sample.scap', 'sysflow_rename_rename.scap', 'libs_curl_google_comments.scap'];

  for (const name of names) {
    it(`${name}: any chunking gives the same events and metadata`, async () => {
      const ref: string[] = [];
      const whole = await readCapture(capturePath(name), (ev) => {
        ref.push(eventKey(ev));
      });
      const data = loadPlain(name);
      const r = rng(42);
      const chunkings: [string, () => number][] = [
        ['1 byte', () => 1],
        ['7 bytes', () => 7],
        ['random 1..300', () => 1 + Math.floor(r() * 300)],
        ['random 1..70000', () => 1 + Math.floor(r() * 70000)],
        ['whole', () => data.length],
      ];
      for (const [label, sizes] of chunkings) {
        const { keys, parser } = parseInChunks(data, sizes);
        expect({ label, n: keys.length }).toEqual({ label, n: ref.length });
        expect(keys).toEqual(ref);
        expect(parser.warnings).toEqual([]);
        expect(parser.meta.threads.length).toBe(whole.meta.threads.length);
        expect(parser.meta.fds.length).toBe(whole.meta.fds.length);
        expect(parser.meta.comments).toEqual(whole.meta.comments);
        expect(parser.position).toBe(data.length);
      }
    });
  }

  it('the file driver with tiny chunks matches the default', async () => {
    const a: string[] = [];
    const b: string[] = [];
    await readCapture(capturePath('libs_sample.scap'), (ev) => {
      a.push(eventKey(ev));
    });
    await readCapture(
      capturePath('libs_sample.scap'),
      (ev) => {
        b.push(eventKey(ev));
      },
      { chunkSize: 13 },
    );
    expect(b).toEqual(a);
  });

  it('events are valid until the next call, and clone() survives it', () => {
    const data = loadPlain('libs_sample.scap');
    const p = new CaptureParser();
    p.feed(data);
    p.end();
    const first = p.next()!;
    const snap = eventKey(first);
    const kept = first.clone();
    const second = p.next()!;
    expect(second).toBe(first); // one flyweight
    expect(eventKey(kept)).toBe(snap);
    expect(kept.seq).toBe(1);
    expect(second.seq).toBe(2);
  });

  it('a startOffset resumes mid-file at a block boundary', async () => {
    const offsets: number[] = [];
    const keys: string[] = [];
    await readCapture(capturePath('libs_sample.scap'), (ev) => {
      offsets.push(ev.blockOffset);
      keys.push(eventKey(ev));
    });
    const k = 100;
    const tail: string[] = [];
    const s = await readCapture(
      capturePath('libs_sample.scap'),
      (ev) => {
        tail.push(eventKey(ev));
      },
      { startOffset: offsets[k], midStream: true },
    );
    expect(tail).toEqual(keys.slice(k));
    expect(s.warnings).toEqual([]);
  });
});

describe('CaptureParser typed errors', () => {
  const parseAll = (b: Buffer) => {
    const p = new CaptureParser();
    p.feed(b);
    p.end();
    while (p.next());
    return p;
  };

  it('a file that is not a capture is CAPTURE_NOT_SCAP', () => {
    for (const bytes of [Buffer.from('hello world, this is not a capture at all'), Buffer.alloc(0), Buffer.from([1, 2, 3])]) {
      try {
        parseAll(bytes);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(TracehoundError);
        expect((e as TracehoundError).code).toBe('CAPTURE_NOT_SCAP');
      }
    }
  });

  it('a section header with a bad magic is CAPTURE_NOT_SCAP, a newer major version is CAPTURE_UNSUPPORTED_VERSION', () => {
    const data = Buffer.from(loadPlain('libs_sample.scap'));
    const bad = Buffer.from(data);
    bad.writeUInt32LE(0xdeadbeef, 8);
    expect(() => parseAll(bad)).toThrow(expect.objectContaining({ code: 'CAPTURE_NOT_SCAP' }));
    const newer = Buffer.from(data);
    newer.writeUInt16LE(2, 12);
    expect(() => parseAll(newer)).toThrow(expect.objectContaining({ code: 'CAPTURE_UNSUPPORTED_VERSION' }));
  });

  it('an unknown block type is skipped with a warning', async () => {
    const data = loadPlain('libs_sample.scap');
    const ref: string[] = [];
    await readCapture(capturePath('libs_sample.scap'), (ev) => {
      ref.push(eventKey(ev));
    });
    // Insert a 16-byte block of an unknown type right after the section header (28 bytes).
    const extra = Buffer.alloc(16);
    extra.writeUInt32LE(0x7777, 0);
    extra.writeUInt32LE(16, 4);
    extra.writeUInt32LE(16, 12);
    const p = new CaptureParser();
    p.feed(Buffer.concat([data.subarray(0, 28), extra, data.subarray(28)]));
    p.end();
    const keys: string[] = [];
    for (let ev = p.next(); ev; ev = p.next()) keys.push(eventKey(ev));
    expect(keys).toEqual(ref);
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatchObject({ code: 'CAPTURE_UNKNOWN_BLOCK', offset: 28 });
    expect(p.inventory.map((r) => r.name)).toContain('0x7777');
  });

  it('a pcapng name resolution block is skipped silently and its comment kept', () => {
    const data = loadPlain('libs_sample.scap');
    const ref = parseAll(Buffer.from(data));
    // NRB: one IPv4 record (type 1: 4-byte address + "host\0", 9 bytes padded to 12), the end
    // record, then a comment option and the end of options.
    const body = Buffer.concat([
      Buffer.from([1, 0, 9, 0, 10, 0, 0, 1]), Buffer.from('host\0', 'latin1'), Buffer.alloc(3),
      Buffer.alloc(4),
      Buffer.from([1, 0, 5, 0]), Buffer.from('hello'), Buffer.alloc(3),
      Buffer.alloc(4),
    ]);
    const nrb = Buffer.alloc(12 + body.length);
    nrb.writeUInt32LE(4, 0);
    nrb.writeUInt32LE(nrb.length, 4);
    body.copy(nrb, 8);
    nrb.writeUInt32LE(nrb.length, nrb.length - 4);
    const p = parseAll(Buffer.concat([data.subarray(0, 28), nrb, data.subarray(28)]));
    expect(p.warnings).toEqual([]);
    expect(p.eventCount).toBe(ref.eventCount);
    expect(p.meta.comments).toEqual([{ blockOffset: 28, text: 'hello' }]);
    expect(p.inventory[1]).toMatchObject({ name: 'NRB', count: 1 });
  });

  it('a bad event inside a well-framed block is skipped and reading goes on', () => {
    const data = Buffer.from(loadPlain('libs_sample.scap'));
    const p0 = new CaptureParser();
    p0.feed(data);
    p0.end();
    const offs: number[] = [];
    for (let ev = p0.next(); ev; ev = p0.next()) offs.push(ev.blockOffset);
    // Event 10: claim more params than fit (nparams lives at event start + 22; event starts after
    // the 8-byte block header and the 2-byte cpu id).
    data.writeUInt32LE(60000, offs[9] + 8 + 2 + 22);
    const p = new CaptureParser();
    p.feed(data);
    p.end();
    let n = 0;
    while (p.next()) n++;
    expect(n).toBe(offs.length - 1);
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatchObject({ code: 'CAPTURE_CORRUPT_BLOCK', offset: offs[9] });
  });
});
