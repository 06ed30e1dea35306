/**
 * Parsing of right-hand literals into typed operands, following libsinsp's value parser
 * (string_to_rawval): integers as sscanf reads them and truncated to the field's width, booleans
 * only as true/false, ports as numbers or service names, IPv4/IPv6 addresses and CIDR networks.
 * Tracehound extension: RELTIME fields also accept a duration with a unit (`10ms`, `1.5s`).
 */
import type { FieldType } from './fields.js';

export type Operand =
  | { t: 'num'; n: number; b: bigint }
  | { t: 'dbl'; n: number }
  | { t: 'bool'; v: boolean }
  | { t: 'str'; s: string }
  | { t: 'bytes'; b: Uint8Array }
  | { t: 'v4'; v: number }
  | { t: 'v6'; v: Uint8Array }
  | { t: 'net4'; ip: number; mask: number }
  | { t: 'net6'; ip: Uint8Array; bits: number };

export class ValueError extends Error {}

interface IntSpec { bits: number; signed: boolean; scanSigned: boolean; scanBits: 32 | 64 }

// How libsinsp scans (%d/%u into 32 or 64 bits) and then truncates each integer type.
const INT_SPECS: Partial<Record<FieldType, IntSpec>> = {
  INT8: { bits: 8, signed: true, scanSigned: true, scanBits: 32 },
  INT16: { bits: 16, signed: true, scanSigned: true, scanBits: 32 },
  INT32: { bits: 32, signed: true, scanSigned: true, scanBits: 32 },
  INT64: { bits: 64, signed: true, scanSigned: true, scanBits: 64 },
  ERRNO: { bits: 64, signed: true, scanSigned: true, scanBits: 64 },
  FD: { bits: 64, signed: true, scanSigned: true, scanBits: 64 },
  PID: { bits: 64, signed: true, scanSigned: true, scanBits: 64 },
  UINT8: { bits: 8, signed: false, scanSigned: false, scanBits: 32 },
  FLAGS8: { bits: 8, signed: false, scanSigned: false, scanBits: 32 },
  ENUMFLAGS8: { bits: 8, signed: false, scanSigned: false, scanBits: 32 },
  L4PROTO: { bits: 8, signed: false, scanSigned: false, scanBits: 32 },
  SIGTYPE: { bits: 8, signed: false, scanSigned: false, scanBits: 32 },
  UINT16: { bits: 16, signed: false, scanSigned: false, scanBits: 32 },
  FLAGS16: { bits: 16, signed: false, scanSigned: false, scanBits: 32 },
  ENUMFLAGS16: { bits: 16, signed: false, scanSigned: false, scanBits: 32 },
  SYSCALLID: { bits: 16, signed: false, scanSigned: false, scanBits: 32 },
  UINT32: { bits: 32, signed: false, scanSigned: false, scanBits: 32 },
  FLAGS32: { bits: 32, signed: false, scanSigned: false, scanBits: 32 },
  ENUMFLAGS32: { bits: 32, signed: false, scanSigned: false, scanBits: 32 },
  MODE: { bits: 32, signed: false, scanSigned: false, scanBits: 32 },
  UID: { bits: 32, signed: false, scanSigned: false, scanBits: 32 },
  GID: { bits: 32, signed: false, scanSigned: false, scanBits: 32 },
  UINT64: { bits: 64, signed: false, scanSigned: false, scanBits: 64 },
  RELTIME: { bits: 64, signed: false, scanSigned: false, scanBits: 64 },
  ABSTIME: { bits: 64, signed: false, scanSigned: false, scanBits: 64 },
};

function wrap(v: bigint, bits: number, signed: boolean): bigint {
  return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}

/** sscanf("%d%c") / ("%u%c"): optional leading blanks, sign, decimal digits, nothing after. */
function scanInt(text: string, spec: IntSpec): bigint {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(text);
  if (!m) throw new ValueError(`${text} is not a valid number`);
  let v = BigInt(m[2]!);
  if (m[1] === '-') v = -v;
  // sscanf reads into a 32- or 64-bit variable first (unsigned scans wrap negatives), then the
  // value is narrowed to the field width.
  v = wrap(v, spec.scanBits, spec.scanSigned);
  return wrap(v, spec.bits, spec.signed);
}

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

function parseDuration(text: string): bigint | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)$/.exec(text.trim());
  if (!m) return undefined;
  return BigInt(Math.round(Number(m[1]) * DURATION_UNITS[m[2]!]!));
}

// Service names getservbyname would find in a stock /etc/services, for `fd.port = http` style filters.
const SERVICES: Record<string, number> = {
  ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, dns: 53, http: 80, www: 80, kerberos: 88, pop3: 110,
  sunrpc: 111, ntp: 123, imap: 143, snmp: 161, ldap: 389, https: 443, microsoft_ds: 445, smtps: 465,
  syslog: 514, submission: 587, ldaps: 636, imaps: 993, pop3s: 995, mysql: 3306, postgresql: 5432,
  'http-alt': 8080, 'webcache': 8080, redis: 6379, 'x11': 6000, bgp: 179, rsync: 873, nfs: 2049,
};

export function parseIPv4(text: string): number | undefined {
  // inet_pton(AF_INET) accepts only four decimal octets without leading zeros beyond one digit.
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  let v = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!;
    if (part.length > 1 && part[0] === '0') return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    v = v * 256 + n;
  }
  return v;
}

