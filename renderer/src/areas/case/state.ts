import { create } from 'zustand';
import type {
  CaseAuditEntry, CaseBookmark, CaseFilter, CaseFinding, CaseInfo, CaseNote, CaseVerifyReport, ProgressEvent,
} from '../../../../core/api/contract';
import { getApi, toApiError } from '../../api';
import { baseName } from '../../format';
import { reportError, request, runOperation } from '../../state/operations';
import { useApp } from '../../state/store';
import { useExplorer } from '../../explorer/store';
import { TIMELINE_BUCKETS } from '../../explorer/open';

/** How many audit entries the Case area shows (the newest). */
export const AUDIT_SHOWN = 200;

export interface VerifyState {
  running: boolean;
  progress: ProgressEvent | null;
  report: CaseVerifyReport | null;
  error: string | null;
}

export interface CaseState {
  info: CaseInfo | null;
  findings: CaseFinding[];
  notes: CaseNote[];
  bookmarks: CaseBookmark[];
  filters: CaseFilter[];
  audit: { entries: CaseAuditEntry[]; total: number } | null;
  verify: VerifyState;
  /** The explorer's capture when it is evidence in this case: its marks are kept in the case. */
  link: { captureId: string; artifactId: number } | null;
}

const NO_VERIFY: VerifyState = { running: false, progress: null, report: null, error: null };

export const useCase = create<CaseState>()(() => ({
  info: null,
  findings: [],
  notes: [],
  bookmarks: [],
  filters: [],
  audit: null,
  verify: NO_VERIFY,
  link: null,
}));

// ---- recent cases (this browser profile) -----------------------------------------------------

const RECENT_KEY = 'tracehound.case.recent';

export interface RecentCase {
  path: string;
  name: string;
  openedAt: number;
}

export function recentCases(): RecentCase[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    if (!Array.isArray(v)) return [];
    return v.filter((x): x is RecentCase => !!x && typeof x === 'object' && typeof (x as RecentCase).path === 'string'
      && typeof (x as RecentCase).name === 'string' && typeof (x as RecentCase).openedAt === 'number');
  } catch {
    return [];
  }
}

function rememberCase(info: CaseInfo): void {
  try {
    const next = [{ path: info.path, name: info.name, openedAt: Date.now() }, ...recentCases().filter((r) => r.path !== info.path)].slice(0, 8);
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // Remembering is a convenience; storage may be full or disabled.
  }
}

// ---- actions ---------------------------------------------------------------------------------

function adopt(info: CaseInfo): void {
  const prev = useCase.getState().info;
  useCase.setState({ info, verify: prev?.id === info.id ? useCase.getState().verify : NO_VERIFY });
  rememberCase(info);
  void refresh();
}

export async function createCase(path: string, name: string): Promise<boolean> {
  await closeCase();
  const info = await request('Could not create the case', 'case.create', { path, ...(name.trim() ? { name: name.trim() } : {}) });
  if (!info) return false;
  adopt(info);
  useApp.getState().pushToast({ tone: 'success', title: `Case ${info.name} created`, message: info.path });
  return true;
}

export async function openCase(path: string): Promise<boolean> {
  const current = useCase.getState().info;
  if (current && current.path !== path) await closeCase();
  const info = await request('Could not open the case', 'case.open', { path });
  if (!info) return false;
  adopt(info);
  return true;
}

export async function closeCase(): Promise<void> {
  const info = useCase.getState().info;
  if (!info) return;
  useCase.setState({ info: null, findings: [], notes: [], bookmarks: [], filters: [], audit: null, verify: NO_VERIFY, link: null });
  await getApi().call('case.close', { caseId: info.id }).catch(() => {});
}

let refreshing: Promise<void> | null = null;
let again = false;

