import { useEffect } from 'react';
import { useApp } from '../state/store';
import { focusFilterBar } from './FilterBar';
import { streamOf } from './EventDetail';
import { getApi } from '../api';
import { useExplorer, type Tab } from './store';

export interface ExplorerShortcut {
  keys: string[];
  does: string;
}

const TAB_KEYS: Record<string, Tab> = {
  o: 'overview', v: 'views', e: 'events', t: 'topology', p: 'tree', a: 'alerts', m: 'bookmarks', s: 'stream',
};

/** What the help overlay lists for the capture explorer; the handler below reads the same tables. */
export const EXPLORER_SHORTCUTS: ExplorerShortcut[] = [
  { keys: ['/'], does: 'Focus the filter bar' },
  { keys: ['Enter'], does: 'Apply the filter (in the filter bar); drill down (in a view)' },
  { keys: ['Tab'], does: 'Insert the highlighted completion (filter bar)' },
  { keys: ['Ctrl', 'Space'], does: 'Show completions (filter bar)' },
  { keys: ['Backspace'], does: 'Go up one drill-down level' },
  { keys: ['↑', '↓'], does: 'Move the selection (event list, views); also j / k' },
  { keys: ['o'], does: 'Overview tiles' },
  { keys: ['v'], does: 'Views' },
  { keys: ['e'], does: 'Event list' },
  { keys: ['t'], does: 'Topology map' },
  { keys: ['p'], does: 'Process tree' },
  { keys: ['a'], does: 'Alerts (Falco rules)' },
  { keys: ['m'], does: 'Bookmarks and notes' },
  { keys: ['s'], does: 'Follow stream' },
  { keys: ['b'], does: 'Bookmark the selected event' },
  { keys: ['f'], does: 'Follow the stream of the selected event' },
  { keys: ['x'], does: 'Clear the time selection' },
  { keys: ['Shift', 'O'], does: 'Open another capture' },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

export function useExplorerShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const app = useApp.getState();
      if (app.area !== 'captures' || app.helpOpen || app.openDialog) return;
      const ex = useExplorer.getState();
      if (!ex.capture) return;
      if (e.key === '/') { e.preventDefault(); focusFilterBar(); return; }
      if (e.key === 'O' && e.shiftKey) { e.preventDefault(); app.setOpenDialog('capture'); return; }
      if (e.shiftKey) return;
      const tab = TAB_KEYS[e.key];
      if (tab) { e.preventDefault(); ex.setTab(tab); return; }
      if (e.key === 'x') { ex.setRange(null); return; }
      if ((e.key === 'b' || e.key === 'f') && ex.selected !== null) {
        e.preventDefault();
        const num = ex.selected;
        void getApi().call('capture.event', { id: ex.capture.id, num }).then((d) => {
          const s = useExplorer.getState();
          if (e.key === 'b') s.toggleBookmark({ num: d.num, ts: d.ts, line: d.line });
          else {
            const st = streamOf(d);
            if (st) s.followStream(st);
            else useApp.getState().pushToast({ tone: 'info', title: 'Nothing to follow', message: `Event ${num} has no file descriptor.` });
          }
        }, () => {});
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
