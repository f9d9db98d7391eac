// The map's geometry: dagre places nodes and routes edges; the panel only draws. Pure (no React,
// no DOM), so a unit test lays out a 300-node scenario.
import dagre from '@dagrejs/dagre';
import type { Category } from '../../../core/coding/codes.ts';
import type { Outcome, TalkType } from '../../../core/scenario/format.ts';
import { scenarioEdges } from '../../../core/scenario/graph.ts';
import type { Scenario } from '../../../core/scenario/types.ts';

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 48;

export interface MapNode {
  id: string;
  kind: 'node' | 'ending';
  x: number;
  y: number;
  width: number;
  height: number;
  /** The talk of the client's default line (the last variant). */
  talk?: TalkType;
  /** Other talk types some meter values give the client's line. */
  otherTalks: TalkType[];
  outcome?: Outcome;
  title?: string;
  responses: number;
  isStart: boolean;
}

export interface MapEdge {
  from: string;
  to: string;
  category: Category;
  /** Positions (1-based) of the responses drawn as this edge. */
  responses: number[];
  points: { x: number; y: number }[];
  /** True when dagre routed it; otherwise `points` are its two ends, to be drawn as a curve. */
  routed: boolean;
}

/** Up to this many edges dagre routes them all; past it, only the short forward ones (see below). */
export const ROUTE_ALL_EDGES_UP_TO = 160;

export interface MapLayout {
  nodes: MapNode[];
  edges: MapEdge[];
  width: number;
  height: number;
}

export const TALK_WORDS: Record<TalkType, string> = { change: 'change talk', sustain: 'sustain talk', neutral: 'neutral talk', discord: 'discord' };
export const OUTCOME_WORDS: Record<Outcome, string> = { commitment: 'commitment', small_step: 'small step', not_yet: 'not yet', disengaged: 'disengaged' };

export function layoutMap(scenario: Scenario): MapLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 56, edgesep: 8, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const nodes = new Map<string, MapNode>();
  for (const n of Object.values(scenario.nodes)) {
    const talk = n.client[n.client.length - 1]?.talk ?? 'neutral';
    const otherTalks = [...new Set(n.client.map((v) => v.talk))].filter((t) => t !== talk);
    nodes.set(n.id, { id: n.id, kind: 'node', x: 0, y: 0, width: NODE_WIDTH, height: NODE_HEIGHT, talk, otherTalks, responses: n.responses.length, isStart: n.id === scenario.start });
  }
  for (const e of Object.values(scenario.endings)) {
    nodes.set(e.id, { id: e.id, kind: 'ending', x: 0, y: 0, width: NODE_WIDTH, height: NODE_HEIGHT, outcome: e.outcome, title: e.title, otherTalks: [], responses: 0, isStart: false });
  }
  for (const n of nodes.values()) g.setNode(n.id, { width: n.width, height: n.height });

  // Responses that go the same way with the same category are drawn as one edge: fewer lines to
  // route (and to read) in a 300-node map.
  const grouped = new Map<string, Omit<MapEdge, 'points' | 'routed'>>();
  for (const e of scenarioEdges(scenario)) {
    const key = `${e.from}\u0000${e.to}\u0000${e.category}`;
    const edge = grouped.get(key);
    if (edge) {
      if (!edge.responses.includes(e.response)) edge.responses.push(e.response);
    } else grouped.set(key, { from: e.from, to: e.to, category: e.category, responses: [e.response] });
  }
  // Dagre adds a dummy node for every rank an edge crosses, so the loops back and long jumps of a
  // big scenario make layout time explode (a generated 300-node file took over a minute). Past a
  // size, the layout sees only the edges that go one step further from the start (breadth first); the
  // others are drawn as curves between their ends.
  const routed = grouped.size <= ROUTE_ALL_EDGES_UP_TO ? null : shortForwardEdges(scenario, [...grouped.values()]);
  for (const [key, e] of grouped) if (!routed || routed.has(e)) g.setEdge(e.from, e.to, {}, key);

  dagre.layout(g);

  for (const n of nodes.values()) {
    const placed = g.node(n.id) as { x: number; y: number };
    n.x = placed.x;
    n.y = placed.y;
  }
  const edges: MapEdge[] = [...grouped].map(([key, e]) => {
    if (!routed || routed.has(e)) {
      const points = ((g.edge(e.from, e.to, key) as { points?: { x: number; y: number }[] }).points ?? []).map((p) => ({ x: p.x, y: p.y }));
      return { ...e, points, routed: true };
    }
    const a = nodes.get(e.from)!;
    const b = nodes.get(e.to)!;
    return { ...e, points: [{ x: a.x, y: a.y + a.height / 2 }, { x: b.x, y: b.y - b.height / 2 }], routed: false };
  });
  const label = g.graph() as { width?: number; height?: number };
  return { nodes: [...nodes.values()], edges, width: label.width ?? 0, height: label.height ?? 0 };
}

/** Edges from a node to one a step further from the start (breadth first), and those among nodes the start does not reach. */
function shortForwardEdges(scenario: Scenario, edges: readonly Omit<MapEdge, 'points' | 'routed'>[]): Set<Omit<MapEdge, 'points' | 'routed'>> {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const depth = new Map<string, number>([[scenario.start, 0]]);
  const queue = [scenario.start];
  for (let q = 0; q < queue.length; q++) {
    for (const to of out.get(queue[q]!) ?? []) {
      if (depth.has(to)) continue;
      depth.set(to, depth.get(queue[q]!)! + 1);
      queue.push(to);
    }
  }
  return new Set(
    edges.filter((e) => {
      const a = depth.get(e.from);
      const b = depth.get(e.to);
      if (a === undefined) return true;
      return b !== undefined && b - a === 1;
    }),
  );
}

/** What a screen reader says for a node: its id, the client's talk, and how many responses. */
export function nodeName(n: MapNode): string {
  if (n.kind === 'ending') return `Ending ${n.id}, ${OUTCOME_WORDS[n.outcome!]}${n.title ? `: ${n.title}` : ''}`;
  const talk = `client ${TALK_WORDS[n.talk!]}${n.otherTalks.length ? ` (or ${n.otherTalks.map((t) => TALK_WORDS[t]).join(' or ')}, by the meters)` : ''}`;
  return `${n.isStart ? 'Start node' : 'Node'} ${n.id}, ${talk}, ${n.responses} response${n.responses === 1 ? '' : 's'}`;
}