/** Reloads everything the Case area shows; calls made while one runs fold into one more. */
export function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const id = useCase.getState().info?.id;
      if (!id) return;
      try {
        const api = getApi();
        const [info, findings, notes, bookmarks, filters, audit] = await Promise.all([
          api.call('case.info', { caseId: id }),
          api.call('case.findings.list', { caseId: id }),
          api.call('case.notes.list', { caseId: id }),
          api.call('case.bookmarks.list', { caseId: id }),
          api.call('case.filters.list', { caseId: id }),
          api.call('case.audit', { caseId: id, limit: AUDIT_SHOWN }),
        ]);
        if (useCase.getState().info?.id !== id) return;
        useCase.setState({ info, findings, notes, bookmarks, filters, audit });
      } catch (err) {
        const e = toApiError(err);
        // A case closed meanwhile is not news.
        if (e.code !== 'CASE_NOT_FOUND') reportError('Could not read the case', e);
        return;
      }
    } while (again);
  })().finally(() => { refreshing = null; });
  return refreshing;
}

/** Adds the explorer's open capture to the case: hashed, its index and views stored. */
export async function addOpenCapture(): Promise<boolean> {
  const info = useCase.getState().info;
  const cap = useExplorer.getState().capture;
  if (!info || !cap) return false;
  const r = await runOperation(`Adding ${baseName(cap.path)} to ${info.name}`, 'case.addCapture', {
    caseId: info.id, captureId: cap.id, maxBuckets: TIMELINE_BUCKETS,
  });
  if (!r) return false;
  useApp.getState().pushToast({
    tone: 'success',
    title: `${baseName(cap.path)} is in the case`,
    message: `${r.import.events.toLocaleString('en-US')} events and ${r.import.views} views stored; it reopens from the case without re-reading the capture.`,
  });
  await refresh();
  return true;
}

export async function addCaseNote(text: string): Promise<boolean> {
  const info = useCase.getState().info;
  if (!info || !text.trim()) return false;
  const n = await request('Could not add the note', 'case.notes.add', { caseId: info.id, text: text.trim() });
  if (!n) return false;
  await refresh();
  return true;
}

export async function saveCaseFilter(name: string, filter: string): Promise<boolean> {
  const info = useCase.getState().info;
  if (!info || !name.trim() || !filter.trim()) return false;
  const f = await request('Could not save the filter', 'case.filters.save', { caseId: info.id, name: name.trim(), filter: filter.trim() });
  if (!f) return false;
  await refresh();
  return true;
}

/** Verifies the case: shown in the status bar (with Cancel) and in the Case area with its progress. */
export async function verifyCase(): Promise<void> {
  const info = useCase.getState().info;
  if (!info || useCase.getState().verify.running) return;
  const app = useApp.getState();
  const op = app.startOperation(`Verifying ${info.name}`, 'case.verify');
  useCase.setState({ verify: { running: true, progress: null, report: null, error: null } });
  try {
    const report = await getApi().call('case.verify', { caseId: info.id }, {
      signal: op.controller.signal,
      onProgress: (p) => {
        useApp.getState().progressOperation(op.id, p);
        useCase.setState((s) => ({ verify: { ...s.verify, progress: p } }));
      },
    });
    useApp.getState().finishOperation(op.id, 'done');
    useCase.setState({ verify: { running: false, progress: null, report, error: null } });
  } catch (err) {
    const e = toApiError(err);
    useApp.getState().finishOperation(op.id, e.code === 'CANCELLED' ? 'cancelled' : 'failed');
    useCase.setState({ verify: { running: false, progress: null, report: null, error: e.code === 'CANCELLED' ? 'Verification was cancelled.' : e.message } });
  }
}

export async function exportCase(dir: string, bookmarked: boolean): Promise<boolean> {
  const info = useCase.getState().info;
  if (!info || !dir.trim()) return false;
  const r = await runOperation(`Exporting ${info.name}`, 'case.export', { caseId: info.id, dir: dir.trim(), bookmarked });
  if (!r) return false;
  useApp.getState().pushToast({
    tone: r.verified?.ok === false ? 'error' : 'success',
    title: `Exported ${r.files} files`,
    message: `${r.dir} — manifest sha256 ${r.manifestSha256.slice(0, 16)}…${r.verified?.ok === false ? '; verification FAILED (see verify.json)' : ''}`,
  });
  await refresh();
  return true;
}
