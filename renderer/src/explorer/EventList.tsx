import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { EventRow } from '../../../core/api/contract';
import { getApi, toApiError, type ApiCallError } from '../api';
import { reportError } from '../state/operations';
import { useApp } from '../state/store';
import { ColumnChooser } from './ColumnChooser';
import { openContextMenu, type MenuItem } from './ContextMenu';
import { clockTime, eqFilter, formatCount } from './model';
import { scopeParams, useExplorer, type TimeRange } from './store';

export const ROW_HEIGHT = 22;
export const PAGE_SIZE = 200;
/** Browsers stop honouring element heights somewhere past 16M px; beyond this the scrollbar is scaled. */
const MAX_SCROLL_PX = 8_000_000;

interface BaseColumn {
  id: string;
  title: string;
  width: number;
  /** The field a cell's value filters on ("apply as filter"). */
  field?: string;
  value(r: EventRow): string;
  className?: string;
}

const BASE_COLUMNS: BaseColumn[] = [
  { id: 'num', title: 'No.', width: 78, field: 'evt.num', value: (r) => String(r.num), className: 'num' },
  { id: 'time', title: 'Time (UTC)', width: 148, value: (r) => clockTime(r.ts), className: 'time' },
  { id: 'cpu', title: 'CPU', width: 42, field: 'evt.cpu', value: (r) => String(r.cpu), className: 'num' },
  { id: 'proc', title: 'Process', width: 130, field: 'proc.name', value: (r) => r.proc },
  { id: 'tid', title: 'TID', width: 70, field: 'thread.tid', value: (r) => String(r.tid), className: 'num' },
  { id: 'dir', title: 'Dir', width: 34, field: 'evt.dir', value: (r) => r.dir, className: 'dir' },
  { id: 'type', title: 'Type', width: 110, field: 'evt.type', value: (r) => r.type, className: 'type' },
];

interface Scope {
  filter: string | null;
  range: TimeRange | null;
}

type Pages = Map<number, EventRow[]>;

