/**
 * Alert text as Falco prints it: `<time>: <Priority> <output>` lines, or one JSON object per
 * alert with the same keys, order and spacing as Falco's JSON output.
 */
import type { Priority } from './items.js';
import type { Detection } from './replay.js';

const PRIORITY_TEXT: Record<Priority, string> = {
  EMERGENCY: 'Emergency',
  ALERT: 'Alert',
  CRITICAL: 'Critical',
  ERROR: 'Error',
  WARNING: 'Warning',
  NOTICE: 'Notice',
  INFORMATIONAL: 'Informational',
  DEBUG: 'Debug',
};

export function priorityText(p: Priority): string {
  return PRIORITY_TEXT[p];
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * Falco's alert time: ISO 8601 in UTC with nanoseconds and `+0000` when `iso`, otherwise
 * `HH:MM:SS.nnnnnnnnn` in local time.
 */
export function alertTime(ts: bigint, iso: boolean): string {
  const secs = ts / 1_000_000_000n;
  const ns = String(ts % 1_000_000_000n).padStart(9, '0');
  const d = new Date(Number(secs) * 1000);
  if (iso) {
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${ns}+0000`;
  }
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${ns}`;
}

export function alertLine(d: Detection, iso: boolean): string {
  return `${alertTime(d.ts, iso)}: ${priorityText(d.priority)} ${d.output}`;
}

/** One alert as Falco's json_output prints it (`hostname` as Falco reads it from the host or FALCO_HOSTNAME). */
/**
 * Falco's JSON alert. `evtNum` adds the event number (not a Falco key) so a pipeline can jump from an
 * alert to `tracehound read -r FILE evt.num=N`; Falco-exact output leaves it out.
 */
export function alertJson(d: Detection, opts: { iso: boolean; hostname: string; evtNum?: boolean }): string {
  const t = alertTime(d.ts, true);
  const time = `${t.slice(0, -5)}Z`;
  const timeField = opts.iso ? 'evt.time.iso8601' : 'evt.time';
  const fields: Record<string, string | number | null> = { [timeField]: Number(d.ts) };
  for (const [k, v] of Object.entries(d.fields)) fields[k] = v;
  // Falco's time field is the raw timestamp, wider than a double: print its digits exactly.
  const fieldsJson = JSON.stringify(fields).replace(`"${timeField}":${Number(d.ts)}`, `"${timeField}":${d.ts}`);
  const head = JSON.stringify({
    hostname: opts.hostname,
    output: alertLine(d, opts.iso),
    priority: priorityText(d.priority),
    rule: d.rule,
    source: d.source,
    tags: [...d.tags].sort(),
    time,
  });
  return `${head.slice(0, -1)}, "output_fields": ${fieldsJson}${opts.evtNum ? `, "evt_num": ${d.evtNum}` : ''}}`;
}
