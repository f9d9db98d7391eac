import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { checkScenario } from '../../src/core/scenario/check.ts';

it("the studio's template checks with no diagnostic at all, tests included", () => {
  const r = checkScenario(readFileSync('src/app/studio/template.yaml', 'utf8'));
  expect(r.diagnostics).toEqual([]);
  expect(r.scenario?.tests.length).toBeGreaterThan(0);
});
