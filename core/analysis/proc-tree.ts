/**
 * The process tree: every process the capture shows, its parent, its lifetime (clone to exit)
 * and its exec chain (each image it became), built from the events in one pass.
 *
 * A pid reused after its process exited starts a new node, so a tree never merges two lives.
 */
import type { FieldResolver, FieldValue } from '../filter/fields.js';
import { bindField, isAbsent, toNumber, tryBindField, valueText, type BoundField } from './fieldref.js';
import type { ExecRecord, ProcNode, ProcTreeResult } from '../api/contract.js';

// The tree's shapes are the API's: it crosses to the UI unchanged.
export type { ExecRecord, ProcNode, ProcTreeResult };

type F = 'type' | 'dir' | 'res' | 'pid' | 'ppid' | 'tid' | 'name' | 'exe' | 'args' | 'user' | 'cid' | 'cname' | 'ts' | 'num';

const CLONE_TYPES = new Set(['clone', 'clone3', 'fork', 'vfork']);

export class ProcTree<E> {
  private readonly f: Record<F, BoundField<E>>;
  private readonly flags: BoundField<E> | undefined;
  private readonly status: BoundField<E> | undefined;
  private readonly nodes: ProcNode[] = [];
  private readonly current = new Map<number, ProcNode>();
  private readonly reuse = new Map<number, number>();
  /**
   * Events come in runs of one thread: the node of the run, its last timestamp as extracted
   * (written to lastSeen as text when the run ends, not per event) and the last thread seen in it.
   */
  private runNode: ProcNode | null = null;
  private runTs: FieldValue = null;
  private runTid: number | undefined = undefined;

  constructor(resolver: FieldResolver<E>) {
    const b = (s: string): BoundField<E> => bindField(resolver, s);
    this.f = {
      type: b('evt.type'),
      dir: b('evt.dir'),
      res: b('evt.rawres'),
      pid: b('proc.pid'),
      ppid: b('proc.ppid'),
      tid: b('thread.tid'),
      name: b('proc.name'),
      exe: b('proc.exe'),
      args: b('proc.args'),
      user: b('user.name'),
      cid: b('container.id'),
      cname: b('container.name'),
      ts: b('evt.rawtime'),
      num: b('evt.num'),
    };
    this.flags = tryBindField(resolver, 'evt.arg.flags');
    this.status = tryBindField(resolver, 'evt.rawarg.status');
  }

  /**
   * The current event's timestamp and its text, made only where a node keeps it (most events
   * only move lastSeen). Kept on the tree rather than in a closure made per event.
   */
  private evTs: FieldValue = null;
  private evTsText: string | null = null;
  private readonly tsText = (): string => (this.evTsText ??= this.text(this.f.ts, this.evTs));

  private t(f: BoundField<E>, evt: E): string {
    return this.text(f, f.extract(evt));
  }

  private text(f: BoundField<E>, v: FieldValue): string {
    return isAbsent(v) ? '' : valueText(v, f.descriptor);
  }

  /** Ends the current run: its node's lastSeen gets the run's last timestamp. */
  private endRun(): void {
    if (this.runNode !== null) this.runNode.lastSeen = this.text(this.f.ts, this.runTs);
    this.runNode = null;
    this.runTid = undefined;
  }

  private newNode(pid: number, ts: string): ProcNode {
    const n = (this.reuse.get(pid) ?? 0) + 1;
    this.reuse.set(pid, n);
    const node: ProcNode = {
      id: n === 1 ? String(pid) : `${pid}#${n}`,
      pid,
      ppid: null,
      parent: null,
      children: [],
      name: '',
      exe: '',
      args: '',
      user: '',
      container: '',
      start: null,
      exit: null,
      exitStatus: null,
      firstSeen: ts,
      lastSeen: ts,
      execs: [],
      threads: [],
      events: 0,
      filter: `proc.pid=${pid}`,
    };
    this.nodes.push(node);
    this.current.set(pid, node);
    return node;
  }

  private image(evt: E, ts: string): ExecRecord {
    return {
      ts,
      num: this.t(this.f.num, evt),
      exe: this.t(this.f.exe, evt),
      args: this.t(this.f.args, evt),
      name: this.t(this.f.name, evt),
      user: this.t(this.f.user, evt),
    };
  }

