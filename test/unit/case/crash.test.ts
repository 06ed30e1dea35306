import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseStore, verifyCase } from '../../../core/case/index.js';
import { scratch, writeEvidence } from './helpers.js';

/**
 * Crash safety: a child process runs a large import and is killed with SIGKILL at a random
 * moment, again and again on the same case. After every kill the case must open, verify must
 * pass, and the index must be exactly what one completed import wrote (never part of one). An
 * import that was killed must be named by verify as interrupted.
 */
const RUNS = 40;
const EVENTS = 200_000;
const SEED = 0x7ace;

const tmp = scratch('crash');
const childDir = join(import.meta.dirname, 'child');
const casePath = tmp.path('crash.thcase');
let artifactId = 0;

afterAll(() => tmp.cleanup());

beforeAll(async () => {
  const ev = tmp.path('capture.bin');
  writeEvidence(ev, 64 * 1024);
  const store = CaseStore.create(casePath, { name: 'crash test' });
  artifactId = (await store.addArtifact(ev, { kind: 'scap' })).artifact.id;
  store.close();
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ChildRun {
  lines: string[];
  /** ms since spawn at which each stage line arrived. */
  at: Map<string, number>;
  killed: boolean;
  code: number | null;
  stderr: string;
}

interface KillPlan {
  /** The stage line (its first word) that starts the clock. */
  after: 'open' | 'committing';
  delayMs: number;
}

/** Runs the import child, killing it `delayMs` after it printed the `after` stage (never, without a plan). */
function runChild(run: number, plan?: KillPlan): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', './register.mjs', 'import-child.ts', casePath, String(artifactId), String(EVENTS), String(run)], {
      cwd: childDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    const at = new Map<string, number>();
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      for (const line of out.split('\n').slice(0, -1)) {
        const stage = line.split(' ')[0]!;
        if (at.has(stage)) continue;
        at.set(stage, Date.now() - started);
        if (plan && stage === plan.after) timer = setTimeout(() => { killed = child.kill('SIGKILL'); }, plan.delayMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ lines: out.split('\n').filter(Boolean), at, killed: killed && signal === 'SIGKILL', code, stderr });
    });
  });
}

describe('crash safety of imports', () => {
  it(`survives ${RUNS} SIGKILLs at random points of a ${EVENTS}-event import`, async () => {
    // Two clean runs first: they prove the child works and measure how long a whole run takes
    // (the second one replaces an existing index, as every later run does).
    let span = 0;
    let commitSpan = 0;
    for (const run of [1001, 1002]) {
      const clean = await runChild(run);
      expect(clean.stderr).toBe('');
      expect(clean.lines.at(-1)).toBe('done');
      span = clean.at.get('done')! - clean.at.get('open')!;
      commitSpan = clean.at.get('done')! - clean.at.get('committing')!;
    }

    const random = mulberry32(SEED);
    const stages = new Map<string, number>();
    let interruptedSeen = 0;
    for (let run = 1; run <= RUNS; run++) {
      // Most kills land anywhere in the run (up to 20% past its measured length, so some runs
      // finish); every fourth lands in the commit and the writes after it, the narrowest window.
      const plan: KillPlan = run % 4 === 0
        ? { after: 'committing', delayMs: Math.floor(random() * commitSpan * 1.5) }
        : { after: 'open', delayMs: Math.floor(random() * span * 1.2) };
      const r = await runChild(run, plan);
      if (!r.killed) {
        expect(r.code, r.stderr).toBe(0);
      }
      const stage = r.lines.at(-1)?.split(' ')[0] ?? 'starting';
      stages.set(stage, (stages.get(stage) ?? 0) + 1);
      const begun = r.lines.find((l) => l.startsWith('begun '))?.slice(6);

      // The case opens...
      const store = CaseStore.open(casePath);
      const imports = store.imports(artifactId);
      const latest = imports.at(-1)!;
      // ...the index is exactly one completed import's, never a partial one...
      expect(store.eventCount(artifactId)).toBe(latest.events);
      expect(latest.events).toBe(EVENTS);
      expect(store.findings({ artifactId }).filter((f) => f.importId === latest.id)).toHaveLength(latest.findings);
      expect(store.getView({ name: 'processes', artifactId })?.importId).toBe(latest.id);
      store.close();

      // ...and verify passes, naming the import the kill interrupted, if any.
      const report = await verifyCase(casePath);
      expect(report.issues.filter((i) => i.severity === 'error'), `run ${run} (kill planned ${plan.delayMs} ms after ${plan.after}; last stage ${stage})`).toEqual([]);
      expect(report.ok).toBe(true);
      const interrupted = new Set(report.interruptedImports.map((i) => i.importId));
      if (begun) {
        const completed = imports.some((i) => i.id === begun);
        // Killed after 'begun': the import either committed (the kill came later) or is named.
        expect(completed !== interrupted.has(begun), `run ${run}: import ${begun} completed=${completed}`).toBe(true);
        if (!completed) interruptedSeen++;
        if (r.lines.includes('committed')) expect(completed).toBe(true);
      }
    }
    // The seed must actually hit the middle of imports, or this test proves little.
    expect(interruptedSeen).toBeGreaterThanOrEqual(RUNS / 4);
    const store = CaseStore.open(casePath);
    const started = store.auditLog().filter((e) => e.action === 'import.started').length;
    store.close();
    expect(started).toBeGreaterThanOrEqual(interruptedSeen + 1);
    console.log(`crash test: clean run ${span} ms (commit and after: ${commitSpan} ms); last stage reached per run: ${JSON.stringify(Object.fromEntries(stages))}; interrupted imports ${interruptedSeen}`);
  }, 300_000);
});
