import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/core/scenario/check.ts';

// Property-based: whatever text arrives, the checker returns diagnostics and never throws.
// The hang guard is vitest's generous test timeout, not a timing assertion.
const small = readFileSync('tests/fixtures/scenarios/small.yaml', 'utf8');
const lines = small.split('\n');

function expectDiagnosticsShape(text: string) {
  const r = checkScenario(text);
  expect(Array.isArray(r.diagnostics)).toBe(true);
  for (const d of r.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(typeof d.message).toBe('string');
  }
  if (r.errors > 0) expect(r.scenario).toBeUndefined();
}

describe('hostile and random input', () => {
  it('random text never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => expectDiagnosticsShape(s)), { numRuns: 300 });
  });

  it('random YAML-ish text never throws', () => {
    const yamlish = fc.array(fc.constantFrom('a:', ' b:', '- ', '[', ']', '{', '}', '"', "'", '&x ', '*x', '!tag ', '---', '\n', '  ', '#', ':', ',', '|', '>', '1', 'null', '__proto__:'), { maxLength: 80 });
    fc.assert(fc.property(yamlish, (parts) => expectDiagnosticsShape(parts.join(''))), { numRuns: 300 });
  });

  it('a valid scenario with lines deleted, duplicated or swapped never throws', () => {
    const mutation = fc.array(
      fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'swap', 'indent', 'garble'), at: fc.nat({ max: lines.length - 1 }), other: fc.nat({ max: lines.length - 1 }) }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(mutation, (ms) => {
        const ls = [...lines];
        for (const m of ms) {
          if (m.at >= ls.length) continue;
          if (m.kind === 'delete') ls.splice(m.at, 1);
          if (m.kind === 'duplicate') ls.splice(m.at, 0, ls[m.at]!);
          if (m.kind === 'swap' && m.other < ls.length) [ls[m.at], ls[m.other]] = [ls[m.other]!, ls[m.at]!];
          if (m.kind === 'indent') ls[m.at] = '   ' + ls[m.at];
          if (m.kind === 'garble') ls[m.at] = ls[m.at]!.split('').reverse().join('');
        }
        expectDiagnosticsShape(ls.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('HTML and script in every text field stay text in the checked scenario', () => {
    const html = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const text = small.replace(/^(\s*(?:- )?)(say|feedback|debrief|title): (.*)$/gm, (_m, lead: string, k: string) => `${lead}${k}: "${html}"`);
    const r = checkScenario(text);
    expect(r.errors).toBe(0);
    expect(r.scenario!.title).toBe(html);
  });

  it('a 20 MB file is refused before parsing', () => {
    const r = checkScenario('a: "' + 'x'.repeat(20 * 1024 * 1024) + '"');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E002']);
  });

  it('10,000-deep nesting is refused with E003', () => {
    const r = checkScenario('a: ' + '['.repeat(10_000) + ']'.repeat(10_000));
    expect(r.diagnostics.map((d) => d.code)).toContain('E003');
  });
});
