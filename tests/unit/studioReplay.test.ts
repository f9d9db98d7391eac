import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayOnEdit, scenarioFrom } from '../../src/core/engine/replayOnEdit.ts';
import { checkScenario } from '../../src/core/scenario/check.ts';
import type { Scenario } from '../../src/core/scenario/types.ts';

const SMALL = readFileSync('tests/fixtures/scenarios/small.yaml', 'utf8');

function scenario(text: string): Scenario {
  const r = checkScenario(text, { runTests: false });
  if (!r.scenario) throw new Error(JSON.stringify(r.diagnostics));
  return r.scenario;
}

describe('studio preview: replay on edit', () => {
  it('replays every step on an unchanged or lightly edited version', () => {
    const run = { steps: [{ node: 'opening', choose: 'reflect' }, { node: 'opening', continue: true as const }] };
    const r = replayOnEdit(scenario(SMALL.replace('A simple reflection.', 'A reflection.')), run);
    expect(r.message).toBeUndefined();
    expect(r.turns).toBe(1);
    expect(r.actor.getSnapshot().context.at).toBe('middle');
  });

  it('says which response the edit removed and after which turn it stopped', () => {
    const edited = SMALL.replace('id: push', 'id: pushy').replace('choose: [push]', 'choose: [pushy]');
    const run = {
      steps: [
        { node: 'opening', choose: 'reflect' },
        { node: 'opening', retry: true as const },
        { node: 'opening', choose: 'push' },
        { node: 'opening', continue: true as const },
      ],
    };
    const r = replayOnEdit(scenario(edited), run);
    expect(r.message).toBe("Your edit removed response 'push' at node 'opening'; the preview stopped before the first turn.");
  });

  it('says where the conversation goes now when a response leads elsewhere', () => {
    const edited = SMALL.replace('next: middle\n      - id: push', 'next: not-yet\n      - id: push').replace('choose: [reflect, 1]', 'choose: [reflect]').replace('expect: one-session\n  - choose: [push]', 'expect: not-yet\n  - choose: [push]');
    const run = { steps: [{ node: 'opening', choose: 'reflect' }, { node: 'opening', continue: true as const }, { node: 'middle', choose: '1' }] };
    const r = replayOnEdit(scenario(edited), run);
    expect(r.message).toMatch(/ends at 'not-yet' sooner; the preview stopped after turn 1/);
  });

  it('starts from a chosen node with chosen meters, clamped to their ranges', () => {
    const s = scenario(SMALL);
    const from = scenarioFrom(s, { node: 'middle', meters: { rapport: 9, discord: 3 } });
    expect(from.ok).toBe(true);
    if (!from.ok) return;
    expect(from.scenario.start).toBe('middle');
    expect(from.scenario.meters.find((m) => m.id === 'rapport')!.start).toBe(5);
    const r = replayOnEdit(s, { from: { node: 'middle', meters: { rapport: 3 } }, steps: [{ node: 'middle', choose: '1' }] });
    expect(r.message).toBeUndefined();
    // rapport 3 + 1 reaches 4: the branch to 'one-session' is taken.
    expect(r.actor.getSnapshot().context.turns[0]!.next).toBe('one-session');
  });

  it('goes back to the start when the node it started from was removed', () => {
    const r = replayOnEdit(scenario(SMALL), { from: { node: 'gone', meters: {} }, steps: [] });
    expect(r.restarted).toBe(true);
    expect(r.message).toMatch(/removed node 'gone'/);
    expect(r.actor.getSnapshot().context.at).toBe('opening');
  });
});
