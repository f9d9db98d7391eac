// The figures behind `evoke stats`, `evoke graph` and the studio's analysis, on hand-made graphs:
// loops, unreachable parts, several endings, branches on the meters.
import { describe, expect, it } from 'vitest';
import { playChoices } from '../../src/core/engine/rules.ts';
import { adherentPaths, shortestPlayedPaths } from '../../src/core/scenario/adherence.ts';
import { checkScenario } from '../../src/core/scenario/check.ts';
import { countSimplePaths, longestPath, scenarioEdges } from '../../src/core/scenario/graph.ts';
import { dotText, mermaidText, toDot, toMermaid } from '../../src/core/scenario/graphExport.ts';
import { pathCountText, scenarioStats } from '../../src/core/scenario/stats.ts';
import type { Scenario } from '../../src/core/scenario/types.ts';
import { loadScenario, SMALL } from './driver.ts';

/** A response: where it goes (or branches on rapport) and its code. */
type R = { go: string | { when?: string; go: string }[]; code?: string; effects?: string };

function scenario(nodes: Record<string, R[]>, endings: Record<string, string> = { done: 'not_yet' }, start = Object.keys(nodes)[0]!): Scenario {
  const next = (g: R['go']) =>
    typeof g === 'string' ? `        next: ${g}\n` : '        next:\n' + g.map((b) => (b.when ? `          - when: ${b.when}\n            go: ${b.go}\n` : `          - go: ${b.go}\n`)).join('');
  const text = [
    'format: 1',
    'id: stats-graph',
    'title: "Stats: a \\"graph\\" <test>"',
    'client: { name: Ana, age: 30, situation: A test., weighing: Prolonged Exposure }',
    'difficulty: beginner',
    'minutes: 5',
    'content_notes: [none]',
    'meters: { rapport: 2 }',
    `start: ${start}`,
    'nodes:',
    ...Object.entries(nodes).map(
      ([id, rs]) =>
        `  ${id}:\n    client: Hello.\n    talk: sustain\n    responses:\n` +
        rs.map((r, i) => `      - say: Response ${i + 1}.\n        code: ${r.code ?? 'open_question'}\n        feedback: Fine.\n${r.effects ? `        effects: ${r.effects}\n` : ''}${next(r.go)}`).join(''),
    ),
    'endings:',
    ...Object.entries(endings).map(([e, outcome]) => `  ${e}: { outcome: ${outcome}, title: "End ${e} \\"quoted\\" | [x]", debrief: The end. }`),
    '',
  ].join('\n');
  const r = checkScenario(text, { runTests: false });
  if (!r.scenario) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  return r.scenario;
}

describe('scenarioEdges', () => {
  it('gives one edge per branch some meters can take, with the code and category', () => {
    const s = loadScenario(SMALL);
    const edges = scenarioEdges(s);
    expect(edges.map((e) => `${e.from}>${e.to}:${e.response}:${e.category}${e.conditional ? '?' : ''}`)).toEqual([
      'opening>middle:1:consistent',
      'opening>walked-out:2:inconsistent?',
      'opening>middle:2:inconsistent?',
      'middle>one-session:1:consistent?',
      'middle>not-yet:1:consistent?',
      'middle>not-yet:2:neutral',
    ]);
  });
});

describe('longestPath', () => {
  it('follows the most choices in a graph without loops', () => {
    const s = scenario({ a: [{ go: 'b' }, { go: 'done' }], b: [{ go: 'c' }], c: [{ go: 'done' }] });
    expect(longestPath(s)).toEqual({ choices: [1, 1, 1], ending: 'done' });
  });

  it("is 'unbounded' when a loop can be reached", () => {
    const s = scenario({ a: [{ go: 'b' }], b: [{ go: 'a' }, { go: 'done' }] });
    expect(longestPath(s)).toBe('unbounded');
  });

  it('ignores unreachable loops', () => {
    const s = scenario({ a: [{ go: 'done' }], x: [{ go: 'y' }], y: [{ go: 'x' }, { go: 'done' }] });
    expect(longestPath(s)).toEqual({ choices: [1], ending: 'done' });
  });
});

describe('countSimplePaths', () => {
  it('counts the paths that repeat no node, even with loops', () => {
    const s = scenario({ a: [{ go: 'b' }, { go: 'done' }], b: [{ go: 'a' }, { go: 'done' }, { go: 'other' }] }, { done: 'not_yet', other: 'commitment' });
    // a>done, a>b>done, a>b>other (a>b>a repeats a)
    expect(countSimplePaths(s)).toEqual({ count: 3, exact: true });
  });

  it('stops at the cap and says so', () => {
    const nodes: Record<string, R[]> = {};
    for (let i = 0; i < 20; i++) nodes[`n${i}`] = [{ go: i === 19 ? 'done' : `n${i + 1}` }, { go: i === 19 ? 'done' : `n${i + 1}` }];
    expect(countSimplePaths(scenario(nodes), 1000)).toEqual({ count: 1000, exact: false });
  });
});

