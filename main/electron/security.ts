import type { BrowserWindowConstructorOptions } from 'electron';
import { contentSecurityPolicy } from '../web/csp.js';

/**
 * Pure builders for the window's security posture, kept free of the electron runtime so unit tests
 * can assert on them without the Electron binary.
 */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#0f1419',
    title: 'Tracehound',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** The renderer is loaded from disk; nothing remote may be fetched or framed. */
export const ELECTRON_CSP = contentSecurityPolicy();

/** Only the app's own index page may be shown; every other navigation is refused. */
export function isAllowedNavigation(target: string, appIndexUrl: string): boolean {
  try {
    const t = new URL(target);
    const a = new URL(appIndexUrl);
    return t.protocol === 'file:' && t.pathname === a.pathname;
  } catch {
    return false;
  }
}

/** Links the user clicks open in the system browser, and only http(s) ones. */
export function isExternalLinkAllowed(target: string): boolean {
  try {
    const u = new URL(target);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Permissions the renderer could ask for (camera, geolocation, notifications…): none are needed. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

/** Headers added to every response the renderer receives. */
export function responseSecurityHeaders(): Record<string, string[]> {
  return {
    'Content-Security-Policy': [ELECTRON_CSP],
    'X-Content-Type-Options': ['nosniff'],
  };
}
