import { z } from 'zod';
import type { MethodName, Methods } from './contract.js';

/**
 * Runtime schemas for every method's params. Hosts validate untrusted input (IPC, WebSocket, CLI)
 * here before the service sees it. The mapped type below makes a missing or mismatched schema a
 * compile error, so the contract and its validation cannot drift apart.
 */
const path = z.string().min(1, 'path is empty').max(4096, 'path is too long').refine((p) => !p.includes('\0'), 'path contains NUL');

type SchemaFor<M extends MethodName> = z.ZodType<Methods[M]['params']>;

export const PARAM_SCHEMAS: { [M in MethodName]: SchemaFor<M> } = {
  'app.info': z.object({}).strict() as unknown as SchemaFor<'app.info'>,
  'fs.list': z.object({ path: path.optional() }).strict(),
  'evidence.hash': z.object({ path }).strict(),
};

export const LONG_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(['evidence.hash']);

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
