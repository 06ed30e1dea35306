import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawEvent } from '../../../core/capture/event.js';

/** The shared real captures, read in place (never copied into the project). */
export const CAPTURES = fileURLToPath(new URL('../../../../shared/data/captures/', import.meta.url));

export function captureFiles(): string[] {
  return readdirSync(CAPTURES)
    .filter((f) => f.endsWith('.scap'))
    .sort();
}

export const capturePath = (name: string) => `${CAPTURES}${name}`;

export const SYSDIG = '/usr/bin/sysdig';
export const hasSysdig = existsSync(SYSDIG);

/** Run the reference decoder (always with TZ=UTC, never with DNS-resolving fields). */
export function sysdig(args: string[]): string {
  return execFileSync(SYSDIG, args, {
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
}

/** Everything that identifies an event: header fields plus its exact param bytes. */
export function eventKey(ev: RawEvent): string {
  const parts: string[] = [ev.ts.toString(), String(ev.tid), String(ev.type), String(ev.cpu), String(ev.flags), String(ev.nparams)];
  for (let i = 0; i < ev.nparams; i++) parts.push(ev.param(i).toString('hex'));
  return parts.join('|');
}

/** Deterministic PRNG (mulberry32): fuzz and chunking cases are reproducible from their seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
