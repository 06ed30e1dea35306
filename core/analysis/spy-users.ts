/**
 * Spy users: the commands interactive users ran, with the shell they came from and how deep below
 * it. The semantics are spy_users.lua's: a command is shown when one of its ancestors (up to 16 up)
 * is named "...sh"; the furthest such shell wins, and a process keeps the depth and shell it got
 * the first time it or its parent was seen.
 *
 * One deliberate difference: for chdir events the chisel shifts its own ancestor-field tables by
 * one per event (a table.insert bug), so after the first chdir it reads the wrong ancestors. We
 * read the right ones. No capture in the shared corpus has a shell chdir, so the oracle tests do
 * not see the difference.
 */
import type { FieldResolver, FieldValue } from '../filter/fields.js';
import type { Predicate } from '../filter/compiler.js';
import { andFilters } from './drilldown.js';
import { viewFilter } from './view-filter.js';
import { bindField, isAbsent, toNumber, valueText, type BoundField } from './fieldref.js';
import type { ViewResult } from './view-types.js';

export const SPY_USERS_FILTER =
  '((evt.type=execve and evt.dir=<) or (evt.type=chdir and evt.dir=< and proc.name contains sh and not proc.name contains sshd)) and evt.failed=false';

const MAX_ANCESTOR_NAVIGATION = 16;

export interface SpyEntry {
  /** evt.num of the execve/chdir exit. */
  num: string;
  ts: bigint;
  /** evt.time.s, as the chisel prints it. */
  timeText: string;
  user: string;
  container: string;
  pid: number;
  /** Pid of the shell ancestor the command descends from. */
  shellPid: number;
  /** 1 for a command run directly by the shell, 2 for its children, and so on. */
  depth: number;
  kind: 'exec' | 'cd';
  exe: string;
  args: string;
  /** The directory of a cd. */
  path: string;
}

interface Node {
  depth: number;
  shell: number;
}

export class SpyUsers<E> {
  private readonly filter: Predicate<E>;
  private readonly f: Record<'type' | 'exe' | 'args' | 'path' | 'user' | 'time' | 'pid' | 'ppid' | 'cname' | 'num' | 'raw', BoundField<E>>;
  private readonly anames: BoundField<E>[] = [];
  private readonly apids: BoundField<E>[] = [];
  /** pid -> depth and shell, or null when it is known to have no shell above it. */
  private readonly tree = new Map<number, Node | null>();
  readonly entries: SpyEntry[] = [];

  constructor(
    resolver: FieldResolver<E>,
    private readonly scope: string | null = null,
  ) {
    // Shared like a view's filter: events of other types are turned away by their type alone.
    this.filter = viewFilter(SPY_USERS_FILTER, resolver);
    const b = (s: string): BoundField<E> => bindField(resolver, s);
    this.f = {
      type: b('evt.type'),
      exe: b('proc.exe'),
      args: b('proc.args'),
      path: b('evt.arg.path'),
      user: b('user.name'),
      time: b('evt.time.s'),
      pid: b('proc.pid'),
      ppid: b('proc.ppid'),
      cname: b('container.name'),
      num: b('evt.num'),
      raw: b('evt.rawtime'),
    };
    for (let j = 0; j <= MAX_ANCESTOR_NAVIGATION; j++) {
      this.anames.push(b(`proc.aname[${j}]`));
      this.apids.push(b(`proc.apid[${j}]`));
    }
  }

  private text(f: BoundField<E>, evt: E): string {
    return valueText(f.extract(evt), f.descriptor);
  }

  add(evt: E): void {
    if (!this.filter(evt)) return;
    const isCd = this.text(this.f.type, evt) === 'chdir';
    const pid = toNumber(this.f.pid.extract(evt));
    let ppid = toNumber(this.f.ppid.extract(evt));
    if (pid === undefined) return;
    if (isCd) ppid = pid;
    if (ppid === undefined) return;
    // For a cd the shell itself is the subject, so its own ancestors are one closer.
    const off = isCd ? 1 : 0;
    if (!this.tree.has(ppid)) {
      let node: Node | null = null;
      for (let j = 1; j <= MAX_ANCESTOR_NAVIGATION; j++) {
        const idx = j - off;
        const aname: FieldValue = this.anames[idx]!.extract(evt);
        if (isAbsent(aname)) {
          if (isAbsent(this.apids[idx]!.extract(evt))) break;
          continue;
        }
        const name = valueText(aname, this.anames[idx]!.descriptor);
        if (name.length >= 2 && name.endsWith('sh')) {
          const apid = toNumber(this.apids[idx]!.extract(evt));
          if (apid === undefined) continue;
          node = { depth: this.tree.has(apid) ? j - 1 : 0, shell: apid };
        }
      }
      this.tree.set(ppid, node);
    }
    const parent = this.tree.get(ppid)!;
    if (parent === null) return;
    let me = this.tree.get(pid);
    if (me === undefined) {
      me = { depth: 1 + parent.depth, shell: parent.shell };
      this.tree.set(pid, me);
    }
    // A pid already judged shell-less as a parent makes the chisel itself fail; skip it.
    if (me === null) return;
    const user = this.f.user.extract(evt);
    this.entries.push({
      num: this.text(this.f.num, evt),
      ts: BigInt(this.text(this.f.raw, evt) || '0'),
      timeText: this.text(this.f.time, evt),
      user: isAbsent(user) ? '<NA>' : valueText(user, this.f.user.descriptor),
      container: this.text(this.f.cname, evt),
      pid,
      shellPid: me.shell,
      depth: me.depth,
      kind: isCd ? 'cd' : 'exec',
      exe: this.text(this.f.exe, evt),
      args: this.text(this.f.args, evt),
      path: isCd ? this.text(this.f.path, evt) : '',
    });
  }

  /** The chisel's text output, line for line (without its trailing color reset). */
  chiselText(): string[] {
    return this.entries.map((e) => {
      if (e.kind === 'cd') return `${' '.repeat(Math.min(167, Math.max(0, 4 * e.depth)))}${e.shellPid} ${e.timeText} ${e.user}) cd ${e.path}`;
      return `${' '.repeat(Math.min(167, Math.max(0, 3 * (e.depth - 1))))}${e.shellPid} ${e.timeText} ${e.user}) ${e.exe} ${e.args}`;
    });
  }

  result(): ViewResult {
    return {
      id: 'spy_users',
      title: 'Spy Users',
      kind: 'list',
      columns: [
        { id: 'time', title: 'TIME', unit: 'time' },
        { id: 'user', title: 'USER', unit: 'text' },
        { id: 'shell', title: 'SHELL', unit: 'id' },
        { id: 'depth', title: 'DEPTH', unit: 'count' },
        { id: 'pid', title: 'PID', unit: 'id' },
        { id: 'container', title: 'CONTAINER', unit: 'text' },
        { id: 'command', title: 'COMMAND', unit: 'text' },
      ],
      rows: this.entries.map((e) => ({
        key: [e.num],
        cells: [e.ts.toString(), e.user, e.shellPid, e.depth, e.pid, e.container, e.kind === 'cd' ? `cd ${e.path}` : `${e.exe} ${e.args}`.trimEnd()],
        filter: andFilters(this.scope, `evt.num=${e.num}`)!,
      })),
      totalRows: this.entries.length,
      sort: null,
      filter: andFilters(this.scope, SPY_USERS_FILTER),
    };
  }
}
