// The analysis works on the scenario graph (nodes, endings, and the branches each response can
// take), never on machine snapshots, whose number explodes with the meters.
import { MI_CODES, type MiCode, type ResponseCode } from '../coding/codes.ts';
import { evaluateCondition, metersOf, type Condition } from '../engine/condition.ts';
import type { Path } from './readYaml.ts';
import type { DiagnosticSink, SourcePositions } from './readYaml.ts';
import type { Branch, MeterDef, Meters, Scenario } from './types.ts';

/** Past this many meter combinations a branch is assumed possible rather than enumerated. */
const MAX_COMBINATIONS = 100_000;
export const PATH_COUNT_CAP = Number.MAX_SAFE_INTEGER;

export interface Analysis {
  /** Node and ending ids reachable from the start. */
  reachable: string[];
  unreachable: string[];
  /** For each node, the endings that can be reached from it. */
  endingsFrom: Record<string, string[]>;
  /** Paths from the start to any ending; 'unbounded' when the talk can loop. */
  pathCount: number | 'unbounded';
  /** For each reachable ending, the fewest choices (1-based positions) that reach it, ignoring meters. */
  shortestPaths: Record<string, number[]>;
  codesByNode: Record<string, ResponseCode[]>;
  unusedCodes: MiCode[];
  nodeCount: number;
  responseCount: number;
}

interface Edge {
  from: string;
  to: string;
  response: number;
}

/** The branches of a list that some meter values could make the first to hold. */
export function possibleBranches(branches: readonly { when?: Condition }[], meters: readonly MeterDef[], effects: Readonly<Meters> = {}): boolean[] {
  if (branches.every((b) => !b.when)) return branches.map((_, i) => i === 0);
  const defs = new Map(meters.map((m) => [m.id, m]));
  return branches.map((b, i) => {
    const before = branches.slice(0, i);
    if (before.some((p) => !p.when)) return false;
    const used = new Set<string>();
    for (const c of [...before, b]) if (c.when) metersOf(c.when, used);
    const names = [...used].filter((n) => defs.has(n));
    const ranges = names.map((n) => {
      const d = defs.get(n)!;
      const delta = effects[n] ?? 0;
      const clamp = (v: number) => Math.min(d.max, Math.max(d.min, v));
      return [clamp(d.min + delta), clamp(d.max + delta)] as const;
    });
    const combos = ranges.reduce((acc, [lo, hi]) => acc * (hi - lo + 1), 1);
    if (combos > MAX_COMBINATIONS) return true;
    const values: Meters = {};
    const search = (k: number): boolean => {
      if (k === names.length) {
        return (!b.when || evaluateCondition(b.when, values)) && before.every((p) => !p.when || !evaluateCondition(p.when, values));
      }
      const [lo, hi] = ranges[k]!;
      for (let v = lo; v <= hi; v++) {
        values[names[k]!] = v;
        if (search(k + 1)) return true;
      }
      return false;
    };
    return search(0);
  });
}

