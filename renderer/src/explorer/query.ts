import { useEffect, useRef, useState } from 'react';
import type { MethodName, Params, ProgressEvent, Result } from '../../../core/api/contract';
import { getApi, toApiError, type ApiCallError } from '../api';
import { useApp } from '../state/store';

export interface QueryState<T> {
  data: T | null;
  error: ApiCallError | null;
  loading: boolean;
  progress: ProgressEvent | null;
}

/**
 * Results of recent engine queries, so flipping between tabs does not re-read the capture.
 * Keyed by method and params (which carry the capture id), so a reopened capture never sees
 * another's results.
 */
const cache = new Map<string, unknown>();
const QUIET_DONE_MS = 1500;
const CACHE_MAX = 32;

function remember(key: string, value: unknown): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
}

export function clearQueryCache(): void {
  cache.clear();
}

/** A call shown in the status bar (progress, Cancel) whose failure the caller handles; no toast. */
export async function trackedCall<M extends MethodName>(label: string, method: M, params: Params<M>): Promise<Result<M>> {
  const op = useApp.getState().startOperation(label, method);
  try {
    const r = await getApi().call(method, params, {
      signal: op.controller.signal,
      onProgress: (p) => useApp.getState().progressOperation(op.id, p),
    });
    useApp.getState().finishOperation(op.id, 'done');
    return r;
  } catch (err) {
    useApp.getState().finishOperation(op.id, toApiError(err).code === 'CANCELLED' ? 'cancelled' : 'failed');
    throw err;
  }
}

/**
 * An engine call that follows its params: a change cancels the call in flight (on the engine too)
 * and starts the new one. Long calls appear in the status bar with progress and Cancel while they
 * run; a call superseded by a newer one leaves quietly. Failures stay inline (`error`), where the
 * pane that asked can explain them, rather than as toasts.
 */
export function useEngineQuery<M extends MethodName>(
  method: M, params: Params<M> | null, label: string, opts: { quiet?: boolean } = {},
): QueryState<Result<M>> & { reload(): void } {
  const quiet = opts.quiet ?? false;
  const key = params === null ? null : `${method} ${JSON.stringify(params)}`;
  const cached = key !== null && cache.has(key) ? (cache.get(key) as Result<M>) : null;
  const [state, setState] = useState<QueryState<Result<M>>>({ data: cached, error: null, loading: key !== null && !cached, progress: null });
  const [nonce, setNonce] = useState(0);
  const paramsRef = useRef(params);
  paramsRef.current = params;

  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null, loading: false, progress: null });
      return;
    }
    if (nonce === 0 && cache.has(key)) {
      setState({ data: cache.get(key) as Result<M>, error: null, loading: false, progress: null });
      return;
    }
    // Quiet queries (an event's details on every click) stay out of the status bar.
    const app = useApp.getState();
    const op = quiet ? { id: -1, controller: new AbortController() } : app.startOperation(label, method);
    const track = !quiet;
    const started = Date.now();
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true, progress: null }));
    getApi().call(method, paramsRef.current!, {
      signal: op.controller.signal,
      onProgress: (p) => {
        if (track) useApp.getState().progressOperation(op.id, p);
        if (live) setState((s) => ({ ...s, progress: p }));
      },
    }).then((result) => {
      remember(key, result);
      // A query that answered at once is not news; a long one stays readable for a moment.
      if (track) {
        if (Date.now() - started < QUIET_DONE_MS) useApp.getState().dropOperation(op.id);
        else useApp.getState().finishOperation(op.id, 'done');
      }
      if (live) setState({ data: result, error: null, loading: false, progress: null });
    }, (err: unknown) => {
      const e = toApiError(err);
      if (!live) {
        if (track) useApp.getState().dropOperation(op.id);
        return;
      }
      if (track) useApp.getState().finishOperation(op.id, e.code === 'CANCELLED' ? 'cancelled' : 'failed');
      setState({ data: null, error: e, loading: false, progress: null });
    });
    return () => {
      live = false;
      op.controller.abort();
    };
  }, [key, nonce, label, method, quiet]);

  return { ...state, reload: () => setNonce((n) => n + 1) };
}
