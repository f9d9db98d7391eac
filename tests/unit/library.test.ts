import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MI_CODES } from '../../src/core/coding/codes.ts';
import { checkScenario } from '../../src/core/scenario/check.ts';

// The bar every shipped scenario meets (the library issue), checked rather than promised.
const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();
const checked = files.map((f) => ({ file: f, result: checkScenario(readFileSync(`scenarios/${f}`, 'utf8')) }));

describe('the shipped library', () => {
  it('has eight scenarios: two beginner, four intermediate, two advanced, each a different person', () => {
    expect(files).toHaveLength(8);
    const difficulties = checked.map((c) => c.result.scenario!.difficulty).sort();
    expect(difficulties).toEqual(['advanced', 'advanced', 'beginner', 'beginner', 'intermediate', 'intermediate', 'intermediate', 'intermediate']);
    expect(new Set(checked.map((c) => c.result.scenario!.client.name)).size).toBe(8);
    expect(new Set(checked.map((c) => c.result.scenario!.client.weighing)).size).toBeGreaterThanOrEqual(6);
  });

  describe.each(checked)('$file', ({ result }) => {
    const s = result.scenario!;
    const nodes = Object.values(s.nodes);
    it('checks clean: no error, no warning, its own tests pass', () => {
      expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    });
    it('has at least 25 client nodes with 3 or more responses each', () => {
      expect(nodes.length).toBeGreaterThanOrEqual(25);
      for (const n of nodes) expect(n.responses.length, n.id).toBeGreaterThanOrEqual(3);
    });
    it('has endings of every outcome, each reached by a test, and paths of at least 8 exchanges', () => {
      expect(new Set(Object.values(s.endings).map((e) => e.outcome))).toEqual(new Set(['commitment', 'small_step', 'not_yet', 'disengaged']));
      expect(new Set(s.tests.map((t) => t.expect))).toEqual(new Set(Object.keys(s.endings)));
      for (const [ending, path] of Object.entries(result.analysis!.shortestPaths)) expect(path.length, ending).toBeGreaterThanOrEqual(8);
    });
    it('uses every MI code and not_coded, with some two-code responses', () => {
      const used = new Set(nodes.flatMap((n) => n.responses.flatMap((r) => r.codes)));
      for (const c of [...MI_CODES, 'not_coded'] as const) expect(used.has(c), c).toBe(true);
      expect(nodes.flatMap((n) => n.responses).filter((r) => r.codes.length > 1).length).toBeGreaterThanOrEqual(3);
    });
    it('lets the meters matter: lines vary at several nodes and at least two branches depend on them', () => {
      expect(nodes.filter((n) => n.client.some((v) => v.when)).length).toBeGreaterThanOrEqual(3);
      expect(nodes.flatMap((n) => n.responses).filter((r) => r.next.some((b) => b.when)).length).toBeGreaterThanOrEqual(2);
    });
    it('gives every ending a debrief with learning points, lists content notes, and prompts class discussion', () => {
      for (const e of Object.values(s.endings)) expect(e.learning.length, e.id).toBeGreaterThanOrEqual(2);
      expect(s.contentNotes.length).toBeGreaterThan(0);
      expect(nodes.filter((n) => n.discuss).length).toBeGreaterThanOrEqual(3);
    });
  });
});
