import { useMemo, useState } from 'react';
import type { DetailField, EventDetail as Detail } from '../../../core/api/contract';
import { openContextMenu } from './ContextMenu';
import { andFilters, base64ToBytes, clockTime, eqFilter, hex2, isoDate, printable } from './model';
import { useEngineQuery } from './query';
import { useExplorer } from './store';

/** The fd filter a "follow stream" of this event uses: its fd, seen from its process. */
export function streamOf(d: Detail): { filter: string; label: string } | null {
  const get = (name: string) => {
    for (const s of d.sections) for (const f of s.fields) if (f.name === name) return f.value;
    return undefined;
  };
  const fd = get('fd.name');
  const pid = get('proc.pid');
  if (!fd || fd === '<NA>') return null;
  return {
    filter: andFilters(eqFilter('fd.name', fd), pid && pid !== '<NA>' ? `proc.pid=${pid}` : null)!,
    label: `${fd}${pid ? ` (pid ${pid})` : ''}`,
  };
}

export function useEventDetail(num: number | null) {
  const id = useExplorer((s) => s.capture?.id);
  return useEngineQuery('capture.event', id && num !== null ? { id, num } : null, `Event ${num ?? ''}`, { quiet: true });
}

function FieldRow({ f }: { f: DetailField }) {
  const applyFilter = useExplorer((s) => s.applyFilter);
  const addToFilter = useExplorer((s) => s.addToFilter);
  const columns = useExplorer((s) => s.columns);
  const setColumns = useExplorer((s) => s.setColumns);
  const clause = f.filter ?? eqFilter(f.name, f.value);
  return (
    <div className="dfield" data-testid="detail-field" data-field={f.name}
      onContextMenu={(e) => openContextMenu(e, [
        { label: 'Apply as filter', hint: clause, testId: 'menu-apply-filter', run: () => applyFilter(clause) },
        { label: 'Add to filter (and)', testId: 'menu-add-filter', run: () => addToFilter(clause) },
        { label: 'Exclude (and not)', run: () => addToFilter(`not ${clause}`) },
        {
          label: 'Apply as column', testId: 'menu-apply-column', disabled: columns.includes(f.name),
          run: () => setColumns([...columns, f.name]),
        },
        { label: 'Copy value', run: () => { void navigator.clipboard?.writeText(f.value).catch(() => {}); } },
      ], f.name)}>
      <span className="dfield__name">{f.name}</span>
      <span className="dfield__value" title={f.value}>{f.value}</span>
    </div>
  );
}

