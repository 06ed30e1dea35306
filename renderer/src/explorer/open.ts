import { getApi, toApiError } from '../api';
import { baseName } from '../format';
import { reportError, runOperation } from '../state/operations';
import { useApp } from '../state/store';
import { clearQueryCache, trackedCall } from './query';
import { runRules } from './rules';
import { rememberCapture } from './storage';
import { DEFAULT_CRUMBS, useExplorer } from './store';

/** Bucket budget of the timeline: about one bar per 3 px of a wide window. */
export const TIMELINE_BUCKETS = 360;

/**
 * Opens a capture: the engine's first pass (indexing, with progress and cancel), then the
 * catalogs (views, fields) and the whole-capture timeline. The previous capture is closed on the
 * engine once the new one is open, so a failed open leaves the user where they were.
 */
export async function openCapture(path: string, restore?: (id: string) => void): Promise<boolean> {
  const ex = useExplorer.getState();
  if (ex.opening) useApp.getState().cancelOperation(ex.opening.opId);
  useApp.getState().setArea('captures');
  const summary = await runOperation(`Opening ${baseName(path)}`, 'capture.open', { path }, {
    onStart: (opId) => useExplorer.getState().setOpening({ path, opId }),
  });
  const now = useExplorer.getState();
  if (now.opening?.path === path) now.setOpening(null);
  if (!summary) return false;

  const previous = now.capture;
  // The built-in demo is there to show an incident: it opens on its alerts, from the default rules.
  const demo = summary.path === useApp.getState().appInfo?.demoCapture;
  clearQueryCache();
  now.setCapture(summary);
  now.setCrumbs(DEFAULT_CRUMBS);
  if (restore) restore(summary.id);
  else {
    now.applyFilter('');
    now.setRange(null);
    now.setTab(demo ? 'alerts' : 'overview');
  }
  // The Case area lists the evidence fingerprinted this session until cases are saved.
  useApp.getState().addHashed({ path: summary.path, size: summary.size, sha256: summary.sha256 });
  rememberCapture({ path: summary.path, openedAt: Date.now(), events: summary.events, size: summary.size, sha256: summary.sha256 });
  if (previous && previous.id !== summary.id) void getApi().call('capture.close', { id: previous.id }).catch(() => {});

  void loadCatalogs();
  void loadWhole(summary.id);
  if (demo) void runRules(true, []);
  return true;
}

export async function closeCapture(): Promise<void> {
  const cap = useExplorer.getState().capture;
  useExplorer.getState().setCapture(null);
  clearQueryCache();
  if (cap) await getApi().call('capture.close', { id: cap.id }).catch(() => {});
}

/**
 * The engine holds an open capture's index in memory until it is closed, so a page going away
 * closes its capture. A page kept in the back/forward cache may come back, so it keeps it.
 */
export function closeCaptureOnUnload(): void {
  window.addEventListener('pagehide', (e) => {
    if (e.persisted) return;
    const cap = useExplorer.getState().capture;
    if (cap) void getApi().call('capture.close', { id: cap.id }).catch(() => {});
  });
}

async function loadCatalogs(): Promise<void> {
  const ex = useExplorer.getState();
  if (ex.views.length && ex.fields.length) return;
  try {
    const [views, fields] = await Promise.all([
      getApi().call('capture.views', {}),
      getApi().call('fields.list', {}),
    ]);
    useExplorer.getState().setCatalog(views, fields);
  } catch (err) {
    reportError('Could not load the view and field catalogs', err);
  }
}

/**
 * The whole capture for the timeline: its density histogram, counted by the engine from the event
 * list's own rows (capture.density: the events `sysdig -r` prints, internal ones hidden, with no
 * re-read of the file), and the overview tiles with their series (one pass).
 */
async function loadWhole(id: string): Promise<void> {
  let series;
  let analysis;
  try {
    [series, analysis] = await Promise.all([
      getApi().call('capture.density', { id, maxBuckets: TIMELINE_BUCKETS }),
      trackedCall('Building the timeline', 'capture.analyze', { id, overview: true, maxBuckets: TIMELINE_BUCKETS }),
    ]);
  } catch (err) {
    const e = toApiError(err);
    const ex = useExplorer.getState();
    if (e.code === 'CANCELLED' || ex.capture?.id !== id) return;
    ex.setWhole(null, `The timeline could not be computed: ${e.message}`);
    return;
  }
  const ex = useExplorer.getState();
  if (ex.capture?.id !== id) return;
  ex.setWhole({ series, overview: analysis.overview ?? null });
}
