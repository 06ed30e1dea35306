/** Timestamp text as sysdig prints it (sinsp_utils::ts_to_string / ts_to_iso_8601). */

const NS = 1_000_000_000n;

/** gmt2local(0): the local zone's offset from UTC in seconds, taken once like sysdig. */
let zoneOffset: number | undefined;
export function localOffsetSeconds(): number {
  if (zoneOffset === undefined) zoneOffset = -new Date().getTimezoneOffset() * 60;
  return zoneOffset;
}

/** For tests and for callers that want a fixed zone. */
export function setLocalOffsetSeconds(seconds: number | undefined): void {
  zoneOffset = seconds;
}

const p2 = (n: number): string => (n < 10 ? '0' : '') + n;

function dateOf(sec: number): string {
  const d = new Date(sec * 1000);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

/** ts_to_string(ts, date, ns): "HH:MM:SS.nnnnnnnnn", optionally prefixed with "YYYY-MM-DD ". */
export function tsToString(ts: bigint, date: boolean, ns: boolean): string {
  const sec = ts / NS;
  const nsec = ts % NS;
  const local = Number(sec) + localOffsetSeconds();
  const s = ((local % 86400) + 86400) % 86400;
  let out = '';
  if (date) out += dateOf(local - s) + ' ';
  out += `${p2(Math.floor(s / 3600))}:${p2(Math.floor((s % 3600) / 60))}:${p2(s % 60)}`;
  if (ns) out += '.' + String(nsec).padStart(9, '0');
  return out;
}

/** ts_to_iso_8601: always UTC, "+0000". */
export function tsToIso8601(ts: bigint): string {
  const sec = Number(ts / NS);
  const d = new Date(sec * 1000);
  const t = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return `${dateOf(sec)}T${t}.${String(ts % NS).padStart(9, '0')}+0000`;
}

/** "S.nnnnnnnnn" with a 9-digit fraction (sysdig -t r / d / D). */
export function secondsDotNs(v: bigint): string {
  return `${v / NS}.${String(v % NS).padStart(9, '0')}`;
}

/** sinsp_filter_check_reference::format_time: a duration the way sysdig's tables print it. */
export function formatDuration(ns: bigint): string {
  const S = 1_000_000_000n;
  const u = (v: bigint): string => (v & 0xffffffffn).toString();
  const p2 = (v: bigint): string => u(v).padStart(2, '0');
  if (ns >= 3600n * S) return `${p2(ns / (3600n * S))}:${p2((ns / (60n * S)) % 60n)}:${p2((ns / S) % 60n)}`;
  if (ns >= 60n * S) return `${u(ns / (60n * S))}:${u((ns / S) % 60n)}`;
  if (ns >= S) return `${u(ns / S)}.${p2((ns % S) / 10_000_000n)}s`;
  if (ns >= S / 100n) return `${u(ns / 1_000_000n)}ms`;
  if (ns >= S / 1000n) return `${u(ns / 1_000_000n)}.${p2((ns % 1_000_000n) / 10_000n)}ms`;
  if (ns >= S / 100_000n) return `${u(ns / 1000n)}us`;
  if (ns >= S / 1_000_000n) return `${u(ns / 1000n)}.${p2((ns % 1000n) / 10n)}us`;
  return `${u(ns)}ns`;
}
