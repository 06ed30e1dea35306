import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../core/filter/compiler.js';
import { FilterError } from '../../../core/filter/errors.js';
import { TestResolver, type TestEvent } from './fixture.js';

const R = new TestResolver();

function m(filter: string, evt: TestEvent): boolean {
  return compileFilter(filter, R).match(evt);
}

function cerr(filter: string): FilterError {
  try {
    compileFilter(filter, R);
  } catch (e) {
    if (e instanceof FilterError) return e;
    throw e;
  }
  throw new Error(`expected a compile error for: ${filter}`);
}

const bash: TestEvent = {
  'evt.type': 'execve',
  'evt.num': 7,
  'evt.rawres': -2,
  'proc.name': 'Bash',
  'proc.pname': 'sshd',
  'proc.exepath': '/usr/bin/bash',
  'proc.pid': 100,
  'proc.ppid': 1,
  'proc.aname': ['sshd', 'systemd'],
  'fd.name': '/etc/shadow',
  'fd.num': 3,
  'fd.sip': '10.1.2.3',
  'fd.cip': 0xc0a80001,
  'fd.ip': ['192.168.0.1', '10.1.2.3'],
  'fd.snet': '10.1.2.3',
  'fd.sport': 443,
  'user.uid': 0,
  'evt.rawtime': 1470327477881785323n,
  'evt.latency': 1_500_000,
  'evt.is_open_write': true,
  'evt.buffer': Buffer.from('GET / HTTP/1.1\r\n'),
  'k8s.ns.labels': ['app:web', 'tier:front'],
  'proc.ports': [80, 443],
  'evt.arg': { fd: '3', name: 'shadow' },
};

