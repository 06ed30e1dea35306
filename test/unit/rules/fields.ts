/**
 * The syscall field resolver the rules tests use: the inspector's registry (core/inspect/fields)
 * for every field it defines, and, for fields the current rules files use that the registry does
 * not define yet, a typed stand-in that never extracts a value. PENDING_REGISTRY_FIELDS names
 * exactly those; a test fails as soon as the registry gains one of them, so the list only shrinks.
 * Types are libsinsp's (from `sysdig -l -v` where sysdig 0.29.3 knows the field).
 */
import type { FieldLookupFailure, FieldResolver, FieldType, ResolvedField } from '../../../core/filter/fields.js';
import type { FieldContext } from '../../../core/inspect/fields/types.js';
import { RegistryResolver } from '../../../core/rules/syscall-resolver.js';

export const PENDING_REGISTRY_FIELDS: Record<string, FieldType> = {
  'container.start_ts': 'ABSTIME',
  'proc.exe_ino.ctime': 'ABSTIME',
  'proc.exe_ino.ctime_duration_proc_start': 'ABSTIME',
  'proc.exe_ino.mtime': 'ABSTIME',
  'proc.is_exe_from_memfd': 'BOOL',
  'proc.is_exe_upper_layer': 'BOOL',
  'thread.cap_effective': 'CHARBUF',
  'thread.cap_permitted': 'CHARBUF',
};

/** Bracket arguments the stand-ins accept (container.mount.dest[/proc*]). */
const PENDING_WITH_ARG = new Set<string>();

export function testSyscallResolver(): FieldResolver<FieldContext> & { registry: RegistryResolver } {
  const registry = new RegistryResolver();
  return {
    registry,
    resolve(name: string, arg: string | undefined): ResolvedField<FieldContext> | FieldLookupFailure {
      const r = registry.resolve(name, arg);
      if (!('error' in r)) return r;
      const type = PENDING_REGISTRY_FIELDS[name];
      if (type === undefined || (arg !== undefined && !PENDING_WITH_ARG.has(name))) return r;
      return { descriptor: { name: arg === undefined ? name : `${name}[${arg}]`, type }, extract: () => null };
    },
    fieldNames: () => [...registry.fieldNames(), ...Object.keys(PENDING_REGISTRY_FIELDS)],
  };
}
