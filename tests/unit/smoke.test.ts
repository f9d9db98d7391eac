import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/core/scenario/check.ts';

describe('the small test scenario', () => {
  it('checks clean', () => {
    const r = checkScenario(readFileSync('tests/fixtures/scenarios/small.yaml', 'utf8'));
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.scenario?.id).toBe('small-test');
  });
});
