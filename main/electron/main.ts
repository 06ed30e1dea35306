/**
 * The Electron main process: windows, menu and the relay between the sandboxed renderer and the
 * engine's utility process. It holds no engine logic of its own.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HostEvent, ServerMessage } from '../../core/api/contract.js';
import { demoCapturePath } from '../shared/demo.js';
import { packageVersion, projectRoot } from '../shared/version.js';
import { IPC_CALL_CHANNEL, IPC_HOST_EVENT_CHANNEL, IPC_REPLY_CHANNEL, validateIpcMessage } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { loadRecent, pushRecent, saveRecent } from './recent.js';
import { isAllowedNavigation, isExternalLinkAllowed, isPermissionAllowed, mainWindowOptions, responseSecurityHeaders } from './security.js';

const root = projectRoot();
const indexHtml = join(root, 'dist', 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexHtml).href;
const recentFile = () => join(app.getPath('userData'), 'recent.json');
let recent: string[] = [];
let engine: UtilityProcess | null = null;
let win: BrowserWindow | null = null;

// Which renderer asked: replies go back to the WebContents that made the call.
const callers = new Map<number, { contents: WebContents; id: number }>();
let nextEngineId = 1;

function startEngine(initialCapture: string | undefined): UtilityProcess {
  const options = { version: packageVersion(), demoCapture: demoCapturePath(root), initialCapture, defaultRulesDir: join(root, 'assets', 'rules') };
  const child = utilityProcess.fork(join(root, 'dist', 'main', 'electron', 'engine-host.js'), [], {
    serviceName: 'Tracehound engine',
    env: { ...process.env, TRACEHOUND_ENGINE_OPTIONS: JSON.stringify(options) },
  });
  child.on('message', (msg: ServerMessage) => {
    const caller = callers.get(msg.id);
    if (!caller) return;
    if (msg.kind !== 'progress') callers.delete(msg.id);
    if (!caller.contents.isDestroyed()) caller.contents.send(IPC_REPLY_CHANNEL, { ...msg, id: caller.id });
  });
  child.on('exit', (code) => {
    for (const [, c] of callers) {
      if (!c.contents.isDestroyed()) c.contents.send(IPC_REPLY_CHANNEL, { kind: 'error', id: c.id, error: { code: 'INTERNAL', message: `The engine stopped (exit ${code}); it restarts on the next request.` } });
    }
    callers.clear();
    engine = null;
  });
  return child;
}

function pushHostEvent(event: HostEvent): void {
  win?.webContents.send(IPC_HOST_EVENT_CHANNEL, event);
  if (event.kind === 'open-capture' || event.kind === 'open-case') {
    recent = pushRecent(recent, event.path);
    saveRecent(recentFile(), recent);
    refreshMenu();
  }
}

async function chooseFile(kind: 'capture' | 'case'): Promise<void> {
  if (!win) return;
  const filters = kind === 'capture'
    ? [{ name: 'Syscall captures', extensions: ['scap', 'gz'] }, { name: 'All files', extensions: ['*'] }]
    : [{ name: 'Tracehound cases', extensions: ['thcase'] }];
  const r = await dialog.showOpenDialog(win, { properties: ['openFile'], filters });
  const path = r.filePaths[0];
  if (!r.canceled && path) pushHostEvent({ kind: kind === 'capture' ? 'open-capture' : 'open-case', path });
}

function refreshMenu(): void {
  const template = buildMenuTemplate(
    {
      openCapture: () => void chooseFile('capture'),
      openCase: () => void chooseFile('case'),
      openRecent: (p) => pushHostEvent({ kind: p.endsWith('.thcase') ? 'open-case' : 'open-capture', path: p }),
      clearRecent: () => { recent = []; saveRecent(recentFile(), recent); refreshMenu(); },
      quit: () => app.quit(),
    },
    recent,
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  win = new BrowserWindow(mainWindowOptions(join(root, 'dist', 'preload', 'index.cjs')));
  const contents = win.webContents;
  contents.on('will-navigate', (e, url) => { if (!isAllowedNavigation(url, indexUrl)) e.preventDefault(); });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win?.show());
  void win.loadFile(indexHtml);
}

app.enableSandbox();
app.whenReady().then(() => {
  const initial = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => !a.startsWith('-'));
  const initialCapture = initial ? resolve(initial) : undefined;
  recent = loadRecent(recentFile());
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(isPermissionAllowed(permission)));
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, ...responseSecurityHeaders() } });
  });
  ipcMain.on(IPC_CALL_CHANNEL, (event, raw: unknown) => {
    if (event.senderFrame?.url !== indexUrl) return; // only our own page may call the engine
    const verdict = validateIpcMessage(raw);
    if (!verdict.ok) {
      event.sender.send(IPC_REPLY_CHANNEL, verdict.reply);
      return;
    }
    engine ??= startEngine(initialCapture);
    const msg = verdict.message;
    if (msg.kind === 'cancel') {
      for (const [engineId, c] of callers) if (c.contents === event.sender && c.id === msg.id) engine.postMessage({ kind: 'cancel', id: engineId });
      return;
    }
    const engineId = nextEngineId++;
    callers.set(engineId, { contents: event.sender, id: msg.id });
    engine.postMessage({ ...msg, id: engineId });
  });
  refreshMenu();
  createWindow();
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(); });
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (ev, url) => { if (!isAllowedNavigation(url, indexUrl)) ev.preventDefault(); });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => {
  engine?.kill();
  if (process.platform !== 'darwin') app.quit();
});
