/**
 * Topology: who talked to whom. Nodes are processes (or containers, or process names) and the
 * network endpoints they reached; edges carry bytes each way, connection counts and I/O calls.
 *
 * A TCP/UDP connection is the fd tuple (fd.name "cip:cport->sip:sport"), which both ends of a
 * local connection share, so when the capture shows both the client and the server process the
 * edge joins the two processes instead of ending at an address.
 */
import type { FieldResolver } from '../filter/fields.js';
import { compileFilter, type Predicate } from '../filter/compiler.js';
import { andFilters, eqClause } from './drilldown.js';
import { bindField, isAbsent, isTrue, toNumber, valueText, type BoundField } from './fieldref.js';
import type { TopoEdge, TopoNode, TopologyResult } from '../api/contract.js';

export type TopologyGrouping = 'process' | 'procname' | 'container';

// The graph's shapes are the API's: it crosses to the UI unchanged.
export type { TopoEdge, TopoNode, TopologyResult };

const NET_IO = "(fd.type=ipv4 or fd.type=ipv6) and fd.name!='' and evt.dir=<";

interface Side {
  node: string;
  role: 'client' | 'server';
  /** Bytes this side wrote and read. */
  out: number;
  in: number;
}

interface Conn {
  tuple: string;
  proto: string;
  cip: string;
  sip: string;
  sport: number | null;
  sides: Map<string, Side>;
  io: number;
}

type F = 'type' | 'name' | 'isServer' | 'cip' | 'sip' | 'sport' | 'proto' | 'res' | 'isRead' | 'isWrite' | 'pid' | 'pname' | 'cid' | 'cname';

export class Topology<E> {
  private readonly match: Predicate<E>;
  private readonly f: Record<F, BoundField<E>>;
  private readonly nodes = new Map<string, TopoNode>();
  private readonly conns = new Map<string, Conn>();

  constructor(
    resolver: FieldResolver<E>,
    readonly grouping: TopologyGrouping = 'process',
    private readonly scope: string | null = null,
  ) {
    this.match = compileFilter(NET_IO, resolver).match;
    const b = (s: string): BoundField<E> => bindField(resolver, s);
    this.f = {
      type: b('evt.type'),
      name: b('fd.name'),
      isServer: b('fd.is_server'),
      cip: b('fd.cip'),
      sip: b('fd.sip'),
      sport: b('fd.sport'),
      proto: b('fd.l4proto'),
      res: b('evt.rawres'),
      isRead: b('evt.is_io_read'),
      isWrite: b('evt.is_io_write'),
      pid: b('proc.pid'),
      pname: b('proc.name'),
      cid: b('container.id'),
      cname: b('container.name'),
    };
  }

  private t(f: BoundField<E>, evt: E): string {
    const v = f.extract(evt);
    return isAbsent(v) ? '' : valueText(v, f.descriptor);
  }

