import type { MethodName, Params, Result } from '../../../core/api/contract';
import { getApi, toApiError } from '../api';
import { useApp, type NewToast } from './store';

/**
 * Runs an engine call as a tracked operation: it appears in the status bar with progress and a
 * Cancel button, and a failure becomes an error toast. Resolves to undefined when the call failed
 * or was cancelled, because the toast has already told the user.
 */
export async function runOperation<M extends MethodName>(
  label: string, method: M, params: Params<M>, hooks: { onStart?: (opId: number) => void } = {},
): Promise<Result<M> | undefined> {
  const store = useApp.getState();
  const op = store.startOperation(label, method);
  hooks.onStart?.(op.id);
  try {
    const result = await getApi().call(method, params, {
      signal: op.controller.signal,
      onProgress: (p) => useApp.getState().progressOperation(op.id, p),
    });
    useApp.getState().finishOperation(op.id, 'done');
    return result;
  } catch (err) {
    const e = toApiError(err);
    const s = useApp.getState();
    if (e.code === 'CANCELLED') {
      s.finishOperation(op.id, 'cancelled');
      s.pushToast({ tone: 'info', title: `${label} cancelled`, message: 'Nothing was changed.' });
    } else {
      s.finishOperation(op.id, 'failed');
      reportError(`${label} failed`, e);
    }
    return undefined;
  }
}

/** A quick call (no status bar entry) whose failure is shown as a toast. */
export async function request<M extends MethodName>(
  title: string, method: M, params: Params<M>,
): Promise<Result<M> | undefined> {
  try {
    return await getApi().call(method, params);
  } catch (err) {
    reportError(title, toApiError(err));
    return undefined;
  }
}

export function reportError(title: string, err: unknown): void {
  const e = toApiError(err);
  const toast: NewToast = {
    tone: 'error', title, code: e.code, message: e.message,
  };
  if (e.hint) toast.hint = e.hint;
  useApp.getState().pushToast(toast);
}
