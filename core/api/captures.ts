/**
 * The capture-explorer half of the service: open captures by id, and the conversions between the
 * engine's values (bigint timestamps, byte buffers) and the contract's JSON shapes.
 */
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { listViews } from '../analysis/analyze.js';
import { CaptureSession, type Scope } from '../analysis/explore/session.js';
import { AnalysisResolver } from '../analysis/source.js';
import { completeFilter, validateFilter } from '../filter/assist.js';
import { ALL_FIELDS } from '../inspect/fields/registry.js';
import { tsToString } from '../inspect/fields/timefmt.js';
import { RulesEngine } from '../rules/engine.js';
import { replayCapture } from '../rules/replay.js';
import { RegistryResolver } from '../rules/syscall-resolver.js';
import type {
  AnalyzeRequest, AnalyzeResult, CaptureSummary, CaptureScope, CompletionResult, EventDetail, EventPage, FieldInfo,
  FilterCheck, Params, ProgressEvent, RulesRun, Series, ViewInfo,
} from './contract.js';
import { TracehoundError } from './errors.js';
import type { TableDialect } from '../capture/events/table.js';
import { ProgressReporter } from './progress.js';

interface Ctx {
  progress: (p: ProgressEvent) => void;
  signal: AbortSignal;
}

function toScope(s: CaptureScope): Scope {
  const scope: Scope = {};
  if (s.filter && s.filter.trim() !== '') scope.filter = s.filter;
  if (s.from !== undefined) scope.from = BigInt(s.from);
  if (s.to !== undefined) scope.to = BigInt(s.to);
  if (scope.from != null && scope.to != null && scope.from > scope.to) {
    throw new TracehoundError('INVALID_REQUEST', 'the time range ends before it starts', { hint: 'Swap the bounds.' });
  }
  return scope;
}

/** A filter must compile before a pass starts, so a typo fails fast with its position. */
function checkFilter(resolver: AnalysisResolver, filter: string | undefined): void {
  if (!filter || filter.trim() === '') return;
  const v = validateFilter(filter, resolver);
  if (!v.ok) {
    throw new TracehoundError(v.problem.code === 'FILTER_UNKNOWN_FIELD' ? 'FILTER_UNKNOWN_FIELD' : 'FILTER_SYNTAX', v.problem.message, {
      position: v.problem.start,
      ...(v.problem.suggestion ? { hint: v.problem.suggestion } : {}),
    });
  }
}

function phaseReporter(ctx: Ctx, phases: string[]) {
  let current: ProgressReporter | null = null;
  let name = '';
  return (phase: string, fraction: number) => {
    if (phase !== name) {
      name = phase;
      current = new ProgressReporter(phases.length > 1 ? `${phase} (${phases.indexOf(phase) + 1}/${phases.length})` : phase, 1_000_000, ctx.progress);
    }
    current!.set(Math.round(fraction * 1_000_000));
  };
}

export class CaptureRegistry {
  private readonly sessions = new Map<string, CaptureSession>();
  private readonly resolver = new AnalysisResolver();

  constructor(
    private readonly defaultRulesDir?: string,
    private readonly dialect: TableDialect = 'current',
  ) {}

  private get(id: string): CaptureSession {
    const s = this.sessions.get(id);
    if (!s) throw new TracehoundError('CAPTURE_NOT_OPEN', `no open capture with id ${id}`, { hint: 'Open the capture again.' });
    return s;
  }

  async open(path: string, ctx: Ctx): Promise<CaptureSummary> {
    const full = resolve(path);
    const report = phaseReporter(ctx, ['hashing', 'indexing']);
    const session = await CaptureSession.open(full, (p) => report(p.phase, p.fraction), ctx.signal, this.dialect);
    return this.adopt(session);
  }