export function analyzeScenario(scenario: Scenario, sink?: DiagnosticSink, _positions?: SourcePositions): Analysis {
  const report = (code: 'E028' | 'W001' | 'W002', path: Path, message: string, hint?: string, prefer: 'key' | 'value' = 'value') =>
    sink?.at(code, path, message, hint, prefer);
  const exists = (id: string) => Object.hasOwn(scenario.nodes, id) || Object.hasOwn(scenario.endings, id);

  const out = new Map<string, Edge[]>();
  const incoming = new Map<string, Edge[]>();
  for (const node of Object.values(scenario.nodes)) {
    const edges: Edge[] = [];
    node.responses.forEach((r, i) => {
      const possible = possibleBranches(r.next, scenario.meters, r.effects);
      r.next.forEach((branch: Branch, b) => {
        if (!possible[b]) {
          report('W002', ['nodes', node.id, 'responses', i, 'next', b], `this branch to '${branch.go}' is never taken: no meter values make it the first whose condition holds`, 'Check the conditions above it, and the meters\' ranges.');
          return;
        }
        if (exists(branch.go)) edges.push({ from: node.id, to: branch.go, response: i + 1 });
      });
    });
    const possibleLines = possibleBranches(node.client, scenario.meters);
    node.client.forEach((_, v) => {
      if (!possibleLines[v]) report('W002', ['nodes', node.id, 'client', v], `this client line variant is never shown: no meter values make its condition the first to hold`);
    });
    out.set(node.id, edges);
    for (const e of edges) {
      const list = incoming.get(e.to) ?? [];
      list.push(e);
      incoming.set(e.to, list);
    }
  }

  // Reachability and shortest paths from the start (breadth first, so the first visit is shortest).
  const parent = new Map<string, Edge | null>();
  if (Object.hasOwn(scenario.nodes, scenario.start)) {
    parent.set(scenario.start, null);
    const queue = [scenario.start];
    for (let q = 0; q < queue.length; q++) {
      for (const e of out.get(queue[q]!) ?? []) {
        if (parent.has(e.to)) continue;
        parent.set(e.to, e);
        queue.push(e.to);
      }
    }
  }
  const allIds = [...Object.keys(scenario.nodes), ...Object.keys(scenario.endings)];
  const reachable = allIds.filter((id) => parent.has(id));
  const unreachable = allIds.filter((id) => !parent.has(id));
  for (const id of unreachable) {
    const isEnding = Object.hasOwn(scenario.endings, id);
    const leadsHere = incoming.get(id)?.length ?? 0;
    report('W001', [isEnding ? 'endings' : 'nodes', id], leadsHere ? `${isEnding ? 'ending' : 'node'} '${id}' cannot be reached: only unreachable nodes lead to it` : `nothing leads to ${isEnding ? 'ending' : 'node'} '${id}'`, undefined, 'key');
  }

  const shortestPaths: Record<string, number[]> = {};
  for (const id of Object.keys(scenario.endings)) {
    if (!parent.has(id)) continue;
    const choices: number[] = [];
    for (let e = parent.get(id); e; e = parent.get(e.from)) choices.unshift(e.response);
    shortestPaths[id] = choices;
  }

  // The endings each node can reach: one backward sweep per ending.
  const endingsFrom: Record<string, string[]> = {};
  for (const id of Object.keys(scenario.nodes)) endingsFrom[id] = [];
  for (const ending of Object.keys(scenario.endings)) {
    const seen = new Set([ending]);
    const stack = [ending];
    while (stack.length) {
      for (const e of incoming.get(stack.pop()!) ?? []) {
        if (seen.has(e.from)) continue;
        seen.add(e.from);
        endingsFrom[e.from]!.push(ending);
        stack.push(e.from);
      }
    }
  }
  for (const [id, ends] of Object.entries(endingsFrom)) {
    if (ends.length === 0) report('E028', ['nodes', id], `no ending can be reached from node '${id}'`, 'A trainee who gets here would be trapped: lead at least one response towards an ending.', 'key');
  }

  const codesByNode: Record<string, ResponseCode[]> = {};
  const used = new Set<ResponseCode>();
  let responseCount = 0;
  for (const node of Object.values(scenario.nodes)) {
    const codes = [...new Set(node.responses.flatMap((r) => r.codes))];
    codesByNode[node.id] = codes;
    codes.forEach((c) => used.add(c));
    responseCount += node.responses.length;
  }

  return {
    reachable,
    unreachable,
    endingsFrom,
    pathCount: countPaths(scenario, out),
    shortestPaths,
    codesByNode,
    unusedCodes: MI_CODES.filter((c) => !used.has(c)),
    nodeCount: Object.keys(scenario.nodes).length,
    responseCount,
  };
}

/** Paths from the start to an ending, counted by dynamic programming over the graph (no enumeration). */
function countPaths(scenario: Scenario, out: Map<string, Edge[]>): number | 'unbounded' {
  const memo = new Map<string, number>();
  const state = new Map<string, 'open' | 'done'>();
  // Iterative depth-first post-order: a 10,000-node chain must not overflow the stack.
  const stack: { id: string; i: number }[] = [];
  if (!Object.hasOwn(scenario.nodes, scenario.start)) return 0;
  stack.push({ id: scenario.start, i: 0 });
  state.set(scenario.start, 'open');
  let unbounded = false;
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const edges = out.get(top.id) ?? [];
    if (top.i < edges.length) {
      const to = edges[top.i++]!.to;
      if (Object.hasOwn(scenario.endings, to)) continue;
      const s = state.get(to);
      if (s === 'open') {
        unbounded = true; // a loop: a trainee can go round it any number of times
        continue;
      }
      if (s === undefined) {
        state.set(to, 'open');
        stack.push({ id: to, i: 0 });
      }
      continue;
    }
    let total = 0;
    for (const e of edges) total += Object.hasOwn(scenario.endings, e.to) ? 1 : (memo.get(e.to) ?? 0);
    memo.set(top.id, Math.min(total, PATH_COUNT_CAP));
    state.set(top.id, 'done');
    stack.pop();
  }
  if (unbounded) return 'unbounded';
  return memo.get(scenario.start) ?? 0;
}
