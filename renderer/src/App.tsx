import { AREAS } from './areas/areas';
import { Header } from './shell/Header';
import { HelpOverlay } from './shell/HelpOverlay';
import { Nav } from './shell/Nav';
import { StatusBar } from './shell/StatusBar';
import { Toasts } from './shell/Toasts';
import { useGlobalShortcuts } from './shell/shortcuts';
import { useApp } from './state/store';
import { useExplorer } from './explorer/store';

export function App() {
  useGlobalShortcuts();
  const area = useApp((s) => s.area);
  const current = AREAS.find((a) => a.id === area) ?? AREAS[0];
  // An open capture needs the width: the navigation shrinks to its icons.
  const compact = useExplorer((s) => s.capture !== null) && area === 'captures';
  return (
    <div className={`shell${compact ? ' shell--compact' : ''}`} data-testid="app-shell" data-area={area}>
      <Header />
      <Nav />
      <main className="main" key={current.id}>
        <current.View />
      </main>
      <StatusBar />
      <Toasts />
      <HelpOverlay />
    </div>
  );
}