export function EventDetailPane() {
  const selected = useExplorer((s) => s.selected);
  const bookmarks = useExplorer((s) => s.bookmarks);
  const toggleBookmark = useExplorer((s) => s.toggleBookmark);
  const setNote = useExplorer((s) => s.setNote);
  const followStream = useExplorer((s) => s.followStream);
  const applyFilter = useExplorer((s) => s.applyFilter);
  const q = useEventDetail(selected);
  const [closed, setClosed] = useState<Record<string, boolean>>({});
  const d = q.data && q.data.num === selected ? q.data : null;
  const mark = bookmarks.find((b) => b.num === selected);
  const stream = d ? streamOf(d) : null;

  if (selected === null) {
    return <div className="detail detail--empty" data-testid="event-detail"><div className="pane-empty">Select an event to see its fields.</div></div>;
  }
  return (
    <div className="detail" data-testid="event-detail" data-num={selected}>
      <div className="detail__bar">
        <span className="detail__title">Event <strong>{selected}</strong></span>
        {d && <span className="detail__time">{isoDate(d.ts)} {clockTime(d.ts)}</span>}
        <span className="detail__spacer" />
        <button type="button" className={`btn btn--small${mark ? ' btn--on' : ''}`} data-testid="bookmark-toggle"
          disabled={!d} title="Bookmark this event (b)"
          onClick={() => d && toggleBookmark({ num: d.num, ts: d.ts, line: d.line })}>
          {mark ? '★ Bookmarked' : '☆ Bookmark'}
        </button>
        <button type="button" className="btn btn--small" data-testid="detail-follow" disabled={!stream}
          title={stream ? `Follow ${stream.label}` : 'This event has no file descriptor'}
          onClick={() => stream && followStream(stream)}>
          Follow stream
        </button>
      </div>
      {q.loading && !d && <div className="pane-empty">Decoding event {selected}…</div>}
      {q.error && (
        <div className="pane-error"><span className="code-chip">{q.error.code}</span> {q.error.message}</div>
      )}
      {d && (
        <div className="detail__body">
          <code className="detail__line" data-testid="detail-line">{d.line}</code>
          {mark && (
            <label className="detail__note">
              <span className="field__label">Note (kept in this browser until cases store notes)</span>
              <textarea className="input detail__notearea" data-testid="bookmark-note" value={mark.note} rows={2}
                placeholder="What this event shows…" onChange={(e) => setNote(mark.num, e.target.value)} />
            </label>
          )}
          {d.ancestors.length > 0 && (
            <div className="dsection">
              <button type="button" className="dsection__head" onClick={() => setClosed((c) => ({ ...c, __anc: !c.__anc }))}>
                <span className="dsection__caret">{closed.__anc ? '▸' : '▾'}</span>Lineage
                <span className="dsection__count">{d.ancestors.length}</span>
              </button>
              {!closed.__anc && (
                <ol className="lineage" data-testid="detail-ancestors">
                  {d.ancestors.map((a, i) => (
                    <li key={`${a.pid}-${i}`} className="lineage__item">
                      <button type="button" className="btn btn--link lineage__link" title={`Filter on proc.pid=${a.pid}`}
                        onClick={() => applyFilter(`proc.pid=${a.pid}`)}>
                        {a.name}
                      </button>
                      <span className="lineage__pid">pid {a.pid}</span>
                      <span className="lineage__args" title={`${a.exe} ${a.args}`}>{a.exe} {a.args}</span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          )}
          {d.sections.map((s) => (
            <div key={s.title} className="dsection" data-testid="detail-section">
              <button type="button" className="dsection__head" onClick={() => setClosed((c) => ({ ...c, [s.title]: !c[s.title] }))}
                aria-expanded={!closed[s.title]}>
                <span className="dsection__caret">{closed[s.title] ? '▸' : '▾'}</span>{s.title}
                <span className="dsection__count">{s.fields.length}</span>
              </button>
              {!closed[s.title] && s.fields.map((f) => <FieldRow key={f.name} f={f} />)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

const BYTES_SHOWN = 64 * 1024;

/** Hex and ASCII of the event's data buffer, 16 bytes a line, with the hovered byte lit in both. */
export function BytesPane() {
  const selected = useExplorer((s) => s.selected);
  const q = useEventDetail(selected);
  const [hover, setHover] = useState<number | null>(null);
  const d = q.data && q.data.num === selected ? q.data : null;
  const bytes = useMemo(() => (d?.data ? base64ToBytes(d.data) : null), [d]);

  const lines = useMemo(() => {
    if (!bytes) return [];
    const out: { off: number; row: Uint8Array }[] = [];
    const n = Math.min(bytes.length, BYTES_SHOWN);
    for (let off = 0; off < n; off += 16) out.push({ off, row: bytes.subarray(off, Math.min(off + 16, n)) });
    return out;
  }, [bytes]);

  return (
    <div className="bytes" data-testid="bytes-pane" data-length={bytes?.length ?? 0}>
      <div className="bytes__bar">
        <span className="bytes__title">Bytes</span>
        {bytes && <span className="bytes__len">{bytes.length.toLocaleString('en-US')} bytes captured{bytes.length > BYTES_SHOWN ? `, first ${BYTES_SHOWN / 1024} KiB shown` : ''}</span>}
        {hover !== null && <span className="bytes__pos">offset 0x{hover.toString(16).padStart(4, '0')} ({hover})</span>}
      </div>
      {!bytes && (
        <div className="pane-empty">
          {selected === null ? 'No event selected.' : d ? 'This event carries no data buffer.' : ''}
        </div>
      )}
      {bytes && (
        <div className="bytes__dump" onMouseLeave={() => setHover(null)}>
          {lines.map(({ off, row }) => (
            <div key={off} className="bytes__line">
              <span className="bytes__off">{off.toString(16).padStart(8, '0')}</span>
              <span className="bytes__hex">
                {Array.from(row, (b, i) => (
                  <span key={i} className={`bytes__b${hover === off + i ? ' is-hover' : ''}${i === 8 ? ' bytes__b--gap' : ''}`}
                    onMouseEnter={() => setHover(off + i)}>{hex2(b)}</span>
                ))}
              </span>
              <span className="bytes__ascii">
                {Array.from(row, (b, i) => (
                  <span key={i} className={`${hover === off + i ? 'is-hover' : ''}${b < 0x20 || b >= 0x7f ? ' bytes__np' : ''}`}
                    onMouseEnter={() => setHover(off + i)}>{printable(b)}</span>
                ))}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** The event list with the details and bytes of the selected event under it. */
export function EventSplit({ children }: { children: React.ReactNode }) {
  return (
    <div className="evsplit">
      <div className="evsplit__list">{children}</div>
      <div className="evsplit__detail">
        <EventDetailPane />
        <BytesPane />
      </div>
    </div>
  );
}
