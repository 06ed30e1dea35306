/**
 * The thread table (libsinsp sinsp_thread_manager): lookups, placeholder creation for unknown
 * tids, child counting and removal.
 */
import { CL } from './constants.js';
import { ThreadInfo, type ThreadOwner } from './threadinfo.js';

export const MAX_THREAD_TABLE_SIZE = 131072;

export class ThreadManager implements ThreadOwner {
  readonly table = new Map<number, ThreadInfo>();
  /** Server ports bound by threads from the initial process list (fix_sockets_coming_from_proc). */
  readonly serverPorts = new Set<number>();
  /** Bumped by every add and remove (see ThreadOwner.generation). */
  generation = 0;
  /** The last getRef() hit, valid while `generation` has not moved: events come in runs per tid. */
  private lastTid = 0;
  private lastRef: ThreadInfo | null = null;
  private lastGen = -1;

  newThread(): ThreadInfo {
    return new ThreadInfo(this);
  }

  lookup(tid: number): ThreadInfo | null {
    return this.table.get(tid) ?? null;
  }

  lookupOrCreate(tid: number): ThreadInfo | null {
    return this.getRef(tid, true);
  }

  /**
   * get_thread_ref(tid, query_os): a capture cannot query /proc, so an unknown tid becomes a
   * "<NA>" placeholder with no parent, no user and its own tid as pid. The placeholder's child
   * count is recomputed from the table, as libsinsp does.
   */
  getRef(tid: number, queryOs: boolean): ThreadInfo | null {
    if (tid === this.lastTid && this.lastGen === this.generation) return this.lastRef;
    const t = this.table.get(tid);
    if (t !== undefined) {
      this.lastTid = tid;
      this.lastRef = t;
      this.lastGen = this.generation;
      return t;
    }
    if (!queryOs || this.table.size >= MAX_THREAD_TABLE_SIZE) return null;
    const n = this.newThread();
    n.tid = tid;
    n.pid = tid;
    n.ptid = -1;
    n.comm = '<NA>';
    n.exe = '<NA>';
    n.uid = 0xffffffff;
    n.gid = 0xffffffff;
    n.loginuid = 0xffffffff;
    n.nchilds = 0;
    for (const o of this.table.values()) if (o.pid === tid) n.nchilds++;
    this.add(n, false);
    return this.table.get(tid) ?? null;
  }

  private incrementMainThreadChildCount(t: ThreadInfo): void {
    if (t.flags & CL.CLONE_THREAD) {
      const main = this.getRef(t.pid, true);
      if (main) main.nchilds++;
    }
  }

  /** add_thread(): returns false when the table is full. */
  add(t: ThreadInfo, fromProcList: boolean): boolean {
    if (this.table.size >= MAX_THREAD_TABLE_SIZE) return false;
    if (!fromProcList) this.incrementMainThreadChildCount(t);
    this.table.set(t.tid, t);
    this.generation++;
    return true;
  }

  /**
   * remove_thread(tid, force): a process with live children stays unless forced; forcing it
   * recomputes every child count (which may create placeholders, as in libsinsp).
   */
  remove(tid: number, force: boolean): void {
    const t = this.table.get(tid);
    if (t === undefined) return;
    const nchilds = t.nchilds;
    if (nchilds !== 0 && !force) return;
    if (t.flags & CL.CLONE_THREAD) {
      const main = this.getRef(t.pid, false);
      if (main && main.nchilds > 0) main.nchilds--;
    }
    this.table.delete(tid);
    this.generation++;
    if (nchilds !== 0) this.recreateChildDependencies();
  }

  createChildDependencies(): void {
    for (const t of [...this.table.values()]) this.incrementMainThreadChildCount(t);
  }

  recreateChildDependencies(): void {
    for (const t of this.table.values()) t.nchilds = 0;
    this.createChildDependencies();
  }
}
