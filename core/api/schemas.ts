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
  'capture.density': z.object({ id, from: ns.optional(), to: ns.optional(), maxBuckets: z.number().int().min(1).max(10_000).optional() }).strict(),
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
