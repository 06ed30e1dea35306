/**
 * RegistryResolver's `memo` mode (what `tracehound rules` uses): one extractor per field shared by
 * all its uses, computed once per event. It must change nothing but the time taken.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLookupFailure } from '../../../core/filter/fields.js';
import type { FieldContext } from '../../../core/inspect/fields/types.js';
import { RulesEngine } from '../../../core/rules/engine.js';
import { replayCapture } from '../../../core/rules/replay.js';
import { RegistryResolver } from '../../../core/rules/syscall-resolver.js';

const RULES = ['falco_rules.yaml', 'falco-incubating_rules.yaml', 'falco-sandbox_rules.yaml'];
const CAPTURES = ['sysflow_setuid_setuid.scap', 'sysflow_alpine_alpine.scap', 'sysflow_mpm-event_full_capture.scap'];

function engine(memo: boolean): RulesEngine<FieldContext> {
  const e = new RulesEngine<FieldContext>({ sources: { syscall: new RegistryResolver(undefined, { memo }) } });
  for (const f of RULES) e.loadRules(readFileSync(`../shared/data/rules/${f}`, 'utf8'), f);
  return e;
}

describe('RegistryResolver memo', () => {
  it('shares stateless fields among uses and keeps per-use ones apart', () => {
    const r = new RegistryResolver(undefined, { memo: true });
    const a = r.resolve('proc.name', undefined);
    const b = r.resolve('proc.name', undefined);
    const d1 = r.resolve('evt.deltatime', undefined);
    const d2 = r.resolve('evt.deltatime', undefined);
    if (isLookupFailure(a) || isLookupFailure(b) || isLookupFailure(d1) || isLookupFailure(d2)) throw new Error('lookup failed');
    expect(a.extract).toBe(b.extract);
    expect(d1.extract).not.toBe(d2.extract);
    const plain = new RegistryResolver();
    const p1 = plain.resolve('proc.name', undefined);
    const p2 = plain.resolve('proc.name', undefined);
    if (isLookupFailure(p1) || isLookupFailure(p2)) throw new Error('lookup failed');
    expect(p1.extract).not.toBe(p2.extract);
  });

  it.each(CAPTURES)('%s: every rule match is the same with and without memo', async (capture) => {
    const path = `../shared/data/captures/${capture}`;
    const [memo, plain] = await Promise.all([
      replayCapture(path, engine(true), { ruleMatching: 'all' }),
      replayCapture(path, engine(false), { ruleMatching: 'all' }),
    ]);
    expect(plain.detections.length).toBeGreaterThan(0);
    expect(memo.detections).toEqual(plain.detections);
  });
});
