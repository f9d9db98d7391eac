// The studio map's layout: every node and ending placed without overlap, edges routed, names
// that say what a node is without its colour, and a 300-node scenario laid out.
import { describe, expect, it } from 'vitest';
import { generateGraph, toYaml } from '../../bench/generate.ts';
import { checkScenario } from '../../src/core/scenario/check.ts';
import { layoutMap, nodeName } from '../../src/app/studio/panels/mapLayout.ts';
import { loadScenario, SMALL } from './driver.ts';

describe('layoutMap', () => {
  it('places every node and ending of small.yaml, and draws edges by category', () => {
    const map = layoutMap(loadScenario(SMALL));
    expect(map.nodes.map((n) => `${n.kind}:${n.id}`)).toEqual(['node:opening', 'node:middle', 'ending:one-session', 'ending:not-yet', 'ending:walked-out']);
    for (const n of map.nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.y).toBeGreaterThan(0);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(map.width);
    }
    // The start is above what it leads to.
    const y = Object.fromEntries(map.nodes.map((n) => [n.id, n.y]));
    expect(y.opening).toBeLessThan(y.middle!);
    expect(map.edges.map((e) => `${e.from}>${e.to}:${e.category}:${e.responses.join(',')}`).sort()).toEqual([
      'middle>not-yet:consistent:1',
      'middle>not-yet:neutral:2',
      'middle>one-session:consistent:1',
      'opening>middle:consistent:1',
      'opening>middle:inconsistent:2',
      'opening>walked-out:inconsistent:2',
    ]);
    for (const e of map.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
  });

  it('names each node in words: talk type, responses, start, outcome', () => {
    const map = layoutMap(loadScenario(SMALL));
    expect(map.nodes.map(nodeName)).toEqual([
      'Start node opening, client sustain talk (or change talk, by the meters), 2 responses',
      'Node middle, client change talk, 2 responses',
      'Ending one-session, small step: One session',
      'Ending not-yet, not yet: Not yet',
      'Ending walked-out, disengaged: Left',
    ]);
  });

  it('lays out 300 generated nodes with no two overlapping', () => {
    const r = checkScenario(toYaml(generateGraph(300)), { runTests: false });
    const started = Date.now();
    const map = layoutMap(r.scenario!);
    // A guard against a layout gone quadratic, not a benchmark.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(map.nodes).toHaveLength(305);
    const boxes = map.nodes.map((n) => `${Math.round(n.x)},${Math.round(n.y)}`);
    expect(new Set(boxes).size).toBe(boxes.length);
    const byRank = new Map<number, number[]>();
    for (const n of map.nodes) byRank.set(Math.round(n.y), [...(byRank.get(Math.round(n.y)) ?? []), n.x]);
    for (const xs of byRank.values()) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(map.nodes[0]!.width);
    }
  }, 60_000);
});
