import { useCase } from '../areas/case/state';
import { clockTime } from './model';
import { useExplorer } from './store';

export function Bookmarks() {
  const bookmarks = useExplorer((s) => s.bookmarks);
  const cap = useExplorer((s) => s.capture);
  const jumpTo = useExplorer((s) => s.jumpTo);
  const setTab = useExplorer((s) => s.setTab);
  const setNote = useExplorer((s) => s.setNote);
  const toggleBookmark = useExplorer((s) => s.toggleBookmark);
  // The case keeps them while this capture is evidence in it (areas/case/sync.ts).
  const caseName = useCase((s) => (s.link && s.link.captureId === cap?.id ? s.info?.name ?? null : null));
  return (
    <div className="bookmarks" data-testid="bookmarks">
      <div className="bookmarks__note" role="note" data-testid="bookmarks-kept" data-in-case={caseName ? 'true' : 'false'}>
        {caseName ? (
          <>Kept in the case <strong>{caseName}</strong>, with its audit log, and in this browser profile. A note is
            added to the case when you pause typing.</>
        ) : (
          <>Kept in this browser profile, for this capture by its SHA-256{cap ? <> <code>{cap.sha256.slice(0, 12)}…</code></> : null}.
            Add the capture to a case (Case area) and they are kept in the case too, with its audit log.</>
        )}
      </div>
      {bookmarks.length === 0 && (
        <div className="pane-empty pane-empty--big">
          No bookmarks yet. Select an event and press <kbd>b</kbd> or ☆ Bookmark in its details.
        </div>
      )}
      {bookmarks.map((b) => (
        <div key={b.num} className="bookmark" data-testid="bookmark-row" data-num={b.num}>
          <div className="bookmark__head">
            <button type="button" className="btn btn--link bookmark__jump" onClick={() => { jumpTo(b.num); setTab('events'); }}>
              ★ Event {b.num}
            </button>
            <span className="bookmark__time">{clockTime(b.ts)}</span>
            <span className="bookmark__spacer" />
            <button type="button" className="btn btn--small btn--ghost" onClick={() => toggleBookmark(b)}>Remove</button>
          </div>
          <code className="bookmark__line">{b.line}</code>
          <textarea className="input bookmark__notearea" rows={2} value={b.note} placeholder="Add a note…"
            aria-label={`Note for event ${b.num}`} onChange={(e) => setNote(b.num, e.target.value)} />
        </div>
      ))}
    </div>
  );
}
