import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type {
  ApiErrorShape, AppInfo, CallOptions, DirEntry, DirListing, EvidenceHash, HostMode, MethodName, Params,
  ProgressEvent, Result,
} from './contract.js';
import { CaptureRegistry } from './captures.js';
import { hashEvidence, sniffEvidenceKind } from '../case/evidence.js';
import { CaseRegistry } from './cases.js';
import { TracehoundError, toErrorShape } from './errors.js';
import { PARAM_SCHEMAS, isMethodName } from './schemas.js';

export interface ServiceOptions {
  mode: HostMode;
  version: string;
  demoCapture?: string;
  initialCapture?: string;
  /** Folder of Tracehound's own default rules files (assets/rules). */
  defaultRulesDir?: string;
  /** Event-table dialect; 'sysdig029' reproduces sysdig 0.29.3's rendering (differential tests). */
  dialect?: 'current' | 'sysdig029';
}

type Handler<M extends MethodName> = (params: Params<M>, ctx: CallContext) => Promise<Result<M>>;

export interface CallContext {
  progress: (p: ProgressEvent) => void;
  signal: AbortSignal;
}

/**
 * The one implementation of the contract. Every host (Electron, web, CLI) calls `invoke`, which
 * validates params against the schemas, runs the handler and turns any failure into a typed error.
 */
export class EngineService {
  private readonly handlers: { [M in MethodName]: Handler<M> };
  readonly captures: CaptureRegistry;
  readonly cases: CaseRegistry;

  constructor(private readonly options: ServiceOptions) {
    const c = (this.captures = new CaptureRegistry(options.defaultRulesDir, options.dialect));
    const k = (this.cases = new CaseRegistry(c, { name: 'Tracehound', version: options.version }));
    this.handlers = {
      'app.info': async () => this.appInfo(),
      'fs.list': async (p) => listDirectory(p.path),
      'evidence.hash': (p, ctx) => hashFile(p.path, ctx),
      'capture.open': (p, ctx) => c.open(p.path, ctx),
      'capture.close': async (p) => ({ closed: c.close(p.id) }),
      'capture.events': (p, ctx) => c.events(p, ctx),
      'capture.locate': (p, ctx) => c.locate(p, ctx),
      'capture.density': (p, ctx) => c.density(p, ctx),
      'capture.event': (p, ctx) => c.event(p.id, p.num, ctx),
      'capture.analyze': (p, ctx) => c.analyze(p, ctx),
      'capture.views': async () => c.views(),
      'fields.list': async () => c.fields(),
      'filter.validate': async (p) => c.validate(p.filter),
      'filter.complete': async (p) => c.complete(p.filter, p.cursor, p.id),
      'rules.run': (p, ctx) => c.runRules(p, ctx),
      'case.create': async (p) => k.create(p.path, p.name),
      'case.open': async (p) => k.open(p.path),
      'case.info': async (p) => k.info(p.caseId),
      'case.close': async (p) => ({ closed: k.close(p.caseId) }),
      'case.addCapture': (p, ctx) => k.addCapture(p, ctx),
      'case.openCapture': (p, ctx) => k.openCapture(p, ctx),
      'case.findings.add': async (p) => k.addFindings(p),
      'case.findings.list': async (p) => k.findings(p),
      'case.notes.add': async (p) => k.addNote(p),
      'case.notes.list': async (p) => k.notes(p),
      'case.bookmarks.add': async (p) => k.addBookmark(p),
      'case.bookmarks.remove': async (p) => k.removeBookmark(p),
      'case.bookmarks.list': async (p) => k.bookmarks(p),
      'case.filters.save': async (p) => k.saveFilter(p),
      'case.filters.list': async (p) => k.filters(p),
      'case.verify': (p, ctx) => k.verify(p.caseId, ctx),
      'case.audit': async (p) => k.audit(p),
      'case.export': (p, ctx) => k.export(p, ctx),
    };
  }

  /** Validates untrusted input, then runs the method. Throws TracehoundError only. */
  async invoke(method: unknown, params: unknown, options: CallOptions = {}): Promise<unknown> {
    if (!isMethodName(method)) {
      throw new TracehoundError('UNKNOWN_METHOD', `Unknown method: ${String(method).slice(0, 100)}`);
    }
    const parsed = PARAM_SCHEMAS[method].safeParse(params ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new TracehoundError('INVALID_REQUEST', `Invalid params for ${method}${where}: ${issue?.message ?? 'invalid'}`);
    }
    const signal = options.signal ?? new AbortController().signal;
    const ctx: CallContext = { progress: options.onProgress ?? (() => {}), signal };
    try {
      const handler = this.handlers[method] as Handler<MethodName>;
      return await handler(parsed.data as Params<MethodName>, ctx);
    } catch (err) {
      if (signal.aborted) throw new TracehoundError('CANCELLED', `${method} was cancelled`);
      const shape: ApiErrorShape = toErrorShape(err);
      throw new TracehoundError(shape.code, shape.message, shape);
    }
  }

  /** Typed convenience for in-process hosts (the CLI). */
  call<M extends MethodName>(method: M, params: Params<M>, options?: CallOptions): Promise<Result<M>> {
    return this.invoke(method, params, options) as Promise<Result<M>>;
  }

  private appInfo(): AppInfo {
    const info: AppInfo = { name: 'Tracehound', version: this.options.version, mode: this.options.mode };
    if (this.options.demoCapture) info.demoCapture = this.options.demoCapture;
    if (this.options.initialCapture) info.initialCapture = this.options.initialCapture;
    return info;
  }
}

/** Highlighted in pickers when the case store would file it as a capture; unreadable is just "no". */
async function sniffCapture(path: string): Promise<boolean> {
  return (await sniffEvidenceKind(path).catch(() => 'other')) === 'scap';
}

async function listDirectory(path: string | undefined): Promise<DirListing> {
  const dir = resolve(path ?? homedir());
  const st = await stat(dir);
  if (!st.isDirectory()) throw new TracehoundError('NOT_A_DIRECTORY', `${dir} is not a folder`, { hint: 'Pick a folder to list.' });
  const names = await readdir(dir, { withFileTypes: true });
  const entries: DirEntry[] = [];
  for (const d of names) {
    const full = join(dir, d.name);
    const kind: DirEntry['kind'] = d.isDirectory() ? 'dir' : d.isFile() ? 'file' : 'other';
    let size = 0;
    if (kind === 'file') {
      try { size = (await stat(full)).size; } catch { /* vanished or unreadable: list it anyway */ }
    }
    entries.push({ name: d.name, path: full, kind, size, looksLikeCapture: kind === 'file' && (await sniffCapture(full)) });
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
  const parent = dirname(dir);
  return { path: dir, parent: parent === dir ? null : parent, entries };
}

/** The case store's evidence hashing: read-only (O_NOATIME where allowed), streamed, cancellable. */
async function hashFile(path: string, ctx: CallContext): Promise<EvidenceHash> {
  const full = resolve(path);
  const d = await hashEvidence(full, { onProgress: ctx.progress, signal: ctx.signal, phase: 'hashing' });
  return { path: full, size: d.size, sha256: d.sha256 };
}
