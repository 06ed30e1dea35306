/**
 * Accumulates lists, macros and rules across every loaded file, applying definitions, appends,
 * selective replaces and `enabled`-only items in load order, with Falco's validation and messages
 * (rule_loader_collector). Indices give each item its definition order; `visibility` is the order
 * of its last change, which decides which macros and lists an item can see.
 */
import { parseComparator, supportsModifier } from '../filter/operators.js';
import type { ExceptionInfo, ListInfo, MacroInfo, PluginRequirement, RuleInfo, RuleUpdateInfo } from './items.js';
import { updateHasAnyValue } from './items.js';
import { RuleLoadError, type Context, type LoadResult } from './result.js';
import { compareSemver, parseSemver } from './semver.js';

export const ENGINE_VERSION = '0.63.0';

function fail(message: string, ctx: Context): never {
  throw new RuleLoadError('LOAD_ERR_VALIDATE', message, ctx);
}

const ALL_OPERATORS = new Set([
  'exists', '<=', '<', '>=', '>', '==', '=', '!=', 'glob', 'iglob', 'contains', 'icontains', 'bcontains',
  'startswith', 'bstartswith', 'endswith', 'regex', 'intersects', 'in', 'pmatch',
]);

/** "startswith oneof" and friends: a string operator with a list modifier. */
export function isStrOperatorWithModifier(op: string): boolean {
  const c = parseComparator(op);
  return !!c && c.mod !== undefined && supportsModifier(c.op);
}

/** Resolves whether an exception field can be a filter's left-hand side, per event source. */
export type LhsFieldCheck = (field: string) => boolean;

function normalizeComp(s: string): string {
  return s.trim();
}

function validateException(ex: ExceptionInfo, isValidField: LhsFieldCheck | undefined): void {
  const fields = ex.fields!;
  if (fields.isList) {
    if (!ex.comps) {
      ex.comps = { isList: true, item: '', items: fields.items.map(() => ({ isList: false, item: '=', items: [] })) };
    }
    if (fields.items.length !== ex.comps.items.length) fail('Fields and comps lists must have equal length', ex.ctx);
    for (const c of ex.comps.items) {
      c.item = normalizeComp(c.item);
      if (!ALL_OPERATORS.has(c.item) && !isStrOperatorWithModifier(c.item)) fail(`'${c.item}' is not a supported comparison operator`, ex.ctx);
    }
    if (isValidField) {
      for (const f of fields.items) if (!isValidField(f.item)) fail(`'${f.item}' is not a supported filter field`, ex.ctx);
    }
  } else {
    if (!ex.comps) ex.comps = { isList: false, item: 'in', items: [] };
    if (ex.comps.isList) fail('Fields and comps must both be strings', ex.ctx);
    ex.comps.item = normalizeComp(ex.comps.item);
    const c = ex.comps.item;
    if (c !== 'in' && c !== 'pmatch' && c !== 'intersects' && !isStrOperatorWithModifier(c)) {
      fail('When fields is a single value, comps must be one of (in, pmatch, intersects) or a modifier operator (e.g. startswith oneof)', ex.ctx);
    }
    if (isValidField && !isValidField(fields.item)) fail(`'${fields.item}' is not a supported filter field`, ex.ctx);
  }
}

export class Collector {
  private curIndex = 0;
  readonly lists = new Map<string, ListInfo>();
  readonly macros = new Map<string, MacroInfo>();
  readonly rules = new Map<string, RuleInfo>();
  readonly pluginRequirements: { alternatives: PluginRequirement[]; ctx: Context }[] = [];
  requiredEngineVersion: string | undefined;

  constructor(private readonly fieldCheck: (source: string) => LhsFieldCheck | undefined, private readonly knownSource: (source: string) => boolean) {}

  defineEngineVersion(version: string, ctx: Context): void {
    const have = parseSemver(ENGINE_VERSION)!;
    const want = parseSemver(version);
    if (!want || have[0] !== want[0] || compareSemver(have, want) < 0) {
      fail(`Rules require engine version ${version}, but engine version is ${ENGINE_VERSION}`, ctx);
    }
    if (!this.requiredEngineVersion || compareSemver(parseSemver(this.requiredEngineVersion)!, want) < 0) this.requiredEngineVersion = version;
  }

  definePluginVersions(alternatives: PluginRequirement[], ctx: Context): void {
    const names = new Set<string>();
    for (const r of alternatives) {
      if (!parseSemver(r.version)) fail(`Invalid required version '${r.version}' for plugin '${r.name}'`, ctx);
      if (names.has(r.name)) fail(`Defined multiple alternative version requirements for plugin '${r.name}'`, ctx);
      names.add(r.name);
    }
    this.pluginRequirements.push({ alternatives, ctx });
  }

  private defineInfo<T extends { name: string; index: number; visibility: number }>(map: Map<string, T>, info: T): void {
    const id = this.curIndex++;
    const prev = map.get(info.name);
    if (prev) {
      info.index = prev.index;
      info.visibility = id;
      // Keep the original insertion order of the map: redefinition replaces in place.
      map.set(info.name, info);
    } else {
      info.index = id;
      info.visibility = id;
      map.set(info.name, info);
    }
  }

  defineList(info: ListInfo): void {
    this.defineInfo(this.lists, info);
  }

