/**
 * What the explorer remembers in this browser profile (localStorage): recent captures, filter
 * history, saved filters, event-list columns, bookmarks and notes. Bookmarks and notes live here per
 * capture (by sha256); while the capture is evidence in the open case they are kept there too
 * (areas/case/sync.ts).
 * Every read tolerates missing or damaged data: a bad entry is dropped, never thrown.
 */

const PREFIX = 'tracehound.explorer.';

function read<T>(key: string, valid: (v: unknown) => v is T, fallback: T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const v: unknown = JSON.parse(raw);
    return valid(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage can be full or disabled; remembering is a convenience, never a requirement.
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

// ---- recent captures -------------------------------------------------------------------------

export interface RecentCapture {
  path: string;
  openedAt: number;
  events: number;
  size: number;
  sha256: string;
}

const isRecent = (v: unknown): v is RecentCapture => isObj(v) && typeof v.path === 'string' && typeof v.openedAt === 'number'
  && typeof v.events === 'number' && typeof v.size === 'number' && typeof v.sha256 === 'string';

export function recentCaptures(): RecentCapture[] {
  const all = read('recent', (v): v is unknown[] => Array.isArray(v), []);
  return all.filter(isRecent);
}

export function rememberCapture(r: RecentCapture): RecentCapture[] {
  const next = [r, ...recentCaptures().filter((x) => x.path !== r.path)].slice(0, 12);
  write('recent', next);
  return next;
}

export function forgetCapture(path: string): RecentCapture[] {
  const next = recentCaptures().filter((x) => x.path !== path);
  write('recent', next);
  return next;
}

// ---- filters ---------------------------------------------------------------------------------

export function filterHistory(): string[] {
  return read('filterHistory', isStrArray, []);
}

export function pushFilterHistory(f: string): string[] {
  const t = f.trim();
  if (!t) return filterHistory();
  const next = [t, ...filterHistory().filter((x) => x !== t)].slice(0, 40);
  write('filterHistory', next);
  return next;
}

export interface SavedFilter {
  name: string;
  filter: string;
}

const isSaved = (v: unknown): v is SavedFilter[] => Array.isArray(v)
  && v.every((x) => isObj(x) && typeof x.name === 'string' && typeof x.filter === 'string');

export function savedFilters(): SavedFilter[] {
  return read('savedFilters', isSaved, []);
}

export function saveFilter(s: SavedFilter): SavedFilter[] {
  const next = [...savedFilters().filter((x) => x.name !== s.name), s].sort((a, b) => a.name.localeCompare(b.name));
  write('savedFilters', next);
  return next;
}

export function deleteSavedFilter(name: string): SavedFilter[] {
  const next = savedFilters().filter((x) => x.name !== name);
  write('savedFilters', next);
  return next;
}

// ---- columns ---------------------------------------------------------------------------------

export function eventColumns(): string[] {
  return read('columns', isStrArray, []);
}

export function setEventColumns(cols: string[]): void {
  write('columns', cols);
}

// ---- bookmarks and notes -------------------------------------------------------------------

export interface Bookmark {
  num: number;
  ts: string;
  /** The event line, so the list reads without refetching. */
  line: string;
  note: string;
  createdAt: number;
}

const isBookmarks = (v: unknown): v is Bookmark[] => Array.isArray(v) && v.every((x) => isObj(x)
  && typeof x.num === 'number' && typeof x.ts === 'string' && typeof x.line === 'string' && typeof x.note === 'string'
  && typeof x.createdAt === 'number');

/** Keyed by the capture's sha256, so a renamed or moved copy of the same evidence keeps its marks. */
export function loadBookmarks(sha256: string): Bookmark[] {
  return read(`bookmarks.${sha256}`, isBookmarks, []);
}

export function storeBookmarks(sha256: string, list: Bookmark[]): void {
  write(`bookmarks.${sha256}`, [...list].sort((a, b) => a.num - b.num));
}
