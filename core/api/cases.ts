/**
 * The case half of the service: open cases by id, store an open capture's first pass (the event
 * list index and its unscoped views) in a case, and reopen it from there without the capture.
 * The evidence is only ever read: a case references it by path and sha256.
 */
import { resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { listViews, type AnalyzeRequest, type AnalyzeResult as EngineAnalyzeResult } from '../analysis/analyze.js';
import { CaptureSession, type SessionInfo, type StoredAnalysis } from '../analysis/explore/session.js';
import type { TopologyGrouping } from '../analysis/topology.js';
import type { TableDialect } from '../capture/events/table.js';
import type { BlockRun, CaptureWarning } from '../capture/parser.js';
import {
  AnchorCollector, CaseEventList, CaseStore, exportCase, verifyCase, type ListAnchors, type ArtifactRecord, type CaptureSelection, type EventIndexRow, type EventSummary,
  type FindingRecord, type ImportRecord, type ImportWriter, type ViewKey,
} from '../case/index.js';
import type { CaptureRegistry } from './captures.js';
import type {
  CaptureSummary, CaseArtifact, CaseAuditEntry, CaseBookmark, CaseCaptureImport, CaseExportResult, CaseFilter, CaseFinding,
  CaseInfo, CaseNote, CaseVerifyReport, EventRow, Params, ProgressEvent,
} from './contract.js';
import { TracehoundError } from './errors.js';
import { ProgressReporter } from './progress.js';

interface Ctx {
  progress: (p: ProgressEvent) => void;
  signal: AbortSignal;
}

/** Index rows per write batch: a cancel is looked at between batches. */
const BATCH = 5000;

/** The topology grouping stored with an import: the explorer's default. */
const STORED_TOPOLOGY: TopologyGrouping = 'process';

/** Names of the stored analysis parts (view names in the case; each holds one result as its only row). */
const PART = {
  summary: 'analysis.summary',
  view: 'analysis.view',
  overview: 'analysis.overview',
  tree: 'analysis.tree',
  topology: 'analysis.topology',
  /** Where every ANCHOR_EVERY-th row of the list is, so a reopen pages the list from the case. */
  anchors: 'list.anchors',
} as const;

/** What an import records about the capture, so a session can be rebuilt without reading it. */
interface CaptureMeta {
  gzip: boolean;
  version: string;
  events: number;
  inventory: BlockRun[];
  warnings: CaptureWarning[];
}

function cancelled(what: string): TracehoundError {
  return new TracehoundError('CANCELLED', `${what} was cancelled`);
}

/** One reporter per phase, named "phase (i/n)" so the status bar says how far along the job is. */
function phases(ctx: Ctx, names: string[]) {
  let current: ProgressReporter | null = null;
  let name = '';
  return (phase: string, fraction: number) => {
    if (phase !== name) {
      current?.done();
      name = phase;
      current = new ProgressReporter(`${phase} (${names.indexOf(phase) + 1}/${names.length})`, 1_000_000, ctx.progress);
    }
    current!.set(Math.round(fraction * 1_000_000));
  };
}

/** The table views a case stores: every one listViews() offers, except the FIELD template. */
function storedTableViews(): string[] {
  return listViews().filter((v) => v.kind === 'table' && !v.id.includes(':')).map((v) => v.id);
}

function toEventRow(e: EventSummary): EventRow {
  return {
    num: e.evtNum,
    ts: e.ts.toString(),
    cpu: e.cpu,
    dir: e.dir === 1 ? '<' : '>',
    type: e.typeName ?? '<NA>',
    tid: e.tid,
    proc: e.procName ?? '<NA>',
    info: e.info ?? '',
  };
}

function toFinding(f: FindingRecord): CaseFinding {
  return {
    id: f.id,
    artifactId: f.artifactId,
    rule: f.rule,
    priority: f.priority,
    source: f.source,
    ts: f.ts?.toString() ?? null,
    evtNum: f.evtNum,
    output: f.output,
    outputFields: f.outputFields as CaseFinding['outputFields'],
    tags: f.tags,
    createdAt: f.createdAt,
  };
}

const findingKey = (f: { rule: string; evtNum: number | null; ts: string | null; output: string }) => `${f.rule}\u0000${f.evtNum ?? ''}\u0000${f.ts ?? ''}\u0000${f.output}`;

export class CaseRegistry {
  private readonly cases = new Map<string, CaseStore>();
  /** Cases with an import in flight. Its transaction holds the write lock between batches, and a
   * second write on this thread would block the whole engine in SQLite's busy wait; refuse it. */
  private readonly importing = new Set<string>();

  constructor(
    private readonly captures: CaptureRegistry,
    private readonly tool: { name: string; version: string },
  ) {}

  // ---- opening ---------------------------------------------------------------------------------

  create(path: string, name?: string): CaseInfo {
    const store = CaseStore.create(resolve(path), name ? { name } : {});
    return this.info(this.register(store));
  }

  open(path: string): CaseInfo {
    const full = resolve(path);
    for (const [id, s] of this.cases) if (s.path === full) return this.info(id);
    return this.info(this.register(CaseStore.open(full)));
  }

  close(caseId: string): boolean {
    const s = this.cases.get(caseId);
    if (!s) return false;
    this.cases.delete(caseId);
    s.close();
    return true;
  }

  closeAll(): void {
    for (const id of [...this.cases.keys()]) this.close(id);
  }

  private register(store: CaseStore): string {
    const id = store.info().id;
    const other = this.cases.get(id);
    if (other) {
      store.close();
      throw new TracehoundError('CASE_BUSY', `A copy of this case is already open from ${other.path}`, {
        hint: 'Close it first; two copies of one case would fork its audit log.',
        detail: { caseId: id, path: other.path },
      });
    }
    this.cases.set(id, store);
    return id;
  }

  private get(caseId: string): CaseStore {
    const s = this.cases.get(caseId);
    if (!s) throw new TracehoundError('CASE_NOT_FOUND', `No open case with id ${caseId}`, { hint: 'Open the case again.' });
    return s;
  }

  /** The case, for a write: refused while an import into it is running. */
  private writable(caseId: string): CaseStore {
    const s = this.get(caseId);
    if (this.importing.has(caseId)) {
      throw new TracehoundError('CASE_BUSY', 'A capture is being added to this case', { hint: 'Try again when it is done, or cancel it.', detail: { caseId } });
    }
    return s;
  }

  info(caseId: string): CaseInfo {
    const s = this.get(caseId);
    const i = s.info();
    return {
      id: i.id,
      path: i.path,
      name: i.name,
      createdAt: i.createdAt,
      schemaVersion: i.schemaVersion,
      artifacts: s.artifacts().map((a) => this.artifactInfo(s, a)),
      counts: s.counts(),
      auditHead: s.auditHead(),
    };
  }

  private artifactInfo(s: CaseStore, a: ArtifactRecord): CaseArtifact {
    const imp = latestImport(s, a.id);
    return {
      id: a.id,
      path: a.path,
      kind: a.kind,
      sha256: a.sha256,
      size: a.size,
      addedAt: a.addedAt,
      label: a.label,
      indexed: imp !== undefined,
      events: imp?.events ?? 0,
      importedAt: imp?.completedAt ?? null,
      views: imp ? s.views(a.id).length : 0,
    };
  }

  // ---- the first pass into the case ------------------------------------------------------------

  /**
   * References the open capture as evidence, then stores its event-list index and its unscoped
   * views (overview, every table view, the process tree, the topology) in ONE import: a case
   * holds either all of it or none of it.
   */
  async addCapture(p: Params<'case.addCapture'>, ctx: Ctx): Promise<CaseCaptureImport> {
    const store = this.writable(p.caseId);
    const session = this.captures.session(p.captureId);
    this.importing.add(p.caseId);
    try {
      return await this.importCapture(store, session, p, ctx);
    } finally {
      this.importing.delete(p.caseId);
    }
  }

  private async importCapture(store: CaseStore, session: CaptureSession, p: Params<'case.addCapture'>, ctx: Ctx): Promise<CaseCaptureImport> {
    const info = session.info;
    const report = phases(ctx, ['hashing', 'analyzing and storing']);
    const { artifact, added } = await store.addArtifact(info.path, {
      kind: 'scap',
      onProgress: (e) => report('hashing', e.fraction),
      signal: ctx.signal,
    });
    if (ctx.signal.aborted) throw cancelled('adding the capture');
    if (artifact.sha256 !== info.sha256) {
      throw new TracehoundError('CASE_VERIFY_FAILED', `${info.path} changed since it was opened (sha256 ${info.sha256.slice(0, 12)}… then, ${artifact.sha256.slice(0, 12)}… now)`, {
        hint: 'Open the capture again, then add it: the index must describe the file the case references.',
        detail: { path: info.path, opened: info.sha256, now: artifact.sha256 },
      });
    }
    if (latestImport(store, artifact.id)) {
      throw new TracehoundError('CASE_ALREADY_INDEXED', `${info.path} is already indexed in this case (artifact ${artifact.id})`, {
        hint: 'Open it from the case.',
        detail: { artifactId: artifact.id },
      });
    }

    const views = storedTableViews();
    const req: AnalyzeRequest = {
      filter: null, from: null, to: null,
      views: views.map((id) => ({ id })),
      overview: true,
      tree: true,
      topology: STORED_TOPOLOGY,
      ...(p.maxBuckets ? { maxBuckets: p.maxBuckets } : {}),
    };
    // The analysis runs in worker threads on a large capture, so the index is stored meanwhile:
    // the import takes about the longer of the two, not their sum. Either failing stops the other.
    const inner = new AbortController();
    const stop = () => inner.abort();
    ctx.signal.addEventListener('abort', stop, { once: true });
    const done = { analysis: 0, storing: 0 };
    const both = () => report('analyzing and storing', (done.analysis + done.storing) / 2);
    const w = store.beginImport(artifact.id);
    try {
      const analysing = session.analyze(req, inner.signal, (f) => { done.analysis = f; both(); });
      const storing = writeIndex(w, session, (f) => { done.storing = f * 0.95; both(); }, inner.signal);
      let analysis: EngineAnalyzeResult;
      let anchors: ListAnchors;
      try {
        [analysis, anchors] = await Promise.all([analysing, storing]);
      } catch (e) {
        inner.abort();
        await Promise.allSettled([analysing, storing]);
        throw e;
      }
      if (inner.signal.aborted) throw cancelled('adding the capture');
      const key = (name: string, params?: Record<string, unknown>) => ({ name, ...(params ? { params } : {}) });
      w.putView({ ...key(PART.anchors), rows: [anchors] });
      w.putView({ ...key(PART.summary), rows: [analysis.summary] });
      for (const id of views) {
        const v = analysis.views[id];
        if (v) w.putView({ ...key(PART.view, { view: id }), rows: [v] });
      }
      if (analysis.overview) w.putView({ ...key(PART.overview, { maxBuckets: p.maxBuckets ?? null }), rows: [analysis.overview] });
      if (analysis.tree) w.putView({ ...key(PART.tree), rows: [analysis.tree] });
      if (analysis.topology) w.putView({ ...key(PART.topology, { grouping: STORED_TOPOLOGY }), rows: [analysis.topology] });
      const capture: CaptureMeta = { gzip: info.gzip, version: info.version, events: info.events, inventory: info.inventory, warnings: info.warnings };
      const record = w.commit({ engine: this.tool, dialect: session.dialect, capture, evtNum: 'evt.num' });
      report('analyzing and storing', 1);
      return {
        artifact: this.artifactInfo(store, artifact),
        added,
        import: { id: record.id, events: record.events, views: record.views, firstTs: record.firstTs?.toString() ?? null, lastTs: record.lastTs?.toString() ?? null },
      };
    } catch (e) {
      w.rollback(ctx.signal.aborted ? 'cancelled' : `failed: ${e instanceof Error ? e.message : String(e)}`);
      if (ctx.signal.aborted) throw cancelled('adding the capture');
      throw e;
    } finally {
      ctx.signal.removeEventListener('abort', stop);
    }
  }

  /**
   * A capture session over the case's stored index: the event list pages from memory, unscoped
   * views come from the stored results, and the capture is read only for what needs its events
   * (a filter or time range, event details, extra columns).
   */
  async openCapture(p: Params<'case.openCapture'>, ctx: Ctx): Promise<CaptureSummary> {
    const store = this.get(p.caseId);
    const artifact = store.artifact(p.artifactId);
    const imp = latestImport(store, artifact.id);
    if (!imp) {
      throw new TracehoundError('INVALID_REQUEST', `Artifact ${artifact.id} has no index in this case`, {
        hint: 'Open the capture and add it to the case to index it.',
        detail: { artifactId: artifact.id },
      });
    }
    const meta = imp.meta as { dialect?: TableDialect; capture?: CaptureMeta };
    if (!meta.capture) {
      throw new TracehoundError('INVALID_REQUEST', `Artifact ${artifact.id} was indexed by another tool and cannot open in the explorer`, { detail: { artifactId: artifact.id, importId: imp.id } });
    }
    // The list stays in the case and is read a page at a time: nothing is loaded up front.
    const stored = store.getView({ name: PART.anchors, artifactId: artifact.id })?.rows[0] as ListAnchors | undefined;
    const index = CaseEventList.open(store.path, {
      artifactId: artifact.id,
      count: imp.events,
      firstTs: imp.firstTs,
      lastTs: imp.lastTs,
      ...(isAnchors(stored) ? { anchors: stored } : {}),
    });
    const info: SessionInfo = {
      path: artifact.path,
      size: artifact.size,
      sha256: artifact.sha256,
      gzip: meta.capture.gzip,
      version: meta.capture.version,
      events: meta.capture.events,
      rows: index.count,
      firstTs: index.firstTs,
      lastTs: index.lastTs,
      inventory: meta.capture.inventory,
      warnings: meta.capture.warnings,
    };
    const session = CaptureSession.fromIndex(info, index, meta.dialect ?? 'current', this.storedAnalysis(p.caseId, artifact.id));
    return this.captures.adopt(session);
  }

  /**
   * Answers an unscoped analysis from the results the import stored; runs a pass over the
   * capture only for parts that were not stored (series, follow, another topology grouping,
   * a view sorted or cut differently), and not at all when everything was.
   */
  private storedAnalysis(caseId: string, artifactId: number): StoredAnalysis {
    return async (req, pass) => {
      const store = this.cases.get(caseId);
      if (!store) return pass(req);
      const get = (name: string, params?: Record<string, unknown>): unknown => {
        const k: ViewKey = { name, artifactId, ...(params ? { params } : {}) };
        return store.getView(k)?.rows[0];
      };
      // The stored parts are in their JSON form (timestamps as text), which is what the service
      // turns every engine result into before it answers; so they stand in for engine values.
      const summary = get(PART.summary) as EngineAnalyzeResult['summary'] | undefined;
      if (!summary) return pass(req);
      const missing: AnalyzeRequest = {};
      const out: EngineAnalyzeResult = { summary, views: {} };
      for (const v of req.views ?? []) {
        const plain = !v.options || Object.values(v.options).every((x) => x === undefined);
        const hit = plain ? (get(PART.view, { view: v.id }) as EngineAnalyzeResult['views'][string] | undefined) : undefined;
        if (hit) out.views[v.id] = hit;
        else (missing.views ??= []).push(v);
      }
      if (req.overview) {
        const hit = get(PART.overview, { maxBuckets: req.maxBuckets ?? null }) as EngineAnalyzeResult['overview'];
        if (hit) out.overview = hit;
        else missing.overview = true;
      }
      if (req.tree) {
        const hit = get(PART.tree) as EngineAnalyzeResult['tree'];
        if (hit) out.tree = hit;
        else missing.tree = true;
      }
      if (req.topology) {
        const hit = get(PART.topology, { grouping: req.topology }) as EngineAnalyzeResult['topology'];
        if (hit) out.topology = hit;
        else missing.topology = req.topology;
      }
      if (req.series?.length) missing.series = req.series;
      if (req.follow) missing.follow = req.follow;
      if (Object.keys(missing).length === 0) return out;
      const rest = await pass({ ...missing, ...(req.maxBuckets ? { maxBuckets: req.maxBuckets } : {}), ...(req.dialect ? { dialect: req.dialect } : {}) });
      return { ...rest, ...out, views: { ...rest.views, ...out.views } };
    };
  }

  // ---- findings, notes, bookmarks, filters -----------------------------------------------------

  addFindings(p: Params<'case.findings.add'>): { added: CaseFinding[]; skipped: number } {
    const store = this.writable(p.caseId);
    store.artifact(p.artifactId);
    const have = new Set(store.findings({ artifactId: p.artifactId }).map((f) => findingKey({ ...f, ts: f.ts?.toString() ?? null })));
    const fresh = [];
    for (const f of p.findings) {
      const k = findingKey(f);
      if (have.has(k)) continue;
      have.add(k);
      fresh.push(f);
    }
    const added = store.addFindings(fresh.map((f) => ({
      artifactId: p.artifactId,
      rule: f.rule,
      priority: f.priority,
      source: 'syscall',
      ts: BigInt(f.ts),
      evtNum: f.evtNum,
      output: f.output,
      outputFields: f.outputFields,
      tags: f.tags,
    })));
    return { added: added.map(toFinding), skipped: p.findings.length - fresh.length };
  }

  findings(p: Params<'case.findings.list'>): CaseFinding[] {
    return this.get(p.caseId).findings({
      ...(p.artifactId !== undefined ? { artifactId: p.artifactId } : {}),
      ...(p.limit !== undefined ? { limit: p.limit } : {}),
    }).map(toFinding);
  }

  addNote(p: Params<'case.notes.add'>): CaseNote {
    const store = this.writable(p.caseId);
    if (p.evtNum !== undefined) {
      if (p.artifactId === undefined) throw new TracehoundError('INVALID_REQUEST', 'A note on an event needs the artifact it belongs to');
      assertListed(store, p.artifactId, p.evtNum);
    }
    return store.addNote({ text: p.text, artifactId: p.artifactId ?? null, evtNum: p.evtNum ?? null });
  }

  notes(p: Params<'case.notes.list'>): CaseNote[] {
    return this.get(p.caseId).notes({
      ...(p.artifactId !== undefined ? { artifactId: p.artifactId } : {}),
      ...(p.evtNum !== undefined ? { evtNum: p.evtNum } : {}),
    });
  }

  addBookmark(p: Params<'case.bookmarks.add'>): CaseBookmark {
    const store = this.writable(p.caseId);
    assertListed(store, p.artifactId, p.evtNum);
    const b = store.addBookmark(p.artifactId, p.evtNum, p.label);
    return { ...b, event: eventAt(store, b.artifactId, b.evtNum) };
  }

  removeBookmark(p: Params<'case.bookmarks.remove'>): { removed: boolean } {
    const store = this.writable(p.caseId);
    const b = store.bookmarks(p.artifactId).find((x) => x.evtNum === p.evtNum);
    return { removed: b ? store.removeBookmark(b.id) : false };
  }

  bookmarks(p: Params<'case.bookmarks.list'>): CaseBookmark[] {
    const store = this.get(p.caseId);
    return store.bookmarks(p.artifactId).map((b) => ({ ...b, event: eventAt(store, b.artifactId, b.evtNum) }));
  }

  saveFilter(p: Params<'case.filters.save'>): CaseFilter {
    return this.writable(p.caseId).saveFilter(p.name, p.filter, p.description);
  }

  filters(p: Params<'case.filters.list'>): CaseFilter[] {
    return this.get(p.caseId).savedFilters();
  }

  // ---- proof and reports -----------------------------------------------------------------------

  async verify(caseId: string, ctx: Ctx): Promise<CaseVerifyReport> {
    const store = this.get(caseId);
    const r = await verifyCase(store.path, { onProgress: ctx.progress, signal: ctx.signal });
    if (ctx.signal.aborted) throw cancelled('verifying the case');
    const audit: CaseVerifyReport['audit'] = { ok: r.audit.ok, entries: r.audit.entries, head: r.audit.head };
    if (r.audit.firstBroken) audit.firstBroken = { seq: r.audit.firstBroken.seq, reason: r.audit.firstBroken.reason };
    return {
      ok: r.ok,
      path: r.path,
      caseId: r.caseId,
      schemaVersion: r.schemaVersion,
      audit,
      artifacts: r.artifacts.map((a) => ({ ...a })),
      interruptedImports: r.interruptedImports.map((i) => ({ ...i })),
      issues: r.issues.map((i) => ({ ...i })),
    };
  }

  audit(p: Params<'case.audit'>): { entries: CaseAuditEntry[]; total: number } {
    const store = this.get(p.caseId);
    const total = store.auditHead()?.seq ?? 0;
    const fromSeq = p.limit ? Math.max(1, total - p.limit + 1) : 1;
    return { entries: store.auditLog({ fromSeq }), total };
  }

  async export(p: Params<'case.export'>, ctx: Ctx): Promise<CaseExportResult> {
    const store = this.writable(p.caseId);
    const report = phases(ctx, ['verifying', 'exporting']);
    const verified = await verifyCase(store.path, { onProgress: (e) => report('verifying', e.fraction), signal: ctx.signal });
    if (ctx.signal.aborted) throw cancelled('the export');
    const captures: CaptureSelection[] = [];
    if (p.bookmarked) {
      const byArtifact = new Map<number, number[]>();
      for (const b of store.bookmarks()) byArtifact.set(b.artifactId, [...(byArtifact.get(b.artifactId) ?? []), b.evtNum]);
      for (const [artifactId, evtNums] of byArtifact) if (store.artifact(artifactId).kind === 'scap') captures.push({ artifactId, evtNums });
    }
    const r = await exportCase(store, resolve(p.dir), {
      verify: verified,
      captures,
      tool: this.tool,
      onProgress: (e) => report('exporting', e.fraction),
      signal: ctx.signal,
    });
    return {
      dir: r.dir,
      manifestSha256: r.manifestSha256,
      files: r.manifest.files.length + 1,
      auditHead: r.manifest.auditHead,
      verified: r.manifest.verified,
      captures: r.manifest.captures.map((c) => ({ file: c.file, artifactId: c.artifactId, events: c.events })),
    };
  }
}

function latestImport(store: CaseStore, artifactId: number): ImportRecord | undefined {
  const all = store.imports(artifactId);
  return all[all.length - 1];
}

/** The indexed row of an event, or null when the artifact has no index. */
function eventAt(store: CaseStore, artifactId: number, evtNum: number): EventRow | null {
  const [e] = store.events(artifactId, { afterEvtNum: evtNum - 1, limit: 1 });
  return e && e.evtNum === evtNum ? toEventRow(e) : null;
}

/**
 * Marks on events use the list's numbers (evt.num); on an indexed artifact a number the list
 * does not show (an internal event, a typo) is refused rather than kept pointing at nothing.
 */
function assertListed(store: CaseStore, artifactId: number, evtNum: number): void {
  store.artifact(artifactId);
  if (!latestImport(store, artifactId)) return;
  if (!eventAt(store, artifactId, evtNum)) {
    throw new TracehoundError('INVALID_REQUEST', `Event ${evtNum} is not in the event list of artifact ${artifactId}`, {
      hint: 'Pick an event from the list.',
      detail: { artifactId, evtNum },
    });
  }
}

/**
 * Writes the session's index rows in batches, yielding between them so a cancel gets through.
 * Returns the list's anchors, which a reopen pages by.
 */
async function writeIndex(w: ImportWriter, session: CaptureSession, progress: (f: number) => void, signal: AbortSignal): Promise<ListAnchors> {
  const total = session.info.rows;
  const anchors = new AnchorCollector();
  let batch: EventIndexRow[] = [];
  let done = 0;
  for (const r of session.storedRows()) {
    anchors.add(r.num);
    if (r.dir === '') throw new TracehoundError('INTERNAL', `event ${r.num} has no direction; the case index needs one`);
    batch.push({
      evtNum: r.num,
      offset: r.offset,
      ts: r.ts,
      cpu: r.cpu,
      dir: r.dir === '<' ? 1 : 0,
      type: r.code,
      typeName: w.intern(r.type),
      tid: r.tid,
      procName: w.intern(r.proc),
      info: r.info === '' ? null : w.intern(r.info),
    });
    if (batch.length === BATCH) {
      w.addEvents(batch);
      done += batch.length;
      batch = [];
      progress(total ? done / total : 1);
      await nextTurn();
      if (signal.aborted) throw cancelled('storing the index');
    }
  }
  w.addEvents(batch);
  return anchors.anchors;
}

function isAnchors(v: unknown): v is ListAnchors {
  const a = v as ListAnchors | undefined;
  return !!a && Number.isInteger(a.every) && a.every > 0 && Array.isArray(a.nums) && a.nums.every((n) => Number.isInteger(n));
}
