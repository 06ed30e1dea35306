/**
 * Load results in Falco's shape: per loaded file, a list of errors and warnings, each with a code
 * (Falco's LOAD_* codes), a message, and a chain of locations from the file down to the item
 * (rule/macro/list/exception/condition) that caused it. Line and column are 1-based here.
 */

export const LOAD_ERROR_CODES = [
  'LOAD_ERR_FILE_READ',
  'LOAD_ERR_YAML_PARSE',
  'LOAD_ERR_YAML_VALIDATE',
  'LOAD_ERR_COMPILE_CONDITION',
  'LOAD_ERR_COMPILE_OUTPUT',
  'LOAD_ERR_VALIDATE',
  'LOAD_ERR_EXTENSION',
] as const;
export type LoadErrorCode = (typeof LOAD_ERROR_CODES)[number];

export const LOAD_WARNING_CODES = [
  'LOAD_UNKNOWN_SOURCE',
  'LOAD_UNSAFE_NA_CHECK',
  'LOAD_NO_EVTTYPE',
  'LOAD_UNKNOWN_FILTER',
  'LOAD_UNUSED_MACRO',
  'LOAD_UNUSED_LIST',
  'LOAD_UNKNOWN_ITEM',
  'LOAD_DEPRECATED_ITEM',
  'LOAD_WARNING_EXTENSION',
  'LOAD_APPEND_NO_VALUES',
  'LOAD_EXCEPTION_NAME_NOT_UNIQUE',
  'LOAD_INVALID_MACRO_NAME',
  'LOAD_INVALID_LIST_NAME',
  'LOAD_COMPILE_CONDITION',
  'LOAD_UNKNOWN_KEY',
] as const;
export type LoadWarningCode = (typeof LOAD_WARNING_CODES)[number];

/** Item types as Falco names them in its JSON validation output. */
export type ItemType =
  | 'value for'
  | 'exceptions'
  | 'exception'
  | 'exception values'
  | 'exception value'
  | 'rules content'
  | 'rules content item'
  | 'required_engine_version'
  | 'required plugin versions'
  | 'required plugin versions entry'
  | 'required plugin versions alternative'
  | 'list'
  | 'list item'
  | 'macro'
  | 'macro condition'
  | 'rule'
  | 'rule condition'
  | 'condition expression'
  | 'rule output'
  | 'rule output expression'
  | 'rule priority'
  | 'overrides';

export interface Location {
  itemType: ItemType;
  itemName: string;
  /** File name, or for condition expressions a short quote of the condition (as Falco does). */
  name: string;
  /** 1-based line and column in the file. */
  line: number;
  col: number;
  /** 0-based character offset in the file. */
  offset: number;
}

/** A chain of locations, outermost (the file) first. */
export class Context {
  constructor(readonly locations: readonly Location[]) {}

  static file(name: string): Context {
    return new Context([{ itemType: 'rules content', itemName: '', name, line: 1, col: 1, offset: 0 }]);
  }

  child(itemType: ItemType, itemName: string, at: { line: number; col: number; offset: number }, name?: string): Context {
    return new Context([...this.locations, { itemType, itemName, name: name ?? this.fileName, line: at.line, col: at.col, offset: at.offset }]);
  }

  get fileName(): string {
    return this.locations[0]!.name;
  }

  get last(): Location {
    return this.locations[this.locations.length - 1]!;
  }

  /** The innermost rule/macro/list/exception this context is about. */
  get item(): { itemType: ItemType; itemName: string } {
    for (let i = this.locations.length - 1; i >= 0; i--) {
      const l = this.locations[i]!;
      if (l.itemType === 'rule' || l.itemType === 'macro' || l.itemType === 'list' || l.itemType === 'exception') {
        return { itemType: l.itemType, itemName: l.itemName };
      }
    }
    return { itemType: this.last.itemType, itemName: this.last.itemName };
  }

  /**
   * Where in the file the innermost location points. Condition-expression locations carry file
   * coordinates here (mapped through the condition's YAML scalar), unlike Falco's.
   */
  get filePosition(): { line: number; col: number; offset: number } {
    const l = this.last;
    return { line: l.line, col: l.col, offset: l.offset };
  }
}

export interface LoadDiagnostic {
  code: LoadErrorCode | LoadWarningCode;
  message: string;
  context: Context;
  /** Convenience copies of the innermost item and where it is. */
  file: string;
  line: number;
  col: number;
  itemType: ItemType;
  itemName: string;
  /** For condition problems: offset and line/col inside the condition text. */
  conditionPos?: { idx: number; line: number; col: number };
}

export class LoadResult {
  readonly errors: LoadDiagnostic[] = [];
  readonly warnings: LoadDiagnostic[] = [];

  constructor(readonly name: string) {}

  get successful(): boolean {
    return this.errors.length === 0;
  }

  addError(code: LoadErrorCode, message: string, ctx: Context, conditionPos?: LoadDiagnostic['conditionPos']): void {
    this.errors.push(diagnostic(code, message, ctx, conditionPos));
  }

  addWarning(code: LoadWarningCode, message: string, ctx: Context, conditionPos?: LoadDiagnostic['conditionPos']): void {
    this.warnings.push(diagnostic(code, message, ctx, conditionPos));
  }

  /** Falco's `-V` JSON for this file (locations use Falco's 0-based line/column). */
  toFalcoJson(): Record<string, unknown> {
    const ctxJson = (c: Context): Record<string, unknown> => ({
      locations: c.locations.map((l) => ({
        item_type: l.itemType,
        item_name: l.itemName,
        position: { name: l.name, line: l.line - 1, column: l.col - 1, offset: l.offset },
      })),
    });
    return {
      name: this.name,
      successful: this.successful,
      errors: this.errors.map((e) => ({ code: e.code, message: e.message, context: ctxJson(e.context) })),
      warnings: this.warnings.map((w) => ({ code: w.code, message: w.message, context: ctxJson(w.context) })),
    };
  }
}

function diagnostic(code: LoadErrorCode | LoadWarningCode, message: string, ctx: Context, conditionPos?: LoadDiagnostic['conditionPos']): LoadDiagnostic {
  const pos = ctx.filePosition;
  const item = ctx.item;
  const d: LoadDiagnostic = { code, message, context: ctx, file: ctx.fileName, line: pos.line, col: pos.col, itemType: item.itemType, itemName: item.itemName };
  if (conditionPos) d.conditionPos = conditionPos;
  return d;
}

/** Thrown inside the reader/collector/compiler and caught per item. */
export class RuleLoadError extends Error {
  constructor(readonly code: LoadErrorCode, message: string, readonly ctx: Context, readonly conditionPos?: LoadDiagnostic['conditionPos']) {
    super(message);
    this.name = 'RuleLoadError';
  }
}
