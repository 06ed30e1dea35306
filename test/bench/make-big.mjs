// Builds the large benchmark capture with the project's own writer: the events of a real shared
// capture, repeated with shifted timestamps until the file passes the target size.
import { existsSync, statSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function makeBigCapture(root, source, dest, targetBytes) {
  if (existsSync(dest) && statSync(dest).size >= targetBytes) return { path: dest, reused: true };
  mkdirSync(dirname(dest), { recursive: true });
  const { readCapture } = await import(pathToFileURL(`${root}/dist/core/capture/reader.js`).href);
  const { CaptureWriter } = await import(pathToFileURL(`${root}/dist/core/capture/writer.js`).href);

  // One pass to learn the metadata and the time span, so repetitions do not overlap in time.
  let first = null;
  let last = null;
  const summary = await readCapture(source, (ev) => {
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
      w.synthetic({ ts: ev.ts + shift, tid: ev.tid, type: ev.type, params, cpu: ev.cpu, flags: ev.flags, large: ev.largePayload });
    });
    rep++;
  }
  w.close();
  renameSync(tmp, dest);
  return { path: dest, reused: false, repetitions: Number(rep) };
}
