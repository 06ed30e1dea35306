/**
 * Reads a rules YAML file into the collector, validating each item the way Falco's
 * rule_loader_reader does and with its messages. Unlike Falco, a bad item does not stop the file:
 * the error is recorded with the item's location and reading goes on, so every valid item of the
 * file still loads.
 */
import { LineCounter, parseAllDocuments, type Node, type Scalar } from 'yaml';
import type { Collector } from './collector.js';
import {
  parsePriority,
  type ExceptionEntry,
  type ExceptionInfo,
  type ListInfo,
  type MacroInfo,
  type PluginRequirement,
  type Priority,
  type RuleInfo,
  type RuleUpdateInfo,
  type TextAnchor,
} from './items.js';
import { Context, RuleLoadError, type ItemType, type LoadResult } from './result.js';
import {
  decodeBool,
  decodeUint,
  isMapNode,
  isNullNode,
  isScalarNode,
  isSeqNode,
  mapGet,
  mapKeys,
  nodeAt,
  scalarContentAt,
  scalarText,
  seqItems,
  type YNode,
} from './yamlnode.js';

const WARNING_APPEND = "'append' key is deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.";
const WARNING_ENABLED = "The standalone 'enabled' key usage is deprecated. The correct approach requires also a 'replace' entry under the 'override' key (i.e. 'enabled: replace').";
const ERROR_OVERRIDE_APPEND = "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. 'condition: append') under 'override' instead.";
const RGX_IDENTIFIER = '([a-zA-Z]+[a-zA-Z0-9_]*)';
const RGX_BARESTR = '([^()"\'[:space:]=,]+)';
const IDENTIFIER_RE = /^[a-zA-Z]+[a-zA-Z0-9_]*$/;
const BARESTR_RE = /^[^()"'\s=,]+$/;

function entryValid(e: ExceptionEntry): boolean {
  return e.isList ? e.items.length > 0 : e.item.length > 0;
}

function validationError(message: string, ctx: Context): never {
  throw new RuleLoadError('LOAD_ERR_YAML_VALIDATE', message, ctx);
}

type Decoder<T> = (n: Scalar) => T | undefined;
const asString: Decoder<string> = (n) => scalarText(n);
const asBool: Decoder<boolean> = decodeBool;
const asUint: Decoder<number> = decodeUint;

class FileReader {
  private readonly lc = new LineCounter();

  constructor(
    private readonly content: string,
    private readonly res: LoadResult,
    private readonly collector: Collector,
    private readonly root: Context,
  ) {}

  private at(n: YNode, fallback: Context) {
    const l = fallback.last;
    return nodeAt(n, this.lc, { line: l.line, col: l.col, offset: l.offset });
  }

  private ctx(n: YNode, type: ItemType, name: string, parent: Context): Context {
    return parent.child(type, name, this.at(n, parent));
  }

  /** decode_val / decode_optional_val / decode_optional_empty_val. */
  private decode<T>(item: YNode, key: string, dec: Decoder<T>, ctx: Context, opts: { optional?: boolean; canBeEmpty?: boolean } = {}): T | undefined {
    const { present, value } = mapGet(item, key);
    if (!present && opts.optional) return undefined;
    if (!present) validationError(`Item has no mapping for key '${key}'`, ctx);
    if (isNullNode(value) && opts.canBeEmpty) return undefined;
    if (isNullNode(value)) validationError(`Mapping for key '${key}' is empty`, ctx);
    const valctx = this.ctx(value, 'value for', key, ctx);
    if (!isScalarNode(value)) validationError('Value is not a scalar value', valctx);
    if (scalarText(value).length === 0 && opts.canBeEmpty) return undefined;
    if (scalarText(value).length === 0) validationError('Value must be non-empty', valctx);
    const out = dec(value);
    if (out === undefined) validationError("Can't decode YAML scalar value", valctx);
    return out;
  }

  private decodeSeq(item: YNode, key: string, ctx: Context, optional: boolean): string[] | undefined {
    const { present, value } = mapGet(item, key);
    if (!present && optional) return undefined;
    if (!present) validationError(`Item has no mapping for key '${key}'`, ctx);
    const valctx = this.ctx(value, 'value for', key, ctx);
    if (!isSeqNode(value)) validationError('Value is not a sequence', valctx);
    const out: string[] = [];
    for (const v of seqItems(value)) {
      const ictx = this.ctx(v, 'list item', '', valctx);
      if (!isScalarNode(v)) validationError('sequence value is not scalar', ictx);
      out.push(scalarText(v));
    }
    return out;
  }

  private anchor(item: YNode, key: string): TextAnchor | undefined {
    const { value } = mapGet(item, key);
    if (!isScalarNode(value)) return undefined;
    return { at: scalarContentAt(value, this.lc, this.content), reflowed: value.type !== 'PLAIN' || scalarText(value).includes('\n') };
  }

  read(): void {
    let docs;
    try {
      docs = parseAllDocuments(this.content, { lineCounter: this.lc, schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
    } catch (err) {
      this.res.addError('LOAD_ERR_YAML_PARSE', (err as Error).message, this.root);
      return;
    }
    const list = Array.isArray(docs) ? docs : [docs];
    for (const doc of list) {
      if (doc.errors.length > 0) {
        const e = doc.errors[0]!;
        const pos = this.lc.linePos(e.pos[0]);
        const at = { line: pos.line, col: pos.col, offset: e.pos[0] };
        this.res.addError('LOAD_ERR_YAML_PARSE', e.message, this.root.child('value for', '', at));
        return;
      }
    }
    for (const doc of list) {
      const body = doc.contents as YNode;
      if (isNullNode(body)) continue;
      if (!isMapNode(body) && !isSeqNode(body)) {
        this.res.addError('LOAD_ERR_YAML_VALIDATE', 'Rules content is not yaml', this.root);
        return;
      }
      if (!isSeqNode(body)) {
        this.res.addError('LOAD_ERR_YAML_VALIDATE', 'Rules content is not yaml array of objects', this.root);
        return;
      }
      for (const item of seqItems(body)) {
        if (isNullNode(item)) continue;
        try {
          this.readItem(item);
        } catch (err) {
          if (err instanceof RuleLoadError) this.res.addError(err.code, err.message, err.ctx, err.conditionPos);
          else this.res.addError('LOAD_ERR_VALIDATE', (err as Error).message, this.ctx(item, 'rules content item', '', this.root));
        }
      }
    }
  }

  private warnUnknownKeys(item: YNode, expected: ReadonlySet<string>, ctx: Context): void {
    for (const { key } of mapKeys(item)) {
      if (!expected.has(key)) this.res.addWarning('LOAD_UNKNOWN_KEY', `Unknown key '${key}'. The key will be ignored.`, ctx);
    }
  }

  private readItem(item: YNode): void {
    const parent = this.root;
    if (!isMapNode(item)) {
      validationError('Unexpected element type. Each element should be a yaml associative array.', this.ctx(item, 'rules content item', '', parent));
    }
    if (mapGet(item, 'required_engine_version').present) return this.readEngineVersion(item, parent);
    if (mapGet(item, 'required_plugin_versions').present) return this.readPluginVersions(item, parent);
    if (mapGet(item, 'list').present) return this.readList(item, parent);
    if (mapGet(item, 'macro').present) return this.readMacro(item, parent);
    if (mapGet(item, 'rule').present) return this.readRule(item, parent);
    this.res.addWarning('LOAD_UNKNOWN_ITEM', 'Unknown top level item', this.ctx(item, 'rules content item', '', parent));
  }

  private readEngineVersion(item: YNode, parent: Context): void {
    const ctx = this.ctx(item, 'required_engine_version', '', parent);
    let version: string;
    let numeric: number | undefined;
    try {
      numeric = this.decode(item, 'required_engine_version', asUint, ctx);
    } catch {
      numeric = undefined;
    }
    if (numeric !== undefined) {
      // A bare number N means engine version 0.N.0.
      version = `0.${numeric}.0`;
    } else {
      const text = this.decode(item, 'required_engine_version', asString, ctx)!;
      if (!/^\d+\.\d+\.\d+/.test(text.trim())) {
        validationError(`Unable to parse engine version '${text}' as a semver string. Expected "x.y.z" semver format.`, ctx);
      }
      version = text.trim();
    }
    this.collector.defineEngineVersion(version, ctx);
    this.warnUnknownKeys(item, new Set(['required_engine_version']), ctx);
  }

  private readPluginVersions(item: YNode, parent: Context): void {
    const { value: list } = mapGet(item, 'required_plugin_versions');
    const ctx = this.ctx(list, 'required plugin versions', '', parent);
    if (!isSeqNode(list)) validationError('Value of required_plugin_versions must be a sequence', ctx);
    for (const plugin of seqItems(list)) {
      const tmp = this.ctx(plugin, 'required plugin versions entry', '', ctx);
      if (!isMapNode(plugin)) validationError('Plugin version must be a mapping', tmp);
      const name = this.decode(plugin, 'name', asString, tmp)!;
      const pctx = this.ctx(plugin, 'required plugin versions entry', name, ctx);
      const alternatives: PluginRequirement[] = [{ name, version: this.decode(plugin, 'version', asString, pctx)! }];
      const alt = mapGet(plugin, 'alternatives');
      if (alt.present) {
        if (!isSeqNode(alt.value)) validationError('Value of plugin version alternatives must be a sequence', pctx);
        for (const req of seqItems(alt.value)) {
          const t = this.ctx(req, 'required plugin versions alternative', '', pctx);
          if (!isMapNode(req)) validationError('Plugin version alternative must be a mapping', t);
          const altName = this.decode(req, 'name', asString, t)!;
          const t2 = this.ctx(req, 'required plugin versions alternative', altName, pctx);
          alternatives.push({ name: altName, version: this.decode(req, 'version', asString, t2)! });
        }
      }
      this.collector.definePluginVersions(alternatives, pctx);
    }
    this.warnUnknownKeys(item, new Set(['required_plugin_versions']), this.ctx(item, 'required plugin versions', '', parent));
  }

  /** Parses the `override:` mapping into append and replace key sets. */
  private readOverrides(item: YNode, appendable: ReadonlySet<string>, replaceable: ReadonlySet<string>, ctx: Context): { append: Set<string>; replace: Set<string> } {
    const append = new Set<string>();
    const replace = new Set<string>();
    const ov = mapGet(item, 'override');
    if (!ov.present) return { append, replace };
    const octx = this.ctx(item, 'overrides', '', ctx);
    for (const { key, keyNode, value } of mapKeys(ov.value)) {
      const op = isScalarNode(value) ? scalarText(value) : '';
      const keyctx = octx.child('overrides', key, this.at(keyNode, octx));
      if (op === 'append') {
        if (!appendable.has(key)) validationError(`Key '${key}' cannot be appended to, use 'replace' instead`, keyctx);
        append.add(key);
      } else if (op === 'replace') {
        if (!replaceable.has(key)) validationError(`Key '${key}' cannot be replaced`, keyctx);
        replace.add(key);
      } else {
        const allowed = `${appendable.has(key) ? 'append ' : ''}${replaceable.has(key) ? 'replace ' : ''}`;
        validationError(`Invalid override operation for key '${key}': '${op}'. Allowed values are: ${allowed}`, this.ctx(value, 'value for', key, octx));
      }
    }
    return { append, replace };
  }

  private readList(item: YNode, parent: Context): void {
    const tmp = this.ctx(item, 'list', '', parent);
    const name = this.decode(item, 'list', asString, tmp)!;
    const ctx = this.ctx(item, 'list', name, parent);
    if (!BARESTR_RE.test(name)) {
      this.res.addWarning('LOAD_INVALID_LIST_NAME', `List has an invalid name. List names should match a regular expression: ${RGX_BARESTR}`, ctx);
    }
    const items = this.decodeSeq(item, 'items', ctx, false)!;
    const append = this.decode(item, 'append', asBool, ctx, { optional: true }) ?? false;
    if (append) this.res.addWarning('LOAD_DEPRECATED_ITEM', WARNING_APPEND, ctx);
    const ov = this.readOverrides(item, new Set(['items']), new Set(['items']), ctx);
    if (append && (ov.append.size > 0 || ov.replace.size > 0)) validationError(ERROR_OVERRIDE_APPEND, ctx);
    const info: ListInfo = { name, items, ctx, index: 0, visibility: 0 };
    if (append || ov.append.has('items')) this.collector.appendList(info);
    else this.collector.defineList(info);
    this.warnUnknownKeys(item, new Set(['list', 'items', 'append', 'override']), ctx);
  }

  private readMacro(item: YNode, parent: Context): void {
    const tmp = this.ctx(item, 'macro', '', parent);
    const name = this.decode(item, 'macro', asString, tmp)!;
    const ctx = this.ctx(item, 'macro', name, parent);
    if (!IDENTIFIER_RE.test(name)) {
      this.res.addWarning('LOAD_INVALID_MACRO_NAME', `Macro has an invalid name. Macro names should match a regular expression: ${RGX_IDENTIFIER}`, ctx);
    }
    const cond = this.decode(item, 'condition', asString, ctx)!;
    const condCtx = this.ctx(mapGet(item, 'condition').value, 'macro condition', '', ctx);
    const append = this.decode(item, 'append', asBool, ctx, { optional: true }) ?? false;
    if (append) this.res.addWarning('LOAD_DEPRECATED_ITEM', WARNING_APPEND, ctx);
    const ov = this.readOverrides(item, new Set(['condition']), new Set(['condition']), ctx);
    if (append && (ov.append.size > 0 || ov.replace.size > 0)) validationError(ERROR_OVERRIDE_APPEND, ctx);
    const info: MacroInfo = { name, cond, ctx, condCtx, index: 0, visibility: 0 };
    const anchor = this.anchor(item, 'condition');
    if (anchor) info.anchor = anchor;
    if (append || ov.append.has('condition')) this.collector.appendMacro(info);
    else this.collector.defineMacro(info);
    this.warnUnknownKeys(item, new Set(['macro', 'condition', 'append', 'override']), ctx);
  }

  private decodeExceptionEntry(val: YNode, ctx: Context): ExceptionEntry {
    const out: ExceptionEntry = { isList: false, item: '', items: [] };
    const valctx = this.ctx(val, 'value for', '', ctx);
    if (isScalarNode(val)) {
      if (scalarText(val).length === 0) validationError('Value must be non-empty', valctx);
      out.item = scalarText(val);
    }
    if (isSeqNode(val)) {
      out.isList = true;
      for (const v of seqItems(val)) out.items.push(this.decodeExceptionEntry(v, this.ctx(v, 'exception', '', valctx)));
    }
    return out;
  }

  private readExceptionKey(ex: YNode, key: string, ctx: Context, optional: boolean): ExceptionEntry | undefined {
    const { present, value } = mapGet(ex, key);
    if (!present && optional) return undefined;
    if (!present) validationError(`Item has no mapping for key '${key}'`, ctx);
    const valctx = this.ctx(value, 'value for', key, ctx);
    if (isScalarNode(value) && scalarText(value).length === 0) validationError('Value must be non-empty', valctx);
    if (isNullNode(value)) return { isList: false, item: '', items: [] };
    return this.decodeExceptionEntry(value, ctx);
  }

  private readExceptions(item: YNode, ruleCtx: Context, append: boolean): ExceptionInfo[] | undefined {
    const { present, value: exs } = mapGet(item, 'exceptions');
    if (!present || isNullNode(exs)) return present ? [] : undefined;
    const exesCtx = this.ctx(exs, 'exceptions', '', ruleCtx);
    if (!isSeqNode(exs)) validationError('Rule exceptions must be a sequence', exesCtx);
    const out: ExceptionInfo[] = [];
    for (const ex of seqItems(exs)) {
      const tmp = this.ctx(ex, 'exception', '', exesCtx);
      if (!isMapNode(ex)) validationError('Rule exception must be a mapping', tmp);
      const name = this.decode(ex, 'name', asString, tmp)!;
      const exCtx = this.ctx(ex, 'exception', name, ruleCtx);
      if (out.some((e) => e.name === name)) {
        this.res.addWarning('LOAD_EXCEPTION_NAME_NOT_UNIQUE', `Multiple definitions of exception '${name}' in the same rule`, exCtx);
      }
      const info: ExceptionInfo = { name, values: [], ctx: exCtx };
      // Fields are optional when appending values to an existing exception.
      const fields = this.readExceptionKey(ex, 'fields', exCtx, append);
      if (fields && entryValid(fields)) info.fields = fields;
      const comps = this.readExceptionKey(ex, 'comps', exCtx, true);
      if (comps && entryValid(comps)) info.comps = comps;
      const vals = mapGet(ex, 'values');
      if (vals.present) {
        const valsCtx = this.ctx(vals.value, 'exception values', '', exCtx);
        if (!isSeqNode(vals.value)) validationError('Rule exception values must be a sequence', valsCtx);
        for (const v of seqItems(vals.value)) {
          const vctx = this.ctx(v, 'exception value', '', valsCtx);
          info.values.push(this.decodeExceptionEntry(v, vctx));
        }
      } else if (append) {
        this.res.addWarning('LOAD_APPEND_NO_VALUES', 'Overriding/appending exception with no values', exCtx);
      }
      out.push(info);
    }
    return out;
  }

  private readPriority(item: YNode, ctx: Context): Priority {
    const text = this.decode(item, 'priority', asString, ctx)!;
    const p = parsePriority(text);
    if (!p) validationError('Invalid priority', this.ctx(mapGet(item, 'priority').value, 'rule priority', '', ctx));
    return p;
  }

  private readRule(item: YNode, parent: Context): void {
    const tmp = this.ctx(item, 'rule', '', parent);
    const name = this.decode(item, 'rule', asString, tmp)!;
    const ctx = this.ctx(item, 'rule', name, parent);
    const source = this.decode(item, 'source', asString, ctx, { optional: true, canBeEmpty: true }) ?? '';
    const hasAppend = this.decode(item, 'append', asBool, ctx, { optional: true }) ?? false;
    if (hasAppend) this.res.addWarning('LOAD_DEPRECATED_ITEM', WARNING_APPEND, ctx);
    const appendable = new Set(['condition', 'output', 'desc', 'tags', 'exceptions']);
    const replaceable = new Set(['condition', 'output', 'desc', 'priority', 'capture', 'capture_duration', 'tags', 'exceptions', 'enabled', 'warn_evttypes', 'skip-if-unknown-filter']);
    const ov = this.readOverrides(item, appendable, replaceable, ctx);
    const hasOverrides = ov.append.size > 0 || ov.replace.size > 0;
    if (hasAppend && hasOverrides) validationError(ERROR_OVERRIDE_APPEND, ctx);

    if (hasOverrides) {
      const expected = new Set<string>();
      for (const k of [...appendable, ...replaceable]) if (mapGet(item, k).present) expected.add(k);
      const take = (set: Set<string>, kind: string, key: string): boolean => {
        if (!set.has(key)) return false;
        if (!expected.has(key)) validationError(`An ${kind} override for '${key}' was specified but '${key}' is not defined`, ctx);
        expected.delete(key);
        return true;
      };
      if (ov.append.size > 0) {
        const u: RuleUpdateInfo = { name, ctx };
        if (take(ov.append, 'append', 'condition')) {
          u.source = source;
          u.cond = this.decode(item, 'condition', asString, ctx)!;
        }
        if (take(ov.append, 'append', 'exceptions')) u.exceptions = this.readExceptions(item, ctx, true) ?? [];
        if (take(ov.append, 'append', 'output')) u.output = this.decode(item, 'output', asString, ctx)!;
        if (take(ov.append, 'append', 'desc')) u.desc = this.decode(item, 'desc', asString, ctx)!;
        if (take(ov.append, 'append', 'tags')) u.tags = this.decodeSeq(item, 'tags', ctx, true) ?? [];
        this.collector.appendRule(u);
      }
      if (ov.replace.size > 0) {
        const u: RuleUpdateInfo = { name, ctx };
        if (take(ov.replace, 'replace', 'condition')) {
          u.source = source;
          u.cond = this.decode(item, 'condition', asString, ctx)!;
        }
        if (take(ov.replace, 'replace', 'exceptions')) u.exceptions = this.readExceptions(item, ctx, false) ?? [];
        if (take(ov.replace, 'replace', 'output')) u.output = this.decode(item, 'output', asString, ctx)!;
        if (take(ov.replace, 'replace', 'desc')) u.desc = this.decode(item, 'desc', asString, ctx)!;
        if (take(ov.replace, 'replace', 'tags')) u.tags = this.decodeSeq(item, 'tags', ctx, true) ?? [];
        if (take(ov.replace, 'replace', 'priority')) u.priority = this.readPriority(item, ctx);
        if (take(ov.replace, 'replace', 'capture')) u.capture = this.decode(item, 'capture', asBool, ctx)!;
        if (take(ov.replace, 'replace', 'capture_duration')) u.captureDuration = this.decode(item, 'capture_duration', asUint, ctx)!;
        if (take(ov.replace, 'replace', 'enabled')) u.enabled = this.decode(item, 'enabled', asBool, ctx)!;
        if (take(ov.replace, 'replace', 'warn_evttypes')) u.warnEvttypes = this.decode(item, 'warn_evttypes', asBool, ctx)!;
        if (take(ov.replace, 'replace', 'skip-if-unknown-filter')) u.skipIfUnknownFilter = this.decode(item, 'skip-if-unknown-filter', asBool, ctx)!;
        this.collector.replaceRule(u);
      }
      for (const key of expected) {
        validationError(`Unexpected key '${key}': no corresponding entry under 'override' is defined.`, ctx.child('overrides', key, this.at(mapGet(item, key).keyNode, ctx)));
      }
    } else if (hasAppend) {
      const u: RuleUpdateInfo = { name, ctx, source };
      if (mapGet(item, 'condition').present) u.cond = this.decode(item, 'condition', asString, ctx)!;
      if (mapGet(item, 'exceptions').present) u.exceptions = this.readExceptions(item, ctx, true) ?? [];
      this.collector.appendRule(u);
    } else if (!mapGet(item, 'condition').present && !mapGet(item, 'output').present && !mapGet(item, 'desc').present && !mapGet(item, 'priority').present) {
      // An item with only `enabled` toggles an earlier rule.
      const enabled = this.decode(item, 'enabled', asBool, ctx)!;
      this.res.addWarning('LOAD_DEPRECATED_ITEM', WARNING_ENABLED, ctx);
      this.collector.enableRule(name, enabled, ctx);
    } else {
      const cond = this.decode(item, 'condition', asString, ctx)!;
      const condCtx = this.ctx(mapGet(item, 'condition').value, 'rule condition', '', ctx);
      const output = this.decode(item, 'output', asString, ctx)!.trim();
      const outputCtx = this.ctx(mapGet(item, 'output').value, 'rule output', '', ctx);
      const desc = this.decode(item, 'desc', asString, ctx)!;
      const priority = this.readPriority(item, ctx);
      const info: RuleInfo = {
        name,
        cond,
        condCtx,
        output,
        outputCtx,
        desc,
        priority,
        source: this.decode(item, 'source', asString, ctx, { optional: true }) ?? 'syscall',
        enabled: this.decode(item, 'enabled', asBool, ctx, { optional: true }) ?? true,
        capture: this.decode(item, 'capture', asBool, ctx, { optional: true }) ?? false,
        captureDuration: this.decode(item, 'capture_duration', asUint, ctx, { optional: true }) ?? 0,
        warnEvttypes: this.decode(item, 'warn_evttypes', asBool, ctx, { optional: true }) ?? true,
        skipIfUnknownFilter: this.decode(item, 'skip-if-unknown-filter', asBool, ctx, { optional: true }) ?? false,
        tags: [...new Set(this.decodeSeq(item, 'tags', ctx, true) ?? [])],
        exceptions: this.readExceptions(item, ctx, false) ?? [],
        ctx,
        index: 0,
        visibility: 0,
        unknownSource: false,
      };
      const anchor = this.anchor(item, 'condition');
      if (anchor) info.condAnchor = anchor;
      this.collector.defineRule(info, this.res);
    }
    this.warnUnknownKeys(item, new Set(['rule', 'condition', 'output', 'desc', 'priority', 'source', 'enabled', 'capture', 'capture_duration', 'warn_evttypes', 'skip-if-unknown-filter', 'tags', 'exceptions', 'override', 'append']), ctx);
  }
}

/** Reads one rules file's content into the collector, recording problems in `res`. */
export function readRulesContent(content: string, name: string, collector: Collector, res: LoadResult): void {
  new FileReader(content, res, collector, Context.file(name)).read();
}

export type { Node };
