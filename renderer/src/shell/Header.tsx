import { useApp } from '../state/store';
import { KeyboardIcon, Logo } from './icons';

export function Header() {
  const info = useApp((s) => s.appInfo);
  const transport = useApp((s) => s.transport);
  const setHelpOpen = useApp((s) => s.setHelpOpen);
  const mode = info?.mode ?? (transport === 'ipc' ? 'electron' : 'web');
  return (
    <header className="header" data-testid="header">
      <div className="header__brand">
        <Logo />
        <span className="header__name" data-testid="app-name">{info?.name ?? 'Tracehound'}</span>
        <span className="header__tagline">forensics workbench</span>
      </div>
      <div className="header__right">
        {mode === 'web' && (
          <span className="pill" title="The engine runs in a local server bound to 127.0.0.1; this tab needs its token.">
            web mode · local only
          </span>
        )}
        {info && <span className="header__version" data-testid="app-version">v{info.version}</span>}
        <button type="button" className="btn btn--icon btn--ghost" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)"
          data-testid="help-button" onClick={() => setHelpOpen(true)}>
          <KeyboardIcon />
        </button>
      </div>
    </header>
  );
}
