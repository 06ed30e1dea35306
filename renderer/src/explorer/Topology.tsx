import { drag } from 'd3-drag';
import {
  forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum,
} from 'd3-force';
import { scaleSqrt } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatBytesShort, formatCount } from './model';
import { useEngineQuery } from './query';
import { readTopology, type TopoEdgeView, type TopoNodeView } from './shapes';
import { TableSkeleton } from './ViewsPane';
import { scopeParams, useExplorer } from './store';

type Grouping = 'process' | 'procname' | 'container';

interface SimNode extends SimulationNodeDatum, TopoNodeView {
  bytes: number;
  r: number;
}
interface SimLink extends SimulationLinkDatum<SimNode> {
  e: TopoEdgeView;
  w: number;
  curve: number;
}

type Hover = { x: number; y: number; node?: SimNode; edge?: TopoEdgeView } | null;

const KIND_CLASS: Record<string, string> = { process: 'proc', container: 'cont', endpoint: 'endp' };

export function Topology() {
  const id = useExplorer((s) => s.capture?.id);
  const filter = useExplorer((s) => s.filter);
  const range = useExplorer((s) => s.range);
  const applyFilter = useExplorer((s) => s.applyFilter);
  const [grouping, setGrouping] = useState<Grouping>('process');
  const [size, setSize] = useState({ w: 900, h: 500 });
  const [hover, setHover] = useState<Hover>(null);
  const [settled, setSettled] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  const q = useEngineQuery('capture.analyze', id ? { id, topology: grouping, ...scopeParams(filter, range) } : null, 'Topology');
  const topo = useMemo(() => (q.data?.topology ? readTopology(q.data.topology) : null), [q.data]);

  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    setSize({ w: el.clientWidth, h: el.clientHeight });
    return () => ro.disconnect();
  }, []);

  // d3 owns the drawing: positions change every tick, which React should not re-render for.
  useEffect(() => {
    const svgEl = svgRef.current;
    if (!svgEl || !topo) return;
    setSettled(false);
    const svg = select(svgEl);
    svg.selectAll('*').remove();
    const { w, h } = size;

    const bytesOf = new Map<string, number>();
    for (const e of topo.edges) {
      bytesOf.set(e.from, (bytesOf.get(e.from) ?? 0) + e.bytes);
      bytesOf.set(e.to, (bytesOf.get(e.to) ?? 0) + e.bytes);
    }
    const maxBytes = Math.max(1, ...topo.edges.map((e) => e.bytes));
    const width = scaleSqrt().domain([0, maxBytes]).range([1, 10]);
    const radius = scaleSqrt().domain([0, Math.max(1, ...bytesOf.values())]).range([7, 22]);
    // Nodes start on a small spiral around the centre, so the map is in view while it settles.
    const nodes: SimNode[] = topo.nodes.map((n, i) => {
      const a = i * Math.PI * (3 - Math.sqrt(5));
      const d = 14 * Math.sqrt(i + 0.5);
      return { ...n, bytes: bytesOf.get(n.id) ?? 0, r: radius(bytesOf.get(n.id) ?? 0), x: w / 2 + d * Math.cos(a), y: h / 2 + d * Math.sin(a) };
    });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // Two edges between the same pair (each direction) bend apart instead of overlapping.
    const pairCount = new Map<string, number>();
    const links: SimLink[] = topo.edges.filter((e) => byId.has(e.from) && byId.has(e.to)).map((e) => {
      const k = [e.from, e.to].sort().join('|');
      const n = pairCount.get(k) ?? 0;
      pairCount.set(k, n + 1);
      return { source: e.from, target: e.to, e, w: width(e.bytes), curve: n === 0 ? 0 : n % 2 ? 0.25 : -0.25 };
    });

    const defs = svg.append('defs');
    // Arrowheads in user units: sized by the stroke they would balloon on the widest edges.
    defs.append('marker').attr('id', 'topo-arrow').attr('viewBox', '0 -4 8 8').attr('refX', 7).attr('refY', 0)
      .attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 11).attr('markerHeight', 11).attr('orient', 'auto')
      .append('path').attr('d', 'M0,-4L8,0L0,4').attr('class', 'topo__arrowhead');

    const root = svg.append('g').attr('class', 'topo__root');
    const zoomer = zoom<SVGSVGElement, unknown>().scaleExtent([0.2, 5]).on('zoom', (ev) => {
      root.attr('transform', String(ev.transform));
    });
    svg.call(zoomer).on('dblclick.zoom', null);

    const linkSel = root.append('g').attr('class', 'topo__links').selectAll<SVGPathElement, SimLink>('path').data(links).join('path')
      .attr('class', (d) => `topo__link topo__link--${d.e.proto || 'other'}`)
      .attr('stroke-width', (d) => d.w)
      .attr('marker-end', 'url(#topo-arrow)')
      .attr('data-testid', 'topo-edge')
      .attr('data-from', (d) => d.e.from)
      .attr('data-to', (d) => d.e.to)
      .on('mouseenter', (ev: MouseEvent, d) => setHover({ x: ev.offsetX, y: ev.offsetY, edge: d.e }))
      .on('mouseleave', () => setHover(null))
      .on('click', (_ev, d) => { setPicked(`${d.e.from}>${d.e.to}`); applyFilter(d.e.filter); });

    const nodeSel = root.append('g').attr('class', 'topo__nodes').selectAll<SVGGElement, SimNode>('g').data(nodes).join('g')
      .attr('class', (d) => `topo__node topo__node--${KIND_CLASS[d.kind] ?? 'other'}`)
      .attr('data-testid', 'topo-node')
      .attr('data-id', (d) => d.id)
      .attr('data-filter', (d) => d.filter)
      .on('mouseenter', (ev: MouseEvent, d) => setHover({ x: ev.offsetX, y: ev.offsetY, node: d }))
      .on('mouseleave', () => setHover(null))
      .on('click', (ev: MouseEvent, d) => {
        if (ev.defaultPrevented) return;
        setPicked(d.id);
        applyFilter(d.filter);
      });
    nodeSel.each(function draw(d) {
      const g = select(this);
      if (d.kind === 'endpoint') g.append('rect').attr('x', -d.r).attr('y', -d.r * 0.8).attr('width', d.r * 2).attr('height', d.r * 1.6).attr('rx', 4);
      else if (d.kind === 'container') g.append('path').attr('d', hexagon(d.r + 2));
      else g.append('circle').attr('r', d.r);
      // Centred under the node: the collision radius below keeps neighbours off it.
      g.append('text').attr('class', 'topo__label').attr('text-anchor', 'middle').attr('y', d.r + 13).text(d.label);
    });

    const sim = forceSimulation<SimNode>(nodes)
      .force('link', forceLink<SimNode, SimLink>(links).id((d) => d.id).distance((l) => 90 + (l.source as SimNode).r + (l.target as SimNode).r).strength(0.6))
      .force('charge', forceManyBody<SimNode>().strength(-480))
      .force('x', forceX<SimNode>(w / 2).strength(0.04 * Math.min(1, h / w) * 2))
      .force('y', forceY<SimNode>(h / 2).strength(0.09 * Math.min(2, w / Math.max(1, h))))
      .force('collide', forceCollide<SimNode>((d) => Math.max(d.r + 14, labelHalfWidth(d.label) * 0.8)))
      .alphaDecay(0.035);

    const ticked = () => {
      linkSel.attr('d', (d) => edgePath(d));
      nodeSel.attr('transform', (d) => `translate(${d.x ?? 0},${d.y ?? 0})`);
    };
    sim.on('tick', ticked);
    // The layout cools and stops on its own (alpha below alphaMin); say so for tests and for a fit.
    sim.on('end', () => {
      setSettled(true);
      fit();
    });

    const fit = () => {
      if (nodes.length === 0) return;
      const xs = nodes.map((n) => n.x ?? 0);
      const ys = nodes.map((n) => n.y ?? 0);
      const pad = Math.max(40, ...nodes.map((n) => labelHalfWidth(n.label) + 10));
      const x0 = Math.min(...xs) - pad;
      const x1 = Math.max(...xs) + pad;
      const y0 = Math.min(...ys) - 40;
      const y1 = Math.max(...ys) + 50;
      // A small map is brought up to a readable size, a large one shrunk to fit.
      const k = Math.min(1.3, 0.92 * Math.min(w / Math.max(1, x1 - x0), h / Math.max(1, y1 - y0)));
      const t = zoomIdentity.translate(w / 2 - (k * (x0 + x1)) / 2, h / 2 - (k * (y0 + y1)) / 2).scale(k);
      svg.call(zoomer.transform, t);
    };

    nodeSel.call(drag<SVGGElement, SimNode>()
      .on('start', (ev, d) => { if (!ev.active) sim.alphaTarget(0.2).restart(); d.fx = d.x; d.fy = d.y; setSettled(false); })
      .on('drag', (ev, d) => { d.fx = ev.x; d.fy = ev.y; })
      .on('end', (ev, d) => { if (!ev.active) sim.alphaTarget(0); d.fx = null; d.fy = null; }));

    return () => { sim.stop(); svg.on('.zoom', null); };
  }, [topo, size, applyFilter]);

  useEffect(() => {
    if (!svgRef.current) return;
    select(svgRef.current).selectAll<SVGGElement, SimNode>('.topo__node').classed('is-picked', (d) => d.id === picked);
  }, [picked, topo]);

  const totalBytes = topo ? topo.edges.reduce((a, e) => a + e.bytes, 0) : 0;
  const labelOf = useMemo(() => new Map(topo?.nodes.map((n) => [n.id, n.label]) ?? []), [topo]);
  return (
    <div className="topo" data-testid="topology" data-settled={settled ? 'true' : 'false'}
      data-nodes={topo?.nodes.length ?? ''} data-edges={topo?.edges.length ?? ''}>
      <div className="topo__bar">
        <span className="topo__title">Who talked to whom</span>
        {topo && <span className="topo__meta">{topo.nodes.length} nodes · {topo.edges.length} edges · {formatBytesShort(totalBytes)}</span>}
        <span className="topo__spacer" />
        <span className="topo__legend">
          <span className="topo__key topo__key--proc" />process
          <span className="topo__key topo__key--endp" />endpoint
          <span className="topo__key topo__key--cont" />container
          <span className="topo__keyline" />edge width = bytes
        </span>
        <select className="input input--small" value={grouping} aria-label="Group nodes by" data-testid="topo-grouping"
          onChange={(e) => setGrouping(e.target.value as Grouping)}>
          <option value="process">by process</option>
          <option value="procname">by process name</option>
          <option value="container">by container</option>
        </select>
      </div>
      <div className="topo__canvas" ref={wrapRef}>
        {q.loading && !topo && <TableSkeleton progress={q.progress?.fraction ?? null} />}
        {q.error && <div className="pane-error"><span className="code-chip">{q.error.code}</span> {q.error.message}</div>}
        {topo && topo.nodes.length === 0 && <div className="pane-empty">No network connections in this scope.</div>}
        <svg ref={svgRef} className="topo__svg" width={size.w} height={size.h} />
        {hover && (
          <div className="topo__tip" style={{ left: Math.min(hover.x + 14, size.w - 260), top: hover.y + 12 }} data-testid="topo-tooltip">
            {hover.node && (
              <>
                <div className="topo__tip-title">{hover.node.label}</div>
                <div className="topo__tip-row"><span>kind</span>{hover.node.kind}</div>
                {hover.node.detail && <div className="topo__tip-row"><span>id</span>{hover.node.detail}</div>}
                <div className="topo__tip-row"><span>traffic</span>{formatBytesShort(hover.node.bytes)}</div>
                <div className="topo__tip-hint">Click to filter: <code>{hover.node.filter}</code></div>
              </>
            )}
            {hover.edge && (
              <>
                <div className="topo__tip-title">{hover.edge.proto.toUpperCase()}{hover.edge.port !== null ? ` :${hover.edge.port}` : ''}</div>
                <div className="topo__tip-route">{labelOf.get(hover.edge.from) ?? hover.edge.from} → {labelOf.get(hover.edge.to) ?? hover.edge.to}</div>
                <div className="topo__tip-row"><span>client → server</span>{formatBytesShort(hover.edge.bytesOut)}</div>
                <div className="topo__tip-row"><span>server → client</span>{formatBytesShort(hover.edge.bytesIn)}</div>
                <div className="topo__tip-row"><span>connections</span>{formatCount(hover.edge.connections)}</div>
                <div className="topo__tip-row"><span>I/O calls</span>{formatCount(hover.edge.ioCalls)}</div>
                <div className="topo__tip-hint">Click to filter on this edge</div>
              </>
            )}
          </div>
        )}
        <div className="topo__help">Scroll to zoom · drag the background to pan · drag nodes · click to filter</div>
      </div>
    </div>
  );
}

