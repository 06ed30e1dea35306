// Every view, the overview tiles, the process tree and the topology of a capture in ONE pass: what
// opening a capture in the explorer computes. Run as its own process so the bench can time it.
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { analyzeCapture, listViews } = await import(pathToFileURL(join(root, 'dist', 'core', 'analysis', 'analyze.js')).href);
const views = listViews().filter((v) => !v.id.includes(':')).map((v) => ({ id: v.id }));
const r = await analyzeCapture(process.argv[2], { views, overview: true, tree: true, topology: 'process' });
process.stdout.write(`${Object.keys(r.views).length} views, ${r.summary.events} events\n`);