  /** Registers a session built elsewhere (from a case's stored index) and answers like open(). */
  adopt(session: CaptureSession): CaptureSummary {
    const id = randomUUID();
    this.sessions.set(id, session);
    const i = session.info;
    const blocks = new Map<string, number>();
    for (const run of i.inventory) blocks.set(run.name, (blocks.get(run.name) ?? 0) + run.count);
    return {
      id,
      path: i.path,
      size: i.size,
      sha256: i.sha256,
      compressed: i.gzip,
      version: i.version,
      events: i.rows,
      firstTs: i.firstTs?.toString() ?? null,
      lastTs: i.lastTs?.toString() ?? null,
      blocks: [...blocks].map(([kind, count]) => ({ kind, count })),
      warnings: i.warnings.map((w) => ({ code: w.code, message: w.message, offset: w.offset })),
    };
  }

  /** The open session behind an id (for the case service, which stores its index). */
  session(id: string): CaptureSession {
    return this.get(id);
  }

  close(id: string): boolean {
    const s = this.sessions.get(id);
    if (!s) return false;
    this.sessions.delete(id);
    s.close();
    return true;
  }

  async events(p: Params<'capture.events'>, ctx: Ctx): Promise<EventPage> {
    const s = this.get(p.id);
    checkFilter(this.resolver, p.filter);
    const page = await s.page(toScope(p), p.offset, p.limit, p.columns ?? [], ctx.signal);
    return {
      total: page.total,
      offset: page.offset,
      rows: page.rows.map((r) => ({
        num: r.num,
        ts: r.ts.toString(),
        cpu: r.cpu,
        dir: r.dir,
        type: r.type,
        tid: r.tid,
        proc: r.proc,
        info: r.info,
        ...(r.cols ? { cols: r.cols } : {}),
      })),
    };
  }

  async locate(p: Params<'capture.locate'>, ctx: Ctx): Promise<{ offset: number | null; total: number }> {
    const s = this.get(p.id);
    checkFilter(this.resolver, p.filter);
    return s.locate(toScope(p), p.num, ctx.signal);
  }

  async density(p: Params<'capture.density'>, ctx: Ctx): Promise<Series> {
    const s = this.get(p.id);
    checkFilter(this.resolver, p.filter);
    // Only the filter selects rows: the range sets the grid, so overlays line up with the whole.
    const rows = p.filter && p.filter.trim() !== '' ? await s.matches({ filter: p.filter }, ctx.signal) : null;
    const d = s.density(p.from !== undefined ? BigInt(p.from) : null, p.to !== undefined ? BigInt(p.to) : null, p.maxBuckets, rows);
    return { start: d.start.toString(), width: d.width, values: d.values, total: d.total, max: d.max };
  }

  async event(id: string, num: number, ctx: Ctx): Promise<EventDetail> {
    const d = await this.get(id).detail(num, ctx.signal);
    const out: EventDetail = { num: d.num, ts: d.ts.toString(), line: d.line, sections: d.sections, ancestors: d.ancestors };
    if (d.data) out.data = Buffer.from(d.data).toString('base64');
    return out;
  }

  async analyze(p: Params<'capture.analyze'>, ctx: Ctx): Promise<AnalyzeResult> {
    const s = this.get(p.id);
    checkFilter(this.resolver, p.filter);
    const scope = toScope(p);
    const req: Parameters<CaptureSession['analyze']>[0] = { filter: scope.filter ?? null, from: scope.from ?? null, to: scope.to ?? null };
    if (p.views) req.views = p.views.map((v) => ({ id: v.id, options: { ...(v.sort ? { sort: v.sort } : {}), ...(v.desc !== undefined ? { desc: v.desc } : {}), ...(v.top ? { top: v.top } : {}) } }));
    if (p.overview) req.overview = true;
    if (p.series) req.series = p.series.map((x) => ({ id: x.id, ...(x.filter ? { filter: x.filter } : {}), ...(x.field ? { field: x.field } : {}) }));
    if (p.tree) req.tree = true;
    if (p.topology) req.topology = p.topology;
    if (p.follow) req.follow = { fdFilter: p.follow.fdFilter, ...(p.follow.limit ? { limit: p.follow.limit } : {}) };
    if (p.maxBuckets) req.maxBuckets = p.maxBuckets;
    const reporter = new ProgressReporter('analyzing', 1_000_000, ctx.progress);
    const r = await s.analyze(req, ctx.signal, (f) => reporter.set(Math.round(f * 1_000_000)));
    if (ctx.signal.aborted) throw new TracehoundError('CANCELLED', 'the analysis was cancelled');
    reporter.done();
    // The compile-time check that the engine's result, once JSON-safe, is the contract's shape.
    const out: AnalyzeResult = jsonSafe(r) as Jsonified<typeof r>;
    return out;
  }

