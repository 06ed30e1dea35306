/**
 * Views, tiles and chisels name their inputs with sysdig field names ("fd.name", "proc.aname[2]"),
 * exactly as csysdig's view files do. This module turns such a name into an extractor through the
 * same FieldResolver the filter compiler uses, so a column and a filter on the same field always
 * agree.
 */
import type { FieldDescriptor, FieldResolver, FieldValue } from '../filter/fields.js';
import { isLookupFailure } from '../filter/fields.js';
import { TracehoundError } from '../api/errors.js';
import { ipv4ToString, ipv6ToString } from '../inspect/net.js';

export type Extractor<E> = (evt: E) => FieldValue;

export interface BoundField<E> {
  /** The name as written, argument included. */
  spec: string;
  descriptor: FieldDescriptor;
  extract: Extractor<E>;
}

const SPEC = /^([A-Za-z0-9_.]+)(?:\[([^\]]*)\])?$/;

export function splitFieldSpec(spec: string): { name: string; arg: string | undefined } {
  const m = SPEC.exec(spec.trim());
  if (!m) throw new TracehoundError('FILTER_UNKNOWN_FIELD', `not a field name: ${spec}`);
  return { name: m[1]!, arg: m[2] };
}

/** Resolves a field or throws FILTER_UNKNOWN_FIELD (a view definition or a user's --key). */
export function bindField<E>(resolver: FieldResolver<E>, spec: string): BoundField<E> {
  const { name, arg } = splitFieldSpec(spec);
  const r = resolver.resolve(name, arg);
  if (isLookupFailure(r)) throw new TracehoundError('FILTER_UNKNOWN_FIELD', `${spec}: ${r.message}`);
  return { spec, descriptor: r.descriptor, extract: r.extract };
}

/** Like bindField, but returns undefined when the registry does not know the field. */
export function tryBindField<E>(resolver: FieldResolver<E>, spec: string): BoundField<E> | undefined {
  const { name, arg } = splitFieldSpec(spec);
  const r = resolver.resolve(name, arg);
  return isLookupFailure(r) ? undefined : { spec, descriptor: r.descriptor, extract: r.extract };
}

/** Absent in libsinsp's sense: the field had nothing to say about this event. */
export function isAbsent(v: FieldValue): v is null | undefined {
  return v === null || v === undefined;
}

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * A numeric reading of a value, or undefined when it is not a number (absent, text, address).
 * Decimal text counts: evt.rawarg.* hands out the printed form of the raw param.
 */
export function toNumber(v: FieldValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && NUMERIC_TEXT.test(v)) return Number(v);
  return undefined;
}

/** True for a BOOL field's true value in any representation extractors may use. */
export function isTrue(v: FieldValue): boolean {
  return v === true || v === 1 || v === 1n;
}

/**
 * A value as text, for row keys and list cells. Extractors may hand out numbers for addresses
 * (see FieldValue), so the descriptor decides how to spell them.
 */
export function valueText(v: FieldValue, d: FieldDescriptor): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (d.type === 'IPV4ADDR' || (d.type === 'IPADDR' && typeof v === 'number')) {
      const n = Number(v) >>> 0;
      return ipv4ToString(Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255));
    }
    return String(v);
  }
  if (v instanceof Uint8Array) {
    const ip = d.type === 'IPV4ADDR' || d.type === 'IPV6ADDR' || d.type === 'IPADDR' || d.type === 'IPNET' || d.type === 'IPV4NET' || d.type === 'IPV6NET';
    if (ip && v.length === 16) return ipv6ToString(v);
    if (ip && v.length === 4) return ipv4ToString(v);
    return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
  }
  if (Array.isArray(v)) return v.map((x) => valueText(x as FieldValue, d)).join(',');
  return String(v);
}
