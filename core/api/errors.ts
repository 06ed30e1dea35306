import { ERROR_CODES, type ApiErrorShape, type ErrorCode } from './contract.js';

export type { ApiErrorShape, ErrorCode };

export class TracehoundError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly position?: number;
  readonly detail?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, extra: Omit<ApiErrorShape, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'TracehoundError';
    this.code = code;
    if (extra.hint !== undefined) this.hint = extra.hint;
    if (extra.position !== undefined) this.position = extra.position;
    if (extra.detail !== undefined) this.detail = extra.detail;
  }

  toShape(): ApiErrorShape {
    const shape: ApiErrorShape = { code: this.code, message: this.message };
    if (this.hint !== undefined) shape.hint = this.hint;
    if (this.position !== undefined) shape.position = this.position;
    if (this.detail !== undefined) shape.detail = this.detail;
    return shape;
  }
}

/** Anything thrown inside the engine becomes a shape; unknown throwables are INTERNAL, never leaked raw. */
export function toErrorShape(err: unknown): ApiErrorShape {
  if (err instanceof TracehoundError) return err.toShape();
  if (isErrorShape(err)) return err;
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    if (e.code === 'ENOENT') return { code: 'FILE_NOT_FOUND', message: e.message, hint: 'Check the path and try again.' };
    if (e.code === 'EACCES' || e.code === 'EPERM') return { code: 'FILE_NOT_READABLE', message: e.message, hint: 'Check the file permissions.' };
    if (e.code === 'ENOTDIR') return { code: 'NOT_A_DIRECTORY', message: e.message };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

export function isErrorShape(v: unknown): v is ApiErrorShape {
  return !!v && typeof v === 'object' && typeof (v as ApiErrorShape).code === 'string'
    && (ERROR_CODES as readonly string[]).includes((v as ApiErrorShape).code)
    && typeof (v as ApiErrorShape).message === 'string';
}
