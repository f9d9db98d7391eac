// How a scenario runs (DESIGN.md "How a scenario runs", "Modes"), through the interaction
// machine, driven as a trainee would: choose, read feedback, continue, try again, pause.
import { describe, expect, it, vi } from 'vitest';
import { standingTurns } from '../../src/core/engine/turn.ts';
import { checkScenario } from '../../src/core/scenario/check.ts';
import { readFileSync } from 'node:fs';
import { METERS, SMALL, loadScenario, play, playOn, playThrough } from './driver.ts';

const small = loadScenario(SMALL);
const meters = loadScenario(METERS);

describe('every ending can be reached', () => {
  const routes: [string, (string | number)[]][] = [
    ['one-session', ['reflect', 1]],
    ['not-yet', ['reflect', 2]],
    ['walked-out', ['push']],
  ];

  it('the routes cover every ending of small.yaml', () => {
    expect(routes.map(([e]) => e).sort()).toEqual(Object.keys(small.endings).sort());
  });

  describe.each(['practice', 'assessment'] as const)('in %s mode', (mode) => {
    it.each(routes)('%s via %j', (ending, choices) => {
      const p = playThrough(small, choices, { mode });
      expect(p.ended).toBe(true);
      expect(p.at).toBe(ending);
      expect(p.snapshot.context.turns.at(-1)!.next).toBe(ending);
      expect(p.snapshot.context.turns).toHaveLength(choices.length);
    });
  });

  it('positions and ids name the same responses', () => {
    expect(playThrough(small, [1, 1]).at).toBe('one-session');
    expect(playThrough(small, [2]).at).toBe('walked-out');
  });
});

describe('meters', () => {
  it('start at their start values', () => {
    expect(play(small, []).snapshot.context.meters).toEqual({ rapport: 2, discord: 1 });
    expect(play(meters, []).snapshot.context.meters).toEqual({ rapport: 2, mood: 0 });
  });

  it('effects are added', () => {
    expect(playThrough(small, ['reflect']).snapshot.context.meters).toEqual({ rapport: 3, discord: 1 });
  });

  it('are clamped at the max', () => {
    // rapport 2 (max 3) + 5, mood 0 (max 2) + 1 twice.
    const p = playThrough(meters, ['warm', 'warm']);
    expect(p.snapshot.context.meters).toEqual({ rapport: 3, mood: 2 });
    expect(p.snapshot.context.turns[0]!.metersAfter).toEqual({ rapport: 3, mood: 1 });
  });

  it('are clamped at the min, including a negative min', () => {
    // rapport 2 (min 0) - 10, mood 0 (min -2) - 5.
    const p = playThrough(meters, ['cold']);
    expect(p.snapshot.context.meters).toEqual({ rapport: 0, mood: -2 });
    // A clamped meter moves again at once: one step up from the floor, not from -8.
    expect(playOn(p.actor, ['warm']).snapshot.context.meters).toEqual({ rapport: 3, mood: -1 });
  });
});

describe('conditions see the meters', () => {
  it('next branches see the meters after the effects', () => {
    // push: discord 1 → 2, and `when: discord >= 2` sends the client away.
    expect(playThrough(small, ['push']).at).toBe('walked-out');
    // nudge: mood 0 → 1, and `when: mood >= 1` goes to ready (before the effects it would be 'later').
    expect(playThrough(meters, ['nudge']).at).toBe('ready');
    expect(playThrough(meters, ['decide']).at).toBe('later');
  });

  it('branches are tried in order, the first that holds wins', () => {
    // rapport 3 and mood 0: the first branch; mood -2: the second; otherwise the last.
    expect(playThrough(meters, ['warm', 'decide']).at).toBe('ready');
    expect(playThrough(meters, ['cold', 'decide']).at).toBe('gone');
  });

  it('client line variants are chosen on arrival, after the effects of the response that led there', () => {
    expect(play(meters, []).snapshot.context.line).toEqual({ say: "I'm here, I suppose.", talk: 'neutral' });
    expect(playThrough(meters, ['warm']).snapshot.context.line).toEqual({ say: 'You really listen.', talk: 'change' });
    expect(playThrough(meters, ['cold']).snapshot.context.line).toEqual({ say: "It's been a bad week.", talk: 'sustain', cue: 'looks at the floor' });
  });

  it('the first variant whose condition holds is shown (rapport wins over mood)', () => {
    // cold then warm: rapport 3, mood -1. Both of the first two variants hold; the first is shown.
    expect(playThrough(meters, ['cold', 'warm']).snapshot.context.line.say).toBe('You really listen.');
  });
});

