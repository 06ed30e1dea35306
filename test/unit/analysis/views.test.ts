import { describe, expect, it } from 'vitest';
import { TableView } from '../../../core/analysis/table-view.js';
import { ListView } from '../../../core/analysis/list-view.js';
import { TOPCONNS, TOPPROCS_CPU, TOPSCALLS } from '../../../core/analysis/chisel-defs.js';
import { FILES, SLOW_IO, VIEWS } from '../../../core/analysis/view-defs.js';
import { andFilters, eqClause } from '../../../core/analysis/drilldown.js';
import { compileFilter } from '../../../core/filter/compiler.js';
import { ObjResolver, ev, type Ev } from './fixture.js';

const R = new ObjResolver();

function read(fd: string, n: number, extra: Ev = {}): Ev {
  return ev(1, { 'evt.type': 'read', 'evt.dir': '<', 'evt.is_io': true, 'evt.is_io_read': true, 'fd.type': 'file', 'fd.name': fd, 'evt.rawarg.res': n, 'evt.buflen.file.in': n >= 0 ? n : null, 'evt.count.exit': 1, ...extra });
}

describe('table views', () => {
  it('groups by key, folds each column and sorts on the default column', () => {
    const v = new TableView(FILES, R);
    v.add(read('/etc/passwd', 100));
    v.add(read('/etc/passwd', 50));
    v.add(read('/etc/hosts', 10));
    v.add(read('/etc/hosts', -2, { 'evt.count.error': 1 }));
    v.add(read('/etc/hosts', 5));
    v.add(ev(1, { 'fd.type': 'ipv4', 'fd.name': '1.2.3.4:1->5.6.7.8:80' }));
    const r = v.result();
    expect(r.rows.map((x) => x.key[0])).toEqual(['/etc/hosts', '/etc/passwd']);
    const col = (id: string): number => r.columns.findIndex((c) => c.id === id);
    const hosts = r.rows[0]!;
    expect(hosts.cells[col('file_in')]).toBe(15);
    expect(hosts.cells[col('ops')]).toBe(3);
    expect(hosts.cells[col('errors')]).toBe(1);
    expect(r.rows[1]!.cells[col('file_in')]).toBe(150);
    expect(r.rows[1]!.cells[col('errors')]).toBe(null);
  });

  it("gives every row the filter that selects exactly its events", () => {
    const v = new TableView(FILES, R, 'proc.name=cat');
    const events = [read('/a b', 1, { 'proc.name': 'cat' }), read('/c', 2, { 'proc.name': 'cat' }), read('/a b', 3, { 'proc.name': 'cat' })];
    for (const e of events) v.add(e);
    const r = v.result();
    for (const row of r.rows) {
      const m = compileFilter(row.filter, R).match;
      const selected = events.filter(m).map((e) => e['fd.name']);
      expect(new Set(selected)).toEqual(new Set([row.key[0]]));
    }
    expect(r.rows.find((x) => x.key[0] === '/a b')!.filter).toBe(`proc.name=cat and ${FILES.filter} and fd.name="/a b"`);
  });

  it('cuts at top but reports the full row count', () => {
    const v = new TableView(TOPSCALLS, R);
    for (let i = 0; i < 40; i++) for (let j = 0; j <= i; j++) v.add(ev(1, { 'evt.type': `sc${i}` }));
    const r = v.result();
    expect(r.rows).toHaveLength(30);
    expect(r.totalRows).toBe(40);
    expect(r.rows[0]!.cells).toEqual(['sc39', 40]);
  });
});

describe('chisel semantics', () => {
  it('table_generator: sums only positive values, rows without one are absent', () => {
    const v = new TableView(TOPCONNS, R);
    const conn = { 'fd.type': 'ipv4', 'evt.is_io': true, 'fd.l4proto': 'tcp' };
    v.add(ev(1, { ...conn, 'fd.name': 'a', 'evt.rawarg.res': 10 }));
    v.add(ev(1, { ...conn, 'fd.name': 'a', 'evt.rawarg.res': -11 }));
    v.add(ev(1, { ...conn, 'fd.name': 'a' }));
    v.add(ev(1, { ...conn, 'fd.name': 'b', 'evt.rawarg.res': 0 }));
    v.add(ev(1, { ...conn, 'fd.name': 'c', 'evt.rawarg.res': -1 }));
    const r = v.result();
    expect(r.rows.map((x) => x.cells)).toEqual([['tcp', 'a', 10]]);
  });

  it('topprocs_cpu: thread.cpu * 10^7 over procinfo events, zeros kept', () => {
    const v = new TableView(TOPPROCS_CPU, R);
    v.add(ev(1, { 'evt.type': 'procinfo', 'proc.name': 'a', 'proc.pid': 1, 'thread.cpu': 0 }));
    v.add(ev(1, { 'evt.type': 'procinfo', 'proc.name': 'b', 'proc.pid': 2, 'thread.cpu': 3 }));
    v.add(ev(1, { 'evt.type': 'procinfo', 'proc.name': 'b', 'proc.pid': 2, 'thread.cpu': 1.5 }));
    v.add(ev(1, { 'evt.type': 'read', 'proc.name': 'c', 'proc.pid': 3, 'thread.cpu': 9 }));
    expect(v.result().rows.map((x) => x.cells)).toEqual([
      ['b', '2', 45_000_000],
      ['a', '1', 0],
    ]);
  });
});

describe('list views', () => {
  it('keeps one row per matching event, sorted on the view column, each selecting its event', () => {
    const v = new ListView(SLOW_IO, R);
    const io = { 'evt.is_io': true, 'fd.type': 'file', 'proc.pid': 7 };
    v.add(ev(1, { ...io, 'fd.name': '/data/a', 'evt.latency': 2_000_000 }));
    v.add(ev(2, { ...io, 'fd.name': '/dev/sda', 'evt.latency': 9_000_000 }));
    v.add(ev(3, { ...io, 'fd.name': '/data/b', 'evt.latency': 5_000_000 }));
    v.add(ev(4, { ...io, 'fd.name': '/data/c', 'evt.latency': 1_000_000 }));
    const r = v.result();
    expect(r.rows.map((x) => x.cells[2])).toEqual(['/data/b', '/data/a']);
    expect(r.rows[0]!.filter).toMatch(/^evt\.num=\d+$/);
  });
});

describe('drill-down text', () => {
  it('quotes values that need it and parenthesises compound parts', () => {
    expect(eqClause('fd.name', '/tmp/x y')).toBe('fd.name="/tmp/x y"');
    expect(eqClause('proc.pid', '12', { name: 'proc.pid', type: 'INT64' })).toBe('proc.pid=12');
    expect(andFilters("a=1 or b=2", "c=3", null, "")).toBe("(a=1 or b=2) and c=3");
    expect(andFilters("a=1 and b=2", "c=3")).toBe("a=1 and b=2 and c=3");
    expect(andFilters('(a=1 or b=2)')).toBe('(a=1 or b=2)');
  });

  it('every view definition compiles and binds', () => {
    for (const d of VIEWS) {
      if (d.filter) compileFilter(d.filter, R);
      if (d.kind === 'table') new TableView(d, R);
      else new ListView(d, R);
    }
  });
});
