import { useMemo, useState } from 'react';
import { clockTime, formatCount } from './model';
import { useEngineQuery } from './query';
import type { ProcNode } from '../../../core/api/contract';
import { readTree, type Tree } from './shapes';
import { TableSkeleton } from './ViewsPane';
import { scopeParams, useExplorer } from './store';

/**
 * Process lineage over the time selection. The filter is deliberately not applied here: a tree cut
 * down to the processes a filter matches loses the parents that explain them, and clicking a process
 * sets the filter, which would otherwise leave a single node.
 */
export function ProcessTree() {
  const id = useExplorer((s) => s.capture?.id);
  const range = useExplorer((s) => s.range);
  const filter = useExplorer((s) => s.filter);
  const applyFilter = useExplorer((s) => s.applyFilter);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [query, setQuery] = useState('');
  const q = useEngineQuery('capture.analyze', id ? { id, tree: true, ...scopeParams(null, range) } : null, 'Process tree');
  const tree = useMemo(() => (q.data?.tree ? readTree(q.data.tree) : null), [q.data]);

  // With a search, show matches and their ancestors only.
  const keep = useMemo(() => {
    if (!tree || !query.trim()) return null;
    const t = query.trim().toLowerCase();
    const set = new Set<string>();
    for (const n of tree.nodes.values()) {
      const hay = `${n.name} ${n.pid} ${n.exe} ${n.args} ${n.user} ${n.container}`.toLowerCase();
      if (!hay.includes(t)) continue;
      let cur: ProcNode | undefined = n;
      while (cur && !set.has(cur.id)) { set.add(cur.id); cur = cur.parent ? tree.nodes.get(cur.parent) : undefined; }
    }
    return set;
  }, [tree, query]);

  const toggle = (nid: string) => setCollapsed((c) => {
    const next = new Set(c);
    if (next.has(nid)) next.delete(nid); else next.add(nid);
    return next;
  });

  const rows: { n: ProcNode; depth: number; hasKids: boolean }[] = [];
  if (tree) {
    const walk = (nid: string, depth: number) => {
      const n = tree.nodes.get(nid);
      if (!n || (keep && !keep.has(nid))) return;
      const kids = n.children.filter((c) => tree.nodes.has(c) && (!keep || keep.has(c)));
      rows.push({ n, depth, hasKids: kids.length > 0 });
      if (!collapsed.has(nid) || keep) for (const c of sortKids(tree, kids)) walk(c, depth + 1);
    };
    for (const r of sortKids(tree, tree.roots)) walk(r, 0);
  }

  return (
    <div className="ptree" data-testid="process-tree" data-nodes={tree?.nodes.size ?? ''}>
      <div className="ptree__bar">
        <span className="ptree__title">Process lineage</span>
        {tree && <span className="ptree__meta">{formatCount(tree.nodes.size)} processes · {tree.roots.length} roots{range ? ' · in the time selection' : ''}</span>}
        <span className="ptree__spacer" />
        <input className="input input--small ptree__search" placeholder="Find process, pid, user…" value={query}
          data-testid="ptree-search" onChange={(e) => setQuery(e.target.value)} />
        <button type="button" className="btn btn--small btn--ghost" onClick={() => setCollapsed(new Set())}>Expand all</button>
        <button type="button" className="btn btn--small btn--ghost"
          onClick={() => setCollapsed(new Set(tree ? [...tree.nodes.values()].filter((n) => n.children.length).map((n) => n.id) : []))}>
          Collapse all
        </button>
      </div>
      {q.loading && !tree && <TableSkeleton progress={q.progress?.fraction ?? null} />}
      {q.error && <div className="pane-error"><span className="code-chip">{q.error.code}</span> {q.error.message}</div>}
      <div className="ptree__body" role="tree">
        {tree && rows.length === 0 && <div className="pane-empty">No processes{query ? ' match' : ''}.</div>}
        {rows.map(({ n, depth, hasKids }) => {
          const chain = n.execs.length > 1 ? n.execs.map((e) => e.name || e.exe.split('/').pop()).join(' → ') : null;
          const active = filter === n.filter;
          return (
            <div key={n.id} role="treeitem" aria-level={depth + 1} aria-expanded={hasKids ? !collapsed.has(n.id) : undefined}
              aria-selected={active} data-testid="ptree-node" data-id={n.id} data-parent={n.parent ?? ''} data-pid={n.pid} data-filter={n.filter}
              className={`ptree__row${active ? ' is-active' : ''}`} style={{ paddingLeft: 8 + depth * 18 }}
              onClick={() => applyFilter(n.filter)} title={`Click to filter: ${n.filter}`}>
              <button type="button" className={`ptree__caret${hasKids ? '' : ' is-leaf'}`} aria-label={collapsed.has(n.id) ? 'Expand' : 'Collapse'}
                tabIndex={-1} onClick={(e) => { e.stopPropagation(); if (hasKids) toggle(n.id); }}>
                {hasKids ? (collapsed.has(n.id) ? '▸' : '▾') : '·'}
              </button>
              <span className="ptree__name">{n.name || n.exe || '?'}</span>
              <span className="ptree__pid">{n.pid}</span>
              {n.user && <span className="ptree__user">{n.user}</span>}
              {n.container && n.container !== 'host' && <span className="ptree__cont">{n.container}</span>}
              <span className="ptree__cmd" title={`${n.exe} ${n.args}`}>{n.exe} {n.args}</span>
              {chain && <span className="ptree__chain" title="exec chain of this process" data-testid="ptree-chain">exec: {chain}</span>}
              <span className="ptree__life">
                {n.start ? `started ${clockTime(n.start).slice(0, 12)}` : ''}
                {n.exit ? ` · exited ${clockTime(n.exit).slice(0, 12)}${n.exitStatus !== null ? ` (${n.exitStatus})` : ''}` : ''}
              </span>
              <span className="ptree__events">{formatCount(n.events)} ev</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Siblings in the order they appeared in the capture, as an investigator reads a timeline. */
function sortKids(tree: Tree, ids: string[]): string[] {
  const seen = (id: string) => {
    const t = tree.nodes.get(id)?.firstSeen ?? '';
    return /^\d+$/.test(t) ? BigInt(t) : 0n;
  };
  return [...ids].sort((a, b) => {
    const d = seen(a) - seen(b);
    return d < 0n ? -1 : d > 0n ? 1 : (tree.nodes.get(a)?.pid ?? 0) - (tree.nodes.get(b)?.pid ?? 0);
  });
}
