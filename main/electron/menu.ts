import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openCapture(): void;
  openCase(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  quit(): void;
}

/** Built as data so tests can check the menu without Electron. */
export function buildMenuTemplate(actions: MenuActions, recent: string[], platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [...recent.map((p) => ({ label: p, click: () => actions.openRecent(p) })), { type: 'separator' }, { label: 'Clear Recent', click: actions.clearRecent }]
    : [{ label: 'No recent files', enabled: false }];
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Capture…', accelerator: 'CmdOrCtrl+O', click: actions.openCapture },
      { label: 'Open Case…', accelerator: 'CmdOrCtrl+Shift+O', click: actions.openCase },
      { label: 'Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Quit', accelerator: platform === 'darwin' ? 'Cmd+Q' : 'Ctrl+Q', click: actions.quit },
    ],
  };
  const template: MenuItemConstructorOptions[] = [file, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }];
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
