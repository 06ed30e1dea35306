import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { apiHandle } from './api';
import { openCapture } from './areas/CapturesArea';
import { openCase } from './areas/case/state';
import { closeCaptureOnUnload } from './explorer/open';
import { startUrlSync } from './explorer/url';
import { request } from './state/operations';
import { useApp } from './state/store';
import './styles.css';
import './explorer/explorer.css';

function boot(): void {
  const handle = apiHandle();
  const s = useApp.getState();
  s.setTransport(handle.transport);
  s.setConnection(handle.connection.get());
  handle.connection.subscribe((c) => useApp.getState().setConnection(c));
  handle.onHostEvent((event) => {
    const st = useApp.getState();
    if (event.kind === 'open-capture') {
      st.setArea('captures');
      void openCapture(event.path);
    } else {
      st.setArea('case');
      void openCase(event.path);
    }
  });
  // A URL that names a place (#/captures…) is the user's; a bare one is a fresh start.
  const bare = !location.hash.startsWith('#/');
  // In web mode the URL can name a capture and the state to restore; it wins over the command line's.
  const fromUrl = handle.transport === 'websocket' && startUrlSync();
  closeCaptureOnUnload();
  void request('Could not reach the engine', 'app.info', {}).then((info) => {
    if (!info) return;
    useApp.getState().setAppInfo(info);
    // The capture named on the command line opens at start, as `sysdig -r` users expect; with
    // none, a fresh start opens the built-in demo incident, so there is something to explore.
    if (info.initialCapture && !fromUrl) void openCapture(info.initialCapture);
    else if (!info.initialCapture && bare && info.demoCapture) void openCapture(info.demoCapture);
  });

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(<StrictMode><App /></StrictMode>);
}

boot();
