import { brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Series } from '../../../core/api/contract';
import { addMs, formatBytesShort, formatNs, msSince, shortTime, spanNs } from './model';
import { TIMELINE_BUCKETS } from './open';
import { useEngineQuery } from './query';
import { useExplorer } from './store';

const HEIGHT = 96;
const M = { left: 44, right: 12, top: 14, bottom: 20 };
const OVERLAY_COLORS = ['#e8a33d', '#6aa8ff', '#c586ff', '#4cc38a', '#f0646f', '#e7d36b'];


/** Buckets of `s` as [msFromOrigin, value] pairs (bucket centres). */
function points(s: Series, origin: string): [number, number][] {
  const start = msSince(s.start, origin);
  const w = s.width / 1e6;
  return s.values.map((v, i) => [start + (i + 0.5) * w, v]);
}

const SEVERITY = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'info', 'debug'];

function severity(p: string): number {
  const i = SEVERITY.indexOf(p.toLowerCase());
  return i < 0 ? SEVERITY.length : i;
}

/** `ns` rounded down to a whole second, minute or hour, by how long the axis is. */
function roundDown(ns: string, spanMs: number): string {
  const unit = spanMs < 120_000 ? 1_000_000_000n : spanMs < 7_200_000 ? 60_000_000_000n : 3_600_000_000_000n;
  const b = BigInt(ns);
  return (b - (b % unit)).toString();
}

