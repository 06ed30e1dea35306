import { useEffect } from 'react';
import { AREAS } from '../areas/areas';
import { EXPLORER_SHORTCUTS } from '../explorer/shortcuts';
import { useApp } from '../state/store';

export interface ShortcutDoc {
  keys: string[];
  does: string;
}

/** What the help overlay lists; kept next to the handler so the two cannot drift. */
export const SHORTCUTS: ShortcutDoc[] = [
  ...AREAS.map((a, i) => ({ keys: ['Alt', String(i + 1)], does: `Go to ${a.label}` })),
  { keys: ['?'], does: 'Show or hide this help' },
  { keys: ['Esc'], does: 'Close a dialog or this help' },
];

export const SHORTCUT_GROUPS: { title: string; items: ShortcutDoc[] }[] = [
  { title: 'Everywhere', items: SHORTCUTS },
  { title: 'Capture explorer', items: EXPLORER_SHORTCUTS },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = useApp.getState();
      // e.code, not e.key: Alt+digit types other characters on some layouts (macOS: Alt+1 is ¡).
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (digit && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        const area = AREAS[Number(digit[1]) - 1];
        if (area) {
          e.preventDefault();
          s.setArea(area.id);
          s.setOpenDialog(null);
        }
        return;
      }
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        s.setHelpOpen(!s.helpOpen);
        return;
      }
      if (e.key === 'Escape') {
        if (s.helpOpen) s.setHelpOpen(false);
        else if (s.openDialog) s.setOpenDialog(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
