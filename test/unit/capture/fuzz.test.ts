import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { TracehoundError } from '../../../core/api/errors.js';
import type { RawEvent } from '../../../core/capture/event.js';
import { CaptureParser } from '../../../core/capture/parser.js';
import { readCapture } from '../../../core/capture/reader.js';
import { capturePath, rng } from './helpers.js';

/**
 * Mutation fuzzing over real captures with a fixed seed. Every case must end with events, a typed
 * error (thrown TracehoundError or CAPTURE_* warning), or both; never another exception, and
 * never a hang (the parser always makes progress: each block either advances or stops it).
 */

const SEED = 20240611;
const CAPTURE_CODES = new Set(['CAPTURE_NOT_SCAP', 'CAPTURE_TRUNCATED', 'CAPTURE_CORRUPT_BLOCK', 'CAPTURE_UNKNOWN_BLOCK', 'CAPTURE_UNSUPPORTED_VERSION']);
const EVENT_BLOCK_TYPES = new Set([0x204, 0x208, 0x216, 0x217, 0x221, 0x222]);

function load(name: string): Buffer {
  const b = readFileSync(capturePath(name));
  return b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b;
}

function blockStarts(data: Buffer): number[] {
  const out: number[] = [];
  for (let o = 0; o + 8 <= data.length; o += data.readUInt32LE(o + 4)) out.push(o);
  return out;
}

/** Every byte an event claims must lie inside the event, and the event inside its buffer. */
function checkEvent(ev: RawEvent): void {
  const end = ev.start + ev.rawLen;
  if (ev.start < 0 || end > ev.buf.length || ev.rawLen < ev.headerLen) throw new Error(`event ${ev.seq} out of its buffer`);
  let at = ev.start + ev.headerLen + ev.nparams * (ev.largePayload ? 4 : 2);
  for (let i = 0; i < ev.nparams; i++) {
    const o = ev.paramOffset(i);
    const l = ev.paramLen(i);
    if (o !== at || o + l > end) throw new Error(`event ${ev.seq} param ${i} out of the event`);
    at += l;
    ev.param(i);
  }
  void ev.ts;
}

type Outcome = { events: number; warnings: string[]; error?: string; consumedAll: boolean };

function run(data: Buffer, chunk: number): Outcome {
  const p = new CaptureParser({ maxBlockBytes: 8 << 20 });
  let events = 0;
  try {
    for (let off = 0; off < data.length; off += chunk) {
      p.feed(data.subarray(off, Math.min(data.length, off + chunk)));
      for (let ev = p.next(); ev; ev = p.next()) {
        checkEvent(ev);
        events++;
      }
    }
    p.end();
    for (let ev = p.next(); ev; ev = p.next()) {
      checkEvent(ev);
      events++;
    }
    // Once done, it stays done.
    expect(p.next()).toBeNull();
  } catch (e) {
    if (!(e instanceof TracehoundError)) throw e;
    return { events, warnings: p.warnings.map((w) => w.code), error: e.code, consumedAll: false };
  }
  for (const w of p.warnings) {
    expect(w.offset).toBeGreaterThanOrEqual(0);
    expect(w.offset).toBeLessThanOrEqual(data.length);
  }
  expect(p.buffered).toBe(0);
  return { events, warnings: p.warnings.map((w) => w.code), consumedAll: p.position === data.length };
}

type Mutator = (d: Buffer, r: () => number, starts: number[]) => Buffer;

const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)];
const HUGE = [0, 1, 4, 8, 11, 12, 13, 0xffff, 0x10000, 0x10008, 0x7fffffff, 0x80000000, 0xfffffff0, 0xffffffff];

