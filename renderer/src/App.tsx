import { AREAS } from './areas/areas';
import { Header } from './shell/Header';
import { HelpOverlay } from './shell/HelpOverlay';
import { Nav } from './shell/Nav';
import { StatusBar } from './shell/StatusBar';
import { Toasts } from './shell/Toasts';
import { useGlobalShortcuts } from './shell/shortcuts';
import { useApp } from './state/store';

export function App() {
  useGlobalShortcuts();
  const area = useApp((s) => s.area);
  const current = AREAS.find((a) => a.id === area) ?? AREAS[0];
  return (
    <div className="shell" data-testid="app-shell" data-area={area}>
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
