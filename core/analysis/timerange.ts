/**
 * Parsing the bounds of a time range as users type them: nanoseconds since the epoch (what
 * evt.rawtime prints), an ISO 8601 date, a wall-clock time on the capture's first day (what
 * evt.time prints, UTC), or an offset from the capture's first event ("+1.5s", "+250ms").
 */
import { TracehoundError } from '../api/errors.js';

const UNITS: Record<string, bigint> = { ns: 1n, us: 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
const DAY = 86_400_000_000_000n;

/** "1.5" scaled by `unit` without going through a double. */
function decimalTimes(text: string, unit: bigint): bigint {
  const [int, frac = ''] = text.split('.');
  const digits = frac.length;
  const scaled = BigInt(int! + frac) * unit;
  return scaled / 10n ** BigInt(digits);
}

export function parseDuration(text: string): bigint {
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new TracehoundError('CLI_USAGE', `not a duration: ${text}`, { hint: 'Use e.g. 1.5s, 250ms, 10us or 500ns.' });
  return decimalTimes(m[1]!, UNITS[m[2] ?? 's']!);
}

/**
 * A time bound in ns since the epoch. `start` is the capture's first event timestamp; it is
 * needed for offsets and wall-clock times only.
 */
export function parseTimeBound(text: string, start: bigint | null): bigint {
  const t = text.trim();
  if (/^\d{13,}$/.test(t)) return BigInt(t);
  if (t.startsWith('+')) {
    if (start === null) throw new TracehoundError('CLI_USAGE', `a relative time (${t}) needs a capture with events`);
    return start + parseDuration(t.slice(1));
  }
  const clock = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/.exec(t);
  if (clock) {
    if (start === null) throw new TracehoundError('CLI_USAGE', `a wall-clock time (${t}) needs a capture with events`);
    const [, h, mi, s, f = ''] = clock;
    const tod = ((BigInt(h!) * 60n + BigInt(mi!)) * 60n + BigInt(s!)) * 1_000_000_000n + BigInt(f.padEnd(9, '0'));
    return start - (start % DAY) + tod;
  }
  const iso = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (iso) {
    const ms = Date.parse(`${iso[1]}${iso[3] ?? 'Z'}`);
    if (!Number.isNaN(ms)) return BigInt(ms) * 1_000_000n + BigInt((iso[2] ?? '').padEnd(9, '0'));
  }
  throw new TracehoundError('CLI_USAGE', `not a time: ${text}`, {
    hint: 'Use ns since the epoch, an ISO date (2017-09-23T00:44:29.5Z), a UTC clock time (00:44:29.5) or an offset from the start (+1.5s).',
  });
}
