import { TracehoundError } from '../api/errors.js';
import type { Pos } from './ast.js';

/** The API-level codes a filter problem maps to (see core/api/contract.ts). */
export type FilterErrorCode =
  | 'FILTER_SYNTAX'
  | 'FILTER_UNKNOWN_FIELD'
  | 'FILTER_BAD_OPERATOR'
  | 'FILTER_BAD_VALUE'
  | 'FILTER_UNSUPPORTED';

/**
 * Finer reasons inside a code, stable for the UI (which picks an icon or quick fix from it) and
 * for the rules loader (which maps them onto Falco's load-result codes).
 */
export type FilterErrorReason =
  | 'EMPTY'
  | 'UNEXPECTED_TOKEN'
  | 'UNBALANCED_PARENS'
  | 'EXPECTED_VALUE'
  | 'EXPECTED_OPERATOR'
  | 'BAD_ESCAPE'
  | 'TOO_DEEP'
  | 'UNKNOWN_FIELD'
  | 'BAD_FIELD_ARG'
  | 'UNKNOWN_IDENTIFIER'
  | 'OPERATOR_TYPE'
  | 'BAD_VALUE'
  | 'BAD_TRANSFORMER'
  | 'RHS_FIELD'
  | 'UNSUPPORTED';

export interface FilterErrorInfo {
  reason: FilterErrorReason;
  pos: Pos;
  /** Offset just past the offending text, when known. */
  end?: number;
  /** Short human advice, e.g. "did you mean proc.name?". */
  suggestion?: string;
  /** Candidate replacements (field names, operators) for quick fixes. */
  candidates?: string[];
}

export class FilterError extends TracehoundError {
  readonly reason: FilterErrorReason;
  readonly pos: Pos;
  readonly end?: number;
  readonly suggestion?: string;
  readonly candidates?: string[];
  /** The message without the position prefix, as libsinsp words it. */
  readonly bare: string;

  constructor(code: FilterErrorCode, message: string, info: FilterErrorInfo) {
    super(code, message, {
      position: info.pos.idx,
      ...(info.suggestion !== undefined ? { hint: info.suggestion } : {}),
      detail: {
        reason: info.reason,
        line: info.pos.line,
        col: info.pos.col,
        ...(info.end !== undefined ? { end: info.end } : {}),
        ...(info.candidates ? { candidates: info.candidates } : {}),
      },
    });
    this.name = 'FilterError';
    this.bare = message;
    this.reason = info.reason;
    this.pos = info.pos;
    if (info.end !== undefined) this.end = info.end;
    if (info.suggestion !== undefined) this.suggestion = info.suggestion;
    if (info.candidates !== undefined) this.candidates = info.candidates;
  }
}

export function isFilterError(e: unknown): e is FilterError {
  return e instanceof FilterError;
}
