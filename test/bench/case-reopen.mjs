// Case timings through the engine's own API, each step its own process so the bench can time it:
//   import CASE CAPTURE  first pass, every view, and the index stored in a new case
//   reopen CASE          a fresh engine opens the case and shows the list and the views from it
//   open CAPTURE         the explorer opens the capture: hash, first-pass index, the last page
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { EngineService } = await import(pathToFileURL(join(root, 'dist', 'core', 'api', 'service.js')).href);
const service = new EngineService({ mode: 'cli', version: 'bench' });
const [mode, casePath, capture] = process.argv.slice(2);

if (mode === 'import') {
  const c = await service.call('case.create', { path: casePath, name: 'bench' });
  const cap = await service.call('capture.open', { path: capture });
  await service.call('case.addCapture', { caseId: c.id, captureId: cap.id });
  process.stdout.write(`imported ${cap.events} rows\n`);
} else if (mode === 'reopen') {
  const c = await service.call('case.open', { path: casePath });
  const art = c.artifacts[0];
  const cap = await service.call('case.openCapture', { caseId: c.id, artifactId: art.id });
  const page = await service.call('capture.events', { id: cap.id, offset: Math.max(0, cap.events - 200), limit: 200 });
  const views = await service.call('capture.analyze', { id: cap.id, overview: true, views: [{ id: 'procs' }, { id: 'connections' }, { id: 'files' }] });
  process.stdout.write(`reopened: ${page.total} rows, ${Object.keys(views.views).length} views, ${views.overview.tiles.length} tiles\n`);
} else if (mode === 'open') {
  const cap = await service.call('capture.open', { path: casePath });
  const page = await service.call('capture.events', { id: cap.id, offset: Math.max(0, cap.events - 200), limit: 200 });
  process.stdout.write(`opened: ${page.total} rows\n`);
} else {
  process.stderr.write('usage: case-reopen.mjs import CASE CAPTURE | reopen CASE | open CAPTURE\n');
  process.exitCode = 2;
}
