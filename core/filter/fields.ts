/**
 * What the filter compiler needs from a field registry. The inspector's registry
 * (core/inspect/fields) implements this; the compiler never knows how a value is found, only its
 * type and how to extract it from an event.
 */

/**
 * Value types, named after libsinsp's ppm_param_type (PT_*) because the operator/type table and
 * the value parsing rules are defined over them.
 */
export type FieldType =
  | 'INT8' | 'INT16' | 'INT32' | 'INT64'
  | 'UINT8' | 'UINT16' | 'UINT32' | 'UINT64'
  | 'ERRNO' | 'FD' | 'PID' | 'SYSCALLID' | 'SIGTYPE'
  | 'RELTIME' | 'ABSTIME'
  | 'PORT' | 'L4PROTO' | 'MODE' | 'UID' | 'GID'
  | 'FLAGS8' | 'FLAGS16' | 'FLAGS32' | 'ENUMFLAGS8' | 'ENUMFLAGS16' | 'ENUMFLAGS32'
  | 'DOUBLE' | 'BOOL'
  | 'CHARBUF' | 'FSPATH' | 'FSRELPATH' | 'BYTEBUF'
  | 'IPV4ADDR' | 'IPV6ADDR' | 'IPADDR' | 'IPV4NET' | 'IPV6NET' | 'IPNET'
  | 'SOCKADDR' | 'SOCKTUPLE' | 'SOCKFAMILY' | 'FDLIST' | 'SIGSET';

/**
 * A value as an extractor returns it. The compiler accepts these representations per type:
 * - integer types: number or bigint (ABSTIME and large UINT64 need bigint to stay exact)
 * - DOUBLE: number; BOOL: boolean or 0/1
 * - CHARBUF/FSPATH/FSRELPATH and the socket/list-ish types: string
 * - BYTEBUF: Uint8Array (a Buffer is fine) or a latin1 string
 * - IPV4ADDR: number (a.b.c.d as the u32 a<<24|b<<16|c<<8|d) or dotted string
 * - IPV6ADDR: 16-byte Uint8Array or text; IPADDR/IPNET fields: any address form above
 * - list fields: an array of the element representation
 * `undefined` or `null` means "not available for this event": every check on it is false.
 */
export type FieldValue = string | number | bigint | boolean | Uint8Array | readonly unknown[] | null | undefined;

export interface FieldDescriptor {
  name: string;
  type: FieldType;
  /** The field extracts a list of values (only in, intersects and exists apply). */
  isList?: boolean;
  /**
   * The field stands for several values and a check passes when it passes for any of them
   * (libsinsp's fd.ip, fd.port, proc.aname without index...). `extract` then returns an array.
   */
  anyOf?: boolean;
  /** Defaults to true; false for fields libsinsp refuses on either side of a field-to-field check. */
  rhsSupported?: boolean;
  /** Defaults to true; false when transformers cannot wrap the field. */
  transformersSupported?: boolean;
  /** One-line description for the UI. */
  description?: string;
  /** Whether the field takes an argument: required, optional, or never (default). */
  arg?: 'required' | 'optional' | 'none';
}

export interface ResolvedField<E> {
  /** The descriptor after the argument was applied (e.g. evt.arg.fd resolved to its type). */
  descriptor: FieldDescriptor;
  extract(evt: E): FieldValue;
  /**
   * Validates or converts a right-hand literal where the field has rules of its own (evt.type
   * accepts only event names). Throw an Error with a user-facing message to reject it.
   */
  checkValue?(text: string): void;
  /** The value as sysdig/Falco print it (`-p` formats, rule outputs); undefined when not available. */
  toText?(evt: E): string | undefined;
}

export interface FieldLookupFailure {
  error: 'unknown' | 'bad_arg';
  message: string;
}

export interface FieldResolver<E> {
  /** `name` excludes the bracket argument; `arg` is the text between brackets when present. */
  resolve(name: string, arg: string | undefined): ResolvedField<E> | FieldLookupFailure;
  /** Every field name, for suggestions and completion. */
  fieldNames(): readonly string[];
  /** Descriptor by name without resolving an argument (completion shows types and docs). */
  describe?(name: string): FieldDescriptor | undefined;
}

export function isLookupFailure<E>(r: ResolvedField<E> | FieldLookupFailure): r is FieldLookupFailure {
  return (r as FieldLookupFailure).error !== undefined;
}

const NUMERIC: ReadonlySet<FieldType> = new Set<FieldType>([
  'INT8', 'INT16', 'INT32', 'INT64', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'ERRNO', 'FD', 'PID',
  'SYSCALLID', 'SIGTYPE', 'RELTIME', 'ABSTIME', 'PORT', 'L4PROTO', 'MODE', 'UID', 'GID', 'FLAGS8',
  'FLAGS16', 'FLAGS32', 'ENUMFLAGS8', 'ENUMFLAGS16', 'ENUMFLAGS32', 'DOUBLE',
]);
const STRINGY: ReadonlySet<FieldType> = new Set<FieldType>(['CHARBUF', 'FSPATH', 'FSRELPATH']);
const ADDR: ReadonlySet<FieldType> = new Set<FieldType>(['IPV4ADDR', 'IPV6ADDR', 'IPADDR']);
const NET: ReadonlySet<FieldType> = new Set<FieldType>(['IPV4NET', 'IPV6NET', 'IPNET']);

export function isNumericType(t: FieldType): boolean {
  return NUMERIC.has(t);
}
export function isStringType(t: FieldType): boolean {
  return STRINGY.has(t);
}
export function isAddrType(t: FieldType): boolean {
  return ADDR.has(t);
}
export function isNetType(t: FieldType): boolean {
  return NET.has(t);
}