/** Half the drawn width of a label in the map's 11px monospace. */
function labelHalfWidth(label: string): number {
  return label.length * 3.3;
}

function hexagon(r: number): string {
  const pts = Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i + Math.PI / 6;
    return `${(r * Math.cos(a)).toFixed(1)},${(r * Math.sin(a)).toFixed(1)}`;
  });
  return `M${pts.join('L')}Z`;
}

/** A straight (or bent, for parallel edges) path that stops at the target's rim for the arrow. */
function edgePath(l: SimLink): string {
  const s = l.source as SimNode;
  const t = l.target as SimNode;
  const sx = s.x ?? 0;
  const sy = s.y ?? 0;
  const tx = t.x ?? 0;
  const ty = t.y ?? 0;
  const dx = tx - sx;
  const dy = ty - sy;
  const dist = Math.max(1, Math.hypot(dx, dy));
  const ex = tx - (dx / dist) * (t.r + 3);
  const ey = ty - (dy / dist) * (t.r + 3);
  if (!l.curve) return `M${sx},${sy}L${ex},${ey}`;
  const mx = (sx + tx) / 2 - dy * l.curve;
  const my = (sy + ty) / 2 + dx * l.curve;
  return `M${sx},${sy}Q${mx},${my} ${ex},${ey}`;
}
