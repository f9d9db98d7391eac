import { describe, expect, it } from 'vitest';
import { codeSetLabel, cohensKappa } from '../../src/core/coding/agreement.ts';

describe("Cohen's kappa for the blind review", () => {
  it('is 1 for perfect agreement and reports the raw agreement', () => {
    expect(cohensKappa(['a', 'b', 'a'], ['a', 'b', 'a'])).toEqual({ agreement: 1, kappa: 1, n: 3 });
  });

  it('matches a worked example: 20 items, 70% agreement, chance 50% gives kappa 0.4', () => {
    // Rater A: 10 yes, 10 no; rater B the same marginals; 7 yes/yes, 7 no/no.
    const a = [...Array(10).fill('yes'), ...Array(10).fill('no')];
    const b = [...Array(7).fill('yes'), ...Array(3).fill('no'), ...Array(3).fill('yes'), ...Array(7).fill('no')];
    const r = cohensKappa(a, b);
    expect(r.agreement).toBeCloseTo(0.7);
    expect(r.kappa).toBeCloseTo(0.4);
  });

  it('treats a response with two codes as one label, in any order', () => {
    expect(codeSetLabel(['open_question', 'complex_reflection'])).toBe(codeSetLabel(['complex_reflection', 'open_question']));
  });
});