describe('practice mode', () => {
  it('shows the feedback first, and moves on at CONTINUE', () => {
    const p = play(small, ['reflect']);
    expect(p.state).toBe('feedback');
    expect(p.at).toBe('opening');
    expect(p.snapshot.context.pending).toBe('middle');
    expect(p.snapshot.context.turns.at(-1)!.chosen.feedback).toBe('A simple reflection.');
    const next = playOn(p.actor, ['CONTINUE']);
    expect(next.state).toBe('awaitingChoice');
    expect(next.at).toBe('middle');
    expect(next.snapshot.context.line).toEqual({ say: 'Part of me wants to sleep again.', talk: 'change' });
  });

  it('shows the feedback of the last response before the ending', () => {
    const p = play(small, ['push']);
    expect(p.state).toBe('feedback');
    expect(p.ended).toBe(false);
    const end = playOn(p.actor, ['CONTINUE']);
    expect(end.ended).toBe(true);
    expect(end.at).toBe('walked-out');
  });

  it('ignores a response the node does not have', () => {
    for (const bad of ['nope', 0, 3, 'Reflect']) {
      const p = play(small, [bad]);
      expect(p.state, String(bad)).toBe('awaitingChoice');
      expect(p.snapshot.context.turns).toEqual([]);
      expect(p.snapshot.context.steps).toEqual([]);
    }
  });

  it('ignores CONTINUE and CHOOSE when they do not apply', () => {
    expect(play(small, ['CONTINUE']).state).toBe('awaitingChoice');
    const p = play(small, ['reflect']);
    p.actor.send({ type: 'CHOOSE', response: 'push' });
    expect(p.actor.getSnapshot().context.turns).toHaveLength(1);
  });
});

describe('RETRY (practice mode)', () => {
  const afterRetry = () => play(small, ['push', 'RETRY']);

  it('goes back to the same node, waiting for a choice', () => {
    const p = afterRetry();
    expect(p.state).toBe('awaitingChoice');
    expect(p.at).toBe('opening');
    expect(p.snapshot.context.pending).toBeNull();
  });

  it('reverses the effects', () => {
    expect(afterRetry().snapshot.context.meters).toEqual({ rapport: 2, discord: 1 });
  });

  it('reverses clamped effects exactly: back to the value before, not the value minus the effect', () => {
    // rapport 2 + 5 is clamped to 3; undoing must give 2, not 3 - 5.
    const p = play(meters, ['warm', 'RETRY']);
    expect(p.snapshot.context.meters).toEqual({ rapport: 2, mood: 0 });
  });

  it('keeps the turn in the log, marked retracted, and records a retry step', () => {
    const p = playOn(afterRetry().actor, ['reflect']);
    const { turns, steps } = p.snapshot.context;
    expect(turns.map((t) => [t.index, t.chosen.id, t.retracted])).toEqual([
      [0, 'push', true],
      [1, 'reflect', false],
    ]);
    expect(steps).toEqual([
      { node: 'opening', choose: 'push' },
      { node: 'opening', retry: true },
      { node: 'opening', choose: 'reflect' },
    ]);
    expect(standingTurns(turns).map((t) => t.chosen.id)).toEqual(['reflect']);
  });

  it('a retracted choice that would have ended the talk does not end it', () => {
    const p = playThrough(small, ['push', 'RETRY', 'reflect', 1]);
    expect(p.at).toBe('one-session');
    expect(p.snapshot.context.turns.map((t) => t.next)).toEqual(['walked-out', 'middle', 'one-session']);
  });

  it('applies to the feedback on screen only: RETRY while waiting for a choice does nothing', () => {
    const p = play(small, ['reflect', 'CONTINUE', 'RETRY']);
    expect(p.at).toBe('middle');
    expect(p.snapshot.context.turns.map((t) => t.retracted)).toEqual([false]);
    // The choice and the move on from its feedback; the stray RETRY recorded nothing.
    expect(p.snapshot.context.steps).toHaveLength(2);
    // A second RETRY after a retry has nothing to undo.
    const twice = play(small, ['push', 'RETRY', 'RETRY']);
    expect(twice.snapshot.context.steps).toHaveLength(2);
  });
});

describe('assessment mode', () => {
  it('goes straight on after a choice, with no feedback state', () => {
    const p = play(small, ['reflect'], { mode: 'assessment' });
    expect(p.state).toBe('awaitingChoice');
    expect(p.at).toBe('middle');
  });

  it('ends as soon as a response leads to an ending', () => {
    const p = play(small, ['push'], { mode: 'assessment' });
    expect(p.ended).toBe(true);
    expect(p.at).toBe('walked-out');
  });

  it('RETRY does nothing', () => {
    const p = play(small, ['reflect', 'RETRY'], { mode: 'assessment' });
    expect(p.at).toBe('middle');
    expect(p.snapshot.context.meters).toEqual({ rapport: 3, discord: 1 });
    expect(p.snapshot.context.turns.map((t) => t.retracted)).toEqual([false]);
    expect(p.snapshot.context.steps).toEqual([{ node: 'opening', choose: 'reflect' }]);
  });
});

