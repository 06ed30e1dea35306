import { describe, expect, it } from 'vitest';
import { echoFdsLines, FollowStream, renderChunk } from '../../../core/analysis/follow.js';
import { bufferAscii, bufferDots, bufferHex, formatBytes, formatTimeInterval } from '../../../core/analysis/format.js';
import { lineage, ProcTree } from '../../../core/analysis/proc-tree.js';
import { SpyUsers } from '../../../core/analysis/spy-users.js';
import { Overview } from '../../../core/analysis/tiles.js';
import { Topology } from '../../../core/analysis/topology.js';
import { ObjResolver, ORIGIN, ev, type Ev } from './fixture.js';

const R = new ObjResolver();

describe('process tree', () => {
  it('links children to parents, records exec chains, lifetimes and pid reuse', () => {
    const t = new ProcTree(R);
    const proc = (pid: number, ppid: number, name: string, extra: Ev = {}): Ev => ({ 'proc.pid': pid, 'thread.tid': pid, 'proc.ppid': ppid, 'proc.name': name, 'proc.exe': name, 'proc.args': '', ...extra });
    t.add(ev(0, { ...proc(10, 1, 'bash'), 'evt.type': 'read', 'evt.dir': '<' }));
    t.add(ev(1, { ...proc(10, 1, 'bash'), 'evt.type': 'clone', 'evt.dir': '<', 'evt.rawres': 11 }));
    t.add(ev(2, { ...proc(11, 10, 'bash'), 'evt.type': 'clone', 'evt.dir': '<', 'evt.rawres': 0 }));
    t.add(ev(3, { ...proc(11, 10, 'curl', { 'proc.exe': 'curl', 'proc.args': 'x.io' }), 'evt.type': 'execve', 'evt.dir': '<', 'evt.rawres': 0 }));
    t.add(ev(4, { ...proc(11, 10, 'curl'), 'evt.type': 'procexit', 'evt.dir': '>' }));
    // pid 11 comes back as a new process
    t.add(ev(5, { ...proc(10, 1, 'bash'), 'evt.type': 'clone', 'evt.dir': '<', 'evt.rawres': 11 }));
    t.add(ev(6, { ...proc(11, 10, 'bash'), 'evt.type': 'clone', 'evt.dir': '<', 'evt.rawres': 0 }));
    const r = t.result();
    expect(r.roots).toEqual(['10']);
    const n11 = r.nodes.find((n) => n.id === '11')!;
    expect(n11.parent).toBe('10');
    expect(n11.execs.map((e) => e.exe)).toEqual(['bash', 'curl']);
    expect(n11.args).toBe('x.io');
    expect(n11.start).toBe((ORIGIN + 1_000_000n).toString());
    expect(n11.exit).toBe((ORIGIN + 4_000_000n).toString());
    const again = r.nodes.find((n) => n.id === '11#2')!;
    expect(again.exit).toBeNull();
    expect(r.nodes.find((n) => n.id === '10')!.children).toEqual(['11', '11#2']);
    expect(lineage(r, '11#2').map((n) => n.id)).toEqual(['10']);
  });
});

