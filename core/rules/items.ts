/** What the reader collects from rules files, before compilation (Falco's *_info structs). */
import type { Context } from './result.js';
import type { At } from './yamlnode.js';

export type Priority = 'EMERGENCY' | 'ALERT' | 'CRITICAL' | 'ERROR' | 'WARNING' | 'NOTICE' | 'INFORMATIONAL' | 'DEBUG';

/** Most severe first; the index is Falco's numeric priority (lower is more severe). */
export const PRIORITIES: readonly Priority[] = ['EMERGENCY', 'ALERT', 'CRITICAL', 'ERROR', 'WARNING', 'NOTICE', 'INFORMATIONAL', 'DEBUG'];

/** Falco's parse_priority: case-insensitive names, plus the "info" shorthand. */
export function parsePriority(text: string): Priority | undefined {
  const up = text.toUpperCase();
  if (up === 'INFO') return 'INFORMATIONAL';
  return (PRIORITIES as readonly string[]).includes(up) ? (up as Priority) : undefined;
}

export function priorityRank(p: Priority): number {
  return PRIORITIES.indexOf(p);
}

/** Where a condition or output string sits in its file, so positions inside it map back. */
export interface TextAnchor {
  at: At;
  /** True when the YAML scalar was folded or quoted, so inner offsets only approximate file columns. */
  reflowed: boolean;
}

export interface ListInfo {
  name: string;
  items: string[];
  ctx: Context;
  index: number;
  visibility: number;
}

export interface MacroInfo {
  name: string;
  cond: string;
  ctx: Context;
  condCtx: Context;
  anchor?: TextAnchor;
  index: number;
  visibility: number;
}

/** A fields/comps/values entry: a scalar, or a (possibly nested) list. */
export interface ExceptionEntry {
  isList: boolean;
  item: string;
  items: ExceptionEntry[];
}

export interface ExceptionInfo {
  name: string;
  fields?: ExceptionEntry;
  comps?: ExceptionEntry;
  values: ExceptionEntry[];
  ctx: Context;
}

export interface RuleInfo {
  name: string;
  cond: string;
  condCtx: Context;
  condAnchor?: TextAnchor;
  output: string;
  outputCtx: Context;
  desc: string;
  priority: Priority;
  source: string;
  enabled: boolean;
  capture: boolean;
  captureDuration: number;
  warnEvttypes: boolean;
  skipIfUnknownFilter: boolean;
  tags: string[];
  exceptions: ExceptionInfo[];
  ctx: Context;
  index: number;
  visibility: number;
  unknownSource: boolean;
}

/** An append or selective replace of an existing rule; only set fields apply. */
export interface RuleUpdateInfo {
  name: string;
  ctx: Context;
  source?: string;
  cond?: string;
  output?: string;
  desc?: string;
  tags?: string[];
  exceptions?: ExceptionInfo[];
  priority?: Priority;
  capture?: boolean;
  captureDuration?: number;
  enabled?: boolean;
  warnEvttypes?: boolean;
  skipIfUnknownFilter?: boolean;
}

export function updateHasAnyValue(u: RuleUpdateInfo): boolean {
  return u.cond !== undefined || u.output !== undefined || u.desc !== undefined || u.tags !== undefined ||
    u.exceptions !== undefined || u.priority !== undefined || u.capture !== undefined || u.captureDuration !== undefined ||
    u.enabled !== undefined || u.warnEvttypes !== undefined || u.skipIfUnknownFilter !== undefined;
}

export interface PluginRequirement {
  name: string;
  version: string;
}