describe('PAUSE and RESUME', () => {
  it('resume where the trainee was waiting for a choice', () => {
    const paused = play(small, ['reflect', 'CONTINUE', 'PAUSE']);
    expect(paused.state).toBe('paused');
    const resumed = playOn(paused.actor, ['RESUME']);
    expect(resumed.state).toBe('awaitingChoice');
    expect(resumed.at).toBe('middle');
  });

  it('resume on the feedback that was showing, which still leads on', () => {
    const paused = play(small, ['reflect', 'PAUSE']);
    expect(paused.state).toBe('paused');
    const resumed = playOn(paused.actor, ['RESUME']);
    expect(resumed.state).toBe('feedback');
    expect(resumed.snapshot.context.pending).toBe('middle');
    expect(playOn(resumed.actor, ['CONTINUE']).at).toBe('middle');
  });

  it('while paused, choices and buttons are ignored', () => {
    const p = play(small, ['PAUSE', 'push', 'CONTINUE', 'RETRY']);
    expect(p.state).toBe('paused');
    expect(p.snapshot.context.turns).toEqual([]);
    expect(playOn(p.actor, ['RESUME']).state).toBe('awaitingChoice');
  });

  it('keep the meters and the log', () => {
    const before = play(small, ['reflect', 'CONTINUE']).snapshot.context;
    const after = play(small, ['reflect', 'CONTINUE', 'PAUSE', 'RESUME']).snapshot.context;
    expect(after.meters).toEqual(before.meters);
    expect(after.turns).toEqual(before.turns);
  });

  it('an ended conversation stays ended', () => {
    const p = playThrough(small, ['push'], { mode: 'practice' });
    // XState warns about events sent to a finished actor; that is the expected case here.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(playOn(p.actor, ['PAUSE']).ended).toBe(true);
    } finally {
      warn.mockRestore();
    }
  });

  it('work in assessment mode too', () => {
    const p = play(small, ['reflect', 'PAUSE', 'RESUME', 2], { mode: 'assessment' });
    expect(p.at).toBe('not-yet');
  });
});

describe('the Turn log', () => {
  it('records everything a report needs about a turn', () => {
    const [turn] = play(small, ['push']).snapshot.context.turns;
    expect(turn).toEqual({
      index: 0,
      scenarioId: 'small-test',
      scenarioHash: small.hash,
      nodeId: 'opening',
      client: { say: "My doctor sent me. I'm not sure why.", talk: 'sustain', cue: 'arms folded' },
      offered: [
        { id: 'reflect', index: 0, say: "Coming here was someone else's idea.", codes: ['simple_reflection'], category: 'consistent' },
        { id: 'push', index: 1, say: 'You should really do this therapy.', codes: ['persuade'], category: 'inconsistent' },
      ],
      chosen: { id: 'push', index: 1, say: 'You should really do this therapy.', codes: ['persuade'], category: 'inconsistent', feedback: 'The righting reflex.' },
      metersBefore: { rapport: 2, discord: 1 },
      metersAfter: { rapport: 1, discord: 2 },
      reply: { say: 'Everyone says that.', talk: 'discord' },
      next: 'walked-out',
      retracted: false,
    });
  });

  it('names responses without an id by position, and gives several codes one category', () => {
    const turn = play(small, ['reflect', 1]).snapshot.context.turns[1]!;
    expect(turn.nodeId).toBe('middle');
    expect(turn.offered.map((o) => [o.id, o.codes, o.category])).toEqual([
      ['1', ['complex_reflection', 'open_question'], 'consistent'],
      ['2', ['not_coded'], 'neutral'],
    ]);
    expect(turn.chosen).toMatchObject({ id: '1', codes: ['complex_reflection', 'open_question'], category: 'consistent' });
    expect(turn).not.toHaveProperty('reply');
  });

  it('records the client line as it was shown, chosen by the meters', () => {
    const turns = playThrough(meters, ['cold', 'warm', 'decide']).snapshot.context.turns;
    expect(turns.map((t) => t.client.say)).toEqual(["I'm here, I suppose.", "It's been a bad week.", 'You really listen.']);
    expect(turns[1]!.client).toEqual({ say: "It's been a bad week.", talk: 'sustain', cue: 'looks at the floor' });
    expect(turns[1]!.client).not.toHaveProperty('when');
  });

  it('keeps the meters before and after each turn, chained', () => {
    const turns = playThrough(meters, ['cold', 'warm', 'decide']).snapshot.context.turns;
    expect(turns.map((t) => [t.metersBefore, t.metersAfter])).toEqual([
      [{ rapport: 2, mood: 0 }, { rapport: 0, mood: -2 }],
      [{ rapport: 0, mood: -2 }, { rapport: 3, mood: -1 }],
      [{ rapport: 3, mood: -1 }, { rapport: 3, mood: -1 }],
    ]);
    expect(turns.at(-1)!.next).toBe('later');
  });

  it('records the sub-type of a response when the author gives one', () => {
    const text = readFileSync(SMALL, 'utf8').replace('        code: persuade\n', '        code: persuade\n        subtype: warning\n');
    const s = checkScenario(text).scenario!;
    expect(play(s, ['push']).snapshot.context.turns[0]!.chosen.subtype).toBe('warning');
  });

  it('is the same in assessment mode', () => {
    const practice = playThrough(small, ['reflect', 1]).snapshot.context.turns;
    const assessment = play(small, ['reflect', 1], { mode: 'assessment' }).snapshot.context.turns;
    expect(assessment).toEqual(practice);
  });
});
