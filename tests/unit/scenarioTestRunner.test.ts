// The runner behind `evoke test` and the studio's Tests panel, and the rule that failing tests
// do not take the scenario away from the studio's preview and panels.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/core/scenario/check.ts';
import { keepScenarioWhenOnlyTestsFail, runScenarioTests } from '../../src/core/scenario/scenarioTests.ts';
import { loadScenario, SMALL } from './driver.ts';

describe('runScenarioTests', () => {
  it('passes the tests of small.yaml, with a step for each choice', () => {
    const outcomes = runScenarioTests(loadScenario(SMALL));
    expect(outcomes.map((o) => [o.test.name, o.passed, o.reached, o.steps.length])).toEqual([
      ['test 1', true, 'one-session', 2],
      ['test 2', true, 'walked-out', 1],
      ['test 3', true, 'not-yet', 2],
    ]);
    expect(outcomes[0]!.steps[0]).toMatchObject({ at: 'opening', position: 1, codes: ['simple_reflection'], category: 'consistent', metersAfter: { rapport: 3, discord: 1 }, next: 'middle' });
  });

  it('a failing test says why, and where the choices went', () => {
    const text = readFileSync(SMALL, 'utf8').replace('  - choose: [push]\n    expect: walked-out', '  - choose: [push]\n    expect: not-yet');
    const r = checkScenario(text, { runTests: false });
    const failed = runScenarioTests(r.scenario!)[1]!;
    expect(failed).toMatchObject({ passed: false, reason: "reached 'walked-out', expected 'not-yet'", reached: 'walked-out' });
    expect(failed.transcript[0]).toBe("  [opening] Sam (sustain): My doctor sent me. I'm not sure why.");
  });
});

describe('keepScenarioWhenOnlyTestsFail', () => {
  const small = readFileSync(SMALL, 'utf8');

  it('gives the scenario of a file whose only errors are failing tests, keeping the errors', () => {
    const text = small.replace('expect: walked-out', 'expect: not-yet');
    const plain = checkScenario(text);
    expect(plain.scenario).toBeUndefined();
    const kept = keepScenarioWhenOnlyTestsFail(text, plain);
    expect(kept.scenario?.id).toBe('small-test');
    expect(kept.analysis).toBeDefined();
    expect(kept.errors).toBe(1);
    expect(kept.diagnostics.map((d) => d.code)).toContain('E031');
  });

  it('leaves any other error alone', () => {
    const text = small.replace('expect: walked-out', 'expect: not-yet').replace('next: middle', 'next: midle');
    const plain = checkScenario(text);
    expect(keepScenarioWhenOnlyTestsFail(text, plain)).toBe(plain);
  });

  it('leaves a clean result alone', () => {
    const plain = checkScenario(small);
    expect(keepScenarioWhenOnlyTestsFail(small, plain)).toBe(plain);
  });
});
