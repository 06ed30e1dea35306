// Builds the large benchmark capture with the project's own writer: the events of a real shared
// capture, repeated with shifted timestamps until the file passes the target size.
import { existsSync, statSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Bumped when the way the file is built changes, so a file an older version built is not reused.
 * 2: events with ts 0 (leading container events) do not count in the time span; the span from
 * ts 0 made repetitions overflow 64 bits after the 11th (timestamps 584 years apart).
 */
const FORMAT = '2';

export async function makeBigCapture(root, source, dest, targetBytes) {
  const stamp = `${dest}.format`;
  const fresh = existsSync(stamp) && readFileSync(stamp, 'utf8') === FORMAT;
  if (fresh && existsSync(dest) && statSync(dest).size >= targetBytes) return { path: dest, reused: true };
  mkdirSync(dirname(dest), { recursive: true });
  const { readCapture } = await import(pathToFileURL(`${root}/dist/core/capture/reader.js`).href);
  const { CaptureWriter } = await import(pathToFileURL(`${root}/dist/core/capture/writer.js`).href);

  // One pass to learn the metadata and the time span, so repetitions do not overlap in time.
  let first = null;
  let last = null;
  const summary = await readCapture(source, (ev) => {
    if (ev.ts === 0n) return;
    if (first === null) first = ev.ts;
    last = ev.ts;
  });
  const span = last - first + 1_000_000n;
  const tmp = `${dest}.building`;
  const w = CaptureWriter.toFile(tmp);
  const m = summary.meta;
  if (m.machine) w.machineInfo(m.machine);
  if (m.interfaces.length) w.interfaces(m.interfaces);
  if (m.users.length || m.groups.length) w.users(m.users, m.groups);
  w.threads(m.threads);
  w.fds(m.fds);
  let rep = 0n;
  while (w.bytes < targetBytes) {
    const shift = rep * span;
    await readCapture(source, (ev) => {
      const params = [];
      for (let i = 0; i < ev.nparams; i++) params.push(ev.param(i));
      // Events without a time (the leading container events) keep 0 in the first copy, as in the
      // source; in later copies they are mid-stream and take the copy's start time.
      const ts = ev.ts !== 0n ? ev.ts + shift : rep === 0n ? 0n : first + shift;
      w.synthetic({ ts, tid: ev.tid, type: ev.type, params, cpu: ev.cpu, flags: ev.flags, large: ev.largePayload });
    });
    rep++;
  }
  w.close();
  renameSync(tmp, dest);
  writeFileSync(stamp, FORMAT);
  return { path: dest, reused: false, repetitions: Number(rep) };
}
