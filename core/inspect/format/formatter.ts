/**
 * sysdig -p formats (libsinsp sinsp_evt_formatter): raw text mixed with %field tokens, an
 * optional width (%10proc.name pads or cuts to 10 characters), and a leading '*' that prints the
 * line even when some field has no value (shown as <NA>). Without '*', a line with any missing
 * value is not printed at all.
 *
 * JSON mode (sysdig -j) emits one object per event keyed by the field text as written
 * (e.g. "proc.aname[2]"), keys sorted like jsoncpp's, raw text ignored.
 */
import { TracehoundError } from '../../api/errors.js';
import { parseFieldPrefix } from '../fields/registry.js';
import type { Extractor, FieldContext, FieldDef } from '../fields/types.js';
import { jsonValueText, valueToJson, valueToText, type JsonValue } from './value.js';

/** The formats sysdig uses by default (-p absent), and with -pc / -pk. */
export const DEFAULT_FORMAT = '*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info';
export const CONTAINER_FORMAT = '*%evt.num %evt.outputtime %evt.cpu %container.name (%container.id) %proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info';
export const K8S_FORMAT = '*%evt.num %evt.outputtime %evt.cpu %k8s.pod.name (%container.id) %proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info';

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'field'; key: string; def: FieldDef; extract: Extractor; width: number };

/** Fields whose JSON value libsinsp takes from the raw timestamp or number (extract_as_js). */
const JSON_TS = new Set(['evt.time', 'evt.time.s', 'evt.time.iso8601', 'evt.datetime', 'evt.datetime.s', 'evt.outputtime']);
const JSON_INT = new Set([
  'evt.rawtime', 'evt.rawtime.s', 'evt.rawtime.ns', 'evt.reltime', 'evt.reltime.s', 'evt.reltime.ns',
  'evt.latency', 'evt.latency.s', 'evt.latency.ns', 'evt.deltatime', 'evt.deltatime.s', 'evt.deltatime.ns',
]);

function formatError(message: string): TracehoundError {
  return new TracehoundError('CLI_USAGE', message, { hint: 'A -p format is text with %field tokens, e.g. "%evt.num %proc.name".' });
}

/** sysdig's escape_output_format: \n, \t, \e and \\ in a -p string. */
export function unescapeFormat(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const n = s[i + 1];
      if (n === 'n') {
        out += '\n';
        i++;
      } else if (n === 't') {
        out += '\t';
        i++;
      } else if (n === 'e') {
        out += '\x1b';
        i++;
      } else if (n === '\\') {
        out += '\\';
        i++;
      } else out += '\\';
    } else out += c;
  }
  return out;
}

export class EventFormatter {
  readonly requireAll: boolean;
  private readonly tokens: Token[] = [];

  /** `dialect` picks whose field-name parsing quirks apply (see ParseOptions); default current. */
  constructor(
    format: string,
    readonly json = false,
    dialect: 'current' | 'sysdig029' = 'current',
  ) {
    if (format === '') throw formatError('empty formatting token');
    let f = format;
    if (f[0] === '*') {
      this.requireAll = false;
      f = f.slice(1);
    } else {
      this.requireAll = true;
    }
    let last = 0;
    let j = 0;
    for (; j < f.length; j++) {
      if (f[j] !== '%') continue;
      if (last !== j) this.tokens.push({ kind: 'text', text: f.slice(last, j) });
      if (j === f.length - 1) throw formatError('invalid formatting syntax: formatting cannot end with a %');
      let width = 0;
      if (/[0-9]/.test(f[j + 1]!)) {
        const m = /^[0-9]+/.exec(f.slice(j + 1))!;
        width = Number(m[0]);
        if (j + m[0].length >= f.length - 1) throw formatError('invalid formatting syntax: formatting cannot end with a number');
        j += m[0].length;
      }
      const rest = f.slice(j + 1);
      const parsed = parseFieldPrefix(rest, { dialect });
      if (parsed === null) throw new TracehoundError('FILTER_UNKNOWN_FIELD', `invalid formatting token ${rest}`, { hint: 'Run `tracehound fields` to list field names.' });
      // libsinsp only refuses filter-only fields in its generic name parser; evt.around has its
      // own, so it is accepted and never has a value to display.
      const around = parsed.def.name === 'evt.around';
      if (parsed.def.flags.filterOnly && !around) {
        throw new TracehoundError('FILTER_UNKNOWN_FIELD', `${rest} is filter only and cannot be used as a display field`);
      }
      this.tokens.push({
        kind: 'field',
        key: rest.slice(0, parsed.length),
        def: parsed.def,
        extract: around ? () => null : parsed.def.bind(parsed.arg),
        width,
      });
      j += parsed.length;
      last = j + 1;
    }
    if (last < f.length) this.tokens.push({ kind: 'text', text: f.slice(last) });
  }

  /** The field tokens, in order (for callers that want to know what a format reads). */
  fields(): Array<{ key: string; def: FieldDef }> {
    return this.tokens.filter((t): t is Extract<Token, { kind: 'field' }> => t.kind === 'field').map((t) => ({ key: t.key, def: t.def }));
  }

  /**
   * Format one event; null when a required value is missing (sysdig prints no line). Every field
   * is extracted even after a miss, because some fields keep state across events.
   */
  format(ctx: FieldContext): string | null {
    return this.json ? this.formatJson(ctx) : this.formatText(ctx);
  }

  private formatText(ctx: FieldContext): string | null {
    let ok = true;
    let out = '';
    for (const t of this.tokens) {
      if (t.kind === 'text') {
        if (ok) out += t.text;
        continue;
      }
      let s = valueToText(t.def, t.extract(ctx));
      if (!ok) continue;
      if (s === null) {
        if (this.requireAll) {
          ok = false;
          continue;
        }
        s = '<NA>';
      }
      if (t.width !== 0) s = s.length >= t.width ? s.slice(0, t.width) : s.padEnd(t.width, ' ');
      out += s;
    }
    return ok ? out : null;
  }

  private jsonOf(t: Extract<Token, { kind: 'field' }>, ctx: FieldContext): JsonValue {
    const v = t.extract(ctx);
    if (JSON_TS.has(t.def.name)) return ctx.evt.ts;
    if (JSON_INT.has(t.def.name)) return v === null ? null : BigInt.asIntN(64, typeof v === 'bigint' ? v : BigInt(v as number));
    if (t.def.name === 'evt.count') return 1;
    const j = valueToJson(t.def, v);
    if (j === undefined) throw new TracehoundError('INTERNAL', `wrong event type for JSON output of ${t.key}`);
    return j;
  }

  private formatJson(ctx: FieldContext): string | null {
    let ok = true;
    const obj = new Map<string, JsonValue>();
    for (const t of this.tokens) {
      if (t.kind === 'text') continue;
      // libsinsp calls tojson() twice per field (check, then store): stateful fields see both.
      const first = this.jsonOf(t, ctx);
      if (!ok) continue;
      if (first === null && this.requireAll) {
        ok = false;
        continue;
      }
      obj.set(t.key, this.jsonOf(t, ctx));
    }
    if (!ok) return null;
    if (obj.size === 0) return 'null';
    const keys = [...obj.keys()].sort((a, b) => (Buffer.compare(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1'))));
    return '{' + keys.map((k) => `${jsonValueText(k)}:${jsonValueText(obj.get(k)!)}`).join(',') + '}';
  }
}
