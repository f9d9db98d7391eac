// The scenarios a classroom server can play.
import { describe, expect, it } from 'vitest';
import { loadScenarioLibrary } from '../../src/server/classroom/library.ts';

describe('loadScenarioLibrary', () => {
  it('loads the checked scenarios of a folder by id, warning about broken ones', () => {
    const warnings: string[] = [];
    const lib = loadScenarioLibrary('tests/fixtures/scenarios', (m) => warnings.push(m));
    expect(lib.get('small-test')?.start).toBe('opening');
    for (const [id, s] of lib) expect(s.id).toBe(id);
  });
  it('loads the shipped library', () => {
    const lib = loadScenarioLibrary('scenarios', () => {});
    expect(lib.size).toBeGreaterThan(0);
  });
});
