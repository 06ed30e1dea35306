/**
 * The rules engine: loads rules files in order into one collection (like `falco -r a -r b`),
 * recompiles after each file, and evaluates events. Rules are indexed by event code, as Falco's
 * evttype index does, so an event is only tested against rules that can match its type.
 */
import { readFile } from 'node:fs/promises';
import { libsEventUniverse, type EventUniverse } from '../filter/evttypes.js';
import type { FieldResolver } from '../filter/fields.js';
import { Collector, ENGINE_VERSION } from './collector.js';
import { compileCollected, type CompiledRule } from './compile.js';
import { priorityRank, type PluginRequirement, type Priority } from './items.js';
import { renderOutput } from './output.js';
import { readRulesContent } from './reader.js';
import { Context, LoadResult, type LoadDiagnostic } from './result.js';
import { semverCompatible } from './semver.js';

export { ENGINE_VERSION };

/**
 * Capabilities Tracehound has built in where Falco needs a plugin. The inspector reads container
 * metadata from the capture itself, so rules that require Falco's container plugin (for its
 * container.* fields) are satisfied by it.
 */
export const BUILTIN_PLUGINS: readonly PluginRequirement[] = [{ name: 'container', version: '0.4.0' }];

export interface RulesEngineOptions<E> {
  /** Field resolvers by event source name (`syscall`, `k8s_audit`, ...). Rules of other sources are skipped with a warning. */
  sources: Record<string, FieldResolver<E>>;
  /** Plugins considered loaded when checking required_plugin_versions (default: BUILTIN_PLUGINS). */
  plugins?: readonly PluginRequirement[];
  universe?: EventUniverse;
}

export interface RuleMatch<E> {
  rule: CompiledRule<E>;
  output: string;
}

function diagKey(d: LoadDiagnostic): string {
  const l = d.context.last;
  return `${d.code}|${d.message}|${d.file}|${l.itemType}|${l.itemName}|${l.line}|${l.col}`;
}

export class RulesEngine<E> {
  private readonly collector: Collector;
  private readonly universe: EventUniverse;
  private readonly sources: ReadonlyMap<string, { resolver: FieldResolver<E> }>;
  private readonly plugins: readonly PluginRequirement[];
  private compiled: CompiledRule<E>[] = [];
  private enabled = new Map<string, boolean>();
  private minPriority: Priority = 'DEBUG';
  private byCode: CompiledRule<E>[][] = [];
  private readonly reported = new Set<string>();
  readonly results: LoadResult[] = [];

  constructor(opts: RulesEngineOptions<E>) {
    this.sources = new Map(Object.entries(opts.sources).map(([k, resolver]) => [k, { resolver }]));
    this.universe = opts.universe ?? libsEventUniverse();
    this.plugins = opts.plugins ?? BUILTIN_PLUGINS;
    this.collector = new Collector(
      (source) => {
        const r = this.sources.get(source)?.resolver;
        if (!r) return undefined;
        return (field) => {
          const m = /^([^[\]]+)(?:\[(.*)\])?$/.exec(field);
          if (!m) return false;
          const res = r.resolve(m[1]!, m[2]);
          return !('error' in res);
        };
      },
      (source) => this.sources.has(source),
    );
  }

  /**
   * Loads one rules file's content on top of what is loaded. The result holds this file's
   * reading problems and any compile problem not already reported by an earlier load.
   */
  loadRules(content: string, name: string): LoadResult {
    const res = new LoadResult(name);
    readRulesContent(content, name, this.collector, res);
    const all = new LoadResult(name);
    this.compiled = compileCollected(this.collector, { sources: this.sources, universe: this.universe }, all);
    for (const e of all.errors) if (this.firstTime(e)) res.errors.push(e);
    for (const w of all.warnings) if (this.firstTime(w)) res.warnings.push(w);
    // A later file can toggle `enabled` of an earlier rule: the collected value wins until the user overrides.
    for (const r of this.compiled) if (!this.userToggled.has(r.name)) this.enabled.set(r.name, r.enabled);
    this.reindex();
    this.results.push(res);
    return res;
  }

  async loadRulesFile(path: string): Promise<LoadResult> {
    let content: string;
    try {
      content = await readFile(path, 'utf8');
    } catch (err) {
      const res = new LoadResult(path);
      res.addError('LOAD_ERR_FILE_READ', `Could not read rules file ${path}: ${(err as Error).message}`, Context.file(path));
      this.results.push(res);
      return res;
    }
    return this.loadRules(content, path);
  }

