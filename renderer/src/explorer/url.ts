/**
 * Web mode keeps the explorer's state in the URL's hash, so a link reopens the same capture, pane,
 * drill-down, filter, time range and selected event. The query string is left alone: it carries the
 * server's ?token=, which the WebSocket client reads.
 */
import { useApp } from '../state/store';
import { closeCapture, openCapture } from './open';
import { DEFAULT_CRUMBS, TABS, useExplorer, type Crumb, type Tab } from './store';

/** The captures start page: a URL naming it opens nothing at start (no demo). */
export const START_PAGE = '#/captures';

export interface UrlState {
  cap: string;
  tab?: Tab;
  filter?: string;
  from?: string;
  to?: string;
  evt?: number;
  crumbs?: Crumb[];
}

export function encodeState(s: UrlState): string {
  const p = new URLSearchParams();
  p.set('cap', s.cap);
  if (s.tab && s.tab !== 'overview') p.set('tab', s.tab);
  if (s.filter) p.set('filter', s.filter);
  if (s.from && s.to) { p.set('from', s.from); p.set('to', s.to); }
  if (s.evt !== undefined) p.set('evt', String(s.evt));
  if (s.crumbs && JSON.stringify(s.crumbs) !== JSON.stringify(DEFAULT_CRUMBS)) {
    p.set('view', JSON.stringify(s.crumbs.map((c) => [c.view, c.title, c.label, c.clause])));
  }
  return `#/captures?${p.toString()}`;
}

export function decodeState(hash: string): UrlState | null {
  const m = /^#\/captures\?(.*)$/.exec(hash);
  if (!m) return null;
  const p = new URLSearchParams(m[1]);
  const cap = p.get('cap');
  if (!cap) return null;
  const s: UrlState = { cap };
  const tab = p.get('tab');
  if (tab && (TABS as readonly string[]).includes(tab)) s.tab = tab as Tab;
  const filter = p.get('filter');
  if (filter) s.filter = filter;
  const from = p.get('from');
  const to = p.get('to');
  if (from && to && /^\d+$/.test(from) && /^\d+$/.test(to)) { s.from = from; s.to = to; }
  const evt = p.get('evt');
  if (evt && /^\d+$/.test(evt)) s.evt = Number(evt);
  const view = p.get('view');
  if (view) {
    try {
      const raw: unknown = JSON.parse(view);
      if (Array.isArray(raw)) {
        const crumbs = raw.filter((c): c is [string, string, string | null, string | null] => Array.isArray(c) && typeof c[0] === 'string' && typeof c[1] === 'string')
          .map(([v, title, label, clause]) => ({ view: v, title, label: typeof label === 'string' ? label : null, clause: typeof clause === 'string' ? clause : null }));
        if (crumbs.length) s.crumbs = crumbs;
      }
    } catch {
      // A damaged view path falls back to the default view.
    }
  }
  return s;
}

function currentState(): UrlState | null {
  const ex = useExplorer.getState();
  if (!ex.capture) return null;
  const s: UrlState = { cap: ex.capture.path, tab: ex.tab, crumbs: ex.crumbs };
  if (ex.filter) s.filter = ex.filter;
  if (ex.range) { s.from = ex.range.from; s.to = ex.range.to; }
  if (ex.selected !== null) s.evt = ex.selected;
  return s;
}

let lastWritten = '';

function write(): void {
  // While a capture opens, the URL keeps naming it: a reload then reopens the same thing.
  if (useExplorer.getState().opening) return;
  const s = currentState();
  // With nothing open the URL still names the start page, so a reload does not reopen the demo.
  const hash = s ? encodeState(s) : START_PAGE;
  if (hash === lastWritten) return;
  lastWritten = hash;
  const url = `${location.pathname}${location.search}${hash}`;
  history.replaceState(history.state, '', url);
}

async function restore(s: UrlState): Promise<void> {
  await openCapture(s.cap, () => {
    const ex = useExplorer.getState();
    ex.applyFilter(s.filter ?? '');
    ex.setRange(s.from && s.to ? { from: s.from, to: s.to } : null);
    ex.setCrumbs(s.crumbs ?? DEFAULT_CRUMBS);
    ex.setTab(s.tab ?? 'overview');
    if (s.evt !== undefined) ex.jumpTo(s.evt);
  });
}

/**
 * Starts the two-way link. Returns true when the URL named a capture (and it is being opened),
 * so the caller does not also open the command line's.
 */
export function startUrlSync(): boolean {
  const initial = decodeState(location.hash);
  if (initial) {
    lastWritten = location.hash;
    void restore(initial);
  }
  useExplorer.subscribe(() => write());
  window.addEventListener('hashchange', () => {
    if (location.hash === lastWritten) return;
    if (location.hash === START_PAGE) {
      lastWritten = START_PAGE;
      useApp.getState().setArea('captures');
      if (useExplorer.getState().capture) void closeCapture();
      return;
    }
    const s = decodeState(location.hash);
    if (!s) return;
    lastWritten = location.hash;
    useApp.getState().setArea('captures');
    const ex = useExplorer.getState();
    if (ex.capture?.path === s.cap) {
      ex.applyFilter(s.filter ?? '');
      ex.setRange(s.from && s.to ? { from: s.from, to: s.to } : null);
      ex.setCrumbs(s.crumbs ?? DEFAULT_CRUMBS);
      ex.setTab(s.tab ?? 'overview');
      if (s.evt !== undefined) ex.jumpTo(s.evt);
    } else {
      void restore(s);
    }
  });
  return initial !== null;
}