export function Timeline() {
  const whole = useExplorer((s) => s.whole);
  const wholeError = useExplorer((s) => s.wholeError);
  const cap = useExplorer((s) => s.capture);
  const filter = useExplorer((s) => s.filter);
  const range = useExplorer((s) => s.range);
  const setRange = useExplorer((s) => s.setRange);
  const pinned = useExplorer((s) => s.pinned);
  const togglePin = useExplorer((s) => s.togglePin);
  const rules = useExplorer((s) => s.rules);
  const bookmarks = useExplorer((s) => s.bookmarks);
  const showAlerts = useExplorer((s) => s.showAlerts);
  const showBookmarks = useExplorer((s) => s.showBookmarks);
  const setMarkers = useExplorer((s) => s.setMarkers);
  const jumpTo = useExplorer((s) => s.jumpTo);
  const setTab = useExplorer((s) => s.setTab);
  const wrapRef = useRef<HTMLDivElement>(null);
  const brushRef = useRef<SVGGElement>(null);
  const brushBehavior = useRef<BrushBehavior<unknown> | null>(null);
  const [width, setWidth] = useState(900);
  const [hover, setHover] = useState<{ x: number; i: number } | null>(null);

  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    // The SVG sits inside the pane's 12px side padding.
    const measure = () => setWidth(Math.max(300, el.clientWidth - 24));
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);

  const series = whole?.series ?? null;
  // With a filter, the events it keeps are drawn over the whole-capture density, so the times
  // where they happen stand out before any brushing.
  const capId = cap?.id;
  // The engine counts the list's own rows the filter keeps, on the same grid as the whole density.
  const matchParams = capId && filter && series ? { id: capId, filter, maxBuckets: TIMELINE_BUCKETS } : null;
  const matchQ = useEngineQuery('capture.density', matchParams, 'Filter density', { quiet: true });
  const match = filter ? matchQ.data ?? null : null;
  // Filtered counts are often a sliver of the total: they get their own scale so their shape shows.
  const matchMax = match ? Math.max(1, ...match.values) : 1;
  // Positions are ms after `origin`, a round wall-clock time at or before the first bucket, so the
  // scale's round ticks are round times (a tick at origin+7000 ms reads 00:44:36, and is 00:44:36).
  const totalMs = series ? (series.values.length * series.width) / 1e6 : 1;
  const origin = series ? roundDown(series.start, totalMs) : null;
  const lead = series && origin ? msSince(series.start, origin) : 0;
  const spanMs = lead + totalMs;
  const x = useMemo(() => scaleLinear().domain([lead, spanMs]).range([M.left, width - M.right]), [lead, spanMs, width]);
  const max = series ? Math.max(1, ...series.values) : 1;
  const y = useMemo(() => scaleLinear().domain([0, max]).range([HEIGHT - M.bottom, M.top]).nice(), [max]);
  const my = useMemo(() => scaleLinear().domain([0, matchMax]).range([HEIGHT - M.bottom, M.top + 4]), [matchMax]);

  const overlays = useMemo(() => {
    if (!whole?.overview || !origin) return [];
    return pinned.map((id, k) => {
      const t = whole.overview!.tiles.find((x) => x.id === id);
      if (!t) return null;
      const pts = points(t.series, origin);
      const tmax = Math.max(1, ...t.series.values);
      const oy = scaleLinear().domain([0, tmax]).range([HEIGHT - M.bottom, M.top + 2]);
      const d = line<[number, number]>().x((p) => x(p[0])).y((p) => oy(p[1]))(pts) ?? '';
      return { id, name: t.name, d, color: OVERLAY_COLORS[k % OVERLAY_COLORS.length]!, max: tmax, bytes: t.unit === 'bytes' };
    }).filter((o): o is NonNullable<typeof o> => o !== null);
  }, [whole, pinned, origin, x]);

  // The brush: d3 owns the gesture; the store owns the range. Moves made here from the store are
  // programmatic (no sourceEvent) and are not echoed back.
  useEffect(() => {
    const g = brushRef.current;
    if (!g || !origin) return;
    const b = brushX<unknown>()
      .extent([[M.left, M.top - 6], [width - M.right, HEIGHT - M.bottom]])
      .on('end', (ev: D3BrushEvent<unknown>) => {
        if (!ev.sourceEvent) return;
        const sel = ev.selection as [number, number] | null;
        if (!sel || sel[1] - sel[0] < 2) { setRange(null); return; }
        setRange({ from: addMs(origin, x.invert(sel[0])), to: addMs(origin, x.invert(sel[1])) });
      });
    brushBehavior.current = b;
    select(g).call(b);
    return () => { select(g).on('.brush', null); };
  }, [origin, width, x, setRange]);

  useEffect(() => {
    const g = brushRef.current;
    const b = brushBehavior.current;
    if (!g || !b || !origin) return;
    if (!range) select(g).call(b.move, null);
    else select(g).call(b.move, [x(msSince(range.from, origin)), x(msSince(range.to, origin))]);
  }, [range, origin, x, width]);

  const allTicks = x.ticks(Math.max(2, Math.floor(width / 130)));
  const tickStep = allTicks.length > 1 ? allTicks[1]! - allTicks[0]! : totalMs;
  const ticks = allTicks.filter((t) => x(t) > M.left + 20 && x(t) < width - M.right - 30);
  const barW = series ? Math.max(1, x(series.width / 1e6) - x(0) - 0.5) : 1;
  // The most severe findings are drawn last, on top of milder ones at the same time.
  const alerts = useMemo(() => (showAlerts && rules ? [...rules.findings].sort((a, b) => severity(b.priority) - severity(a.priority)) : []), [showAlerts, rules]);
  const marks = showBookmarks && origin ? bookmarks : [];

  return (
    <div className="timeline" data-testid="timeline" ref={wrapRef}
      data-range-from={range?.from ?? ''} data-range-to={range?.to ?? ''} data-buckets={series?.values.length ?? 0}
      data-total={series?.total ?? ''}>
      <div className="timeline__bar">
        <span className="timeline__title">Event density</span>
        {series && <span className="timeline__meta">{formatNs(series.width)} buckets · peak {max.toLocaleString('en-US')} events</span>}
        {match && (
          <span className="timeline__legend timeline__legend--static" title={filter}>
            <span className="timeline__swatch timeline__swatch--match" />matching the filter: {match.total.toLocaleString('en-US')}
            <span className="muted">(own scale, peak {matchMax.toLocaleString('en-US')})</span>
          </span>
        )}
        {overlays.map((o) => (
          <button key={o.id} type="button" className="timeline__legend" onClick={() => togglePin(o.id)} title="Unpin">
            <span className="timeline__swatch" style={{ background: o.color }} />{o.name}
            <span className="muted">peak {o.bytes ? formatBytesShort(o.max) : o.max.toLocaleString('en-US')}</span> ✕
          </button>
        ))}
        <span className="timeline__spacer" />
        <label className="check check--small"><input type="checkbox" checked={showAlerts} onChange={(e) => setMarkers({ alerts: e.target.checked })} />Alerts</label>
        <label className="check check--small"><input type="checkbox" checked={showBookmarks} onChange={(e) => setMarkers({ bookmarks: e.target.checked })} />Bookmarks</label>
        {range ? (
          <span className="timeline__sel" data-testid="time-selection">
            {shortTime(range.from)} → {shortTime(range.to)} <span className="muted">({formatNs(spanNs(range.from, range.to))})</span>
            <button type="button" className="btn btn--small btn--ghost" data-testid="time-clear" onClick={() => setRange(null)}
              title="Clear the time selection (x)">Clear</button>
          </span>
        ) : (
          <span className="timeline__hint">Drag to select a time range{cap?.firstTs && cap.lastTs ? ` · ${formatNs(spanNs(cap.firstTs, cap.lastTs))} captured` : ''}</span>
        )}
      </div>
      {!series && <div className="timeline__empty">{wholeError ?? 'Building the timeline…'}</div>}
      {series && origin && (
        <svg className="timeline__svg" width={width} height={HEIGHT} role="img" aria-label="Events over time"
          onMouseMove={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            const px = e.clientX - r.left;
            const i = Math.floor((x.invert(px) - msSince(series.start, origin)) / (series.width / 1e6));
            setHover(i >= 0 && i < series.values.length ? { x: px, i } : null);
          }}
          onMouseLeave={() => setHover(null)}>
          {y.ticks(3).map((t) => (
            <g key={t} className="timeline__grid">
              <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
              <text x={M.left - 6} y={y(t) + 3} textAnchor="end">{t >= 1000 ? `${t / 1000}k` : t}</text>
            </g>
          ))}
          <g className={`timeline__bars${match ? ' timeline__bars--dim' : ''}`}>
            {series.values.map((v, i) => (v > 0 ? (
              <rect key={i} x={x(msSince(series.start, origin) + (i * series.width) / 1e6)} y={y(v)} width={barW}
                height={Math.max(0.5, HEIGHT - M.bottom - y(v))} />
            ) : null))}
          </g>
          {match && (
            <g className="timeline__bars timeline__bars--match" data-testid="timeline-match" data-total={match.total}>
              {match.values.map((v, i) => (v > 0 ? (
                <rect key={i} x={x(msSince(match.start, origin) + (i * match.width) / 1e6)} y={my(v)}
                  width={Math.max(1, x(match.width / 1e6) - x(0) - 0.5)} height={Math.max(0.5, HEIGHT - M.bottom - my(v))} />
              ) : null))}
            </g>
          )}
          {overlays.map((o) => <path key={o.id} className="timeline__overlay" d={o.d} stroke={o.color} />)}
          <g className="timeline__axis" transform={`translate(0,${HEIGHT - M.bottom})`}>
            <line x1={M.left} x2={width - M.right} />
            {ticks.map((t) => (
              <g key={t} transform={`translate(${x(t)},0)`}>
                <line y2={4} />
                <text y={15} textAnchor="middle">{shortTime(addMs(origin, t)).slice(0, tickStep < 1000 ? 12 : 8)}</text>
              </g>
            ))}
          </g>
          <g ref={brushRef} className="timeline__brush" data-testid="timeline-brush" />
          {alerts.map((f, i) => (
            <g key={`a${i}`} className={`timeline__marker timeline__marker--alert timeline__marker--${f.priority.toLowerCase()}`}
              transform={`translate(${x(msSince(f.ts, origin))},${M.top - 8})`} data-testid="marker-alert"
              onClick={() => { jumpTo(f.evtNum); setTab('events'); }}>
              <title>{`${f.priority}: ${f.rule} (event ${f.evtNum})`}</title>
              <path d="M-4,-2 L4,-2 L0,5 Z" />
            </g>
          ))}
          {marks.map((b) => (
            <g key={`b${b.num}`} className="timeline__marker timeline__marker--bookmark" data-testid="marker-bookmark"
              transform={`translate(${x(msSince(b.ts, origin))},${HEIGHT - M.bottom - 2})`}
              onClick={() => { jumpTo(b.num); setTab('events'); }}>
              <title>{`Bookmark: event ${b.num}${b.note ? ` — ${b.note}` : ''}`}</title>
              <path d="M-3.5,0 L3.5,0 L3.5,-9 L0,-6 L-3.5,-9 Z" />
            </g>
          ))}
          {hover && (
            <g className="timeline__hover" pointerEvents="none">
              <line x1={hover.x} x2={hover.x} y1={M.top} y2={HEIGHT - M.bottom} />
              <text x={Math.min(hover.x + 6, width - 150)} y={M.top + 2}>
                {shortTime(addMs(origin, msSince(series.start, origin) + (hover.i * series.width) / 1e6))} · {series.values[hover.i]!.toLocaleString('en-US')} ev
              </text>
            </g>
          )}
        </svg>
      )}
    </div>
  );
}
