import { create } from 'zustand';
import type {
  CaptureSummary, FieldInfo, OverviewResult, RulesRun, Series, ViewInfo,
} from '../../../core/api/contract';
import { andFilters } from './model';
import { loadBookmarks, storeBookmarks, eventColumns, setEventColumns, pushFilterHistory, type Bookmark } from './storage';

export const TABS = ['overview', 'views', 'events', 'topology', 'tree', 'alerts', 'bookmarks', 'stream'] as const;
export type Tab = (typeof TABS)[number];

export const TAB_TITLES: Record<Tab, string> = {
  overview: 'Overview',
  views: 'Views',
  events: 'Events',
  topology: 'Topology',
  tree: 'Process tree',
  alerts: 'Alerts',
  bookmarks: 'Bookmarks',
  stream: 'Follow stream',
};

/** The pseudo view at the end of a drill-down: the events behind the rows above it. */
export const EVENTS_VIEW = '__events';

/** One step of a drill-down: a view, with the clause the row it came from adds to the scope. */
export interface Crumb {
  view: string;
  /** What the breadcrumb reads: the view title, and what was drilled into to get here. */
  title: string;
  label: string | null;
  clause: string | null;
}

export interface TimeRange {
  from: string;
  to: string;
}

export interface StreamSpec {
  filter: string;
  label: string;
}

/** The whole capture as the timeline draws it, computed once per open capture. */
export interface WholeCapture {
  series: Series;
  overview: OverviewResult | null;
}

export interface ExplorerState {
  capture: CaptureSummary | null;
  /** A capture.open in flight: its path and the status-bar operation that tracks it. */
  opening: { path: string; opId: number } | null;
  views: ViewInfo[];
  fields: FieldInfo[];
  whole: WholeCapture | null;
  wholeError: string | null;

  /** The applied global filter ('' for none) and the text being edited in the filter bar. */
  filter: string;
  draft: string;
  range: TimeRange | null;
  tab: Tab;
  crumbs: Crumb[];
  selected: number | null;
  /** A request for the event list to bring an event into view; seq makes repeats distinct. */
  jump: { num: number; seq: number } | null;
  columns: string[];
  stream: StreamSpec | null;
  rules: RulesRun | null;
  /** What the last rules run used (default ruleset, files, time selection), as the Alerts pane says it. */
  rulesRanWith: string;
  /** A rules run in flight for this capture. */
  rulesRunning: boolean;
  pinned: string[];
  bookmarks: Bookmark[];
  showBookmarks: boolean;
  showAlerts: boolean;

  setOpening(o: { path: string; opId: number } | null): void;
  setCapture(c: CaptureSummary | null): void;
  setCatalog(views: ViewInfo[], fields: FieldInfo[]): void;
  setWhole(w: WholeCapture | null, error?: string | null): void;
  setDraft(d: string): void;
  applyFilter(f: string): void;
  addToFilter(clause: string): void;
  setRange(r: TimeRange | null): void;
  setTab(t: Tab): void;
  setCrumbs(c: Crumb[]): void;
  pushCrumb(c: Crumb): void;
  popCrumb(): void;
  select(num: number | null): void;
  jumpTo(num: number): void;
  setColumns(cols: string[]): void;
  followStream(s: StreamSpec | null): void;
  setRules(r: RulesRun | null, ranWith?: string): void;
  setRulesRunning(running: boolean): void;
  togglePin(tileId: string): void;
  toggleBookmark(b: Omit<Bookmark, 'note' | 'createdAt'>): void;
  setNote(num: number, note: string): void;
  setMarkers(m: { bookmarks?: boolean; alerts?: boolean }): void;
}

let jumpSeq = 0;

export const DEFAULT_CRUMBS: Crumb[] = [{ view: 'procs', title: 'Processes', label: null, clause: null }];

