import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'th_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === TOKEN_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** A request is authorised by `?token=` or by the cookie set when the page was first loaded with it. */
export function requestToken(req: IncomingMessage, url: URL): { token: string | undefined; fromQuery: boolean } {
  const q = url.searchParams.get('token');
  if (q !== null) return { token: q, fromQuery: true };
  return { token: cookieToken(req), fromQuery: false };
}

export function isAuthorised(expected: string, given: string | undefined): boolean {
  return given !== undefined && safeEqual(expected, given);
}

/**
 * DNS-rebinding defence: a page on evil.example that resolves to 127.0.0.1 still sends its own
 * Host header, so only loopback hosts are accepted.
 */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}