  views(): ViewInfo[] {
    return listViews();
  }

  fields(): FieldInfo[] {
    return ALL_FIELDS.map((d) => ({ name: d.name, cls: d.cls, type: d.type, desc: d.desc, arg: d.arg }));
  }

  validate(filter: string): FilterCheck {
    const v = validateFilter(filter, this.resolver);
    if (v.ok) return { ok: true, fields: [...v.fields] };
    const problem: Extract<FilterCheck, { ok: false }>['problem'] = { code: v.problem.code, message: v.problem.message, start: v.problem.start, end: v.problem.end };
    if (v.problem.suggestion) problem.suggestion = v.problem.suggestion;
    if (v.problem.replacement) problem.replacement = v.problem.replacement;
    return { ok: false, problem };
  }

  complete(filter: string, cursor: number, id?: string): CompletionResult {
    const session = id ? this.sessions.get(id) : undefined;
    return completeFilter(filter, Math.min(cursor, filter.length), this.resolver, {
      ...(session ? { values: (field: string, prefix: string) => session.seenValues(field, prefix) } : {}),
      limit: 50,
    });
  }

  async runRules(p: Params<'rules.run'>, ctx: Ctx): Promise<RulesRun> {
    const s = this.get(p.id);
    const files: string[] = [];
    if (p.defaults) {
      if (!this.defaultRulesDir) throw new TracehoundError('RULES_INVALID', 'the default ruleset is not installed');
      const names = (await readdir(this.defaultRulesDir)).filter((n) => /\.ya?ml$/.test(n)).sort();
      files.push(...names.map((n) => join(this.defaultRulesDir!, n)));
    }
    files.push(...(p.files ?? []).map((f) => resolve(f)));
    if (files.length === 0) throw new TracehoundError('RULES_INVALID', 'no rules to run', { hint: 'Use the default ruleset or add a rules file.' });
    const engine = new RulesEngine({ sources: { syscall: new RegistryResolver(undefined, { memo: true }) } });
    const problems: RulesRun['problems'] = [];
    for (const f of files) {
      const res = await engine.loadRulesFile(f);
      for (const e of res.errors) problems.push({ severity: 'error', message: e.message, file: e.file, line: e.line, item: e.itemName });
      for (const w of res.warnings) problems.push({ severity: 'warning', message: w.message, file: w.file, line: w.line, item: w.itemName });
    }
    const reporter = new ProgressReporter('running rules', 1_000_000, ctx.progress);
    const scope = toScope(p);
    const r = await replayCapture(s.info.path, engine, { dialect: this.dialect, signal: ctx.signal, onProgress: (f) => reporter.set(Math.round(f * 1_000_000)) });
    if (ctx.signal.aborted) throw new TracehoundError('CANCELLED', 'the rules run was cancelled');
    reporter.done();
    const inScope = r.detections.filter((d) => (scope.from == null || d.ts >= scope.from) && (scope.to == null || d.ts <= scope.to));
    return {
      findings: inScope.map((d) => ({
        rule: d.rule,
        priority: d.priority,
        ts: d.ts.toString(),
        time: tsToString(d.ts, true, true),
        output: d.output,
        tags: d.tags,
        evtNum: d.evtNum,
        outputFields: d.fields,
      })),
      counts: [...r.countsByRule].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
      rulesLoaded: engine.rules.length,
      problems,
    };
  }
}

/** The JSON form of an engine value: bigint and bytes become text. */
type Jsonified<T> = T extends bigint ? string : T extends Uint8Array ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

/** JSON has no bigint: timestamps and counters become decimal text, everything else passes through. */
function jsonSafe(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), jsonSafe(x)]));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = jsonSafe(x);
    return out;
  }
  return v;
}