const MUTATORS: Record<string, Mutator> = {
  bitflips: (d, r) => {
    const n = 1 + Math.floor(r() * 8);
    for (let i = 0; i < n; i++) d[Math.floor(r() * d.length)] ^= 1 << Math.floor(r() * 8);
    return d;
  },
  headerBitflips: (d, r, starts) => {
    const s = pick(r, starts);
    for (let i = 0; i < 3; i++) {
      const at = s + Math.floor(r() * 48);
      if (at < d.length) d[at] ^= 1 << Math.floor(r() * 8);
    }
    return d;
  },
  blockLength: (d, r, starts) => {
    const s = pick(r, starts);
    d.writeUInt32LE(r() < 0.7 ? pick(r, HUGE) : Math.floor(r() * 0x100000000), s + 4);
    return d;
  },
  trailer: (d, r, starts) => {
    const s = pick(r, starts);
    const len = d.readUInt32LE(s + 4);
    if (s + len <= d.length) d.writeUInt32LE(pick(r, HUGE), s + len - 4);
    return d;
  },
  eventFields: (d, r, starts) => {
    const evs = starts.filter((s) => EVENT_BLOCK_TYPES.has(d.readUInt32LE(s)));
    if (evs.length === 0) return d;
    const s = pick(r, evs);
    const flags = d.readUInt32LE(s) === 0x208 || d.readUInt32LE(s) === 0x217 || d.readUInt32LE(s) === 0x222 ? 4 : 0;
    const ev = s + 10 + flags;
    // len (ev+16), type (ev+20), nparams (ev+22, V2 only) or first param lengths.
    const field = pick(r, [16, 20, 22, 26, 28]);
    if (ev + field + 4 > d.length) return d;
    if (field === 20) d.writeUInt16LE(Math.floor(r() * 0x10000), ev + field);
    else d.writeUInt32LE(pick(r, HUGE), ev + field);
    return d;
  },
  paramLengths: (d, r, starts) => {
    const evs = starts.filter((s) => EVENT_BLOCK_TYPES.has(d.readUInt32LE(s)));
    if (evs.length === 0) return d;
    const s = pick(r, evs);
    const at = s + 10 + 26 + 2 * Math.floor(r() * 4);
    if (at + 2 <= d.length) d.writeUInt16LE(pick(r, [0, 1, 0xff, 0xffff]), at);
    return d;
  },
  entryLengths: (d, r, starts) => {
    // First entry length/size fields of metadata blocks (V2 entry lengths, string lengths).
    const meta = starts.filter((s) => !EVENT_BLOCK_TYPES.has(d.readUInt32LE(s)) && s > 0);
    const s = pick(r, meta);
    const at = s + 8 + Math.floor(r() * 64);
    if (at + 4 <= d.length) d.writeUInt32LE(pick(r, HUGE), at);
    return d;
  },
  overwrite: (d, r) => {
    const at = Math.floor(r() * d.length);
    for (let i = 0; i < 16 && at + i < d.length; i++) d[at + i] = Math.floor(r() * 256);
    return d;
  },
  truncateAndFlip: (d, r) => {
    const cut = Math.floor(r() * d.length);
    const out = d.subarray(0, cut);
    if (cut > 0) out[Math.floor(r() * cut)] ^= 1 << Math.floor(r() * 8);
    return out;
  },
  splice: (d, r, starts) => {
    // Paste one block's bytes over another position: well-framed blocks in the wrong place.
    const a = pick(r, starts);
    const len = Math.min(d.readUInt32LE(a + 4), 4096, d.length - a);
    const to = pick(r, starts);
    return Buffer.concat([d.subarray(0, to), d.subarray(a, a + len), d.subarray(to)]);
  },
};

const FILES = ['libs_sample.scap', 'falco_cat_write.scap', 'sysflow_rename_rename.scap', 'libs_curl_google_comments.scap', 'inspect_502error.scap'];
const CASES_PER_FILE: Record<string, number> = {
  'libs_sample.scap': 1500,
  'falco_cat_write.scap': 1500,
  'sysflow_rename_rename.scap': 300,
  'libs_curl_google_comments.scap': 1200,
  'inspect_502error.scap': 200,
};