  private localNode(evt: E): string {
    if (this.grouping === 'container') {
      const cid = this.t(this.f.cid, evt) || 'host';
      const id = `c:${cid}`;
      if (!this.nodes.has(id)) {
        const name = this.t(this.f.cname, evt) || cid;
        this.nodes.set(id, { id, kind: 'container', label: name, detail: cid, filter: eqClause('container.id', cid) });
      }
      return id;
    }
    const pname = this.t(this.f.pname, evt);
    if (this.grouping === 'procname') {
      const id = `n:${pname}`;
      if (!this.nodes.has(id)) this.nodes.set(id, { id, kind: 'process', label: pname, detail: pname, filter: eqClause('proc.name', pname) });
      return id;
    }
    const pid = this.t(this.f.pid, evt);
    const id = `p:${pid}`;
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind: 'process', label: `${pname} (${pid})`, detail: pid, filter: `proc.pid=${pid}` });
    return id;
  }

  private endpoint(addr: string, port: number | null): string {
    const detail = port === null ? addr : addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
    const id = `e:${detail}`;
    if (!this.nodes.has(id)) {
      const filter = port === null ? eqClause('fd.cip', addr) : andFilters(eqClause('fd.sip', addr), `fd.sport=${port}`)!;
      this.nodes.set(id, { id, kind: 'endpoint', label: detail, detail, filter });
    }
    return id;
  }

  /**
   * Which end a process is: accept() makes a server and connect() a client; otherwise the other
   * end already seen decides, and fd.is_server only when nothing else is known (sysdig decides it
   * from local addresses, which fails across network namespaces).
   */
  private role(evt: E, c: Conn, node: string): 'client' | 'server' {
    const type = this.t(this.f.type, evt);
    if (type === 'accept' || type === 'accept4') return 'server';
    if (type === 'connect') return 'client';
    for (const s of c.sides.values()) if (s.node !== node) return s.role === 'client' ? 'server' : 'client';
    return isTrue(this.f.isServer.extract(evt)) ? 'server' : 'client';
  }

  add(evt: E): void {
    if (!this.match(evt)) return;
    const tuple = this.t(this.f.name, evt);
    let c = this.conns.get(tuple);
    if (c === undefined) {
      c = {
        tuple,
        proto: this.t(this.f.proto, evt),
        cip: this.t(this.f.cip, evt),
        sip: this.t(this.f.sip, evt),
        sport: toNumber(this.f.sport.extract(evt)) ?? null,
        sides: new Map(),
        io: 0,
      };
      this.conns.set(tuple, c);
    }
    const node = this.localNode(evt);
    let side = c.sides.get(node);
    if (side === undefined) {
      side = { node, role: this.role(evt, c, node), out: 0, in: 0 };
      c.sides.set(node, side);
    }
    const read = isTrue(this.f.isRead.extract(evt));
    const write = isTrue(this.f.isWrite.extract(evt));
    if (!read && !write) return;
    c.io++;
    const res = toNumber(this.f.res.extract(evt));
    if (res === undefined || res <= 0) return;
    if (read) side.in += res;
    else side.out += res;
  }

  result(): TopologyResult {
    const edges = new Map<string, TopoEdge>();
    for (const c of this.conns.values()) {
      const sides = [...c.sides.values()];
      if (sides.length === 0) continue;
      const client = sides.find((x) => x.role === 'client');
      const server = sides.find((x) => x.role === 'server');
      const from = client?.node ?? this.endpoint(c.cip, null);
      const to = server?.node ?? this.endpoint(c.sip, c.sport);
      const key = `${from}\u0001${to}\u0001${c.proto}\u0001${c.sport}`;
      let e = edges.get(key);
      if (e === undefined) {
        const clauses = [c.proto ? eqClause('fd.l4proto', c.proto) : null, c.sport !== null ? `fd.sport=${c.sport}` : null];
        const ends = [this.nodes.get(from)!, this.nodes.get(to)!].filter((n) => n.kind !== 'endpoint').map((n) => n.filter);
        e = {
          from,
          to,
          proto: c.proto,
          port: c.sport,
          bytesOut: 0,
          bytesIn: 0,
          connections: 0,
          ioCalls: 0,
          filter: andFilters(this.scope, NET_IO.replace(" and evt.dir=<", ''), ...clauses, ends.length === 2 ? `(${ends.join(' or ')})` : ends[0], from.startsWith('e:') ? eqClause('fd.cip', c.cip) : null, to.startsWith('e:') ? eqClause('fd.sip', c.sip) : null)!,
        };
        edges.set(key, e);
      }
      // Count each direction once: as the client saw it when the capture has the client.
      e.bytesOut += client ? client.out : server!.in;
      e.bytesIn += client ? client.in : server!.out;
      e.connections++;
      e.ioCalls += c.io;
    }
    const used = new Set<string>();
    for (const e of edges.values()) {
      used.add(e.from);
      used.add(e.to);
    }
    return {
      grouping: this.grouping,
      nodes: [...this.nodes.values()].filter((n) => used.has(n.id)),
      edges: [...edges.values()].sort((a, b) => b.bytesIn + b.bytesOut - (a.bytesIn + a.bytesOut) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    };
  }
}
