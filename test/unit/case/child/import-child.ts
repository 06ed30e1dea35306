// A child process for the crash-safety test: one large import into an existing case, with short
// audited writes before and after it. It prints a line at each stage, so the parent knows roughly
// where its SIGKILL landed. Run: node --import ./register.mjs import-child.ts CASE ARTIFACT EVENTS RUN
import { CaseStore } from '../../../../core/case/index.js';
import type { EventIndexRow } from '../../../../core/case/index.js';

const [casePath, artifactArg, eventsArg, runArg] = process.argv.slice(2);
const artifactId = Number(artifactArg);
const total = Number(eventsArg);
const run = Number(runArg);
const say = (line: string) => process.stdout.write(`${line}\n`);

const store = CaseStore.open(casePath!, { actor: `child-${run}` });
say('open');
store.addNote({ text: `run ${run} starting`, artifactId, evtNum: run + 1 });
const w = store.beginImport(artifactId, { replace: true });
say(`begun ${w.id}`);
const procs = w.addStrings(['bash', 'curl', 'nginx', 'python3', 'sshd']);
const BATCH = 2000;
const base = 1_700_000_000_000_000_000n;
for (let start = 1; start <= total; start += BATCH) {
  const batch: EventIndexRow[] = [];
  for (let n = start; n < start + BATCH && n <= total; n++) {
    batch.push({
      evtNum: n, offset: n * 96, ts: base + BigInt(n) * 1000n, cpu: n % 8, dir: (n % 2) as 0 | 1, type: (n % 300) & ~1 | (n % 2),
      tid: 1000 + (n % 50), pid: 1000 + (n % 10), procName: procs[n % procs.length]!, fdName: n % 3 === 0 ? w.intern(`/var/log/file-${n % 997}`) : null,
      res: n % 2 ? BigInt(n % 4096) : null, info: w.intern(`run ${run} event ${n % 5000}`),
    });
  }
  w.addEvents(batch);
  say(`batch ${(start - 1) / BATCH}`);
  if (start % 20_000 === 1) w.addFindings([{ rule: 'Crash test rule', priority: 'warning', ts: base + BigInt(start) * 1000n, evtNum: start, output: `event ${start} of run ${run}`, outputFields: { 'evt.num': start }, tags: ['test'] }]);
}
w.putView({ name: 'processes', rows: procs.map((id, i) => ({ id, count: Math.floor(total / procs.length) + (i < total % procs.length ? 1 : 0) })) });
say('committing');
w.commit({ run });
say('committed');
store.addBookmark(artifactId, (run % total) + 1, `run ${run}`);
store.close();
say('done');
