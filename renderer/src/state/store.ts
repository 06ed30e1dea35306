import { create } from 'zustand';
import type { AppInfo, ErrorCode, EvidenceHash, MethodName, ProgressEvent } from '../../../core/api/contract';
import type { ConnectionState, Transport } from '../api';

export const AREA_IDS = ['captures', 'cluster', 'cloud', 'scans', 'compliance', 'case'] as const;
export type AreaId = (typeof AREA_IDS)[number];

export type OperationStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** A long engine call as the status bar shows it. */
export interface Operation {
  id: number;
  label: string;
  method: MethodName;
  phase: string;
  /** Null until the first progress event: an indeterminate bar, not a fake 0%. */
  fraction: number | null;
  etaMs?: number;
  message?: string;
  startedAt: number;
  status: OperationStatus;
  controller: AbortController;
}

export type ToastTone = 'error' | 'info' | 'success';

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  message: string;
  code?: ErrorCode;
  hint?: string;
}

export type NewToast = Omit<Toast, 'id'>;

/** How long a finished operation stays in the status bar, so its outcome can be read. */
const LINGER_MS: Record<Exclude<OperationStatus, 'running'>, number> = { done: 5000, failed: 4000, cancelled: 3000 };
/** Success and info toasts go away on their own; errors stay until dismissed. */
const TOAST_MS: Record<ToastTone, number | null> = { error: null, info: 6000, success: 5000 };
const MAX_TOASTS = 5;

export interface AppState {
  area: AreaId;
  helpOpen: boolean;
  appInfo: AppInfo | null;
  transport: Transport | null;
  connection: ConnectionState;
  operations: Operation[];
  toasts: Toast[];
  /** Evidence hashed this session, newest first. */
  hashed: EvidenceHash[];
  /** The folder the capture browser last showed. */
  browserDir: string | null;
  /** At most one modal at a time; the help overlay is separate so it can sit on top. */
  openDialog: 'capture' | null;

  setArea(area: AreaId): void;
  setHelpOpen(open: boolean): void;
  setAppInfo(info: AppInfo): void;
  setTransport(t: Transport): void;
  setConnection(c: ConnectionState): void;
  pushToast(t: NewToast): number;
  dismissToast(id: number): void;
  addHashed(h: EvidenceHash): void;
  setBrowserDir(dir: string): void;
  setOpenDialog(d: 'capture' | null): void;

  startOperation(label: string, method: MethodName): Operation;
  progressOperation(id: number, p: ProgressEvent): void;
  finishOperation(id: number, status: Exclude<OperationStatus, 'running'>): void;
  cancelOperation(id: number): void;
  /** Removes an operation at once: a query superseded by a newer one is not news to the user. */
  dropOperation(id: number): void;
}

let nextId = 1;

export const useApp = create<AppState>()((set, get) => ({
  area: 'captures',
  helpOpen: false,
  appInfo: null,
  transport: null,
  connection: 'connecting',
  operations: [],
  toasts: [],
  hashed: [],
  browserDir: null,
  openDialog: null,

  setArea: (area) => set({ area }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setAppInfo: (appInfo) => set({ appInfo }),
  setTransport: (transport) => set({ transport }),
  setConnection: (connection) => set({ connection }),

  pushToast: (t) => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { ...t, id }].slice(-MAX_TOASTS) }));
    const ttl = TOAST_MS[t.tone];
    if (ttl !== null) setTimeout(() => get().dismissToast(id), ttl);
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),

  addHashed: (h) => set((s) => ({ hashed: [h, ...s.hashed.filter((x) => x.path !== h.path)] })),
  setBrowserDir: (browserDir) => set({ browserDir }),
  setOpenDialog: (openDialog) => set({ openDialog }),

  startOperation: (label, method) => {
    const op: Operation = {
      id: nextId++, label, method, phase: 'starting', fraction: null,
      startedAt: Date.now(), status: 'running', controller: new AbortController(),
    };
    set((s) => ({ operations: [...s.operations, op] }));
    return op;
  },
  progressOperation: (id, p) => set((s) => ({
    operations: s.operations.map((op) => {
      if (op.id !== id || op.status !== 'running') return op;
      const next: Operation = { ...op, phase: p.phase, fraction: p.fraction };
      if (p.etaMs !== undefined) next.etaMs = p.etaMs; else delete next.etaMs;
      if (p.message !== undefined) next.message = p.message; else delete next.message;
      return next;
    }),
  })),
  finishOperation: (id, status) => {
    set((s) => ({
      operations: s.operations.map((op) => {
        if (op.id !== id) return op;
        const next: Operation = { ...op, status };
        if (status === 'done') { next.fraction = 1; delete next.etaMs; }
        return next;
      }),
    }));
    setTimeout(() => set((s) => ({ operations: s.operations.filter((op) => op.id !== id) })), LINGER_MS[status]);
  },
  cancelOperation: (id) => {
    get().operations.find((op) => op.id === id && op.status === 'running')?.controller.abort();
  },
  dropOperation: (id) => set((s) => ({ operations: s.operations.filter((op) => op.id !== id) })),
}));