describe('topology', () => {
  const net = { 'fd.type': 'ipv4', 'evt.dir': '<', 'fd.l4proto': 'tcp', 'fd.cip': '10.0.0.1', 'fd.sip': '10.0.0.2', 'fd.sport': 80 };
  it('joins both ends of a local connection and counts each byte once', () => {
    const t = new Topology(R);
    const c = { ...net, 'fd.name': '10.0.0.1:5000->10.0.0.2:80', 'proc.pid': 1, 'proc.name': 'curl' };
    const s = { ...net, 'fd.name': '10.0.0.1:5000->10.0.0.2:80', 'proc.pid': 2, 'proc.name': 'nginx' };
    t.add(ev(0, { ...c, 'evt.type': 'connect', 'evt.rawres': 0 }));
    t.add(ev(1, { ...s, 'evt.type': 'accept', 'evt.rawres': 3 }));
    t.add(ev(2, { ...c, 'evt.type': 'write', 'evt.is_io_write': true, 'evt.rawres': 100 }));
    t.add(ev(3, { ...s, 'evt.type': 'read', 'evt.is_io_read': true, 'evt.rawres': 100 }));
    t.add(ev(4, { ...s, 'evt.type': 'write', 'evt.is_io_write': true, 'evt.rawres': 900 }));
    t.add(ev(5, { ...c, 'evt.type': 'read', 'evt.is_io_read': true, 'evt.rawres': 900 }));
    const r = t.result();
    expect(r.edges).toHaveLength(1);
    expect(r.edges[0]).toMatchObject({ from: 'p:1', to: 'p:2', bytesOut: 100, bytesIn: 900, connections: 1, port: 80 });
  });

  it('ends at an address when the other side is not in the capture', () => {
    const t = new Topology(R, 'container');
    t.add(ev(0, { ...net, 'fd.name': 'a', 'container.id': 'abc', 'container.name': 'web', 'evt.type': 'accept', 'evt.rawres': 3 }));
    t.add(ev(1, { ...net, 'fd.name': 'a', 'container.id': 'abc', 'evt.type': 'read', 'evt.is_io_read': true, 'evt.rawres': 5 }));
    const r = t.result();
    expect(r.edges[0]).toMatchObject({ from: 'e:10.0.0.1', to: 'c:abc', bytesOut: 5 });
    expect(r.nodes.map((n) => n.label).sort()).toEqual(['10.0.0.1', 'web']);
  });
});

describe('spy users', () => {
  it('shows commands under a shell with their depth, and hides those without one', () => {
    const s = new SpyUsers(R);
    const exec = (pid: number, ppid: number, exe: string, anc: [string, number][]): Ev => {
      const e: Ev = { 'evt.type': 'execve', 'evt.dir': '<', 'evt.failed': false, 'proc.pid': pid, 'proc.ppid': ppid, 'proc.exe': exe, 'proc.args': '-x', 'user.name': 'root', 'evt.time.s': '10:00:00', 'container.name': 'host' };
      anc.forEach(([n, p], i) => {
        e[`proc.aname[${i + 1}]`] = n;
        e[`proc.apid[${i + 1}]`] = p;
      });
      return ev(0, e);
    };
    s.add(exec(20, 10, 'ls', [['bash', 10], ['sshd', 5]]));
    s.add(exec(21, 20, 'cat', [['ls', 20], ['bash', 10], ['sshd', 5]]));
    s.add(exec(30, 2, 'cron', [['init', 2]]));
    expect(s.chiselText()).toEqual(['10 10:00:00 root) ls -x', '   10 10:00:00 root) cat -x']);
    expect(s.result().rows.map((r) => r.cells[3])).toEqual([1, 2]);
  });

  it("shows a shell's cd, reading the shell's own ancestry (what spy_users does on its first chdir)", () => {
    const s = new SpyUsers(R);
    const cd = (path: string): Ev =>
      ev(0, {
        'evt.type': 'chdir', 'evt.dir': '<', 'evt.failed': false, 'proc.name': 'bash', 'proc.pid': 40, 'proc.ppid': 30, 'evt.arg.path': path,
        'user.name': 'alice', 'evt.time.s': '10:00:01', 'proc.aname[0]': 'bash', 'proc.apid[0]': 40, 'proc.aname[1]': 'sshd', 'proc.apid[1]': 30,
      });
    s.add(cd('/tmp'));
    s.add(cd('/etc'));
    expect(s.chiselText()).toEqual(['40 10:00:01 alice) cd /tmp', '40 10:00:01 alice) cd /etc']);
  });
});

