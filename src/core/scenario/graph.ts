// The scenario as a graph for maps, exports and statistics: one edge for each branch a response
// can take (branches no meter values can take are left out, as the analysis leaves them out).
import { categoryOf, type Category, type ResponseCode } from '../coding/codes.ts';
import { possibleBranches } from './analyze.ts';
import type { Scenario } from './types.ts';

export interface ScenarioEdge {
  from: string;
  to: string;
  /** 1-based position of the response in its node. */
  response: number;
  responseId: string;
  codes: ResponseCode[];
  category: Category;
  /** True when the branch depends on the meters (it has a `when`, or an earlier branch has). */
  conditional: boolean;
}

export function scenarioEdges(scenario: Scenario): ScenarioEdge[] {
  const edges: ScenarioEdge[] = [];
  const exists = (id: string) => Object.hasOwn(scenario.nodes, id) || Object.hasOwn(scenario.endings, id);
  for (const node of Object.values(scenario.nodes)) {
    for (const r of node.responses) {
      const possible = possibleBranches(r.next, scenario.meters, r.effects);
      const conditional = r.next.length > 1;
      r.next.forEach((b, i) => {
        if (!possible[i] || !exists(b.go)) return;
        edges.push({ from: node.id, to: b.go, response: r.index + 1, responseId: r.id, codes: r.codes, category: categoryOf(r.codes), conditional });
      });
    }
  }
  return edges;
}

function outgoing(edges: readonly ScenarioEdge[]): Map<string, ScenarioEdge[]> {
  const out = new Map<string, ScenarioEdge[]>();
  for (const e of edges) {
    const list = out.get(e.from) ?? [];
    list.push(e);
    out.set(e.from, list);
  }
  return out;
}

export interface LongestPath {
  /** Choices (1-based positions) of one longest path, ignoring meters. */
  choices: number[];
  ending: string;
}

/**
 * The most choices a trainee can make before an ending, ignoring meters. 'unbounded' when a loop
 * can be reached from the start (a trainee can go round it any number of times).
 */
export function longestPath(scenario: Scenario, edges: readonly ScenarioEdge[] = scenarioEdges(scenario)): LongestPath | 'unbounded' | null {
  if (!Object.hasOwn(scenario.nodes, scenario.start)) return null;
  const out = outgoing(edges);
  const isEnding = (id: string) => Object.hasOwn(scenario.endings, id);
  // Iterative depth-first post-order (a 10,000-node chain must not overflow the stack).
  const best = new Map<string, { length: number; via: ScenarioEdge | null } | null>();
  const open = new Set<string>([scenario.start]);
  const stack: { id: string; i: number }[] = [{ id: scenario.start, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const list = out.get(top.id) ?? [];
    if (top.i < list.length) {
      const to = list[top.i++]!.to;
      if (isEnding(to) || best.has(to)) continue;
      if (open.has(to)) return 'unbounded';
      open.add(to);
      stack.push({ id: to, i: 0 });
      continue;
    }
    let pick: { length: number; via: ScenarioEdge | null } | null = null;
    for (const e of list) {
      const rest = isEnding(e.to) ? 0 : best.get(e.to)?.length;
      if (rest === undefined) continue;
      if (!pick || rest + 1 > pick.length) pick = { length: rest + 1, via: e };
    }
    best.set(top.id, pick);
    open.delete(top.id);
    stack.pop();
  }
  const choices: number[] = [];
  let at = scenario.start;
  for (let step = best.get(at); step?.via; step = best.get(at)) {
    choices.push(step.via.response);
    at = step.via.to;
    if (isEnding(at)) return { choices, ending: at };
  }
  return null;
}

export interface SimplePathCount {
  count: number;
  /** False when the count stopped at the cap: there are at least `count`. */
  exact: boolean;
}

/**
 * Paths from the start to an ending that visit no node twice, counted one by one up to a cap.
 * For a scenario with loops this is the number worth showing: the number of all paths is
 * infinite. The work is bounded as well as the count, since dead ends cost time but add nothing.
 */
export function countSimplePaths(scenario: Scenario, cap = 10_000, edges: readonly ScenarioEdge[] = scenarioEdges(scenario), budget = 500_000): SimplePathCount {
  if (!Object.hasOwn(scenario.nodes, scenario.start)) return { count: 0, exact: true };
  const out = outgoing(edges);
  const onPath = new Set<string>([scenario.start]);
  const stack: { id: string; i: number }[] = [{ id: scenario.start, i: 0 }];
  let count = 0;
  let steps = 0;
  while (stack.length) {
    if (++steps > budget || count >= cap) return { count, exact: false };
    const top = stack[stack.length - 1]!;
    const list = out.get(top.id) ?? [];
    if (top.i >= list.length) {
      onPath.delete(top.id);
      stack.pop();
      continue;
    }
    const to = list[top.i++]!.to;
    if (Object.hasOwn(scenario.endings, to)) count++;
    else if (!onPath.has(to)) {
      onPath.add(to);
      stack.push({ id: to, i: 0 });
    }
  }
  return { count, exact: true };
}