  appendList(info: ListInfo): void {
    const prev = this.lists.get(info.name);
    if (!prev) fail("List uses 'append' or 'override.items: append' but no list by that name already exists", info.ctx);
    prev.items.push(...info.items);
    prev.visibility = this.curIndex++;
  }

  defineMacro(info: MacroInfo): void {
    this.defineInfo(this.macros, info);
  }

  appendMacro(info: MacroInfo): void {
    const prev = this.macros.get(info.name);
    if (!prev) fail("Macro uses 'append' or 'override.condition: append' but no macro by that name already exists", info.ctx);
    prev.cond = `${prev.cond} ${info.cond}`;
    // The appended text has no single anchor in one file any more.
    delete prev.anchor;
    prev.visibility = this.curIndex++;
  }

  private findPrevRule(name: string, source: string | undefined, ctx: Context): RuleInfo | undefined {
    const prev = this.rules.get(name);
    if (prev && prev.source !== '' && source !== undefined && source !== '' && prev.source !== source) {
      fail('Rule has been re-defined with a different source', ctx);
    }
    return prev;
  }

  defineRule(info: RuleInfo, res: LoadResult): void {
    this.findPrevRule(info.name, info.source, info.ctx);
    if (!this.knownSource(info.source)) {
      info.unknownSource = true;
      res.addWarning('LOAD_UNKNOWN_SOURCE', `Unknown source ${info.source}, skipping`, info.ctx);
    }
    const check = info.unknownSource ? undefined : this.fieldCheck(info.source);
    for (const ex of info.exceptions) {
      if (!ex.fields) fail('Rule exception item must have fields property with a list of fields', ex.ctx);
      validateException(ex, check);
    }
    this.defineInfo(this.rules, info);
  }

  appendRule(info: RuleUpdateInfo): void {
    const prev = this.findPrevRule(info.name, info.source, info.ctx);
    if (!prev) fail("Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists", info.ctx);
    if (!updateHasAnyValue(info)) fail('Appended rule must have exceptions or condition property', info.ctx);
    const check = prev.unknownSource ? undefined : this.fieldCheck(prev.source);
    if (info.cond !== undefined && info.cond !== '') {
      prev.cond = `${prev.cond} ${info.cond}`;
      delete prev.condAnchor;
    }
    if (info.output !== undefined && info.output !== '') prev.output = `${prev.output} ${info.output}`;
    if (info.desc !== undefined && info.desc !== '') prev.desc = `${prev.desc} ${info.desc}`;
    if (info.tags) for (const t of info.tags) if (!prev.tags.includes(t)) prev.tags.push(t);
    if (info.exceptions) {
      for (const ex of info.exceptions) {
        const existing = prev.exceptions.find((e) => e.name === ex.name);
        if (!existing) {
          if (!ex.fields) fail('Rule exception must have fields property with a list of fields', ex.ctx);
          if (ex.values.length === 0) fail('Rule exception must have values property with a list of values', ex.ctx);
          validateException(ex, check);
          prev.exceptions.push(ex);
        } else {
          if (ex.fields) fail('Can not append exception fields to existing exception, only values', ex.ctx);
          if (ex.comps) fail('Can not append exception comps to existing exception, only values', ex.ctx);
          existing.values.push(...ex.values);
        }
      }
    }
    prev.visibility = this.curIndex++;
  }

  replaceRule(info: RuleUpdateInfo): void {
    const prev = this.findPrevRule(info.name, info.source, info.ctx);
    if (!prev) fail("An 'override.<key>: replace' to a rule was requested but no rule by that name already exists", info.ctx);
    if (!updateHasAnyValue(info)) fail('The rule must have at least one field that can be replaced', info.ctx);
    if (info.cond !== undefined) {
      prev.cond = info.cond;
      prev.condCtx = info.ctx;
      delete prev.condAnchor;
    }
    if (info.output !== undefined) prev.output = info.output;
    if (info.desc !== undefined) prev.desc = info.desc;
    if (info.tags !== undefined) prev.tags = [...info.tags];
    if (info.exceptions !== undefined) {
      // Falco skips validation here; validating fills the default comps the compiler relies on.
      const check = prev.unknownSource ? undefined : this.fieldCheck(prev.source);
      for (const ex of info.exceptions) {
        if (!ex.fields) fail('Rule exception must have fields property with a list of fields', ex.ctx);
        validateException(ex, check);
      }
      prev.exceptions = info.exceptions;
    }
    if (info.priority !== undefined) prev.priority = info.priority;
    if (info.capture !== undefined) prev.capture = info.capture;
    if (info.captureDuration !== undefined) prev.captureDuration = info.captureDuration;
    if (info.enabled !== undefined) prev.enabled = info.enabled;
    if (info.warnEvttypes !== undefined) prev.warnEvttypes = info.warnEvttypes;
    if (info.skipIfUnknownFilter !== undefined) prev.skipIfUnknownFilter = info.skipIfUnknownFilter;
    prev.visibility = this.curIndex++;
  }

  enableRule(name: string, enabled: boolean, ctx: Context): void {
    const prev = this.rules.get(name);
    if (!prev) fail("Rule has 'enabled' key but no rule by that name already exists", ctx);
    prev.enabled = enabled;
  }
}