export function EventList({ filter, range, testId = 'event-list', widenOnMiss = false }: Scope & {
  testId?: string;
  /** A jump to an event outside the scope clears the global filter and time selection (the Events tab). */
  widenOnMiss?: boolean;
}) {
  const cap = useExplorer((s) => s.capture);
  const columns = useExplorer((s) => s.columns);
  const selected = useExplorer((s) => s.selected);
  const jump = useExplorer((s) => s.jump);
  const bookmarks = useExplorer((s) => s.bookmarks);
  const rules = useExplorer((s) => s.rules);
  const select = useExplorer((s) => s.select);
  const setColumns = useExplorer((s) => s.setColumns);
  const addToFilter = useExplorer((s) => s.addToFilter);
  const applyFilter = useExplorer((s) => s.applyFilter);
  const id = cap?.id ?? '';

  // The total belongs to the scope it was counted in; a stale one must never drive a jump or a render.
  const [counted, setCounted] = useState<{ key: string; n: number } | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [pages, setPages] = useState<Pages>(() => new Map());
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const [chooser, setChooser] = useState(false);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const scroller = useRef<HTMLDivElement>(null);
  const inflight = useRef(new Map<number, AbortController>());
  const scopeKey = JSON.stringify([id, filter, range, columns]);
  const keyRef = useRef(scopeKey);
  const total = counted && counted.key === scopeKey ? counted.n : null;

  // A new scope starts over: nothing cached, nothing in flight, back to the top.
  useLayoutEffect(() => {
    keyRef.current = scopeKey;
    for (const c of inflight.current.values()) c.abort();
    inflight.current.clear();
    setPages(new Map());
    setError(null);
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [scopeKey]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    setViewport(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  const fetchPage = useCallback((p: number) => {
    if (!id || inflight.current.has(p)) return;
    const key = keyRef.current;
    const ctrl = new AbortController();
    inflight.current.set(p, ctrl);
    const params = { id, offset: p * PAGE_SIZE, limit: PAGE_SIZE, ...scopeParams(filter, range), ...(columns.length ? { columns } : {}) };
    getApi().call('capture.events', params, { signal: ctrl.signal }).then((page) => {
      if (keyRef.current !== key) return;
      inflight.current.delete(p);
      setCounted({ key, n: page.total });
      setPages((prev) => new Map(prev).set(p, page.rows));
    }, (err: unknown) => {
      if (inflight.current.get(p) === ctrl) inflight.current.delete(p);
      const e = toApiError(err);
      if (keyRef.current !== key || e.code === 'CANCELLED') return;
      setError(e);
    });
  }, [id, filter, range, columns]);

  const count = total ?? 0;
  const virtualPx = Math.min(count * ROW_HEIGHT, MAX_SCROLL_PX);
  const scale = count * ROW_HEIGHT > MAX_SCROLL_PX ? (count * ROW_HEIGHT - viewport) / Math.max(1, MAX_SCROLL_PX - viewport) : 1;
  const firstRow = Math.max(0, Math.floor((scrollTop * scale) / ROW_HEIGHT));
  const visible = Math.ceil(viewport / ROW_HEIGHT) + 1;
  const lastRow = total === null ? visible : Math.min(count - 1, firstRow + visible);

  // Fetch the pages on screen (and the neighbours), and drop requests for pages scrolled away.
  useEffect(() => {
    if (!id || error) return;
    const firstPage = Math.floor(firstRow / PAGE_SIZE);
    const lastPage = Math.floor(Math.max(firstRow, lastRow) / PAGE_SIZE);
    for (const [p, c] of inflight.current) {
      if (p < firstPage - 1 || p > lastPage + 1) { c.abort(); inflight.current.delete(p); }
    }
    const t = setTimeout(() => {
      for (let p = firstPage; p <= lastPage; p++) if (!pages.has(p)) fetchPage(p);
      if (total !== null) {
        const maxPage = Math.floor((count - 1) / PAGE_SIZE);
        if (lastPage + 1 <= maxPage && !pages.has(lastPage + 1)) fetchPage(lastPage + 1);
      }
    }, total === null ? 0 : 40);
    return () => clearTimeout(t);
  }, [id, firstRow, lastRow, pages, fetchPage, total, count, error]);

  // Keep memory bounded while scrolling far: only pages near the view stay.
  useEffect(() => {
    if (pages.size <= 40) return;
    const center = Math.floor(firstRow / PAGE_SIZE);
    setPages((prev) => new Map([...prev].filter(([p]) => Math.abs(p - center) <= 10)));
  }, [pages, firstRow]);

  const rowAt = useCallback((i: number): EventRow | undefined => pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE], [pages]);

  const scrollToIndex = useCallback((i: number, align: 'center' | 'nearest' = 'nearest') => {
    const el = scroller.current;
    if (!el) return;
    const rowTop = i * ROW_HEIGHT;
    const curTop = el.scrollTop * scale;
    let target: number;
    if (align === 'center') target = rowTop - viewport / 2 + ROW_HEIGHT / 2;
    else if (rowTop < curTop) target = rowTop;
    else if (rowTop + ROW_HEIGHT > curTop + viewport) target = rowTop + ROW_HEIGHT - viewport;
    else return;
    el.scrollTop = Math.max(0, target / scale);
    setScrollTop(el.scrollTop);
  }, [scale, viewport]);

  // Jumps (from alerts, bookmarks, the URL) wait for the total (the scroll scale depends on it),
  // then ask the engine where the event sits in this scope: the match set the list's pages came
  // from, so the answer is one lookup.
  const handledJump = useRef(0);
  useEffect(() => {
    if (!jump || total === null || handledJump.current === jump.seq) return;
    handledJump.current = jump.seq;
    const ctrl = new AbortController();
    const params = { id, num: jump.num, ...scopeParams(filter, range) };
    void getApi().call('capture.locate', params, { signal: ctrl.signal }).then(({ offset: i }) => {
      if (i === null) {
        const ex = useExplorer.getState();
        if (widenOnMiss && (filter || range)) {
          ex.applyFilter('');
          ex.setRange(null);
          ex.jumpTo(jump.num);
          useApp.getState().pushToast({
            tone: 'info', title: `Showing event ${jump.num}`,
            message: 'It was outside the filter or time selection, so they were cleared.',
          });
          return;
        }
        useApp.getState().pushToast({
          tone: 'info', title: `Event ${jump.num} is not in this list`,
          message: 'The filter, time selection or drill-down leaves it out.',
        });
        return;
      }
      scrollToIndex(i, 'center');
      requestAnimationFrame(() => scroller.current?.focus({ preventScroll: true }));
    }, (err: unknown) => { if (toApiError(err).code !== 'CANCELLED') reportError('Could not find the event', err); });
    return () => ctrl.abort();
  }, [jump, total, id, filter, range, scrollToIndex, widenOnMiss]);

  const colDefs = useMemo(() => [
    ...BASE_COLUMNS.map((c) => ({ ...c, width: widths[c.id] ?? c.width })),
    ...columns.map((name): BaseColumn => ({
      id: `col:${name}`, title: name, width: widths[`col:${name}`] ?? 140, field: name, value: (r) => r.cols?.[name] ?? '',
    })),
  ], [columns, widths]);
  const template = `${colDefs.map((c) => `${c.width}px`).join(' ')} minmax(240px, 1fr)`;

  const bookmarked = useMemo(() => new Set(bookmarks.map((b) => b.num)), [bookmarks]);
  const alerted = useMemo(() => new Set(rules?.findings.map((f) => f.evtNum) ?? []), [rules]);

  const selectedIndex = useRef<number | null>(null);
  const onKey = (e: React.KeyboardEvent) => {
    if (total === null || count === 0) return;
    const cur = selectedIndex.current ?? firstRow - 1;
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: visible - 2, PageUp: -(visible - 2), j: 1, k: -1 };
    let next: number | null = null;
    if (e.key in step) next = cur + step[e.key]!;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = count - 1;
    if (next === null) return;
    e.preventDefault();
    next = Math.max(0, Math.min(count - 1, next));
    selectedIndex.current = next;
    scrollToIndex(next);
    const r = rowAt(next);
    if (r) select(r.num);
  };
  // A selection made elsewhere (a jump) keeps the keyboard position in step once its row is loaded.
  useEffect(() => {
    if (selected === null) return;
    for (const [p, rows] of pages) {
      const k = rows.findIndex((r) => r.num === selected);
      if (k >= 0) { selectedIndex.current = p * PAGE_SIZE + k; return; }
    }
  }, [selected, pages]);

  const cellMenu = (e: React.MouseEvent, r: EventRow, c: BaseColumn | null) => {
    const items: MenuItem[] = [];
    if (c?.field) {
      const v = c.value(r);
      const clause = eqFilter(c.field, v);
      items.push(
        { label: 'Apply as filter', hint: clause, testId: 'menu-apply-filter', run: () => applyFilter(clause) },
        { label: 'Add to filter (and)', testId: 'menu-add-filter', run: () => addToFilter(clause) },
        { label: 'Exclude (and not)', testId: 'menu-exclude', run: () => addToFilter(`not ${clause}`) },
      );
      if (c.id.startsWith('col:')) items.push({ label: `Remove column ${c.field}`, run: () => setColumns(columns.filter((x) => x !== c.field)) });
    }
    items.push(
      { label: 'Select only this event', hint: `evt.num=${r.num}`, run: () => applyFilter(`evt.num=${r.num}`) },
      { label: 'Columns…', testId: 'menu-columns', run: () => setChooser(true) },
    );
    select(r.num);
    openContextMenu(e, items, c ? `${c.title}: ${c.value(r) || '(empty)'}` : `Event ${r.num}`);
  };

  const startResize = (e: React.PointerEvent, col: BaseColumn) => {
    e.preventDefault();
    e.stopPropagation();
    const x0 = e.clientX;
    const w0 = col.width;
    const move = (ev: PointerEvent) => setWidths((w) => ({ ...w, [col.id]: Math.max(30, w0 + ev.clientX - x0) }));
    const up = () => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const rows: React.ReactNode[] = [];
  if (total !== null) {
    for (let i = firstRow; i <= lastRow; i++) {
      const r = rowAt(i);
      const top = scrollTop + (i * ROW_HEIGHT - scrollTop * scale);
      if (!r) {
        rows.push(<div key={`p${i}`} className="evrow evrow--loading" style={{ top, gridTemplateColumns: template }}><span className="evrow__skel" /></div>);
        continue;
      }
      const isSel = r.num === selected;
      rows.push(
        <div key={r.num} role="row" aria-selected={isSel} data-num={r.num} data-testid="event-row"
          className={`evrow${isSel ? ' is-selected' : ''}${r.dir === '<' ? ' evrow--exit' : ''}${alerted.has(r.num) ? ' evrow--alert' : ''}`}
          style={{ top, gridTemplateColumns: template }}
          onMouseDown={() => { selectedIndex.current = i; select(r.num); }}
          onContextMenu={(e) => {
            const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-col]');
            const c = colDefs.find((x) => x.id === cell?.dataset.col) ?? null;
            cellMenu(e, r, c);
          }}>
          {colDefs.map((c) => (
            <span key={c.id} data-col={c.id} className={`evrow__cell${c.className ? ` evrow__cell--${c.className}` : ''}`}>
              {c.id === 'num' && bookmarked.has(r.num) && <span className="evrow__mark" title="Bookmarked">★</span>}
              {c.value(r)}
            </span>
          ))}
          <span className="evrow__cell evrow__cell--info" data-col="info" title={r.info}>{r.info}</span>
        </div>,
      );
    }
  }

  return (
    <div className="evlist" data-testid={testId} data-total={total ?? ''} data-scope={filter ?? ''}>
      <div className="evlist__bar">
        <span className="evlist__count" data-testid="event-count" data-total={total ?? ''}>
          {total === null ? (error ? 'Error' : 'Counting…') : `${formatCount(total)} event${total === 1 ? '' : 's'}`}
        </span>
        {cap && total !== null && (filter || range) && (
          <span className="evlist__of">of {formatCount(cap.events)} in the capture</span>
        )}
        {filter && <code className="evlist__scope" title={filter}>{filter}</code>}
        <span className="evlist__spacer" />
        <div className="evlist__menu">
          <button type="button" className="btn btn--small btn--ghost" data-testid="columns-button" onClick={() => setChooser(!chooser)}>
            Columns{columns.length ? ` (+${columns.length})` : ''}
          </button>
          {chooser && <ColumnChooser onClose={() => setChooser(false)} />}
        </div>
      </div>
      <div className="evlist__head" style={{ gridTemplateColumns: template }} role="row">
        {colDefs.map((c) => (
          <span key={c.id} className="evlist__th" role="columnheader" title={c.field ?? c.title}>
            {c.title}
            {c.id.startsWith('col:') && (
              <button type="button" className="evlist__rm" aria-label={`Remove column ${c.title}`}
                onClick={() => setColumns(columns.filter((x) => `col:${x}` !== c.id))}>×</button>
            )}
            <span className="resizer" onPointerDown={(e) => startResize(e, c)} />
          </span>
        ))}
        <span className="evlist__th" role="columnheader">Info</span>
      </div>
      <div className="evlist__scroller" ref={scroller} data-testid="event-scroller" tabIndex={0} role="grid"
        aria-rowcount={total ?? undefined} aria-label="Events"
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onKeyDown={onKey}>
        <div className="evlist__spacer-y" style={{ height: virtualPx }} />
        {rows}
        {error && (
          <div className="pane-error" data-testid="event-list-error">
            <span className="code-chip">{error.code}</span> {error.message}
            {error.hint && <div className="pane-error__hint">{error.hint}</div>}
          </div>
        )}
        {total === 0 && !error && <div className="pane-empty">No events in this scope.</div>}
      </div>
    </div>
  );
}
