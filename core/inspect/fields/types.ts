/**
 * The field registry's vocabulary: what a field is (name, type, print format, argument rules)
 * and how a value is extracted from an inspected event.
 *
 * Types and print formats are the sysdig ones (PT_*, PF_*) so filters, -p formats and the UI can
 * treat values the way sysdig/Falco do: `fd.sport` is a PORT, `evt.rawtime` an ABSTIME...
 */
import type { ParamTypeName, PrintFormatName } from '../../capture/events/types.js';
import type { InspectedEvent } from '../event.js';
import type { RenderSettings } from '../render.js';
import type { InspectorState } from '../state.js';

/** sysdig field classes, in the order sysdig tries them when parsing a field name. */
export type FieldClassName = 'evt' | 'process' | 'user' | 'group' | 'container' | 'fd' | 'k8s';

/**
 * How a field takes an argument:
 * - 'none': no argument.
 * - 'index': `name[N]` (proc.aname[2], evt.arg[0]).
 * - 'dotted': `name.KEY` (evt.arg.fd, thread.cgroup.cpuacct, k8s.pod.label.app).
 * - 'index-or-dotted': either form (evt.arg).
 * - 'bracket': `name[TEXT]`, a number or a string/glob (container.mount[/usr/*]).
 */
export type ArgStyle = 'none' | 'index' | 'dotted' | 'index-or-dotted' | 'bracket';

export interface FieldArg {
  /** The text between brackets or after the dot. */
  readonly text: string;
  /** Parsed integer for index-style arguments. */
  readonly index?: number;
}

export interface FieldFlags {
  /** The argument is mandatory (evt.arg, thread.cgroup). */
  readonly requiresArg?: boolean;
  /** An argument is optional (proc.aname: without one it only works in filters). */
  readonly allowsArg?: boolean;
  /** Only meaningful in filters (fd.ip, evt.around); -p rejects it. */
  readonly filterOnly?: boolean;
  /** Only meaningful in output (evt.outputtime). */
  readonly printOnly?: boolean;
  /** Only used by sysdig's table views (thread.vmsize.b, evt.count.procinfo). */
  readonly tableOnly?: boolean;
}

/** A value as extracted; null means "not available" (sysdig's NULL, printed as <NA>). */
export type FieldValue = string | number | bigint | boolean | Uint8Array | null;

/** Everything an extractor may look at. */
export interface FieldContext {
  readonly evt: InspectedEvent;
  readonly state: InspectorState & InspectorExtras;
  readonly render: RenderSettings;
}

/** Inspector facts beyond the shared state that some fields need. */
export interface InspectorExtras {
  readonly numCpus: number;
  readonly dialect: 'current' | 'sysdig029';
}

/** One bound use of a field: keeps per-use state (evt.deltatime remembers the previous event). */
export type Extractor = (ctx: FieldContext) => FieldValue;

export interface FieldDef {
  /** Full name, e.g. "proc.aname". */
  readonly name: string;
  readonly cls: FieldClassName;
  /** PT_* type name without the prefix; 'DYN' for evt.rawarg (the param decides). */
  readonly type: ParamTypeName;
  /** PF_* print format name without the prefix. */
  readonly format: PrintFormatName;
  readonly display: string;
  readonly desc: string;
  readonly flags: FieldFlags;
  readonly arg: ArgStyle;
  /** 'sysdig' if sysdig 0.29.3 has the field, 'libs' if only current falcosecurity/libs does. */
  readonly origin: 'sysdig' | 'libs';
  /** Make an extractor for one use of the field (with its argument, if any). */
  bind(arg: FieldArg | undefined): Extractor;
  /**
   * The field has its own bind(): its extractors may keep state between events (evt.deltatime
   * remembers the previous one), so uses must not share one. Fields without are plain functions
   * of the event and the inspector's state.
   */
  readonly perUse: boolean;
}

export interface FieldRow {
  name: string;
  type: ParamTypeName;
  format?: PrintFormatName;
  display: string;
  desc: string;
  flags?: FieldFlags;
  arg?: ArgStyle;
  origin?: 'sysdig' | 'libs';
  /** Stateless extractor; or `bind` for fields with per-use state or argument handling. */
  get?: (ctx: FieldContext, arg: FieldArg | undefined) => FieldValue;
  bind?: (arg: FieldArg | undefined) => Extractor;
}

export function defineFields(cls: FieldClassName, rows: readonly FieldRow[]): FieldDef[] {
  return rows.map((r) => {
    const get = r.get;
    const bind =
      r.bind ??
      ((arg: FieldArg | undefined): Extractor => {
        if (!get) return () => null;
        return (ctx) => get(ctx, arg);
      });
    return Object.freeze({
      name: r.name,
      cls,
      type: r.type,
      format: r.format ?? 'NA',
      display: r.display,
      desc: r.desc,
      flags: Object.freeze({ ...(r.flags ?? {}) }),
      arg: r.arg ?? (r.flags?.requiresArg || r.flags?.allowsArg ? 'index' : 'none'),
      origin: r.origin ?? 'sysdig',
      bind,
      perUse: r.bind !== undefined,
    });
  });
}
