import { useState } from 'react';
import { baseName, dirName, formatByteCount, formatBytes } from '../format';
import { useApp } from '../state/store';
import { Alerts } from './Alerts';
import { Bookmarks } from './Bookmarks';
import { ContextMenuHost } from './ContextMenu';
import { EventSplit } from './EventDetail';
import { EventList } from './EventList';
import { FilterBar } from './FilterBar';
import { FollowStream } from './FollowStream';
import { clockTime, formatCount, formatNs, isoDate, spanNs } from './model';
import { closeCapture } from './open';
import { OpenProgress } from './OpenProgress';
import { OverviewTiles } from './OverviewTiles';
import { ProcessTree } from './ProcessTree';
import { useExplorerShortcuts } from './shortcuts';
import { TAB_TITLES, TABS, useExplorer, type Tab } from './store';
import { Timeline } from './Timeline';
import { Topology } from './Topology';
import { ViewsPane } from './ViewsPane';

const TAB_KEYS: Record<Tab, string> = {
  overview: 'o', views: 'v', events: 'e', topology: 't', tree: 'p', alerts: 'a', bookmarks: 'm', stream: 's',
};

function CaptureBar() {
  const cap = useExplorer((s) => s.capture)!;
  const opening = useExplorer((s) => s.opening);
  const setOpenDialog = useApp((s) => s.setOpenDialog);
  const [copied, setCopied] = useState(false);
  const duration = cap.firstTs && cap.lastTs ? spanNs(cap.firstTs, cap.lastTs) : null;
  const copy = () => {
    void navigator.clipboard?.writeText(cap.sha256).then(() => { setCopied(true); setTimeout(() => setCopied(false), 1200); }, () => {});
  };
  return (
    <header className="capbar" data-testid="capture-bar" data-capture-id={cap.id} data-events={cap.events}>
      <div className="capbar__file">
        <h1 className="capbar__name" title={cap.path}>{baseName(cap.path)}</h1>
        <span className="capbar__path" title={cap.path}>{dirName(cap.path) ?? cap.path}</span>
      </div>
      <dl className="capbar__facts">
        <div><dt>Events</dt><dd data-testid="capture-events">{formatCount(cap.events)}</dd></div>
        <div><dt>Span</dt><dd>{duration !== null ? formatNs(duration) : '—'}</dd></div>
        <div><dt>Start (UTC)</dt><dd>{cap.firstTs ? `${isoDate(cap.firstTs)} ${clockTime(cap.firstTs).slice(0, 12)}` : '—'}</dd></div>
        <div><dt>Size</dt><dd title={formatByteCount(cap.size)}>{formatBytes(cap.size)}{cap.compressed ? ' gz' : ''}</dd></div>
        <div>
          <dt>SHA-256</dt>
          <dd><button type="button" className="capbar__hash" title={`${cap.sha256}\nClick to copy`} onClick={copy} data-testid="capture-sha256"
            data-sha256={cap.sha256}>{copied ? 'copied' : `${cap.sha256.slice(0, 16)}…`}</button></dd>
        </div>
        <div><dt>Format</dt><dd>scap {cap.version}</dd></div>
      </dl>
      {cap.warnings.length > 0 && (
        <span className="capbar__warn" data-testid="capture-warnings" title={cap.warnings.map((w) => `${w.code}: ${w.message}`).join('\n')}>
          ⚠ {cap.warnings.length} warning{cap.warnings.length === 1 ? '' : 's'}
        </span>
      )}
      <span className="capbar__spacer" />
      <span className="capbar__ro" title="Evidence is only read, never modified">read-only</span>
      <button type="button" className="btn btn--small" data-testid="open-another" disabled={!!opening} onClick={() => setOpenDialog('capture')}>
        Open…
      </button>
      <button type="button" className="btn btn--small btn--ghost" data-testid="close-capture" onClick={() => void closeCapture()}>Close</button>
    </header>
  );
}

export function Explorer() {
  useExplorerShortcuts();
  const tab = useExplorer((s) => s.tab);
  const setTab = useExplorer((s) => s.setTab);
  const filter = useExplorer((s) => s.filter);
  const range = useExplorer((s) => s.range);
  const opening = useExplorer((s) => s.opening);
  const findings = useExplorer((s) => s.rules?.findings.length);
  const marks = useExplorer((s) => s.bookmarks.length);
  const stream = useExplorer((s) => s.stream);
  const badge: Partial<Record<Tab, string>> = {
    ...(findings !== undefined ? { alerts: String(findings) } : {}),
    ...(marks ? { bookmarks: String(marks) } : {}),
    ...(stream ? { stream: '●' } : {}),
  };
  return (
    <div className="explorer" data-testid="explorer">
      <CaptureBar />
      {opening && <div className="explorer__opening"><OpenProgress /></div>}
      <FilterBar />
      <Timeline />
      <div className="tabs" role="tablist" aria-label="Explorer panes">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} data-testid={`tab-${t}`}
            className={`tabs__tab${tab === t ? ' is-active' : ''}`} onClick={() => setTab(t)} title={`${TAB_TITLES[t]} (${TAB_KEYS[t]})`}>
            {TAB_TITLES[t]}
            {badge[t] && <span className={`tabs__badge${t === 'alerts' && findings ? ' tabs__badge--alert' : ''}`}>{badge[t]}</span>}
          </button>
        ))}
        <span className="tabs__spacer" />
        {(filter || range) && (
          <span className="tabs__scope" data-testid="scope-indicator">
            Scoped by {[filter ? 'filter' : '', range ? 'time' : ''].filter(Boolean).join(' + ')}
          </span>
        )}
      </div>
      <div className="explorer__body" role="tabpanel" data-tab={tab}>
        {tab === 'overview' && <div className="scrollpane"><OverviewTiles /></div>}
        {tab === 'views' && <ViewsPane />}
        {tab === 'events' && <EventSplit><EventList filter={filter || null} range={range} widenOnMiss /></EventSplit>}
        {tab === 'topology' && <Topology />}
        {tab === 'tree' && <ProcessTree />}
        {tab === 'alerts' && <Alerts />}
        {tab === 'bookmarks' && <div className="scrollpane"><Bookmarks /></div>}
        {tab === 'stream' && <FollowStream />}
      </div>
      <ContextMenuHost />
    </div>
  );
}
