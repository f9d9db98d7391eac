// The scenario graph as the checker and the studio see it: what can be reached, which endings lie
// beyond each node, the fewest choices to each ending, how many paths there are, and which
// branches some meter values can take.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCondition, type Condition } from '../../src/core/engine/condition.ts';
import { playChoices } from '../../src/core/engine/rules.ts';
import { analyzeScenario, PATH_COUNT_CAP, possibleBranches } from '../../src/core/scenario/analyze.ts';
import { checkScenario } from '../../src/core/scenario/check.ts';
import type { MeterDef, Scenario, ScenarioNode } from '../../src/core/scenario/types.ts';
import { METERS, SMALL, loadScenario } from './driver.ts';

type Next = string | { when?: string; go: string }[];

/** A scenario file whose nodes are given as the `next` of each response, checked (without its tests). */
function graph(nodes: Record<string, Next[]>, endings: string[], start = Object.keys(nodes)[0]!) {
  const next = (n: Next) =>
    typeof n === 'string'
      ? `        next: ${n}\n`
      : '        next:\n' + n.map((b) => (b.when ? `          - when: ${b.when}\n            go: ${b.go}\n` : `          - go: ${b.go}\n`)).join('');
  const text = [
    'format: 1',
    'id: graph',
    'title: Graph',
    'client: { name: Ana, age: 30, situation: A test., weighing: Prolonged Exposure }',
    'difficulty: beginner',
    'minutes: 5',
    'content_notes: [none]',
    'meters: { rapport: 2 }',
    `start: ${start}`,
    'nodes:',
    ...Object.entries(nodes).map(
      ([id, responses]) =>
        `  ${id}:\n    client: Hello.\n    talk: neutral\n    responses:\n` +
        responses.map((n, i) => `      - say: Response ${i + 1}.\n        code: open_question\n        feedback: Fine.\n${next(n)}`).join(''),
    ),
    'endings:',
    ...endings.map((e) => `  ${e}: { outcome: not_yet, title: End, debrief: The end. }`),
    '',
  ].join('\n');
  const r = checkScenario(text, { runTests: false });
  if (!r.analysis) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  return { analysis: r.analysis, diagnostics: r.diagnostics, scenario: r.scenario };
}

