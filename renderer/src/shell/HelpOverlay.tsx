import { useEffect, useRef } from 'react';
import { useApp } from '../state/store';
import { CloseIcon } from './icons';
import { SHORTCUT_GROUPS } from './shortcuts';

export function HelpOverlay() {
  const open = useApp((s) => s.helpOpen);
  const setOpen = useApp((s) => s.setHelpOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (open) closeRef.current?.focus(); }, [open]);
  if (!open) return null;
  return (
    <div className="modal-backdrop modal-backdrop--top" onMouseDown={(e) => { if (e.target === e.currentTarget) setOpen(false); }}>
      <div className="modal modal--help" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay">
        <header className="modal__header">
          <h2 id="help-title" className="modal__title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="btn btn--icon btn--ghost" aria-label="Close"
            onClick={() => setOpen(false)}>
            <CloseIcon />
          </button>
        </header>
        <div className="shortcuts__groups">
          {SHORTCUT_GROUPS.map((g) => (
            <table key={g.title} className="shortcuts">
              <caption className="shortcuts__group">{g.title}</caption>
              <tbody>
                {g.items.map((s) => (
                  <tr key={s.does}>
                    <td className="shortcuts__keys">
                      {s.keys.map((k, i) => <span key={k}>{i > 0 && <span className="shortcuts__plus">+</span>}<kbd>{k}</kbd></span>)}
                    </td>
                    <td>{s.does}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      </div>
    </div>
  );
}
