import type { CaptureSummary } from '../../../../core/api/contract';
import { getApi, toApiError } from '../../api';
import { baseName } from '../../format';
import { TIMELINE_BUCKETS } from '../../explorer/open';
import { clearQueryCache, trackedCall } from '../../explorer/query';
import { DEFAULT_CRUMBS, useExplorer } from '../../explorer/store';
import { reportError, runOperation } from '../../state/operations';
import { useApp } from '../../state/store';
import { useCase } from './state';

/**
 * Opens an indexed artifact in the explorer from the case's stored index: the engine reads no
 * capture for it. The timeline comes from the index (capture.density) and the overview from the
 * views stored with the import, so the whole explorer opens without a pass over the evidence.
 */
export async function openFromCase(artifactId: number): Promise<boolean> {
  const info = useCase.getState().info;
  const artifact = info?.artifacts.find((a) => a.id === artifactId);
  if (!info || !artifact) return false;
  const ex = useExplorer.getState();
  if (ex.opening) useApp.getState().cancelOperation(ex.opening.opId);
  useApp.getState().setArea('captures');
  const summary = await runOperation(`Opening ${baseName(artifact.path)} from ${info.name}`, 'case.openCapture', { caseId: info.id, artifactId }, {
    onStart: (opId) => useExplorer.getState().setOpening({ path: artifact.path, opId }),
  });
  const now = useExplorer.getState();
  if (now.opening?.path === artifact.path) now.setOpening(null);
  if (!summary) return false;

  const previous = now.capture;
  clearQueryCache();
  now.setCapture(summary);
  now.setCrumbs(DEFAULT_CRUMBS);
  now.applyFilter('');
  now.setRange(null);
  now.setTab('overview');
  if (previous && previous.id !== summary.id) void getApi().call('capture.close', { id: previous.id }).catch(() => {});
  void loadCatalogs();
  void loadWhole(summary);
  return true;
}

async function loadCatalogs(): Promise<void> {
  const ex = useExplorer.getState();
  if (ex.views.length && ex.fields.length) return;
  try {
    const [views, fields] = await Promise.all([getApi().call('capture.views', {}), getApi().call('fields.list', {})]);
    useExplorer.getState().setCatalog(views, fields);
  } catch (err) {
    reportError('Could not load the view and field catalogs', err);
  }
}

async function loadWhole(cap: CaptureSummary): Promise<void> {
  try {
    const [series, analysis] = await Promise.all([
      getApi().call('capture.density', { id: cap.id, maxBuckets: TIMELINE_BUCKETS }),
      // From the stored views; a pass over the capture only if the import stored another bucket budget.
      trackedCall('Overview from the case', 'capture.analyze', { id: cap.id, overview: true, maxBuckets: TIMELINE_BUCKETS }),
    ]);
    const ex = useExplorer.getState();
    if (ex.capture?.id === cap.id) ex.setWhole({ series, overview: analysis.overview ?? null });
  } catch (err) {
    const ex = useExplorer.getState();
    if (ex.capture?.id !== cap.id) return;
    ex.setWhole(null, `The timeline could not be computed: ${toApiError(err).message}`);
  }
}