export const useExplorer = create<ExplorerState>()((set, get) => ({
  capture: null,
  opening: null,
  views: [],
  fields: [],
  whole: null,
  wholeError: null,
  filter: '',
  draft: '',
  range: null,
  tab: 'overview',
  crumbs: DEFAULT_CRUMBS,
  selected: null,
  jump: null,
  columns: eventColumns(),
  stream: null,
  rules: null,
  rulesRanWith: '',
  rulesRunning: false,
  pinned: [],
  bookmarks: [],
  showBookmarks: true,
  showAlerts: true,

  setOpening: (opening) => set({ opening }),
  setCapture: (capture) => set({
    capture,
    whole: null,
    wholeError: null,
    selected: null,
    jump: null,
    stream: null,
    rules: null,
    rulesRanWith: '',
    rulesRunning: false,
    pinned: [],
    bookmarks: capture ? loadBookmarks(capture.sha256) : [],
  }),
  setCatalog: (views, fields) => set({ views, fields }),
  setWhole: (whole, error = null) => set({ whole, wholeError: error }),
  setDraft: (draft) => set({ draft }),
  applyFilter: (f) => {
    const t = f.trim();
    if (t) pushFilterHistory(t);
    set({ filter: t, draft: t });
  },
  addToFilter: (clause) => {
    get().applyFilter(andFilters(get().filter, clause) ?? '');
  },
  setRange: (range) => set({ range }),
  setTab: (tab) => set({ tab }),
  setCrumbs: (crumbs) => set({ crumbs: crumbs.length ? crumbs : DEFAULT_CRUMBS }),
  pushCrumb: (c) => set((s) => ({ crumbs: [...s.crumbs, c] })),
  popCrumb: () => set((s) => ({ crumbs: s.crumbs.length > 1 ? s.crumbs.slice(0, -1) : s.crumbs })),
  select: (selected) => set({ selected }),
  jumpTo: (num) => set({ selected: num, jump: { num, seq: ++jumpSeq } }),
  setColumns: (columns) => {
    setEventColumns(columns);
    set({ columns });
  },
  followStream: (stream) => set(stream ? { stream, tab: 'stream' } : { stream }),
  setRules: (rules, ranWith = '') => set({ rules, rulesRanWith: ranWith }),
  setRulesRunning: (rulesRunning) => set({ rulesRunning }),
  togglePin: (id) => set((s) => ({ pinned: s.pinned.includes(id) ? s.pinned.filter((x) => x !== id) : [...s.pinned, id] })),
  toggleBookmark: (b) => {
    const cap = get().capture;
    if (!cap) return;
    const cur = get().bookmarks;
    const next = cur.some((x) => x.num === b.num)
      ? cur.filter((x) => x.num !== b.num)
      : [...cur, { ...b, note: '', createdAt: Date.now() }].sort((x, y) => x.num - y.num);
    storeBookmarks(cap.sha256, next);
    set({ bookmarks: next });
  },
  setNote: (num, note) => {
    const cap = get().capture;
    if (!cap) return;
    const next = get().bookmarks.map((x) => (x.num === num ? { ...x, note } : x));
    storeBookmarks(cap.sha256, next);
    set({ bookmarks: next });
  },
  setMarkers: (m) => set((s) => ({
    showBookmarks: m.bookmarks ?? s.showBookmarks,
    showAlerts: m.alerts ?? s.showAlerts,
  })),
}));

/** The global scope (filter and time range) as capture query parameters. */
export function scopeParams(filter: string | null, range: TimeRange | null): { filter?: string; from?: string; to?: string } {
  const p: { filter?: string; from?: string; to?: string } = {};
  if (filter) p.filter = filter;
  if (range) { p.from = range.from; p.to = range.to; }
  return p;
}

/** The filter of a drill-down position: the global filter and every crumb's clause up to `depth`. */
export function crumbFilter(global: string, crumbs: Crumb[], depth = crumbs.length): string | null {
  return andFilters(global, ...crumbs.slice(0, depth).map((c) => c.clause));
}