  add(evt: E): void {
    const pid = toNumber(this.f.pid.extract(evt));
    if (pid === undefined || pid < 0) return;
    const rawTs = this.f.ts.extract(evt);
    const type = this.t(this.f.type, evt);
    const exit = this.t(this.f.dir, evt) === '<';
    const tid = toNumber(this.f.tid.extract(evt));
    const res = toNumber(this.f.res.extract(evt));
    let node = this.current.get(pid);
    const isClone = exit && CLONE_TYPES.has(type);
    // The child's side of a clone that made a process: a new life for this pid.
    const born = isClone && res === 0 && tid === pid;
    this.evTs = rawTs;
    this.evTsText = null;
    const ts = this.tsText;
    if (node === undefined || (born && (node.exit !== null || node.events > 0))) {
      node = this.newNode(pid, ts());
      if (born) node.start = ts();
    }
    node.events++;
    if (node !== this.runNode) {
      this.endRun();
      this.runNode = node;
    }
    this.runTs = rawTs;
    if (tid !== undefined && !(tid === this.runTid) && !node.threads.includes(tid)) node.threads.push(tid);
    this.runTid = tid;
    const ppid = toNumber(this.f.ppid.extract(evt));
    if (node.ppid === null && ppid !== undefined) node.ppid = ppid;
    if (node.execs.length === 0) {
      node.name = this.t(this.f.name, evt);
      node.exe = this.t(this.f.exe, evt);
      node.args = this.t(this.f.args, evt);
      node.user = this.t(this.f.user, evt);
      node.container = this.t(this.f.cname, evt);
      node.execs.push(this.image(evt, ts()));
    }
    if (exit && type === 'execve' && res !== undefined && res >= 0) {
      const img = this.image(evt, ts());
      node.execs.push(img);
      node.name = img.name;
      node.exe = img.exe;
      node.args = img.args;
      node.user = img.user;
    } else if (isClone && res !== undefined && res > 0) {
      // The parent's side: a child that may never show an event of its own.
      const flags = this.flags ? this.t(this.flags, evt) : '';
      if (!flags.includes('CLONE_THREAD') && !this.current.has(res)) {
        const child = this.newNode(res, ts());
        child.start = ts();
        child.ppid = pid;
        child.name = node.name;
        child.exe = node.exe;
        child.args = node.args;
        child.user = node.user;
        child.container = node.container;
        child.execs.push({ ...this.image(evt, ts()) });
      }
    } else if (type === 'procexit' && tid === pid) {
      node.exit = ts();
      if (this.status) {
        const s = toNumber(this.status.extract(evt));
        if (s !== undefined) node.exitStatus = s;
      }
    }
  }

  result(): ProcTreeResult {
    this.endRun();
    const byPid = new Map<number, ProcNode[]>();
    for (const n of this.nodes) {
      const l = byPid.get(n.pid) ?? [];
      l.push(n);
      byPid.set(n.pid, l);
      n.children = [];
    }
    const roots: string[] = [];
    for (const n of this.nodes) {
      // The parent is the life of ppid that was around when this one was first seen.
      const cands = n.ppid === null ? undefined : byPid.get(n.ppid);
      let p: ProcNode | undefined;
      if (cands) {
        const at = BigInt(n.start ?? n.firstSeen);
        p = cands.filter((c) => BigInt(c.firstSeen) <= at || c.start === null).pop() ?? cands[0];
      }
      if (p && p !== n) {
        n.parent = p.id;
        p.children.push(n.id);
      } else {
        n.parent = null;
        roots.push(n.id);
      }
    }
    return { nodes: this.nodes, roots };
  }
}

/** The ancestors of a node, nearest first. */
export function lineage(tree: ProcTreeResult, id: string): ProcNode[] {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const out: ProcNode[] = [];
  const seen = new Set<string>();
  let cur = byId.get(id);
  while (cur && cur.parent !== null && !seen.has(cur.parent)) {
    seen.add(cur.parent);
    cur = byId.get(cur.parent);
    if (cur) out.push(cur);
  }
  return out;
}
