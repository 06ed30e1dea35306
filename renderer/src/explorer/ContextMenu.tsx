import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { create } from 'zustand';

export interface MenuItem {
  label: string;
  hint?: string;
  testId?: string;
  disabled?: boolean;
  run(): void;
}

interface MenuState {
  menu: { x: number; y: number; title?: string; items: MenuItem[] } | null;
  open(x: number, y: number, items: MenuItem[], title?: string): void;
  close(): void;
}

export const useContextMenu = create<MenuState>()((set) => ({
  menu: null,
  open: (x, y, items, title) => set({ menu: title === undefined ? { x, y, items } : { x, y, items, title } }),
  close: () => set({ menu: null }),
}));

/** Opens the menu at the pointer of a contextmenu event. */
export function openContextMenu(e: { clientX: number; clientY: number; preventDefault(): void }, items: MenuItem[], title?: string): void {
  e.preventDefault();
  useContextMenu.getState().open(e.clientX, e.clientY, items, title);
}

/** One menu for the whole explorer, kept inside the window and closed by any outside click or Esc. */
export function ContextMenuHost() {
  const menu = useContextMenu((s) => s.menu);
  const close = useContextMenu((s) => s.close);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    if (!menu || !ref.current) { setPos(null); return; }
    const r = ref.current.getBoundingClientRect();
    setPos({
      left: Math.min(menu.x, window.innerWidth - r.width - 6),
      top: Math.min(menu.y, window.innerHeight - r.height - 6),
    });
    ref.current.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    const onDown = (e: MouseEvent) => { if (ref.current && !ref.current.contains(e.target as Node)) close(); };
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } };
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', close);
    };
  }, [menu, close]);

  if (!menu) return null;
  return (
    <div ref={ref} className="ctxmenu" role="menu" data-testid="context-menu"
      style={{ left: pos?.left ?? menu.x, top: pos?.top ?? menu.y, visibility: pos ? 'visible' : 'hidden' }}
      onKeyDown={(e) => {
        const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
        const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === 'ArrowDown') { e.preventDefault(); buttons[(i + 1) % buttons.length]?.focus(); }
        if (e.key === 'ArrowUp') { e.preventDefault(); buttons[(i - 1 + buttons.length) % buttons.length]?.focus(); }
      }}>
      {menu.title && <div className="ctxmenu__title">{menu.title}</div>}
      {menu.items.map((it) => (
        <button key={it.label} type="button" role="menuitem" className="ctxmenu__item" disabled={it.disabled}
          data-testid={it.testId} onClick={() => { close(); it.run(); }}>
          <span>{it.label}</span>
          {it.hint && <span className="ctxmenu__hint">{it.hint}</span>}
        </button>
      ))}
    </div>
  );
}