describe('filter compiler: comparisons', () => {
  it('compares strings with every string operator', () => {
    expect(m('proc.name = Bash', bash)).toBe(true);
    expect(m('proc.name == bash', bash)).toBe(false);
    expect(m('proc.name != bash', bash)).toBe(true);
    expect(m('fd.name contains shad', bash)).toBe(true);
    expect(m('proc.name icontains ASH', bash)).toBe(true);
    expect(m('fd.name startswith /etc/', bash)).toBe(true);
    expect(m('fd.name endswith shadow', bash)).toBe(true);
    expect(m('fd.name glob "/etc/*"', bash)).toBe(true);
    expect(m('fd.name glob "/etc/[a-r]*"', bash)).toBe(false);
    expect(m('proc.name iglob "b?SH"', bash)).toBe(true);
    expect(m('fd.name regex "/etc/(passwd|shadow)"', bash)).toBe(true);
    expect(m('fd.name regex "etc"', bash)).toBe(false);
    expect(m('proc.name in (zsh, Bash)', bash)).toBe(true);
    expect(m('proc.name intersects (zsh)', bash)).toBe(false);
    expect(m('fd.name pmatch (/etc, /usr/lib)', bash)).toBe(true);
    expect(m('fd.name pmatch (/et, /usr/lib)', bash)).toBe(false);
    expect(m('proc.name > 1', bash)).toBe(true);
    expect(m('proc.name < 1', bash)).toBe(false);
    expect(m('fd.name startswith anyof (/usr, /etc)', bash)).toBe(true);
    expect(m('fd.name startswith allof (/usr, /etc)', bash)).toBe(false);
    expect(m('fd.name contains oneof (etc, shadow)', bash)).toBe(false);
    expect(m('fd.name contains oneof (etc, passwd)', bash)).toBe(true);
  });

  it('compares numbers, durations, timestamps and booleans', () => {
    expect(m('proc.pid = 100', bash)).toBe(true);
    expect(m('proc.pid > 99 and proc.pid <= 100', bash)).toBe(true);
    expect(m('evt.rawres < 0', bash)).toBe(true);
    expect(m('evt.rawres in (-2, -3)', bash)).toBe(true);
    expect(m('fd.num != 3', bash)).toBe(false);
    expect(m('user.uid = 0', bash)).toBe(true);
    expect(m('evt.latency > 1ms', bash)).toBe(true);
    expect(m('evt.latency < 1000000', bash)).toBe(false);
    expect(m('evt.latency < 1.6ms and evt.latency >= 1500us', bash)).toBe(true);
    expect(m('evt.rawtime = 1470327477881785323', bash)).toBe(true);
    expect(m('evt.rawtime > 1470327477881785322', bash)).toBe(true);
    expect(m('evt.is_open_write = true', bash)).toBe(true);
    expect(m('evt.is_open_write != true', bash)).toBe(false);
    expect(m('fd.sport = https', bash)).toBe(true);
  });

  it('compares addresses and networks', () => {
    expect(m('fd.sip = 10.1.2.3', bash)).toBe(true);
    expect(m('fd.cip = 192.168.0.1', bash)).toBe(true);
    expect(m('fd.sip in (10.1.2.4, 10.1.2.3)', bash)).toBe(true);
    expect(m('fd.snet = 10.0.0.0/8', bash)).toBe(true);
    expect(m('fd.snet in (192.168.0.0/16, 172.16.0.0/12)', bash)).toBe(false);
    expect(m('fd.ip = 192.168.0.1', bash)).toBe(true);
    expect(m('fd.sip = ::1', bash)).toBe(false);
    expect(m('fd.sip != ::1', bash)).toBe(true);
  });

  it('compares byte buffers', () => {
    expect(m('evt.buffer contains GET', bash)).toBe(true);
    expect(m('evt.buffer bcontains 485454', bash)).toBe(true);
    expect(m('evt.buffer bstartswith 474554', bash)).toBe(true);
    expect(m('evt.buffer bstartswith 4854', bash)).toBe(false);
  });

  it('handles list fields and any-of fields', () => {
    expect(m('k8s.ns.labels intersects ("tier:front", x)', bash)).toBe(true);
    expect(m('k8s.ns.labels in ("tier:front", x)', bash)).toBe(false);
    expect(m('k8s.ns.labels in ("tier:front", "app:web", x)', bash)).toBe(true);
    expect(m('proc.ports intersects (443)', bash)).toBe(true);
    expect(m('proc.aname = systemd', bash)).toBe(true);
    expect(m('proc.aname[1] = systemd', bash)).toBe(true);
    expect(m('proc.aname[0] = systemd', bash)).toBe(false);
    expect(m('len(k8s.ns.labels) = 2', bash)).toBe(true);
  });

  it('treats unavailable fields as false, and exists checks availability', () => {
    const ev: TestEvent = { 'proc.name': 'cat' };
    expect(m('fd.name = x', ev)).toBe(false);
    expect(m('fd.name != x', ev)).toBe(false);
    expect(m('not fd.name = x', ev)).toBe(true);
    expect(m('fd.name exists', ev)).toBe(false);
    expect(m('proc.name exists', ev)).toBe(true);
  });

  it('applies transformers and field-to-field comparisons', () => {
    expect(m('tolower(proc.name) = bash', bash)).toBe(true);
    expect(m('toupper(proc.name) = BASH', bash)).toBe(true);
    expect(m('basename(proc.exepath) = bash', bash)).toBe(true);
    expect(m('len(proc.name) = 4', bash)).toBe(true);
    expect(m('b64(evt.arg.name) = x', { 'evt.arg': { name: 'eA==' } })).toBe(true);
    expect(m('proc.name = val(proc.pname)', { 'proc.name': 'a', 'proc.pname': 'a' })).toBe(true);
    expect(m('proc.name = val(proc.pname)', bash)).toBe(false);
    expect(m('proc.pid > val(proc.ppid)', bash)).toBe(true);
    expect(m('tolower(proc.name) = tolower(proc.pname)', { 'proc.name': 'X', 'proc.pname': 'x' })).toBe(true);
  });

  it('reads argument fields', () => {
    expect(m('evt.arg.fd = 3', bash)).toBe(true);
    expect(m('evt.arg[name] = shadow', bash)).toBe(true);
  });

  it('short-circuits and reads only the fields it needs', () => {
    const read: string[] = [];
    const ev = new Proxy(bash, { get: (t, k: string) => { read.push(k); return t[k]; } });
    const f = compileFilter('proc.name = zsh and fd.name = /etc/shadow', R);
    expect(f.fields).toEqual(['proc.name', 'fd.name']);
    expect(f.match(ev)).toBe(false);
    expect(read).toEqual(['proc.name']);
  });
});