describe('capture fuzzing', () => {
  for (const name of FILES) {
    it(`${name}: ${CASES_PER_FILE[name]} mutated cases end in events and/or typed errors`, () => {
      const original = load(name);
      const starts = blockStarts(original);
      const r = rng(SEED ^ name.length ^ original.length);
      const names = Object.keys(MUTATORS);
      const tally = new Map<string, number>();
      let total = 0;
      for (let i = 0; i < CASES_PER_FILE[name]; i++) {
        const mname = names[i % names.length];
        const data = MUTATORS[mname](Buffer.from(original), r, starts);
        const chunk = pick(r, [data.length || 1, 4096, 65536, 1000 + Math.floor(r() * 50000)]);
        let out: Outcome;
        try {
          out = run(data, chunk);
        } catch (e) {
          throw new Error(`case ${i} (${mname}, chunk ${chunk}) threw ${String(e)}`);
        }
        const typed = out.error !== undefined || out.warnings.length > 0;
        // A mutation can leave a valid capture (e.g. a flip inside a string): then it must read to
        // the end cleanly. Otherwise something typed must say what went wrong.
        expect(out.events > 0 || typed || out.consumedAll, `case ${i} (${mname})`).toBe(true);
        for (const c of out.warnings) expect(CAPTURE_CODES.has(c)).toBe(true);
        if (out.error) expect(CAPTURE_CODES.has(out.error)).toBe(true);
        const key = out.error ?? (out.warnings[0] || 'clean');
        tally.set(key, (tally.get(key) ?? 0) + 1);
        total++;
      }
      expect(total).toBe(CASES_PER_FILE[name]);
      // The mutators really do hit every failure path.
      expect(tally.get('CAPTURE_CORRUPT_BLOCK') ?? 0).toBeGreaterThan(0);
      expect(tally.get('CAPTURE_TRUNCATED') ?? 0).toBeGreaterThan(0);
    });
  }

  it('length fields claiming gigabytes never make the reader wait for or allocate them', () => {
    const original = load('libs_sample.scap');
    const starts = blockStarts(original);
    for (const s of starts.slice(1, 60)) {
      const d = Buffer.from(original);
      d.writeUInt32LE(0xfffffff0, s + 4);
      const p = new CaptureParser();
      p.feed(d);
      // Without end(): a sane length would wait for more input; an impossible one stops at once.
      while (p.next());
      expect(p.done).toBe(true);
      expect(p.warnings[0]).toMatchObject({ code: 'CAPTURE_CORRUPT_BLOCK', offset: s });
    }
  });

  const tmp = mkdtempSync(join(tmpdir(), 'th-fuzz-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('damaged gzip files: events and/or typed errors', async () => {
    // Mostly events after a short metadata prefix, so damage late in the stream leaves events.
    const gz = readFileSync(capturePath('libs_curl_google.scap'));
    const r = rng(SEED);
    const path = join(tmp, 'f.scap');
    let withEvents = 0;
    for (let i = 0; i < 150; i++) {
      const d = Buffer.from(gz);
      const n = 1 + Math.floor(r() * 4);
      // Half the cases damage only the last 30%: what precedes the damage must still come out.
      const from = i % 2 ? Math.floor(d.length * 0.7) : 0;
      for (let k = 0; k < n; k++) d[from + Math.floor(r() * (d.length - from))] ^= 1 << Math.floor(r() * 8);
      writeFileSync(path, d);
      let events = 0;
      try {
        const s = await readCapture(path, (ev) => {
          checkEvent(ev);
          events++;
        });
        for (const w of s.warnings) expect(CAPTURE_CODES.has(w.code)).toBe(true);
        expect(events > 0 || s.warnings.length > 0 || s.bytes > 0).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(TracehoundError);
        expect(CAPTURE_CODES.has((e as TracehoundError).code)).toBe(true);
      }
      if (events > 0) withEvents++;
    }
    expect(withEvents).toBeGreaterThan(0);
  });
});