export function parseIPv6(text: string): Uint8Array | undefined {
  let s = text;
  const out = new Uint8Array(16);
  // An embedded dotted IPv4 tail (::ffff:1.2.3.4) takes the last 4 bytes.
  let tail: number | undefined;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    tail = parseIPv4(s.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const dbl = s.indexOf('::');
  if (dbl !== s.lastIndexOf('::')) return undefined;
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    const res: number[] = [];
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      res.push(parseInt(g, 16));
    }
    return res;
  };
  let groups: number[];
  if (dbl >= 0) {
    const head = parseGroups(s.slice(0, dbl));
    const rest = parseGroups(s.slice(dbl + 2));
    if (!head || !rest || head.length + rest.length > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
  } else {
    const all = parseGroups(s);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  groups.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  if (tail !== undefined) {
    out[12] = (tail >>> 24) & 0xff;
    out[13] = (tail >>> 16) & 0xff;
    out[14] = (tail >>> 8) & 0xff;
    out[15] = tail & 0xff;
  }
  return out;
}

function parseNet4(text: string): Operand {
  const slash = text.indexOf('/');
  if (slash < 0) throw new ValueError(`unrecognized IP network ${text}`);
  const ip = parseIPv4(text.slice(0, slash));
  if (ip === undefined) throw new ValueError(`unrecognized IP address ${text}`);
  const maskText = text.slice(slash + 1);
  const bits = Number(scanInt(maskText, INT_SPECS.UINT8!));
  if (bits > 32) throw new ValueError(`invalid netmask ${maskText}`);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { t: 'net4', ip, mask };
}

function parseNet6(text: string): Operand {
  const slash = text.indexOf('/');
  const ip = parseIPv6(slash < 0 ? text : text.slice(0, slash));
  if (!ip) throw new ValueError(`unrecognized IPv6 network ${text}`);
  const bits = slash < 0 ? 128 : Number(text.slice(slash + 1));
  if (!Number.isInteger(bits) || bits < 0 || bits > 128) throw new ValueError(`invalid netmask ${text.slice(slash + 1)}`);
  return { t: 'net6', ip, bits };
}

export function hexToBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Converts a literal to the operand a check on a field of type `type` compares with. */
export function parseOperand(text: string, type: FieldType): Operand {
  if (text.includes('\0')) throw new ValueError('filter value cannot contain a NUL byte (\\x00)');
  const spec = INT_SPECS[type];
  if (spec) {
    if (type === 'RELTIME') {
      const d = parseDuration(text);
      if (d !== undefined) return { t: 'num', n: Number(d), b: d };
    }
    const b = scanInt(text, spec);
    return { t: 'num', n: Number(b), b };
  }
  switch (type) {
    case 'PORT': {
      if (text === '') return { t: 'num', n: 0, b: 0n };
      if (/^[0-9]+$/.test(text)) {
        const b = BigInt.asUintN(16, BigInt(text));
        return { t: 'num', n: Number(b), b };
      }
      const port = SERVICES[text];
      if (port === undefined) throw new ValueError(`unrecognized protocol ${text}`);
      return { t: 'num', n: port, b: BigInt(port) };
    }
    case 'DOUBLE': {
      const n = Number(text.trim());
      if (text.trim() === '' || Number.isNaN(n)) throw new ValueError(`${text} is not a valid number`);
      return { t: 'dbl', n };
    }
    case 'BOOL':
      if (text === 'true') return { t: 'bool', v: true };
      if (text === 'false') return { t: 'bool', v: false };
      throw new ValueError(`unrecognized boolean value ${text}`);
    case 'CHARBUF':
    case 'FSPATH':
    case 'FSRELPATH':
    case 'SOCKADDR':
    case 'SOCKTUPLE':
    case 'SOCKFAMILY':
    case 'FDLIST':
    case 'SIGSET':
      return { t: 'str', s: text };
    case 'BYTEBUF':
      return { t: 'bytes', b: Buffer.from(text, 'utf8') };
    case 'IPV4ADDR': {
      const v = parseIPv4(text);
      if (v === undefined) throw new ValueError(`unrecognized IPv4 address ${text}`);
      return { t: 'v4', v };
    }
    case 'IPV6ADDR': {
      const v = parseIPv6(text);
      if (!v) throw new ValueError(`unrecognized IPv6 address ${text}`);
      return { t: 'v6', v };
    }
    case 'IPADDR':
      return parseOperand(text, text.includes('.') ? 'IPV4ADDR' : 'IPV6ADDR');
    case 'IPV4NET':
      return parseNet4(text);
    case 'IPV6NET':
      return parseNet6(text);
    case 'IPNET':
      return text.includes('.') ? parseNet4(text) : parseNet6(text);
    default:
      throw new ValueError(`wrong parameter type ${type}`);
  }
}

/** A short example of a valid literal, for error hints. */
export function exampleValue(type: FieldType): string {
  if (INT_SPECS[type]) return type === 'RELTIME' ? '1000000 (or 1ms)' : '42';
  switch (type) {
    case 'PORT': return '443 or https';
    case 'BOOL': return 'true or false';
    case 'DOUBLE': return '0.5';
    case 'IPV4ADDR': return '10.0.0.1';
    case 'IPV6ADDR': return '::1';
    case 'IPADDR': return '10.0.0.1 or ::1';
    case 'IPV4NET': return '10.0.0.0/8';
    case 'IPV6NET': return 'fd00::/8';
    case 'IPNET': return '10.0.0.0/8';
    default: return 'text';
  }
}