describe('adherentPaths', () => {
  const s = scenario(
    {
      start: [
        { go: 'pushed', code: 'persuade' },
        { go: 'heard', code: 'complex_reflection' },
        { go: 'done', code: 'closed_question' },
      ],
      heard: [{ go: 'committed', code: 'emphasizing_autonomy' }, { go: 'start', code: 'open_question' }],
      pushed: [{ go: 'gone', code: 'confront' }, { go: 'heard', code: 'simple_reflection' }],
    },
    { done: 'not_yet', committed: 'commitment', gone: 'disengaged' },
  );

  it('the most adherent path has the fewest MI-inconsistent choices, then the fewest neutral', () => {
    expect(adherentPaths(s).most).toEqual({ choices: [2, 1], path: ['start', 'heard', 'committed'], ending: 'committed', consistent: 2, neutral: 0, inconsistent: 0 });
  });

  it('the least adherent path has the fewest MI-consistent choices', () => {
    expect(adherentPaths(s).least).toMatchObject({ choices: [1, 1], ending: 'gone', consistent: 0, inconsistent: 2 });
  });

  it('plays the meters: a branch that needs rapport is taken only when the choices build it', () => {
    const m = scenario({
      a: [
        { go: [{ when: 'rapport >= 4', go: 'committed' }, { go: 'done' }], code: 'affirmation', effects: '{ rapport: +1 }' },
        { go: 'a', code: 'simple_reflection', effects: '{ rapport: +1 }' },
      ],
    }, { done: 'not_yet', committed: 'commitment' });
    const paths = shortestPlayedPaths(m)!;
    // rapport starts at 2: one reflection, then the affirmation, reaches 4.
    expect(paths).toEqual({ done: [1], committed: [2, 1] });
    for (const [ending, choices] of Object.entries(paths)) expect(playChoices(m, choices)).toMatchObject({ ok: true, ending });
  });

  it('every path it gives really reaches its ending when played', () => {
    const a = adherentPaths(s);
    for (const p of [a.most!, a.least!]) expect(playChoices(s, p.choices)).toMatchObject({ ok: true, ending: p.ending });
  });
});

describe('scenarioStats', () => {
  it('gathers the figures of small.yaml', () => {
    const st = scenarioStats(loadScenario(SMALL));
    expect(st).toMatchObject({
      nodes: 2,
      responses: 4,
      endings: 3,
      endingsByOutcome: { commitment: [], small_step: ['one-session'], not_yet: ['not-yet'], disengaged: ['walked-out'] },
      unreachable: [],
      paths: 7,
      simplePaths: { count: 7, exact: true },
      shortest: { ending: 'walked-out', choices: [2] },
      longest: { choices: [1, 1], ending: 'one-session' },
      shortestPlayed: true,
    });
    expect(st.codeCounts.persuade).toBe(1);
    expect(st.unusedCodes).toContain('confront');
    expect(pathCountText(st)).toBe('7');
  });

  it('says how many paths in words when the talk loops', () => {
    expect(pathCountText({ paths: 'unbounded', simplePaths: { count: 12, exact: true } })).toBe('unlimited (the talk can loop); 12 without repeating a node');
    expect(pathCountText({ paths: 'unbounded', simplePaths: { count: 10_000, exact: false } })).toBe('unlimited (the talk can loop); 10,000 or more without repeating a node');
  });

  it('lays out a generated 300-node scenario in reasonable time', async () => {
    const { generateGraph, toYaml } = await import('../../bench/generate.ts');
    const r = checkScenario(toYaml(generateGraph(300)), { runTests: false });
    const started = Date.now();
    const st = scenarioStats(r.scenario!);
    expect(st.nodes).toBe(300);
    expect(st.adherence.tooLarge).toBe(false);
    // A guard against a search gone exponential, not a benchmark: on a loaded machine it takes well under a second.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('graph export', () => {
  const s = scenario({ a: [{ go: 'b', code: 'persuade' }, { go: 'done', code: 'not_coded' }], b: [{ go: 'done', code: 'complex_reflection' }] }, { done: 'not_yet', end: 'commitment' });

  it('escapes Mermaid labels so quotes, brackets and pipes cannot end them', () => {
    expect(mermaidText('a "b" [c] |d| #e <f>')).toBe('a #34;b#34; #91;c#93; #124;d#124; #35;e #60;f#62;');
    const text = toMermaid(s);
    expect(text.startsWith('flowchart TD\n')).toBe(true);
    // Mermaid ids are generated: a scenario id such as `end` is a Mermaid keyword.
    expect(text).toContain('n3(["End end #34;quoted#34; #124; #91;x#93; · commitment"]):::commitment');
    expect(text).toContain('n0 -.->|"1. Pers"| n1');
    expect(text).toContain('n0 -->|"2. no code"| n2');
    expect(text).toContain('n1 ==>|"1. CR"| n2');
    for (const line of text.split('\n').filter((l) => l.includes('["'))) expect(line.match(/"/g)!.length).toBe(2);
  });

  it('escapes DOT labels', () => {
    expect(dotText('say "hi" \\ now\nthen')).toBe('say \\"hi\\" \\\\ now\\nthen');
    const text = toDot(s);
    expect(text).toMatch(/^digraph "stats-graph" \{\n/);
    expect(text).toContain('"end" [label="End end \\"quoted\\" | [x] · commitment", shape=doubleoctagon');
    expect(text).toContain('"a" -> "b" [label="1. Pers", style=dashed];');
    expect(text).toContain('"_start" -> "a";');
    expect(text.trimEnd().endsWith('}')).toBe(true);
  });
});
