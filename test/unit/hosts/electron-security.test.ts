import { describe, expect, it } from 'vitest';
import {
  ELECTRON_CSP, isAllowedNavigation, isExternalLinkAllowed, isPermissionAllowed, mainWindowOptions, secureWebPreferences,
} from '../../../main/electron/security.js';
import { validateIpcMessage } from '../../../main/electron/ipc.js';
import { buildMenuTemplate } from '../../../main/electron/menu.js';
import { pushRecent } from '../../../main/electron/recent.js';

describe('Electron window security', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
    expect(mainWindowOptions('/p').webPreferences).toEqual(secureWebPreferences('/p'));
  });

  it('has a strict CSP with no inline script, eval or remote origins', () => {
    expect(ELECTRON_CSP).toContain("default-src 'self'");
    expect(ELECTRON_CSP).toContain("script-src 'self'");
    expect(ELECTRON_CSP).toContain("object-src 'none'");
    expect(ELECTRON_CSP).not.toContain('unsafe-inline');
    expect(ELECTRON_CSP).not.toContain('unsafe-eval');
    expect(ELECTRON_CSP).not.toMatch(/https?:/);
  });

  it('locks navigation to the app page', () => {
    const index = 'file:///opt/tracehound/dist/renderer/index.html';
    expect(isAllowedNavigation(index, index)).toBe(true);
    expect(isAllowedNavigation(`${index}#/captures`, index)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', index)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', index)).toBe(false);
    expect(isAllowedNavigation('not a url', index)).toBe(false);
  });

  it('opens only http(s) links externally and grants no permissions', () => {
    expect(isExternalLinkAllowed('https://falco.org/docs')).toBe(true);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(isPermissionAllowed(p)).toBe(false);
  });
});

describe('IPC validation', () => {
  it('accepts a well-formed call and cancel', () => {
    const v = validateIpcMessage({ kind: 'call', id: 1, method: 'fs.list', params: { path: '/tmp' } });
    expect(v.ok).toBe(true);
    expect(validateIpcMessage({ kind: 'cancel', id: 1 }).ok).toBe(true);
  });

  it.each([
    ['not an object', 'hello', 'INVALID_REQUEST'],
    ['missing id', { kind: 'call', method: 'app.info', params: {} }, 'INVALID_REQUEST'],
    ['extra envelope keys', { kind: 'call', id: 1, method: 'app.info', params: {}, evil: true }, 'INVALID_REQUEST'],
    ['unknown method', { kind: 'call', id: 2, method: 'fs.delete', params: {} }, 'UNKNOWN_METHOD'],
    ['prototype method name', { kind: 'call', id: 3, method: '__proto__', params: {} }, 'UNKNOWN_METHOD'],
    ['wrong param type', { kind: 'call', id: 4, method: 'evidence.hash', params: { path: 42 } }, 'INVALID_REQUEST'],
    ['missing param', { kind: 'call', id: 5, method: 'evidence.hash', params: {} }, 'INVALID_REQUEST'],
    ['unexpected param', { kind: 'call', id: 6, method: 'fs.list', params: { path: '/', recursive: true } }, 'INVALID_REQUEST'],
    ['NUL in a path', { kind: 'call', id: 7, method: 'evidence.hash', params: { path: '/etc/passwd\0.scap' } }, 'INVALID_REQUEST'],
  ])('rejects %s with a typed error', (_name, raw, code) => {
    const v = validateIpcMessage(raw);
    expect(v.ok).toBe(false);
    if (!v.ok && v.reply.kind === 'error') expect(v.reply.error.code).toBe(code);
  });
});

describe('application menu', () => {
  const noop = () => {};
  const actions = { openCapture: noop, openCase: noop, openRecent: noop, clearRecent: noop, quit: noop };

  it('has Open capture, Open case, Recent and Quit', () => {
    const [file] = buildMenuTemplate(actions, ['/a.scap'], 'linux');
    const labels = (file?.submenu as { label?: string }[]).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['Open Capture…', 'Open Case…', 'Recent', 'Quit']));
  });

  it('keeps recent files most-recent-first and bounded', () => {
    let list: string[] = [];
    for (let i = 0; i < 15; i++) list = pushRecent(list, `/c${i}.scap`);
    list = pushRecent(list, '/c10.scap');
    expect(list[0]).toBe('/c10.scap');
    expect(list.length).toBe(10);
    expect(new Set(list).size).toBe(10);
  });
});
