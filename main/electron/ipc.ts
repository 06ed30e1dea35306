import type { ClientMessage, ServerMessage } from '../../core/api/contract.js';
import { PARAM_SCHEMAS, isMethodName, parseClientMessage } from '../../core/api/schemas.js';

export const IPC_CALL_CHANNEL = 'tracehound:call';
export const IPC_REPLY_CHANNEL = 'tracehound:reply';
export const IPC_HOST_EVENT_CHANNEL = 'tracehound:host-event';

export type IpcVerdict = { ok: true; message: ClientMessage } | { ok: false; reply: ServerMessage };

/**
 * Validates a renderer message at the process boundary, before it reaches the engine process: the
 * envelope, the method name and the params all against the contract's schemas. A compromised
 * renderer gets a typed error back and nothing else.
 */
export function validateIpcMessage(raw: unknown): IpcVerdict {
  const parsed = parseClientMessage(raw);
  if (!parsed.success) {
    const id = typeof (raw as { id?: unknown } | null)?.id === 'number' ? (raw as { id: number }).id : -1;
    return { ok: false, reply: { kind: 'error', id, error: { code: 'INVALID_REQUEST', message: 'Malformed IPC message' } } };
  }
  const msg = parsed.data;
  if (msg.kind === 'cancel') return { ok: true, message: msg };
  if (!isMethodName(msg.method)) {
    return { ok: false, reply: { kind: 'error', id: msg.id, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${msg.method.slice(0, 100)}` } } };
  }
  const params = PARAM_SCHEMAS[msg.method].safeParse(msg.params ?? {});
  if (!params.success) {
    const issue = params.error.issues[0];
    return {
      ok: false,
      reply: { kind: 'error', id: msg.id, error: { code: 'INVALID_REQUEST', message: `Invalid params for ${msg.method}: ${issue?.message ?? 'invalid'}` } },
    };
  }
  return { ok: true, message: { kind: 'call', id: msg.id, method: msg.method, params: params.data } };
}
