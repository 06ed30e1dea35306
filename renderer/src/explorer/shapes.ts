/** Analysis results reshaped for drawing: a tree keyed by node id, topology edges with total bytes. */
import type { ProcNode, ProcTreeResult, TopoEdge, TopoNode, TopologyResult } from '../../../core/api/contract';

export interface Tree {
  roots: string[];
  nodes: Map<string, ProcNode>;
}

export function readTree(t: ProcTreeResult): Tree {
  return { roots: t.roots, nodes: new Map(t.nodes.map((n) => [n.id, n])) };
}

export type TopoNodeView = TopoNode;

export interface TopoEdgeView extends TopoEdge {
  /** Both directions together: what the edge's width shows. */
  bytes: number;
}

export function readTopology(t: TopologyResult): { nodes: TopoNodeView[]; edges: TopoEdgeView[] } {
  return { nodes: t.nodes, edges: t.edges.map((e) => ({ ...e, bytes: e.bytesOut + e.bytesIn })) };
}
