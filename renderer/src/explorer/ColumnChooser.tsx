import { useEffect, useMemo, useRef, useState } from 'react';
import { CloseIcon } from '../shell/icons';
import { useExplorer } from './store';

/** Adds event-list columns from the field registry (fields.list) and removes them. */
export function ColumnChooser({ onClose }: { onClose(): void }) {
  const fields = useExplorer((s) => s.fields);
  const columns = useExplorer((s) => s.columns);
  const setColumns = useExplorer((s) => s.setColumns);
  const [q, setQ] = useState('');
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onDown = (e: MouseEvent) => { if (ref.current && !ref.current.contains(e.target as Node)) onClose(); };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [onClose]);

  const matches = useMemo(() => {
    const t = q.trim().toLowerCase();
    return fields
      .filter((f) => !columns.includes(f.name))
      .filter((f) => !t || f.name.toLowerCase().includes(t) || f.desc.toLowerCase().includes(t))
      .slice(0, 60);
  }, [fields, columns, q]);

  const add = (name: string) => setColumns([...columns, name]);

  return (
    <div className="popover chooser" ref={ref} data-testid="column-chooser"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <div className="popover__title">Columns shown</div>
      {columns.length === 0 && <div className="popover__empty">Only the standard columns.</div>}
      {columns.map((c) => (
        <div key={c} className="chooser__current">
          <code>{c}</code>
          <button type="button" className="btn btn--icon btn--ghost" aria-label={`Remove ${c}`} onClick={() => setColumns(columns.filter((x) => x !== c))}>
            <CloseIcon width={12} height={12} />
          </button>
        </div>
      ))}
      <div className="popover__title">Add a field</div>
      <input className="input input--small input--mono" autoFocus placeholder="Search fields (fd.name, proc.cmdline…)"
        data-testid="column-search" value={q} onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && matches[0]) { e.preventDefault(); add(matches[0].name); setQ(''); } }} />
      <div className="chooser__list">
        {fields.length === 0 && <div className="popover__empty">Loading the field list…</div>}
        {matches.map((f) => (
          <button key={f.name} type="button" className="chooser__item" data-testid="column-option" onClick={() => add(f.name)} title={f.desc}>
            <code className="chooser__name">{f.name}</code>
            <span className="chooser__type">{f.type}</span>
            <span className="chooser__desc">{f.desc}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
