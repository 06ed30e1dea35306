import { z } from 'zod';
import type { MethodName, Methods } from './contract.js';

/**
 * Runtime schemas for every method's params. Hosts validate untrusted input (IPC, WebSocket, CLI)
 * here before the service sees it. The mapped type below makes a missing or mismatched schema a
 * compile error, so the contract and its validation cannot drift apart.
 */
const path = z.string().min(1, 'path is empty').max(4096, 'path is too long').refine((p) => !p.includes('\0'), 'path contains NUL');
const id = z.string().min(1).max(100);
const filter = z.string().max(100_000, 'filter is too long');
const ns = z.string().regex(/^\d{1,20}$/, 'a time is nanoseconds since the epoch, as digits');
const field = z.string().min(1).max(200);
const scope = { filter: filter.optional(), from: ns.optional(), to: ns.optional() };

type SchemaFor<M extends MethodName> = z.ZodType<Methods[M]['params']>;
const empty = z.object({}).strict() as unknown as z.ZodType<Record<string, never>>;

// ---- cases ----
const caseId = id;
const artifactId = z.number().int().min(1);
const evtNum = z.number().int().min(1);
const findingIn = z.object({
  rule: z.string().min(1).max(1000),
  priority: z.string().min(1).max(40),
  ts: ns,
  time: z.string().max(100),
  output: z.string().max(100_000),
  tags: z.array(z.string().max(200)).max(100),
  evtNum,
  outputFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
}).strict();
type CaseMethod = Extract<MethodName, `case.${string}`>;
const CASE_SCHEMAS: { [M in CaseMethod]: SchemaFor<M> } = {
  'case.create': z.object({ path, name: z.string().min(1).max(200).optional() }).strict(),
  'case.open': z.object({ path }).strict(),
  'case.info': z.object({ caseId }).strict(),
  'case.close': z.object({ caseId }).strict(),
  'case.addCapture': z.object({ caseId, captureId: id, maxBuckets: z.number().int().min(1).max(10_000).optional() }).strict(),
  'case.openCapture': z.object({ caseId, artifactId }).strict(),
  'case.findings.add': z.object({ caseId, artifactId, findings: z.array(findingIn).max(100_000) }).strict(),
  'case.findings.list': z.object({ caseId, artifactId: artifactId.optional(), limit: z.number().int().min(1).max(1_000_000).optional() }).strict(),
  'case.notes.add': z.object({ caseId, text: z.string().min(1).max(100_000), artifactId: artifactId.optional(), evtNum: evtNum.optional() }).strict(),
  'case.notes.list': z.object({ caseId, artifactId: artifactId.optional(), evtNum: evtNum.optional() }).strict(),
  'case.bookmarks.add': z.object({ caseId, artifactId, evtNum, label: z.string().max(10_000).optional() }).strict(),
  'case.bookmarks.remove': z.object({ caseId, artifactId, evtNum }).strict(),
  'case.bookmarks.list': z.object({ caseId, artifactId: artifactId.optional() }).strict(),
  'case.filters.save': z.object({ caseId, name: z.string().min(1).max(200), filter: z.string().min(1).max(100_000), description: z.string().max(10_000).optional() }).strict(),
  'case.filters.list': z.object({ caseId }).strict(),
  'case.verify': z.object({ caseId }).strict(),
  'case.audit': z.object({ caseId, limit: z.number().int().min(1).max(1_000_000).optional() }).strict(),
  'case.export': z.object({ caseId, dir: path, bookmarked: z.boolean().optional() }).strict(),
};

export const PARAM_SCHEMAS: { [M in MethodName]: SchemaFor<M> } = {
  'app.info': empty,
  'fs.list': z.object({ path: path.optional() }).strict(),
  'evidence.hash': z.object({ path }).strict(),
  'capture.open': z.object({ path }).strict(),
  'capture.close': z.object({ id }).strict(),
  'capture.events': z
    .object({ id, offset: z.number().int().min(0), limit: z.number().int().min(0).max(5000), columns: z.array(field).max(32).optional(), ...scope })
    .strict(),
  'capture.locate': z.object({ id, num: z.number().int().min(1), ...scope }).strict(),
  'capture.density': z.object({ id, from: ns.optional(), to: ns.optional(), maxBuckets: z.number().int().min(1).max(10_000).optional(), filter: filter.optional() }).strict(),
  'capture.event': z.object({ id, num: z.number().int().min(1) }).strict(),
  'capture.analyze': z
    .object({
      id,
      ...scope,
      views: z.array(z.object({ id: z.string().min(1).max(300), sort: z.string().max(100).optional(), desc: z.boolean().optional(), top: z.number().int().min(1).max(1_000_000).optional() }).strict()).max(64).optional(),
      overview: z.boolean().optional(),
      series: z.array(z.object({ id: z.string().min(1).max(100), filter: filter.optional(), field: field.optional() }).strict()).max(32).optional(),
      tree: z.boolean().optional(),
      topology: z.enum(['process', 'procname', 'container']).optional(),
      follow: z.object({ fdFilter: filter.nullable(), limit: z.number().int().min(1).max(1_000_000).optional() }).strict().optional(),
      maxBuckets: z.number().int().min(1).max(10_000).optional(),
    })
    .strict(),
  'capture.views': empty,
  'fields.list': empty,
  'filter.validate': z.object({ filter }).strict(),
  'filter.complete': z.object({ filter, cursor: z.number().int().min(0), id: id.optional() }).strict(),
  'rules.run': z.object({ id, defaults: z.boolean(), files: z.array(path).max(64).optional(), ...scope }).strict(),
  ...CASE_SCHEMAS,
};

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(PARAM_SCHEMAS, name);
}

const clientMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call'), id: z.number().int().nonnegative(), method: z.string().max(200), params: z.unknown() }).strict(),
  z.object({ kind: z.literal('cancel'), id: z.number().int().nonnegative() }).strict(),
]);

export function parseClientMessage(raw: unknown): z.ZodSafeParseResult<z.infer<typeof clientMessage>> {
  return clientMessage.safeParse(raw);
}
