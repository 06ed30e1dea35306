import type { CaseBookmark, CaseNote, EventRow } from '../../../../core/api/contract';
import { getApi } from '../../api';
import { clockTime } from '../../explorer/model';
import { storeBookmarks, type Bookmark } from '../../explorer/storage';
import { useExplorer, type ExplorerState } from '../../explorer/store';
import { reportError } from '../../state/operations';
import { useApp } from '../../state/store';
import { refresh, useCase } from './state';

/**
 * Keeps the explorer's marks in the case while its capture is evidence there: a bookmark added
 * or removed in the explorer is added to or removed from the case, a bookmark's note is appended
 * to the case's notes once typing pauses (notes are append-only, so not on every keystroke), and
 * the findings of a rules run are added (the engine skips ones already kept). When the link is
 * made, the case's bookmarks and notes come into the explorer, and marks made before join them.
 */

/** Pause in typing after which a bookmark's note is saved. */
const NOTE_DELAY_MS = 1200;

let installed = false;
/** Set while the explorer's bookmarks are replaced from the case, so the change is not echoed back. */
let applying = false;
/** The newest note text the case holds per event of the linked artifact. */
const savedNotes = new Map<number, string>();
const noteTimers = new Map<number, ReturnType<typeof setTimeout>>();

/** The event line the explorer's bookmark list shows, rebuilt from the case's index row. */
function lineOf(e: EventRow): string {
  return `${e.num} ${clockTime(e.ts)} ${e.cpu} ${e.proc} (${e.tid}) ${e.dir} ${e.type} ${e.info}`;
}

function latestNotes(notes: CaseNote[]): Map<number, string> {
  const m = new Map<number, string>();
  for (const n of notes) if (n.evtNum !== null) m.set(n.evtNum, n.text);
  return m;
}

function toBookmark(b: CaseBookmark, note: string | undefined, createdAt: number): Bookmark {
  return {
    num: b.evtNum,
    ts: b.event?.ts ?? '0',
    line: b.label ?? (b.event ? lineOf(b.event) : `event ${b.evtNum}`),
    note: note ?? '',
    createdAt,
  };
}

function clearTimers(): void {
  for (const t of noteTimers.values()) clearTimeout(t);
  noteTimers.clear();
}

/** Links the explorer's capture to the artifact of the open case that is the same file, if any. */
async function relink(): Promise<void> {
  clearTimers();
  savedNotes.clear();
  const cap = useExplorer.getState().capture;
  const info = useCase.getState().info;
  const artifact = cap && info ? info.artifacts.find((a) => a.sha256 === cap.sha256 && a.path === cap.path) : undefined;
  if (!cap || !info || !artifact) {
    if (useCase.getState().link) useCase.setState({ link: null });
    return;
  }
  const link = { captureId: cap.id, artifactId: artifact.id };
  const cur = useCase.getState().link;
  if (cur?.captureId === link.captureId && cur.artifactId === link.artifactId) return;
  useCase.setState({ link });
  const caseId = info.id;
  const api = getApi();
  try {
    const [bookmarks, notes] = await Promise.all([
      api.call('case.bookmarks.list', { caseId, artifactId: artifact.id }),
      api.call('case.notes.list', { caseId, artifactId: artifact.id }),
    ]);
    if (!stillLinked(link)) return;
    for (const [num, text] of latestNotes(notes)) savedNotes.set(num, text);
    // Marks made in the explorer before the link (kept in this profile) join the case.
    const inCase = new Set(bookmarks.map((b) => b.evtNum));
    const local = useExplorer.getState().bookmarks;
    for (const b of local) {
      if (!inCase.has(b.num)) await api.call('case.bookmarks.add', { caseId, artifactId: artifact.id, evtNum: b.num, label: b.line });
      if (b.note.trim() && b.note.trim() !== savedNotes.get(b.num)) await saveNote(caseId, artifact.id, b.num, b.note.trim());
    }
    const merged = local.length ? await api.call('case.bookmarks.list', { caseId, artifactId: artifact.id }) : bookmarks;
    if (!stillLinked(link)) return;
    const now = Date.now();
    const next = merged.map((b) => toBookmark(b, savedNotes.get(b.evtNum), now));
    applying = true;
    try {
      storeBookmarks(cap.sha256, next);
      useExplorer.setState({ bookmarks: next });
    } finally {
      applying = false;
    }
    const rules = useExplorer.getState().rules;
    if (rules) await keepFindings(rules.findings);
    void refresh();
  } catch (err) {
    reportError('Could not bring the case’s marks into the explorer', err);
  }
}

