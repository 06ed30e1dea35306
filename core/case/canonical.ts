/**
 * Canonical JSON: the one byte-exact text a value hashes to. Keys are sorted by UTF-16 code unit,
 * there is no whitespace, and numbers use JavaScript's shortest round-trip form, so
 * canonicalJson(JSON.parse(canonicalJson(v))) === canonicalJson(v). The audit chain and record
 * digests depend on that property: verify re-derives every hash from the stored text.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function write(v: unknown, path: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonical JSON has no ${v} (at ${path || '$'})`);
      return Object.is(v, -0) ? '0' : JSON.stringify(v);
    case 'bigint':
      // Nanosecond timestamps do not fit a double; they travel as decimal strings, as in the API.
      return JSON.stringify(v.toString());
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x, i) => (x === undefined ? 'null' : write(x, `${path}[${i}]`))).join(',')}]`;
      if (v instanceof Date) return JSON.stringify(v.toISOString());
      const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
      const parts = keys.map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k], `${path}.${k}`)}`);
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof v} (at ${path || '$'})`);
  }
}