  private firstTime(d: LoadDiagnostic): boolean {
    const k = diagKey(d);
    if (this.reported.has(k)) return false;
    this.reported.add(k);
    return true;
  }

  /** Unmet required_plugin_versions, as Falco's check_rules_plugin_requirements words them. */
  pluginRequirementErrors(): string[] {
    const errs: string[] = [];
    for (const req of this.collector.pluginRequirements) {
      const ok = req.alternatives.some((alt) => this.plugins.some((p) => p.name === alt.name && semverCompatible(p.version, alt.version)));
      if (!ok) {
        const first = req.alternatives[0]!;
        const loaded = this.plugins.find((p) => p.name === first.name);
        errs.push(loaded
          ? `Plugin '${first.name}' version '${loaded.version}' is not compatible with required plugin version '${first.version}'`
          : `Plugin '${first.name}' is required but not loaded`);
      }
    }
    return errs;
  }

  get requiredEngineVersion(): string | undefined {
    return this.collector.requiredEngineVersion;
  }

  get rules(): readonly CompiledRule<E>[] {
    return this.compiled;
  }

  rule(name: string): CompiledRule<E> | undefined {
    return this.compiled.find((r) => r.name === name);
  }

  isEnabled(name: string): boolean {
    return this.enabled.get(name) ?? false;
  }

  private readonly userToggled = new Set<string>();

  /** Enables or disables rules whose name matches a `*` wildcard pattern (like `-D` / `-t`). */
  setEnabledByName(pattern: string, on: boolean): number {
    const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    let n = 0;
    for (const r of this.compiled) {
      if (re.test(r.name)) {
        this.enabled.set(r.name, on);
        this.userToggled.add(r.name);
        n++;
      }
    }
    this.reindex();
    return n;
  }

  /** Enables or disables rules whose name contains `text` (Falco's `-D` matches this way). */
  setEnabledBySubstring(text: string, on: boolean): number {
    let n = 0;
    for (const r of this.compiled) {
      if (r.name.includes(text)) {
        this.enabled.set(r.name, on);
        this.userToggled.add(r.name);
        n++;
      }
    }
    this.reindex();
    return n;
  }

  setEnabledByTag(tag: string, on: boolean): number {
    let n = 0;
    for (const r of this.compiled) {
      if (r.tags.includes(tag)) {
        this.enabled.set(r.name, on);
        this.userToggled.add(r.name);
        n++;
      }
    }
    this.reindex();
    return n;
  }

  /** Only rules at least this severe run (Falco's `priority` option). */
  setMinPriority(p: Priority): void {
    this.minPriority = p;
    this.reindex();
  }

  private reindex(): void {
    const byCode: CompiledRule<E>[][] = Array.from({ length: this.universe.size }, () => []);
    const limit = priorityRank(this.minPriority);
    for (const r of this.compiled) {
      if (r.source !== 'syscall' || !this.enabled.get(r.name) || priorityRank(r.priority) > limit) continue;
      for (const c of r.eventCodes.codes()) byCode[c]!.push(r);
    }
    this.byCode = byCode;
  }

  /**
   * A new event starts: sources' resolvers that compute field values once per event (see
   * RegistryResolverOptions.memo) drop the previous event's. Call before evaluating rules.
   */
  nextEvent(): void {
    for (const s of this.sources.values()) (s.resolver as { next?: () => void }).next?.();
  }

  /** Enabled syscall rules that can match events with this ppm code, in definition order. */
  rulesForCode(code: number): readonly CompiledRule<E>[] {
    return this.byCode[code] ?? [];
  }

  /** The rule's output for an event, %fields substituted (missing ones print <NA>). */
  render(rule: CompiledRule<E>, evt: E): string {
    return renderOutput(rule.output, evt);
  }

  /** Evaluates one event of the given ppm code against the indexed rules. */
  evaluate(evt: E, code: number): RuleMatch<E>[] {
    const candidates = this.byCode[code];
    if (!candidates || candidates.length === 0) return [];
    const out: RuleMatch<E>[] = [];
    for (const r of candidates) {
      if (r.match(evt)) out.push({ rule: r, output: renderOutput(r.output, evt) });
    }
    return out;
  }
}
