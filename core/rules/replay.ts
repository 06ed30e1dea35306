/**
 * Runs a capture through the inspector and the rules engine, like `falco -e CAPTURE`: every event
 * the inspector delivers is checked against the enabled rules indexed for its type, in rule
 * order; with `first` matching (Falco's default `rule_matching`) only the first match alerts.
 */
import type { TableDialect } from '../capture/events/table.js';
import type { FieldContext } from '../inspect/fields/types.js';
import { Inspector } from '../inspect/inspector.js';
import type { RenderSettings } from '../inspect/render.js';
import type { InspectedEvent } from '../inspect/event.js';
import type { RulesEngine } from './engine.js';
import { PRIORITIES, type Priority } from './items.js';
import { outputFields } from './output.js';

export interface Detection {
  rule: string;
  priority: Priority;
  source: string;
  tags: string[];
  output: string;
  /** Output field values by field name, as Falco's JSON output_fields. */
  fields: Record<string, string | null>;
  evtNum: number;
  /** Event timestamp, ns since the epoch. */
  ts: bigint;
}

export interface ReplayOptions {
  /** Falco's `rule_matching`: `first` (default) alerts only the first matching rule per event. */
  ruleMatching?: 'first' | 'all';
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  onDetection?: (d: Detection) => void;
  dialect?: TableDialect;
}

export interface ReplaySummary {
  events: number;
  detections: Detection[];
  /** Triggered counts by rule name (rules that never fired are absent). */
  countsByRule: Map<string, number>;
  countsByPriority: Map<Priority, number>;
  warnings: string[];
}

export async function replayCapture(path: string, engine: RulesEngine<FieldContext>, opts: ReplayOptions = {}): Promise<ReplaySummary> {
  const first = (opts.ruleMatching ?? 'first') === 'first';
  const insp = new Inspector(opts.dialect ? { dialect: opts.dialect } : {});
  const render: RenderSettings = { bufferFormat: 'normal', maxBufferLen: 0 };
  const ctx: { evt: InspectedEvent; state: Inspector; render: RenderSettings } = { evt: null as unknown as InspectedEvent, state: insp, render };
  const detections: Detection[] = [];
  const countsByRule = new Map<string, number>();
  const countsByPriority = new Map<Priority, number>();
  const summary = await insp.run(
    path,
    (evt) => {
      ctx.evt = evt;
      engine.nextEvent();
      for (const r of engine.rulesForCode(evt.raw.type)) {
        if (!r.match(ctx)) continue;
        const d: Detection = {
          rule: r.name,
          priority: r.priority,
          source: r.source,
          tags: r.tags,
          output: engine.render(r, ctx),
          fields: outputFields(r.output, ctx),
          evtNum: evt.num,
          ts: evt.ts,
        };
        detections.push(d);
        countsByRule.set(r.name, (countsByRule.get(r.name) ?? 0) + 1);
        countsByPriority.set(r.priority, (countsByPriority.get(r.priority) ?? 0) + 1);
        opts.onDetection?.(d);
        if (first) break;
      }
      return opts.signal?.aborted ? false : undefined;
    },
    {
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: (done: number, size: number) => opts.onProgress!(size > 0 ? done / size : 0) } : {}),
    },
  );
  return { events: summary.events, detections, countsByRule, countsByPriority, warnings: summary.warnings };
}

/** Falco's closing summary ("Events detected", counts by severity and by rule). */
export function falcoSummaryText(s: ReplaySummary): string {
  const lines = [`Events detected: ${s.detections.length}`, 'Rule counts by severity:'];
  for (const p of PRIORITIES) {
    const n = s.countsByPriority.get(p);
    // Falco prints the short form of informational.
    if (n) lines.push(`   ${p === 'INFORMATIONAL' ? 'INFO' : p}: ${n}`);
  }
  lines.push('Triggered rules by rule name:');
  for (const [name, n] of s.countsByRule) lines.push(`   ${name}: ${n}`);
  return `${lines.join('\n')}\n`;
}