describe('overview tiles', () => {
  it('counts like wsysdig_summary, including its quirks, and hides empty optional tiles', () => {
    const o = new Overview(R);
    o.add(ev(0, { 'evt.dir': '<', 'evt.type': 'read', 'evt.rawres': 10, 'evt.is_io_read': true, 'fd.type': 'file', 'fd.name': '/etc/passwd', 'fd.containername': 'host/etc/passwd', 'evt.buflen': 10, 'proc.pid': 1 }));
    o.add(ev(1, { 'evt.dir': '<', 'evt.type': 'write', 'evt.rawres': 4, 'evt.is_io_write': true, 'fd.type': 'file', 'fd.name': '/etc/shadow', 'fd.containername': 'host/etc/shadow', 'evt.buflen': 4, 'proc.pid': 1 }));
    o.add(ev(2, { 'evt.dir': '<', 'evt.type': 'connect', 'evt.rawres': -111, 'fd.type': 'ipv4', 'fd.sport': 22, 'proc.pid': 2 }));
    o.add(ev(3, { 'evt.dir': '<', 'evt.type': 'read', 'evt.rawres': 20, 'evt.is_io_read': true, 'fd.type': 'ipv4', 'fd.sport': 80, 'fd.containername': 'hostx', 'evt.buflen': 20, 'evt.buffer': Buffer.from('HTTP/1.1 404 Not Found'), 'proc.pid': 2 }));
    const tiles = Object.fromEntries(o.result().tiles.map((t) => [t.id, t.total]));
    expect(tiles).toMatchObject({
      syscallCount: 4, procCount: 2, fileBytes: 14, fileBytesR: 10, fileBytesW: 4, fileCount: 2, fileCountW: 1, sysFileCountW: 1,
      newConnectionsO: 1, newConnectionsSsh: 1, connectErrorCount: 1, netBytesR: 20, protoBytes_HTTP: 20, sysReqCountHttp: 1, sysErrCountHttp: 1,
    });
    expect(tiles.fileDeletionsCount).toBeUndefined();
    expect(tiles.containerCount).toBe(0);
  });
});

describe('follow stream and formats', () => {
  it('keeps I/O exits with data, in order, with direction', () => {
    const f = new FollowStream(R, 'fd.name=x');
    const io = { 'evt.is_io': true, 'evt.dir': '<', 'fd.name': 'x', 'proc.name': 'p', 'proc.pid': 1 };
    f.add(ev(0, { ...io, 'evt.rawres': 3, 'evt.rawarg.res': 3, 'evt.is_io_write': true, 'evt.rawarg.data': Buffer.from('GET') }));
    f.add(ev(1, { ...io, 'evt.rawres': 0, 'evt.rawarg.res': 0, 'evt.is_io_read': true }));
    f.add(ev(2, { ...io, 'fd.name': 'y', 'evt.rawres': 9, 'evt.rawarg.res': 9, 'evt.is_io_read': true }));
    f.add(ev(3, { ...io, 'evt.rawres': 2000, 'evt.rawarg.res': 2000, 'evt.is_io_read': true, 'evt.is_io_write': false, 'evt.rawarg.data': Buffer.from('HTTP/1.1 200 OK\r\n') }));
    expect(f.chunks.map((c) => [c.dir, c.len])).toEqual([['write', 3], ['read', 2000]]);
    expect(f.summary()).toMatchObject({ bytesRead: 2000, bytesWritten: 3, bytesMissing: 2000 - 17, streams: ['x'] });
    expect(echoFdsLines(f.chunks[1]!)).toEqual(['------ Read 1.95KB from   x (p)', 'HTTP/1.1 200 OK..']);
    expect(renderChunk(f.chunks[1]!, 'ascii')).toMatch(/^<< .* read 2000B \(17 captured\) fd=x p\(1\)\nHTTP\/1\.1 200 OK\n$/);
  });

  it('renders buffers like sysdig', () => {
    const b = Buffer.from('ab\r\ncd\n\x00\xffe');
    expect(bufferDots(b)).toBe('ab..cd....e');
    expect(bufferAscii(b)).toBe('ab\ncd\ne');
    expect(bufferHex(Buffer.from('0123456789abcdefXYZ'))).toBe(
      `\t0x0000: 3031 3233 3435 3637 3839 6162 6364 6566  0123456789abcdef\n\t0x0010: 5859 5a${' '.repeat(32)}XYZ`,
    );
    expect(formatBytes(1024)).toBe('1024B');
    expect(formatBytes(1536)).toBe('1.50KB');
    expect(formatTimeInterval(1_234_567_890)).toBe('1.23s');
    expect(formatTimeInterval(15_000_000)).toBe('15ms');
    expect(formatTimeInterval(1_500_000)).toBe('1.50ms');
    expect(formatTimeInterval(999)).toBe('999ns');
  });
});
