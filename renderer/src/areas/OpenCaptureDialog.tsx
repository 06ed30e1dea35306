import { useEffect, useId, useRef, useState } from 'react';
import { dirName } from '../format';
import { CloseIcon } from '../shell/icons';
import { useApp } from '../state/store';
import { FileBrowser } from './FileBrowser';

interface Props {
  onClose(): void;
  onOpen(path: string): void;
}

export function OpenCaptureDialog({ onClose, onOpen }: Props) {
  const info = useApp((s) => s.appInfo);
  const browserDir = useApp((s) => s.browserDir);
  const [path, setPath] = useState(info?.initialCapture ?? '');
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Fixed at mount: the browser navigates on its own after that.
  const [startDir] = useState(() => browserDir
    ?? dirName(info?.initialCapture ?? info?.demoCapture ?? '') ?? undefined);

  useEffect(() => { inputRef.current?.focus(); }, []);

  const submit = (p: string) => {
    const trimmed = p.trim();
    if (trimmed) onOpen(trimmed);
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="modal modal--wide" role="dialog" aria-modal="true" aria-labelledby={titleId}
        data-testid="open-capture-dialog"
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
        <header className="modal__header">
          <h2 id={titleId} className="modal__title">Open capture</h2>
          <button type="button" className="btn btn--icon btn--ghost" aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </button>
        </header>
        <p className="modal__text">
          Pick a sysdig or Falco capture (<code>.scap</code>, raw or gzip) on the machine the engine runs on.
          The file is only read, never modified: opening fingerprints it (SHA-256) and indexes its events.
        </p>
        <form className="path-form" onSubmit={(e) => { e.preventDefault(); submit(path); }}>
          <label className="field">
            <span className="field__label">Capture file</span>
            <input ref={inputRef} className="input input--mono" data-testid="capture-path" value={path}
              placeholder="/path/to/capture.scap" spellCheck={false} autoComplete="off"
              onChange={(e) => setPath(e.target.value)} />
          </label>
          <button type="submit" className="btn btn--primary" data-testid="open-capture-submit" disabled={!path.trim()}>
            Open
          </button>
        </form>
        <FileBrowser startDir={startDir} selected={path} onSelect={setPath} onOpen={submit} />
        {info?.demoCapture && (
          <div className="modal__aside">
            <button type="button" className="btn btn--link" onClick={() => submit(info.demoCapture ?? '')}>
              Use the demo capture
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
