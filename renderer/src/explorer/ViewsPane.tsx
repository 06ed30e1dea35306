import { useEffect, useMemo, useRef, useState } from 'react';
import type { ViewResult, ViewRow } from '../../../core/api/contract';
import { openContextMenu, type MenuItem } from './ContextMenu';
import { EventList } from './EventList';
import { EventSplit } from './EventDetail';
import { compareCells, formatCell, formatCount, rowClause } from './model';
import { useEngineQuery } from './query';
import { crumbFilter, EVENTS_VIEW, scopeParams, useExplorer, type Crumb } from './store';

function rowLabel(res: ViewResult, row: ViewRow): string {
  const keyCols = res.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.key);
  const nameIdx = res.columns.findIndex((c) => !c.key && (c.id === 'name' || c.id === 'proc' || c.id === 'command'));
  const keys = keyCols.map(({ i }) => formatCell(row.cells[i] ?? null, res.columns[i]!.unit)).filter(Boolean).join(' ');
  const name = nameIdx >= 0 ? String(row.cells[nameIdx] ?? '') : '';
  const text = name && keys && name !== keys ? `${name} (${keys})` : keys || name || row.key.join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function Breadcrumbs() {
  const crumbs = useExplorer((s) => s.crumbs);
  const setCrumbs = useExplorer((s) => s.setCrumbs);
  return (
    <nav className="crumbs" data-testid="breadcrumbs" aria-label="Drill-down path" data-depth={crumbs.length}>
      {crumbs.map((c, i) => {
        const last = i === crumbs.length - 1;
        return (
          <span key={`${i}-${c.view}`} className="crumbs__item">
            {i > 0 && <span className="crumbs__sep">›</span>}
            {c.label && <span className="crumbs__label" title={c.clause ?? ''}>{c.label}</span>}
            {c.label && <span className="crumbs__sep crumbs__sep--in">›</span>}
            <button type="button" className={`crumbs__btn${last ? ' is-current' : ''}`} data-testid="crumb" data-view={c.view}
              aria-current={last ? 'location' : undefined} disabled={last}
              onClick={() => setCrumbs(crumbs.slice(0, i + 1))}>
              {c.title}
            </button>
          </span>
        );
      })}
      {crumbs.length > 1 && <span className="crumbs__hint"><kbd>Backspace</kbd> up</span>}
    </nav>
  );
}

