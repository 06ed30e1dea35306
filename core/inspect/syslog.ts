/**
 * The syslog protocol decoder libsinsp attaches to every inspector: fds whose name contains
 * "/dev/log" get their writes decoded, and evt.info of such a write shows the syslog line.
 * The decoded state only lives until the next event, like libsinsp's reset list.
 */

const SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const FACILITIES = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'clock', 'authpriv',
  'ftp', 'ntp', 'logaudit', 'logalert', 'cron', 'local0', 'local1', 'local2', 'local3', 'local4',
  'local5', 'local6', 'local7',
];

export class SyslogDecoder {
  priority = -1;
  severity = 0;
  facility = 0;
  /** Message bytes as a latin1 string. */
  msg = '';
  /** Set when a decode succeeded; the inspector resets the decoder before the next event. */
  needsReset = false;

  watches(name: string): boolean {
    // Every open and connect asks, mostly about the name it asked about last.
    if (name !== this.lastName) {
      this.lastName = name;
      this.lastWatched = name.includes('/dev/log');
    }
    return this.lastWatched;
  }

  private lastName = '';
  private lastWatched = false;

  reset(): void {
    this.priority = -1;
    this.needsReset = false;
  }

  /** on_write(): "<PRI>message". */
  onWrite(data: Buffer): void {
    let j = 0;
    let tc = 1;
    let pri = '';
    while (tc < data.length && data[tc] !== 0x3e && data[tc] !== 0 && j < 15) {
      pri += String.fromCharCode(data[tc]!);
      tc++;
      j++;
    }
    if (data.length < j + 2 || j === 0) {
      this.priority = -1;
      return;
    }
    const n = parseFastInt(pri);
    if (n === null) {
      this.priority = -1;
      return;
    }
    this.priority = n;
    this.severity = n & 0x07;
    this.facility = n >> 3;
    this.msg = data.toString('latin1', j + 2);
    this.needsReset = true;
  }

  severityName(): string {
    return this.severity < SEVERITIES.length ? SEVERITIES[this.severity]! : '<NA>';
  }
  facilityName(): string {
    return this.facility >= 0 && this.facility < FACILITIES.length ? FACILITIES[this.facility]! : '<NA>';
  }

  /** get_info_line(): null when there is nothing decoded for this event. */
  infoLine(): string | null {
    if (this.priority === -1) return null;
    return `syslog sev=${this.severityName()} msg=${this.msg}`;
  }
}

/** sinsp_numparser::tryparsed32_fast: digits only, int32 wrap-around. */
function parseFastInt(s: string): number | null {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    v = (Math.imul(v, 10) + (c - 0x30)) | 0;
  }
  return v;
}