describe('filter compiler: errors', () => {
  it('names the nearest fields for an unknown field', () => {
    const e = cerr('proc.nmae = bash');
    expect(e.code).toBe('FILTER_UNKNOWN_FIELD');
    expect(e.bare).toBe('filter_check called with nonexistent field proc.nmae');
    expect(e.candidates).toContain('proc.name');
    expect(e.suggestion).toMatch(/did you mean proc\.name/);
    expect(e.pos.idx).toBe(0);
  });

  it('names the operator that does not fit the field type', () => {
    const e = cerr('proc.name = a and proc.pid contains 1');
    expect(e.code).toBe('FILTER_BAD_OPERATOR');
    expect(e.bare).toBe("filter error: 'contains' operator not supported for numeric filters");
    expect(e.pos.idx).toBe(18);
    expect(e.candidates).toContain('<=');
    expect(cerr('fd.sip startswith 10').bare).toBe("filter error: 'startswith' operator not supported for ip address and network filters");
    expect(cerr('proc.name bcontains 41').bare).toBe("filter error: 'bcontains' operator not supported for string filters");
    expect(cerr('k8s.ns.labels = a').bare).toBe("filter error: '=' operator not supported list filters");
  });

  it('rejects bad values with their position', () => {
    const e = cerr('proc.name = a or proc.pid = abc');
    expect(e.code).toBe('FILTER_BAD_VALUE');
    expect(e.bare).toBe('abc is not a valid number');
    expect(e.pos.idx).toBe(28);
    expect(cerr('fd.sip = 10.1.2').bare).toBe('unrecognized IPv4 address 10.1.2');
    expect(cerr('fd.snet = 10.0.0.0/33').bare).toBe('invalid netmask 33');
    expect(cerr('evt.is_open_write = yes').bare).toBe('unrecognized boolean value yes');
    expect(cerr('evt.buffer bcontains xyz').bare).toBe('filter error: bcontains and bstartswith operator support hex strings only');
    expect(cerr('fd.name regex "a("').bare).toMatch(/^invalid regex pattern/);
    expect(cerr('evt.type = opne').bare).toBe('unknown event type opne');
  });

  it('rejects bare identifiers outside rules', () => {
    const e = cerr('spawned_process');
    expect(e.reason).toBe('UNKNOWN_IDENTIFIER');
    expect(e.bare).toBe("filter error: unexpected identifier 'spawned_process'");
  });

  it('checks transformer and field-to-field types', () => {
    expect(cerr('tolower(proc.pid) = 1').bare).toBe("can't add field transformer: type 'INT64' is not supported by 'tolower' transformer applied on field 'proc.pid'");
    expect(cerr('proc.name = val(proc.pid)').bare).toBe("field 'proc.name' has type 'CHARBUF' while the right-hand side field 'proc.pid' has incompatible type 'INT64'");
    expect(cerr('fd.name pmatch val(proc.name)').bare).toBe("operator 'PMATCH' doesn't support right-hand side fields");
    expect(cerr('fd.sip = val(fd.ip)').bare).toBe("field 'fd.ip' can't be used as a right-hand side field");
  });

  it('reports libsinsp compile warnings', () => {
    expect(compileFilter('fd.name regex "abc"', R).warnings.map((w) => w.message)).toEqual([
      "regex check with 'abc' may be optimized with simpler operators such as '=', 'contains', 'startswith', 'endswith'",
    ]);
    expect(compileFilter('proc.name = proc.pname', R).warnings.map((w) => w.message)).toEqual([
      "'proc.pname' may be a valid field misused as a const string value",
    ]);
    expect(compileFilter('proc.name = "tolower(proc.pname)"', R).warnings.map((w) => w.message)).toEqual([
      "'tolower(proc.pname)' may be a valid field transformer misused as a const string value",
    ]);
    expect(compileFilter('fd.name regex "a.*b"', R).warnings).toEqual([]);
  });
});
