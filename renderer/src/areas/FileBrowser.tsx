import { useCallback, useEffect, useRef, useState } from 'react';
import type { DirEntry, DirListing } from '../../../core/api/contract';
import { getApi, toApiError, type ApiCallError } from '../api';
import { formatBytes } from '../format';
import { FileIcon, FolderIcon, UpIcon } from '../shell/icons';
import { useApp } from '../state/store';

interface Props {
  /** Folder to show first; the engine's default (the home folder) when absent. */
  startDir: string | undefined;
  selected: string;
  onSelect(path: string): void;
  onOpen(path: string): void;
}

type Load = { state: 'loading' } | { state: 'ok'; listing: DirListing } | { state: 'error'; error: ApiCallError };

/**
 * A folder browser over the engine's fs.list, so web mode can pick files on the machine the engine
 * runs on (a browser file input would upload the file instead). Captures are recognised by their
 * header, not their extension, and marked.
 */
export function FileBrowser({ startDir, selected, onSelect, onOpen }: Props) {
  const setBrowserDir = useApp((s) => s.setBrowserDir);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [dirInput, setDirInput] = useState(startDir ?? '');
  const [capturesOnly, setCapturesOnly] = useState(false);
  const [showHidden, setShowHidden] = useState(false);
  // Only the latest listing may land; a slow folder must not overwrite the one clicked after it.
  const seq = useRef(0);

  const list = useCallback(async (path: string | undefined) => {
    const mine = ++seq.current;
    setLoad({ state: 'loading' });
    try {
      const listing = await getApi().call('fs.list', path ? { path } : {});
      if (mine !== seq.current) return;
      setLoad({ state: 'ok', listing });
      setDirInput(listing.path);
      setBrowserDir(listing.path);
    } catch (err) {
      if (mine !== seq.current) return;
      setLoad({ state: 'error', error: toApiError(err) });
    }
  }, [setBrowserDir]);

  useEffect(() => { void list(startDir); }, [list, startDir]);

  const listing = load.state === 'ok' ? load.listing : null;
  const entries = listing
    ? listing.entries.filter((e) => (showHidden || !e.name.startsWith('.') || e.looksLikeCapture)
      && (!capturesOnly || e.kind === 'dir' || e.looksLikeCapture))
    : [];
  const captureCount = listing ? listing.entries.filter((e) => e.looksLikeCapture).length : 0;

  const activate = (e: DirEntry) => {
    if (e.kind === 'dir') void list(e.path);
    else onOpen(e.path);
  };

  return (
    <div className="browser" data-testid="file-browser">
      <form className="browser__bar" onSubmit={(ev) => { ev.preventDefault(); void list(dirInput.trim() || undefined); }}>
        <button type="button" className="btn btn--icon" title="Parent folder" aria-label="Parent folder"
          data-testid="browser-up" disabled={!listing?.parent} onClick={() => listing?.parent && void list(listing.parent)}>
          <UpIcon />
        </button>
        <input className="input input--mono browser__path" aria-label="Folder" data-testid="browser-path"
          value={dirInput} onChange={(ev) => setDirInput(ev.target.value)} spellCheck={false} />
        <button type="submit" className="btn">Go</button>
      </form>
      <div className="browser__list" role="listbox" aria-label="Folder contents" aria-busy={load.state === 'loading'}>
        {load.state === 'loading' && <div className="browser__note">Reading folder…</div>}
        {load.state === 'error' && (
          <div className="browser__note browser__note--error" role="alert" data-testid="browser-error">
            <span className="code-chip">{load.error.code}</span> {load.error.message}
            {load.error.hint && <div className="browser__hint">{load.error.hint}</div>}
          </div>
        )}
        {listing && entries.length === 0 && (
          <div className="browser__note">{capturesOnly ? 'No captures or folders here.' : 'This folder is empty.'}</div>
        )}
        {entries.map((e) => (
          <button key={e.path} type="button" role="option" aria-selected={selected === e.path}
            className={`browser__entry${e.looksLikeCapture ? ' browser__entry--capture' : ''}${selected === e.path ? ' is-selected' : ''}`}
            data-testid="browser-entry" data-kind={e.kind} data-capture={e.looksLikeCapture ? 'true' : 'false'}
            title={e.path}
            onClick={() => (e.kind === 'dir' ? void list(e.path) : onSelect(e.path))}
            onDoubleClick={() => e.kind !== 'dir' && activate(e)}
            onKeyDown={(ev) => { if (ev.key === 'Enter') { ev.preventDefault(); activate(e); } }}>
            <span className="browser__icon">{e.kind === 'dir' ? <FolderIcon /> : <FileIcon />}</span>
            <span className="browser__name">{e.name}</span>
            {e.looksLikeCapture && <span className="badge badge--capture">scap</span>}
            <span className="browser__size">{e.kind === 'file' ? formatBytes(e.size) : ''}</span>
          </button>
        ))}
      </div>
      <div className="browser__footer">
        <label className="check">
          <input type="checkbox" checked={capturesOnly} onChange={(ev) => setCapturesOnly(ev.target.checked)}
            data-testid="browser-captures-only" />
          Captures only
        </label>
        <label className="check">
          <input type="checkbox" checked={showHidden} onChange={(ev) => setShowHidden(ev.target.checked)}
            data-testid="browser-show-hidden" />
          Hidden files
        </label>
        <span className="browser__count browser__count--end">
          {listing ? `${listing.entries.length} ${listing.entries.length === 1 ? 'entry' : 'entries'} · ${captureCount} capture${captureCount === 1 ? '' : 's'}` : ''}
        </span>
      </div>
    </div>
  );
}
