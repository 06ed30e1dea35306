/**
 * Which operators apply to which field types, as libsinsp's flt_is_comparable decides, with its
 * error wording (Falco reports these messages verbatim).
 */
import { isAddrType, isNetType, isNumericType, isStringType, type FieldType } from './fields.js';

export type BaseOp =
  | '=' | '!=' | '<' | '<=' | '>' | '>='
  | 'contains' | 'icontains' | 'bcontains' | 'startswith' | 'bstartswith' | 'endswith'
  | 'glob' | 'iglob' | 'regex' | 'in' | 'intersects' | 'pmatch' | 'exists';

export type Modifier = 'oneof' | 'anyof' | 'allof';

export interface Comparator {
  op: BaseOp;
  mod?: Modifier;
}

const BASE_OPS: ReadonlySet<string> = new Set([
  '=', '!=', '<', '<=', '>', '>=', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith',
  'endswith', 'glob', 'iglob', 'regex', 'in', 'intersects', 'pmatch', 'exists',
]);

/** Parses `==`, `startswith oneof` etc.; returns undefined for anything that is not an operator. */
export function parseComparator(text: string): Comparator | undefined {
  const parts = text.trim().split(/\s+/);
  const base = parts[0] === '==' ? '=' : parts[0]!;
  if (!BASE_OPS.has(base) || parts.length > 2) return undefined;
  if (parts.length === 2) {
    const mod = parts[1];
    if (mod !== 'oneof' && mod !== 'anyof' && mod !== 'allof') return undefined;
    return { op: base as BaseOp, mod };
  }
  return { op: base as BaseOp };
}

export function comparatorText(c: Comparator): string {
  return c.mod ? `${c.op} ${c.mod}` : c.op;
}

/** Operators that accept a modifier in the grammar (the string operators). */
export function supportsModifier(op: BaseOp): boolean {
  return ['=', '!=', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'glob', 'iglob', 'regex'].includes(op);
}

const NUMERIC_OPS: readonly BaseOp[] = ['=', '!=', '<', '<=', '>', '>=', 'in', 'intersects', 'exists'];
const BOOL_OPS: readonly BaseOp[] = ['=', '!=', 'in', 'intersects', 'exists'];
const STRING_OPS: readonly BaseOp[] = [
  '=', '!=', '<', '<=', '>', '>=', 'contains', 'in', 'exists', 'icontains', 'startswith', 'glob',
  'pmatch', 'endswith', 'intersects', 'iglob', 'regex',
];
const BUFFER_OPS: readonly BaseOp[] = ['=', '!=', 'contains', 'in', 'exists', 'startswith', 'endswith', 'intersects', 'bcontains', 'bstartswith'];
const IP_OPS: readonly BaseOp[] = ['=', '!=', 'in', 'exists', 'intersects'];
const LIST_OPS: readonly BaseOp[] = ['in', 'exists', 'intersects'];
const LIST_ELEMENT_TYPES: ReadonlySet<FieldType> = new Set<FieldType>(['CHARBUF', 'UINT64', 'RELTIME', 'ABSTIME', 'BOOL', 'IPADDR', 'IPNET']);

/** The operators a field of this type accepts (for completion and hints). */
export function operatorsFor(type: FieldType, isList: boolean): readonly BaseOp[] {
  if (isList) return LIST_ELEMENT_TYPES.has(type) ? LIST_OPS : ['exists'];
  if (isNumericType(type)) return NUMERIC_OPS;
  if (type === 'BOOL') return BOOL_OPS;
  if (isAddrType(type) || isNetType(type)) return IP_OPS;
  if (isStringType(type)) return STRING_OPS;
  if (type === 'BYTEBUF') return BUFFER_OPS;
  return ['exists'];
}

/** Returns libsinsp's error text when `cmp` cannot apply to the type, undefined when it can. */
export function comparabilityError(cmp: Comparator, type: FieldType, isList: boolean): string | undefined {
  if (cmp.op === 'exists') return undefined;
  const opname = cmp.op;
  if (isList) {
    if (!LIST_ELEMENT_TYPES.has(type)) return `list filters are not supported for type '${type}'`;
    return LIST_OPS.includes(cmp.op) ? undefined : `'${opname}' operator not supported list filters`;
  }
  if (isNumericType(type)) return NUMERIC_OPS.includes(cmp.op) ? undefined : `'${opname}' operator not supported for numeric filters`;
  if (type === 'BOOL') return BOOL_OPS.includes(cmp.op) ? undefined : `'${opname}' operator not supported for numeric filters`;
  if (isAddrType(type) || isNetType(type)) {
    if (IP_OPS.includes(cmp.op)) return undefined;
    return cmp.mod
      ? `'${opname}' with modifier not supported for ip address and network filters`
      : `'${opname}' operator not supported for ip address and network filters`;
  }
  if (isStringType(type)) return STRING_OPS.includes(cmp.op) ? undefined : `'${opname}' operator not supported for string filters`;
  if (type === 'BYTEBUF') return BUFFER_OPS.includes(cmp.op) ? undefined : `'${opname}' operator not supported for buffer filters`;
  return `'${opname}' operator not supported for type '${type}'`;
}
