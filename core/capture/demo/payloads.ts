/**
 * The bytes the demo's processes exchange: HTTP requests and responses, log lines, a shadow file,
 * DNS packets, stratum (mining pool) JSON and the head of an ELF download. All made up here;
 * addresses come from the documentation ranges (RFC 5737), and the wallet is random base58.
 */

const CRLF = '\r\n';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

function utc(ts: bigint): Date {
  return new Date(Number(ts / 1_000_000n));
}

/** RFC 7231 date, as in the Date: header. */
export function httpDate(ts: bigint): string {
  const d = utc(ts);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

/** nginx $time_local with a UTC container clock. */
function logDate(ts: bigint): string {
  const d = utc(ts);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** nginx error_log timestamp. */
function errDate(ts: bigint): string {
  const d = utc(ts);
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

const b = (s: string) => Buffer.from(s, 'latin1');

export function httpRequest(method: string, target: string, host: string, ua: string, extra: string[] = []): Buffer {
  return b([`${method} ${target} HTTP/1.1`, `Host: ${host}`, `User-Agent: ${ua}`, 'Accept: */*', ...extra, '', ''].join(CRLF));
}

export function responseHead(status: number, ts: bigint, type: string, length: number, extra: string[] = []): Buffer {
  const reason: Record<number, string> = { 200: 'OK', 304: 'Not Modified', 404: 'Not Found' };
  return b(
    [
      `HTTP/1.1 ${status} ${reason[status] ?? 'OK'}`,
      'Server: nginx/1.25.5',
      `Date: ${httpDate(ts)}`,
      `Content-Type: ${type}`,
      `Content-Length: ${length}`,
      ...extra,
      'Connection: keep-alive',
      '',
      '',
    ].join(CRLF),
  );
}

/** nginx's built-in 404 page. */
export const NOT_FOUND_BODY = b(
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.25.5</center>\r\n</body>\r\n</html>\r\n',
);

export function accessLogLine(ts: bigint, client: string, requestLine: string, status: number, bytes: number, referer: string, ua: string): Buffer {
  return b(`${client} - - [${logDate(ts)}] "${requestLine}" ${status} ${bytes} "${referer}" "${ua}" "-"\n`);
}

export function openFailedLogLine(ts: bigint, pid: number, conn: number, path: string, client: string, requestLine: string, host: string): Buffer {
  return b(
    `${errDate(ts)} [error] ${pid}#${pid}: *${conn} open() "${path}" failed (2: No such file or directory), client: ${client}, server: localhost, request: "${requestLine}", host: "${host}"\n`,
  );
}

/** A Debian /etc/shadow as the nginx image ships it: every account locked. */
export const SHADOW = b(
  [
    'root:*:19863:0:99999:7:::',
    'daemon:*:19863:0:99999:7:::',
    'bin:*:19863:0:99999:7:::',
    'sys:*:19863:0:99999:7:::',
    'sync:*:19863:0:99999:7:::',
    'games:*:19863:0:99999:7:::',
    'man:*:19863:0:99999:7:::',
    'lp:*:19863:0:99999:7:::',
    'mail:*:19863:0:99999:7:::',
    'news:*:19863:0:99999:7:::',
    'uucp:*:19863:0:99999:7:::',
    'proxy:*:19863:0:99999:7:::',
    'www-data:*:19863:0:99999:7:::',
    'backup:*:19863:0:99999:7:::',
    'list:*:19863:0:99999:7:::',
    'irc:*:19863:0:99999:7:::',
    '_apt:*:19863:0:99999:7:::',
    'nobody:*:19863:0:99999:7:::',
    'nginx:!:19872::::::',
    '',
  ].join('\n'),
);

/** The start of an x86-64 ELF executable header, then zero padding. */
export function elfHead(len: number): Buffer {
  const out = Buffer.alloc(len);
  Buffer.from([
    0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x00, 0x3e, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x50, 0x1b, 0x40, 0x00, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0,
  ]).copy(out);
  return out;
}

/** Bytes that look like the middle of a compressed binary. */
export function noise(len: number, rnd: () => number): Buffer {
  const out = Buffer.alloc(len);
  for (let i = 0; i < len; i++) out[i] = Math.floor(rnd() * 256);
  return out;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A made-up Monero-shaped address (95 base58 chars starting with 4); it belongs to nobody. */
export function fakeWallet(rnd: () => number): string {
  let s = '4';
  while (s.length < 95) s += BASE58[Math.floor(rnd() * 58)];
  return s;
}

export function hex(len: number, rnd: () => number): string {
  let s = '';
  while (s.length < len) s += Math.floor(rnd() * 16).toString(16);
  return s;
}

/** A DNS query for an A record, recursion desired. */
export function dnsQuery(id: number, name: string): Buffer {
  const labels = name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'ascii')]));
  const header = Buffer.from([id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, 1, 0, 1])]);
}

/** The answer to dnsQuery: one A record pointing at `ip` (name compressed to the question). */
export function dnsAnswer(id: number, name: string, ip: string, ttl: number): Buffer {
  const q = dnsQuery(id, name);
  q[2] = 0x81;
  q[3] = 0x80;
  q[7] = 1;
  const rr = Buffer.alloc(16);
  rr.writeUInt16BE(0xc00c, 0);
  rr.writeUInt16BE(1, 2);
  rr.writeUInt16BE(1, 4);
  rr.writeUInt32BE(ttl, 6);
  rr.writeUInt16BE(4, 10);
  Buffer.from(ip.split('.').map(Number)).copy(rr, 12);
  return Buffer.concat([q, rr]);
}

export const XMRIG_AGENT = 'XMRig/6.21.0 (Linux x86_64) libuv/1.44.2 gcc/12.2.0';

export function stratumLogin(wallet: string, pass: string): Buffer {
  return b(
    `${JSON.stringify({
      id: 1,
      jsonrpc: '2.0',
      method: 'login',
      params: { login: wallet, pass, agent: XMRIG_AGENT, algo: ['rx/0', 'cn/2', 'cn/r', 'cn/half', 'cn/xao', 'cn/rto', 'cn-lite/1', 'rx/wow', 'rx/arq'] },
    })}\n`,
  );
}

export function stratumJob(rnd: () => number, sessionId: string, height: number): { text: Buffer; jobId: string } {
  const jobId = hex(24, rnd);
  const text = b(
    `${JSON.stringify({
      id: 1,
      jsonrpc: '2.0',
      error: null,
      result: {
        id: sessionId,
        job: { blob: `1010${hex(148, rnd)}`, job_id: jobId, target: 'f3220000', algo: 'rx/0', height, seed_hash: hex(64, rnd) },
        extensions: ['algo', 'nicehash', 'connect', 'tls', 'keepalive'],
        status: 'OK',
      },
    })}\n`,
  );
  return { text, jobId };
}

export function stratumSubmit(id: number, sessionId: string, jobId: string, rnd: () => number): Buffer {
  return b(
    `${JSON.stringify({ id, jsonrpc: '2.0', method: 'submit', params: { id: sessionId, job_id: jobId, nonce: hex(8, rnd), result: hex(64, rnd), algo: 'rx/0' } })}\n`,
  );
}

export function stratumOk(id: number): Buffer {
  return b(`${JSON.stringify({ id, jsonrpc: '2.0', error: null, result: { status: 'OK' } })}\n`);
}