export function ViewsPane() {
  const views = useExplorer((s) => s.views);
  const crumbs = useExplorer((s) => s.crumbs);
  const setCrumbs = useExplorer((s) => s.setCrumbs);
  const popCrumb = useExplorer((s) => s.popCrumb);
  const filter = useExplorer((s) => s.filter);
  const range = useExplorer((s) => s.range);
  const current = crumbs[crumbs.length - 1]!;
  const scoped = crumbFilter(filter, crumbs);

  // Backspace goes up a level anywhere in the pane, except while typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Backspace' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || t instanceof HTMLTextAreaElement || (t instanceof HTMLInputElement && t.type !== 'checkbox'))) return;
      if (useExplorer.getState().crumbs.length > 1) { e.preventDefault(); popCrumb(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [popCrumb]);

  return (
    <div className="views">
      <aside className="views__side" aria-label="Views">
        <div className="views__side-title">Views</div>
        {views.length === 0 && <div className="pane-empty">Loading…</div>}
        {views.filter((v) => !v.id.includes(':')).map((v) => (
          <button key={v.id} type="button" data-testid="view-pick" data-view={v.id} title={v.description}
            className={`views__pick${crumbs[0]?.view === v.id ? ' is-active' : ''}`}
            onClick={() => setCrumbs([{ view: v.id, title: v.title, label: null, clause: null }])}>
            <span>{v.title}</span>
            <span className="views__kind">{v.kind === 'list' ? 'list' : ''}</span>
          </button>
        ))}
      </aside>
      <div className="views__main">
        <Breadcrumbs />
        {current.view === EVENTS_VIEW
          ? <EventSplit><EventList filter={scoped} range={range} testId="event-list" /></EventSplit>
          : <ViewTable key={crumbs.length + current.view} crumb={current} scopedFilter={scoped} />}
      </div>
    </div>
  );
}

function ViewTable({ crumb, scopedFilter }: { crumb: Crumb; scopedFilter: string | null }) {
  const id = useExplorer((s) => s.capture?.id);
  const views = useExplorer((s) => s.views);
  const range = useExplorer((s) => s.range);
  const global = useExplorer((s) => s.filter);
  const pushCrumb = useExplorer((s) => s.pushCrumb);
  const addToFilter = useExplorer((s) => s.addToFilter);
  const followStream = useExplorer((s) => s.followStream);
  const [sort, setSort] = useState<{ column: string; desc: boolean } | null>(null);
  const [serverSort, setServerSort] = useState<{ column: string; desc: boolean } | null>(null);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [sel, setSel] = useState(0);
  const [drillTo, setDrillTo] = useState<string>('');
  const bodyRef = useRef<HTMLDivElement>(null);

  const spec = serverSort ? { id: crumb.view, sort: serverSort.column, desc: serverSort.desc } : { id: crumb.view };
  const params = id ? { id, views: [spec], ...scopeParams(scopedFilter, range) } : null;
  const q = useEngineQuery('capture.analyze', params, `View: ${crumb.title}`);
  const res = q.data?.views[crumb.view] ?? null;

  const rows = useMemo(() => {
    if (!res) return [];
    if (!sort || serverSort) return res.rows;
    const i = res.columns.findIndex((c) => c.id === sort.column);
    if (i < 0) return res.rows;
    return [...res.rows].sort((a, b) => (sort.desc ? -1 : 1) * compareCells(a.cells[i] ?? null, b.cells[i] ?? null));
  }, [res, sort, serverSort]);
  const shownSort = sort ?? res?.sort ?? null;

  useEffect(() => { setSel(0); }, [res]);
  useEffect(() => {
    bodyRef.current?.querySelector<HTMLElement>(`[data-index="${sel}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [sel]);

  const clickSort = (column: string) => {
    const next = { column, desc: shownSort?.column === column ? !shownSort.desc : true };
    setSort(next);
    // Only the rows the engine sent are sorted here; when it cut some (top N), it has to sort them all.
    if (res && res.totalRows > res.rows.length) setServerSort(next);
  };

  const drill = (row: ViewRow, target: string) => {
    const clause = rowClause(row.filter, res?.filter ?? null);
    const label = res ? rowLabel(res, row) : row.key.join(' ');
    const title = target === EVENTS_VIEW ? 'Events' : views.find((v) => v.id === target)?.title ?? target;
    pushCrumb({ view: target, title, label, clause });
  };
  const defaultTarget = res?.drilldown && res.kind === 'table' ? res.drilldown : EVENTS_VIEW;
  const actions = (row: ViewRow): MenuItem[] => {
    const clause = rowClause(row.filter, res?.filter ?? null);
    const label = res ? rowLabel(res, row) : '';
    return [
      { label: `Drill down to ${defaultTarget === EVENTS_VIEW ? 'events' : views.find((v) => v.id === defaultTarget)?.title ?? defaultTarget}`, hint: 'Enter', testId: 'menu-drill', run: () => drill(row, defaultTarget) },
      { label: 'Show events', testId: 'menu-events', run: () => drill(row, EVENTS_VIEW) },
      { label: 'Follow stream', testId: 'menu-follow', run: () => followStream({ filter: clause, label }) },
      { label: 'Add to filter', hint: clause, testId: 'menu-add-filter', run: () => addToFilter(clause) },
      { label: 'Exclude from filter', run: () => addToFilter(`not (${clause})`) },
    ];
  };

  const startResize = (e: React.PointerEvent, colId: string, w0: number) => {
    e.preventDefault();
    e.stopPropagation();
    const x0 = e.clientX;
    const move = (ev: PointerEvent) => setWidths((w) => ({ ...w, [colId]: Math.max(40, w0 + ev.clientX - x0) }));
    const up = () => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const selRow = rows[sel];
  // Text columns start as wide as their content (sampled), within bounds; the user can resize.
  const fitted = useMemo(() => {
    const out: Record<string, number> = {};
    if (!res) return out;
    res.columns.forEach((c, i) => {
      let chars = c.title.length + 2;
      for (const r of res.rows.slice(0, 200)) chars = Math.max(chars, formatCell(r.cells[i] ?? null, c.unit).length);
      out[c.id] = Math.max(56, Math.min(c.unit === 'text' ? 380 : 170, Math.round(chars * 7.3 + 18)));
    });
    return out;
  }, [res]);
  const widthOf = (id: string) => widths[id] ?? fitted[id] ?? 100;
  const template = res ? res.columns.map((c) => `${widthOf(c.id)}px`).join(' ') + ' minmax(0, 1fr)' : '';

  return (
    <div className="vtable" data-testid="view-table" data-view={crumb.view} data-rows={res?.rows.length ?? ''}
      data-loading={q.loading ? 'true' : 'false'}>
      <div className="vtable__bar">
        <span className="vtable__title">{res?.title ?? crumb.title}</span>
        {res && <span className="vtable__count" data-testid="view-count">{formatCount(res.totalRows)} row{res.totalRows === 1 ? '' : 's'}{res.totalRows > res.rows.length ? `, top ${res.rows.length}` : ''}</span>}
        {global || range ? <span className="vtable__scoped">scoped</span> : null}
        <span className="vtable__spacer" />
        {selRow && (
          <div className="vtable__actions" aria-label="Row actions">
            <button type="button" className="btn btn--small" data-testid="row-drill" onClick={() => drill(selRow, defaultTarget)}
              title="Drill down (Enter or double-click)">
              Drill ▸ {defaultTarget === EVENTS_VIEW ? 'Events' : views.find((v) => v.id === defaultTarget)?.title ?? defaultTarget}
            </button>
            <select className="input input--small" data-testid="row-drill-select" value={drillTo} aria-label="Drill into view"
              onChange={(e) => { const v = e.target.value; setDrillTo(''); if (v) drill(selRow, v); }}>
              <option value="">Drill into…</option>
              <option value={EVENTS_VIEW}>Events</option>
              {views.filter((v) => !v.id.includes(':')).map((v) => <option key={v.id} value={v.id}>{v.title}</option>)}
            </select>
            <button type="button" className="btn btn--small" data-testid="row-events" onClick={() => drill(selRow, EVENTS_VIEW)}>Events</button>
            <button type="button" className="btn btn--small" data-testid="row-follow"
              onClick={() => followStream({ filter: rowClause(selRow.filter, res?.filter ?? null), label: res ? rowLabel(res, selRow) : '' })}>
              Follow
            </button>
            <button type="button" className="btn btn--small" data-testid="row-add-filter"
              onClick={() => addToFilter(rowClause(selRow.filter, res?.filter ?? null))}>+ Filter</button>
          </div>
        )}
      </div>
      {q.error && (
        <div className="pane-error" data-testid="view-error">
          <span className="code-chip">{q.error.code}</span> {q.error.message}
          {q.error.hint && <div className="pane-error__hint">{q.error.hint}</div>}
        </div>
      )}
      {!res && q.loading && <TableSkeleton progress={q.progress?.fraction ?? null} />}
      {res && (
        <div className="vtable__grid" role="grid" aria-rowcount={rows.length}>
          <div className="vtable__head" role="row" style={{ gridTemplateColumns: template }}>
            {res.columns.map((c) => {
              const active = shownSort?.column === c.id;
              return (
                <span key={c.id} role="columnheader" data-testid="view-th" data-col={c.id}
                  aria-sort={active ? (shownSort!.desc ? 'descending' : 'ascending') : 'none'}
                  className={`vtable__th${isNumeric(c.unit) ? ' vtable__th--num' : ''}${active ? ' is-sorted' : ''}${c.key ? ' vtable__th--key' : ''}`}
                  onClick={() => clickSort(c.id)}>
                  <span className="vtable__thtext">{c.title}</span>
                  {active && <span className="vtable__arrow">{shownSort!.desc ? '▾' : '▴'}</span>}
                  <span className="resizer" onClick={(e) => e.stopPropagation()}
                    onPointerDown={(e) => startResize(e, c.id, widthOf(c.id))} />
                </span>
              );
            })}
            <span />
          </div>
          <div className="vtable__body" ref={bodyRef} tabIndex={0} data-testid="view-body"
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') { e.preventDefault(); setSel((s) => Math.min(rows.length - 1, s + 1)); }
              else if (e.key === 'ArrowUp') { e.preventDefault(); setSel((s) => Math.max(0, s - 1)); }
              else if (e.key === 'Enter' && selRow) { e.preventDefault(); drill(selRow, defaultTarget); }
            }}>
            {rows.length === 0 && <div className="pane-empty">No rows in this scope.</div>}
            {rows.map((r, i) => (
              <div key={r.key.join('\u0000') + i} role="row" data-index={i} data-testid="view-row" data-key={r.key.join(' ')}
                aria-selected={i === sel} className={`vtable__row${i === sel ? ' is-selected' : ''}`}
                style={{ gridTemplateColumns: template }}
                onMouseDown={() => setSel(i)}
                onDoubleClick={() => drill(r, defaultTarget)}
                onContextMenu={(e) => { setSel(i); openContextMenu(e, actions(r), res ? rowLabel(res, r) : undefined); }}>
                {res.columns.map((c, k) => {
                  const v = r.cells[k] ?? null;
                  return (
                    <span key={c.id} className={`vtable__td${isNumeric(c.unit) ? ' vtable__td--num' : ''}${c.key ? ' vtable__td--key' : ''}`}
                      title={typeof v === 'string' ? v : undefined}>
                      {formatCell(v, c.unit)}
                    </span>
                  );
                })}
                <span />
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function isNumeric(unit: string): boolean {
  return unit === 'bytes' || unit === 'ns' || unit === 'count' || unit === 'pct' || unit === 'id';
}

export function TableSkeleton({ progress }: { progress: number | null }) {
  return (
    <div className="skeleton" aria-busy="true">
      <div className="skeleton__msg">
        Reading the capture{progress !== null ? ` · ${Math.floor(progress * 100)}%` : '…'}
      </div>
      {Array.from({ length: 8 }, (_, i) => <div key={i} className="skeleton__row" />)}
    </div>
  );
}
