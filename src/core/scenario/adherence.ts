// The most and least MI-adherent ways through a scenario, found by playing it: a search over
// (node, meter values) states with the rules of a turn, so each path is a real choice sequence
// (usable as a test) and its ending is the one a trainee would reach, conditions included.
//
// "Most adherent" is the path to an ending with the fewest MI-inconsistent choices, then the
// fewest neutral ones, then the fewest choices; "least adherent" the one with the fewest
// MI-consistent choices, then the fewest neutral ones, then the fewest choices. Both are
// minimum-cost searches with costs that never go negative, so loops cannot make them unbounded
// (a maximum would be: a trainee can circle a loop of reflections for ever).
import { categoryOf, type Category } from '../coding/codes.ts';
import { initialMeters, placeOf, takeResponse } from '../engine/rules.ts';
import type { Meters, Scenario } from './types.ts';

/** Past this many (node, meters) states the search gives up rather than keep the page waiting. */
export const MAX_STATES = 300_000;

export interface AdherentPath {
  /** 1-based response positions, as a scenario test writes them. */
  choices: number[];
  /** Node ids visited, the ending last. */
  path: string[];
  ending: string;
  consistent: number;
  neutral: number;
  inconsistent: number;
}

export interface AdherentPaths {
  most?: AdherentPath;
  least?: AdherentPath;
  /** True when the state space was too large to search: neither path is given. */
  tooLarge: boolean;
}

type Cost = [number, number, number];

interface State {
  key: string;
  at: string;
  meters: Meters;
  cost: Cost;
  counts: Record<Category, number>;
  prev: State | null;
  choice: number;
}

const less = (a: Cost, b: Cost) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** A binary min-heap: Dijkstra over tens of thousands of states needs better than a sorted array. */
class Heap<T> {
  private items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get size() {
    return this.items.length;
  }
  push(item: T) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last !== undefined) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function search(scenario: Scenario, costOf: (c: Category) => Cost): AdherentPath | undefined | 'too-large' {
  const meterIds = scenario.meters.map((m) => m.id);
  const keyOf = (at: string, meters: Meters) => `${at}|${meterIds.map((m) => meters[m]).join(',')}`;
  const start = initialMeters(scenario);
  const first: State = { key: keyOf(scenario.start, start), at: scenario.start, meters: start, cost: [0, 0, 0], counts: { consistent: 0, neutral: 0, inconsistent: 0 }, prev: null, choice: 0 };
  const best = new Map<string, Cost>([[first.key, first.cost]]);
  const heap = new Heap<State>((a, b) => less(a.cost, b.cost) < 0);
  heap.push(first);
  const done = new Set<string>();
  while (heap.size) {
    const s = heap.pop()!;
    if (done.has(s.key)) continue;
    done.add(s.key);
    const place = placeOf(scenario, s.at);
    if (place.kind === 'ending') return pathOf(s);
    if (place.kind !== 'node') continue;
    for (const response of place.node.responses) {
      const step = takeResponse(scenario, response, s.meters);
      const category = categoryOf(response.codes);
      const add = costOf(category);
      const cost: Cost = [s.cost[0] + add[0], s.cost[1] + add[1], s.cost[2] + add[2]];
      const key = keyOf(step.next, step.metersAfter);
      const known = best.get(key);
      if (known && less(known, cost) <= 0) continue;
      if (!known && best.size >= MAX_STATES) return 'too-large';
      best.set(key, cost);
      heap.push({ key, at: step.next, meters: step.metersAfter, cost, counts: { ...s.counts, [category]: s.counts[category] + 1 }, prev: s, choice: response.index + 1 });
    }
  }
  return undefined;
}

function pathOf(end: State): AdherentPath {
  const choices: number[] = [];
  const path: string[] = [];
  for (let s: State | null = end; s; s = s.prev) {
    path.unshift(s.at);
    if (s.prev) choices.unshift(s.choice);
  }
  return { choices, path, ending: end.at, ...end.counts };
}

export function adherentPaths(scenario: Scenario): AdherentPaths {
  const most = search(scenario, (c) => (c === 'inconsistent' ? [1, 0, 1] : c === 'neutral' ? [0, 1, 1] : [0, 0, 1]));
  if (most === 'too-large') return { tooLarge: true };
  const least = search(scenario, (c) => (c === 'consistent' ? [1, 0, 1] : c === 'neutral' ? [0, 1, 1] : [0, 0, 1]));
  if (least === 'too-large') return { tooLarge: true };
  return { ...(most ? { most } : {}), ...(least ? { least } : {}), tooLarge: false };
}

/**
 * The fewest choices that reach each ending when played with the meters (breadth first over
 * (node, meters) states), so each is a choice list a test can use as it is. Undefined when the
 * state space is too large to search.
 */
export function shortestPlayedPaths(scenario: Scenario): Record<string, number[]> | undefined {
  const meterIds = scenario.meters.map((m) => m.id);
  const keyOf = (at: string, meters: Meters) => `${at}|${meterIds.map((m) => meters[m]).join(',')}`;
  type Visit = { at: string; meters: Meters; prev: Visit | null; choice: number };
  const first: Visit = { at: scenario.start, meters: initialMeters(scenario), prev: null, choice: 0 };
  const seen = new Set([keyOf(first.at, first.meters)]);
  const found: Record<string, number[]> = {};
  const endings = Object.keys(scenario.endings).length;
  let reached = 0;
  const queue = [first];
  for (let q = 0; q < queue.length && reached < endings; q++) {
    const v = queue[q]!;
    const place = placeOf(scenario, v.at);
    if (place.kind === 'ending') {
      if (!found[v.at]) {
        const choices: number[] = [];
        for (let s: Visit | null = v; s?.prev; s = s.prev) choices.unshift(s.choice);
        found[v.at] = choices;
        reached++;
      }
      continue;
    }
    if (place.kind !== 'node') continue;
    for (const response of place.node.responses) {
      const step = takeResponse(scenario, response, v.meters);
      const key = keyOf(step.next, step.metersAfter);
      if (seen.has(key)) continue;
      if (seen.size >= MAX_STATES) return undefined;
      seen.add(key);
      queue.push({ at: step.next, meters: step.metersAfter, prev: v, choice: response.index + 1 });
    }
  }
  return found;
}