/** A scenario object built directly, for graphs too large to write as YAML in a fast test. */
function chain(length: number, responsesPerNode: number): Scenario {
  const nodes: Record<string, ScenarioNode> = {};
  for (let i = 0; i < length; i++) {
    const go = i === length - 1 ? 'end' : `n${i + 1}`;
    nodes[`n${i}`] = {
      kind: 'node',
      id: `n${i}`,
      client: [{ say: 'Hello.', talk: 'neutral' }],
      responses: Array.from({ length: responsesPerNode }, (_, r) => ({ id: String(r + 1), index: r, say: 'x', codes: ['open_question'], feedback: 'x', effects: {}, next: [{ go }] })),
      hints: [],
    };
  }
  return {
    format: 1,
    hash: 'x',
    id: 'chain',
    title: 'Chain',
    language: 'en',
    client: { name: 'A', age: 30, situation: 's', weighing: 'w' },
    difficulty: 'beginner',
    minutes: 5,
    contentNotes: [],
    objectives: [],
    meters: [],
    start: 'n0',
    nodes,
    endings: { end: { kind: 'ending', id: 'end', outcome: 'not_yet', title: 'End', debrief: 'x', learning: [] } },
    tests: [],
  };
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('reachability', () => {
  it('separates what the start leads to from what nothing reachable leads to', () => {
    const { analysis, diagnostics } = graph({ a: ['b', 'e1'], b: ['e1'], c: ['d'], d: ['e2'] }, ['e1', 'e2', 'e3']);
    expect(sorted(analysis.reachable)).toEqual(['a', 'b', 'e1']);
    expect(sorted(analysis.unreachable)).toEqual(['c', 'd', 'e2', 'e3']);
    const w001 = Object.fromEntries(diagnostics.filter((d) => d.code === 'W001').map((d) => [d.message.split("'")[1], d.message]));
    expect(w001).toEqual({
      c: "nothing leads to node 'c'",
      d: "node 'd' cannot be reached: only unreachable nodes lead to it",
      e2: "ending 'e2' cannot be reached: only unreachable nodes lead to it",
      e3: "nothing leads to ending 'e3'",
    });
  });

  it('a branch no meter values can take leads nowhere', () => {
    const { analysis } = graph({ a: [[{ when: 'rapport > 5', go: 'secret' }, { go: 'e1' }]] }, ['e1', 'secret']);
    expect(analysis.unreachable).toEqual(['secret']);
  });

  it('every part of small.yaml is reachable', () => {
    const r = checkScenario(readFileSync(SMALL, 'utf8'));
    expect(r.analysis!.unreachable).toEqual([]);
    expect(sorted(r.analysis!.reachable)).toEqual(['middle', 'not-yet', 'one-session', 'opening', 'walked-out']);
  });
});

describe('endingsFrom', () => {
  it('lists, for each node, every ending some choices lead to', () => {
    const { analysis } = graph({ a: ['b', 'c'], b: ['e1'], c: ['e2', 'b'] }, ['e1', 'e2']);
    expect(Object.fromEntries(Object.entries(analysis.endingsFrom).map(([k, v]) => [k, sorted(v)]))).toEqual({ a: ['e1', 'e2'], b: ['e1'], c: ['e1', 'e2'] });
  });

  it('is empty for a node trapped in a loop, which is the error E028', () => {
    const { analysis, diagnostics } = graph({ a: ['trap', 'e1'], trap: ['trap'] }, ['e1']);
    expect(analysis.endingsFrom.trap).toEqual([]);
    expect(sorted(analysis.endingsFrom.a!)).toEqual(['e1']);
    expect(diagnostics.filter((d) => d.code === 'E028').map((d) => d.message)).toEqual(["no ending can be reached from node 'trap'"]);
  });

  it('follows loops that do lead out', () => {
    const { analysis, diagnostics } = graph({ a: ['b'], b: ['a', 'e1'] }, ['e1']);
    expect(analysis.endingsFrom).toEqual({ a: ['e1'], b: ['e1'] });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('shortestPaths', () => {
  const g = graph({ a: ['b', 'e1'], b: ['e2', 'c'], c: ['e1', 'e3'] }, ['e1', 'e2', 'e3', 'e4']);

  it('gives the fewest choices to each reachable ending, as 1-based positions', () => {
    expect(g.analysis.shortestPaths).toEqual({ e1: [2], e2: [1, 1], e3: [1, 2, 2] });
  });

  it('and each of them really reaches its ending', () => {
    const s = graph({ a: ['b', 'e1'], b: ['e2', 'c'], c: ['e1', 'e3'] }, ['e1', 'e2', 'e3']).scenario!;
    for (const [ending, choices] of Object.entries(analyzeScenario(s).shortestPaths)) {
      expect(playChoices(s, choices)).toMatchObject({ ok: true, ending });
    }
  });

  it('number a response by its position, whichever of its branches is taken', () => {
    const { analysis } = graph({ a: ['e1', [{ when: 'rapport > 3', go: 'e2' }, { go: 'e3' }]] }, ['e1', 'e2', 'e3']);
    expect(analysis.shortestPaths).toEqual({ e1: [1], e2: [2], e3: [2] });
  });

  it('suggest a first test when a scenario has none (I001)', () => {
    const i001 = g.diagnostics.find((d) => d.code === 'I001');
    expect(i001?.hint).toBe('A first test could be: choose: [2]');
  });
});

describe('pathCount', () => {
  it('counts the paths of small.yaml (meters ignored: every branch some values can take)', () => {
    // opening: reflect → middle, push → walked-out | middle; middle: 1 → one-session | not-yet, 2 → not-yet.
    expect(analyzeScenario(loadScenario(SMALL)).pathCount).toBe(7);
  });

  it('counts a diamond-shaped graph without listing paths twice', () => {
    const { analysis } = graph({ a: ['b', 'c'], b: ['d', 'e1'], c: ['d'], d: ['e1', 'e2'] }, ['e1', 'e2']);
    // d: 2 paths; b: 2 + 1; c: 2; a: 3 + 2.
    expect(analysis.pathCount).toBe(5);
  });

  it('counts 2^40 paths through forty two-way turns without enumerating them', () => {
    expect(analyzeScenario(chain(40, 2)).pathCount).toBe(2 ** 40);
  });

  it('caps at PATH_COUNT_CAP past the safe integer range', () => {
    expect(analyzeScenario(chain(60, 2)).pathCount).toBe(PATH_COUNT_CAP);
  });

  it('handles a 10,000-node chain without overflowing the stack', () => {
    const a = analyzeScenario(chain(10_000, 1));
    expect(a.pathCount).toBe(1);
    expect(a.shortestPaths.end).toHaveLength(10_000);
  });

  it("is 'unbounded' when a loop can be followed and still reach an ending", () => {
    expect(graph({ a: ['b'], b: ['a', 'e1'] }, ['e1']).analysis.pathCount).toBe('unbounded');
    expect(graph({ a: ['a', 'e1'] }, ['e1']).analysis.pathCount).toBe('unbounded');
    expect(analyzeScenario(loadScenario(METERS)).pathCount).toBe('unbounded');
  });

  it('a loop behind a branch no meter values take is no loop', () => {
    const { analysis } = graph({ a: [[{ when: 'rapport > 5', go: 'a' }, { go: 'e1' }], 'e1'] }, ['e1']);
    expect(analysis.pathCount).toBe(2);
  });

  it('is 0 when the start does not exist', () => {
    const s = { ...chain(3, 1), start: 'nowhere' };
    expect(analyzeScenario(s).pathCount).toBe(0);
  });
});

describe('possibleBranches', () => {
  const meter = (id: string, min = 0, max = 5): MeterDef => ({ id, start: min, min, max, label: id, higherIs: 'better' });
  const when = (text: string): { when: Condition } => {
    const r = parseCondition(text);
    if (!r.ok) throw new Error(r.error.message);
    return { when: r.condition };
  };
  const defs = [meter('a'), meter('b'), meter('mood', -2, 2)];

  it('without conditions, only the first branch is ever taken', () => {
    expect(possibleBranches([{}], defs)).toEqual([true]);
    expect(possibleBranches([{}, {}], defs)).toEqual([true, false]);
  });

  it('a condition that can hold or fail leaves both branches possible', () => {
    expect(possibleBranches([when('a >= 3'), {}], defs)).toEqual([true, true]);
  });

  it('a condition that always holds hides what follows', () => {
    expect(possibleBranches([when('a >= 0'), {}], defs)).toEqual([true, false]);
    expect(possibleBranches([when('a <= 5 or b > 100'), when('b > 2'), {}], defs)).toEqual([true, false, false]);
  });

  it('a condition that never holds within the range is never taken', () => {
    expect(possibleBranches([when('a > 5'), {}], defs)).toEqual([false, true]);
    expect(possibleBranches([when('mood < -2'), when('mood < -1'), {}], defs)).toEqual([false, true, true]);
  });

  it('a branch is possible only if the ones before it can all fail at the same time', () => {
    expect(possibleBranches([when('a > 2 or b > 2'), when('a > 2'), {}], defs)).toEqual([true, false, true]);
    expect(possibleBranches([when('a > 2 and b > 2'), when('a > 2'), when('b > 2'), {}], defs)).toEqual([true, true, true, true]);
  });

  it('sees the meters after the effects, clamped to their range', () => {
    // a ranges over 0..5; after +3 it can only be 3..5, so `a >= 3` always holds.
    expect(possibleBranches([when('a >= 3'), {}], defs, { a: 3 })).toEqual([true, false]);
    // After -10 it is always 0 (clamped), so `a > 0` never holds.
    expect(possibleBranches([when('a > 0'), {}], defs, { a: -10 })).toEqual([false, true]);
    expect(possibleBranches([when('a > 0'), {}], defs, { a: 1 })).toEqual([true, false]);
  });
});

describe('the rest of the analysis', () => {
  it('counts nodes and responses and lists codes by node and unused codes', () => {
    const a = analyzeScenario(loadScenario(SMALL));
    expect(a.nodeCount).toBe(2);
    expect(a.responseCount).toBe(4);
    expect(a.codesByNode).toEqual({ opening: ['simple_reflection', 'persuade'], middle: ['complex_reflection', 'open_question', 'not_coded'] });
    expect(a.unusedCodes).not.toContain('persuade');
    expect(a.unusedCodes).toContain('confront');
    expect(a.unusedCodes).not.toContain('not_coded');
  });
});
