import type { ApiErrorShape, ErrorCode } from '../../../core/api/contract';

/**
 * What every Api call rejects with: an Error (so consoles show a stack) that is also the contract's
 * ApiErrorShape, so the UI reads code, message and hint the same way from every transport.
 */
export class ApiCallError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly position?: number;
  readonly detail?: Record<string, unknown>;

  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiCallError';
    this.code = shape.code;
    if (shape.hint !== undefined) this.hint = shape.hint;
    if (shape.position !== undefined) this.position = shape.position;
    if (shape.detail !== undefined) this.detail = shape.detail;
  }
}

export function isApiErrorShape(v: unknown): v is ApiErrorShape {
  return !!v && typeof v === 'object'
    && typeof (v as ApiErrorShape).code === 'string'
    && typeof (v as ApiErrorShape).message === 'string';
}

/** Anything a transport rejected with, as an ApiErrorShape. Unknown throwables become INTERNAL. */
export function toApiError(err: unknown): ApiCallError {
  if (err instanceof ApiCallError) return err;
  if (isApiErrorShape(err)) {
    const shape: ApiErrorShape = { code: err.code, message: err.message };
    if (typeof err.hint === 'string') shape.hint = err.hint;
    if (typeof err.position === 'number') shape.position = err.position;
    if (err.detail && typeof err.detail === 'object') shape.detail = err.detail;
    return new ApiCallError(shape);
  }
  if (err instanceof DOMException && err.name === 'AbortError') {
    return new ApiCallError({ code: 'CANCELLED', message: 'The operation was cancelled.' });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ApiCallError({ code: 'INTERNAL', message });
}

export function cancelledError(method: string): ApiCallError {
  return new ApiCallError({ code: 'CANCELLED', message: `${method} was cancelled.` });
}
