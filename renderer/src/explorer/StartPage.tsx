import { useEffect, useMemo, useRef, useState } from 'react';
import type { DirEntry } from '../../../core/api/contract';
import { getApi } from '../api';
import { baseName, dirName, formatBytes } from '../format';
import { CapturesIcon, CloseIcon, FileIcon, FolderIcon } from '../shell/icons';
import { useApp } from '../state/store';
import { formatCount } from './model';
import { openCapture } from './open';
import { OpenProgress } from './OpenProgress';
import { forgetCapture, recentCaptures, type RecentCapture } from './storage';
import { useExplorer } from './store';

/** Entries of the folder being typed whose names start with what follows the last separator. */
function useSuggestions(path: string): DirEntry[] {
  const [entries, setEntries] = useState<{ dir: string; list: DirEntry[] }>({ dir: '', list: [] });
  const dir = path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : dirName(path);
  useEffect(() => {
    if (!dir || dir === entries.dir) return;
    let live = true;
    const t = setTimeout(() => {
      getApi().call('fs.list', { path: dir }).then(
        (l) => { if (live) setEntries({ dir, list: l.entries }); },
        () => { if (live) setEntries({ dir, list: [] }); },
      );
    }, 120);
    return () => { live = false; clearTimeout(t); };
  }, [dir, entries.dir]);
  const prefix = path.endsWith('/') ? '' : baseName(path);
  if (!dir || dir !== entries.dir) return [];
  return entries.list
    .filter((e) => e.name.startsWith(prefix) && (prefix.startsWith('.') || !e.name.startsWith('.')) && (e.kind === 'dir' || e.looksLikeCapture))
    .sort((a, b) => Number(b.looksLikeCapture) - Number(a.looksLikeCapture) || a.name.localeCompare(b.name))
    .slice(0, 12);
}

function ago(ms: number): string {
  const s = Math.round((Date.now() - ms) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}

export function StartPage() {
  const info = useApp((s) => s.appInfo);
  const setOpenDialog = useApp((s) => s.setOpenDialog);
  const opening = useExplorer((s) => s.opening);
  const [path, setPath] = useState('');
  const [recent, setRecent] = useState<RecentCapture[]>(() => recentCaptures());
  const [focus, setFocus] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const suggestions = useSuggestions(path);
  const showSuggestions = focus && suggestions.length > 0 && !(suggestions.length === 1 && suggestions[0]!.path === path);

  useEffect(() => { setActive(-1); }, [suggestions]);
  useEffect(() => { if (!opening) setRecent(recentCaptures()); }, [opening]);

  const demo = info?.demoCapture;
  const entries = useMemo(() => recent.filter((r) => r.path !== demo), [recent, demo]);

  const submit = (p: string) => {
    const t = p.trim();
    if (t) void openCapture(t);
  };
  const accept = (e: DirEntry) => {
    const next = e.kind === 'dir' ? `${e.path.replace(/\/+$/, '')}/` : e.path;
    setPath(next);
    inputRef.current?.focus();
  };

  return (
    <div className="start" data-testid="capture-start">
      <div className="start__hero">
        <div className="start__icon"><CapturesIcon width={30} height={30} /></div>
        <div>
          <h1 className="start__title">Open a capture</h1>
          <p className="start__lead">
            sysdig and Falco syscall captures (<code>.scap</code>, raw or gzip). The file is read on the engine’s machine,
            fingerprinted (SHA-256) and indexed once; it is never modified.
          </p>
        </div>
      </div>

      <form className="start__form" onSubmit={(e) => {
        e.preventDefault();
        if (showSuggestions && active >= 0) accept(suggestions[active]!);
        else submit(path);
      }}>
        <div className="start__combo">
          <input ref={inputRef} className="input input--mono start__input" data-testid="capture-path-input"
            aria-label="Capture path" placeholder="/path/to/capture.scap" value={path} spellCheck={false}
            autoComplete="off" role="combobox" aria-expanded={showSuggestions} aria-controls="path-suggestions"
            onChange={(e) => setPath(e.target.value)}
            onFocus={() => setFocus(true)}
            onBlur={() => setTimeout(() => setFocus(false), 120)}
            onKeyDown={(e) => {
              if (!showSuggestions) return;
              if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(suggestions.length - 1, a + 1)); }
              if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(-1, a - 1)); }
              if (e.key === 'Tab' && suggestions.length) { e.preventDefault(); accept(suggestions[Math.max(0, active)]!); }
              if (e.key === 'Escape') { e.stopPropagation(); setFocus(false); }
            }} />
          {showSuggestions && (
            <ul className="suggest" id="path-suggestions" role="listbox" data-testid="path-suggestions">
              {suggestions.map((s, i) => (
                <li key={s.path} role="option" aria-selected={i === active}
                  className={`suggest__item${i === active ? ' is-active' : ''}${s.looksLikeCapture ? ' suggest__item--capture' : ''}`}
                  onMouseDown={(e) => { e.preventDefault(); accept(s); }}>
                  {s.kind === 'dir' ? <FolderIcon width={14} height={14} /> : <FileIcon width={14} height={14} />}
                  <span className="suggest__name">{s.name}{s.kind === 'dir' ? '/' : ''}</span>
                  {s.looksLikeCapture && <span className="badge badge--capture">scap</span>}
                  <span className="suggest__size">{s.kind === 'file' ? formatBytes(s.size) : ''}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="submit" className="btn btn--primary" data-testid="open-capture" disabled={!path.trim() || !!opening}>
          Open
        </button>
        <button type="button" className="btn" data-testid="open-capture-button" onClick={() => setOpenDialog('capture')}>
          Browse…
        </button>
      </form>
      <p className="start__hint">
        Tab completes folders and captures. Dropping files onto the window is not supported yet: in web mode the
        engine reads files on its own machine, so type or browse to a path.
      </p>

      {opening && <OpenProgress />}

      <h2 className="start__section">Recent captures</h2>
      <ul className="recent" data-testid="recent-captures">
        {demo && (
          <li className="recent__item recent__item--demo" data-testid="recent-demo">
            <button type="button" className="recent__open" onClick={() => submit(demo)} disabled={!!opening}>
              <FileIcon className="recent__icon" />
              <span className="recent__name">{baseName(demo)} <span className="badge badge--demo">demo</span></span>
              <span className="recent__path">{demo}</span>
              <span className="recent__meta">Generated incident to explore: opens on what the default rules find in it</span>
            </button>
          </li>
        )}
        {entries.map((r) => (
          <li key={r.path} className="recent__item" data-testid="recent-item">
            <button type="button" className="recent__open" onClick={() => submit(r.path)} disabled={!!opening} title={r.path}>
              <FileIcon className="recent__icon" />
              <span className="recent__name">{baseName(r.path)}</span>
              <span className="recent__path">{r.path}</span>
              <span className="recent__meta">
                {formatCount(r.events)} events · {formatBytes(r.size)} · {ago(r.openedAt)} · sha256 {r.sha256.slice(0, 12)}…
              </span>
            </button>
            <button type="button" className="btn btn--icon btn--ghost recent__forget" aria-label={`Forget ${baseName(r.path)}`}
              title="Remove from this list (the file is not touched)" onClick={() => setRecent(forgetCapture(r.path))}>
              <CloseIcon width={14} height={14} />
            </button>
          </li>
        ))}
        {!demo && entries.length === 0 && (
          <li className="recent__empty">Captures you open are listed here (kept in this browser profile).</li>
        )}
      </ul>
    </div>
  );
}