function stillLinked(link: { captureId: string; artifactId: number }): boolean {
  const cur = useCase.getState().link;
  return cur?.captureId === link.captureId && cur.artifactId === link.artifactId;
}

async function saveNote(caseId: string, artifactId: number, evtNum: number, text: string): Promise<void> {
  await getApi().call('case.notes.add', { caseId, artifactId, evtNum, text });
  savedNotes.set(evtNum, text);
}

async function keepFindings(findings: NonNullable<ExplorerState['rules']>['findings']): Promise<void> {
  const info = useCase.getState().info;
  const link = useCase.getState().link;
  if (!info || !link || findings.length === 0) return;
  const r = await getApi().call('case.findings.add', { caseId: info.id, artifactId: link.artifactId, findings });
  if (r.added.length) {
    useApp.getState().pushToast({
      tone: 'info',
      title: `${r.added.length.toLocaleString('en-US')} findings kept in ${info.name}`,
      message: r.skipped ? `${r.skipped.toLocaleString('en-US')} were already in the case.` : 'Each one is in the audit log.',
    });
  }
}

/** Writes what changed between two bookmark lists of the linked capture to the case. */
async function onBookmarks(prev: Bookmark[], next: Bookmark[]): Promise<void> {
  const info = useCase.getState().info;
  const link = useCase.getState().link;
  if (!info || !link) return;
  const api = getApi();
  const before = new Map(prev.map((b) => [b.num, b]));
  const after = new Map(next.map((b) => [b.num, b]));
  let changed = false;
  for (const b of next) {
    if (!before.has(b.num)) {
      await api.call('case.bookmarks.add', { caseId: info.id, artifactId: link.artifactId, evtNum: b.num, label: b.line });
      changed = true;
    } else if (before.get(b.num)!.note !== b.note) {
      scheduleNote(info.id, link, b.num);
    }
  }
  for (const b of prev) {
    if (!after.has(b.num)) {
      await api.call('case.bookmarks.remove', { caseId: info.id, artifactId: link.artifactId, evtNum: b.num });
      changed = true;
    }
  }
  if (changed) void refresh();
}

function scheduleNote(caseId: string, link: { captureId: string; artifactId: number }, num: number): void {
  clearTimeout(noteTimers.get(num));
  noteTimers.set(num, setTimeout(() => {
    noteTimers.delete(num);
    if (!stillLinked(link)) return;
    const text = useExplorer.getState().bookmarks.find((b) => b.num === num)?.note.trim() ?? '';
    if (!text || text === savedNotes.get(num)) return;
    saveNote(caseId, link.artifactId, num, text).then(() => refresh(), (err: unknown) => reportError('Could not keep the note in the case', err));
  }, NOTE_DELAY_MS));
}

/** Starts following the explorer and the case (once; the Case area's module calls it). */
export function installCaseSync(): void {
  if (installed) return;
  installed = true;
  useExplorer.subscribe((s, prev) => {
    if (s.capture?.id !== prev.capture?.id) {
      void relink();
      return;
    }
    if (!useCase.getState().link || applying) return;
    if (s.bookmarks !== prev.bookmarks) {
      onBookmarks(prev.bookmarks, s.bookmarks).catch((err: unknown) => reportError('Could not keep the bookmark in the case', err));
    }
    if (s.rules && s.rules !== prev.rules) {
      keepFindings(s.rules.findings).then(() => refresh(), (err: unknown) => reportError('Could not keep the findings in the case', err));
    }
  });
  useCase.subscribe((s, prev) => {
    // A new case, or the same one with a new artifact (the open capture was just added).
    if (s.info?.id !== prev.info?.id || s.info?.artifacts.length !== prev.info?.artifacts.length) void relink();
  });
}
