// Typed turns in the engine: recorded with the coder's code, counted in the report, saved with
// their text and verdict, and replayed from what was saved, never by running the coder again.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/coding/report.ts';
import { replaySession, saveSession, startSession } from '../../src/core/engine/session.ts';
import { parseSavedSession } from '../../src/core/engine/savedSession.ts';
import { chooseResponse } from '../../src/core/freeText/branch.ts';
import type { CodeUtterance, TypedAnswer } from '../../src/core/freeText/types.ts';
import type { ScenarioNode } from '../../src/core/scenario/types.ts';
import { loadScenario, SMALL } from './driver.ts';

const small = loadScenario(SMALL);

// A test double of the coder: the real one lives in coder.ts and is tested on its own.
const fakeCoder: CodeUtterance = (text) => {
  if (/should/i.test(text)) return { code: 'persuade', confidence: 0.9, cues: ['tells the client what to do without asking: persuade'] };
  if (/\?$/.test(text)) return { code: 'open_question', confidence: 0.8, cues: ['a question'] };
  if (/^you/i.test(text)) return { code: 'simple_reflection', confidence: 0.7, cues: ["a statement about the client's words"] };
  return { code: 'unclear', confidence: 0.2, cues: [] };
};

function typeAt(actor: ReturnType<typeof startSession>, text: string) {
  const snap = actor.getSnapshot();
  const node = small.nodes[snap.context.at] as ScenarioNode;
  const coded = fakeCoder(text);
  const decision = chooseResponse(node, coded);
  if (decision.kind !== 'branch' || coded.code === 'unclear') throw new Error('unclear');
  const typed: TypedAnswer = { text, code: coded.code, confidence: coded.confidence, cues: coded.cues, rule: decision.rule };
  actor.send({ type: 'CHOOSE', response: decision.response.id, typed });
}

describe('a typed turn', () => {
  it('is recorded as what the trainee said, with the coder code, and plays the authored response', () => {
    const actor = startSession(small, 'practice');
    typeAt(actor, 'You should just start the therapy next week.');
    const turn = actor.getSnapshot().context.turns[0]!;
    expect(turn.chosen.say).toBe('You should just start the therapy next week.');
    expect(turn.chosen.codes).toEqual(['persuade']);
    expect(turn.chosen.category).toBe('inconsistent');
    expect(turn.chosen.id).toBe('push');
    expect(turn.reply?.talk).toBe('discord');
    expect(turn.typed).toMatchObject({ rule: 'same_code', played: { say: 'You should really do this therapy.', codes: ['persuade'] } });
    expect(actor.getSnapshot().context.meters).toEqual({ rapport: 1, discord: 2 });
  });

  it('counts in the report with the code the coder gave, not the authored one', () => {
    const actor = startSession(small, 'practice');
    typeAt(actor, 'You were sent here by your doctor.');
    actor.send({ type: 'CONTINUE' });
    typeAt(actor, 'What would sleeping again mean to you?');
    actor.send({ type: 'CONTINUE' });
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    const report = buildReport(small, snap.context.turns, snap.context.at);
    expect(report.codeCounts.simple_reflection).toBe(1);
    expect(report.codeCounts.open_question).toBe(1);
    // The authored response at 'middle' is [complex_reflection, open_question]: not counted.
    expect(report.codeCounts.complex_reflection).toBe(0);
    expect(report.typed).toBe(2);
    expect(report.typedDisputed).toBe(0);
  });

  it('takes "not what I meant" in the feedback, and only for a typed turn', () => {
    const actor = startSession(small, 'practice');
    typeAt(actor, 'You should just start the therapy next week.');
    actor.send({ type: 'INTEND', code: 'giving_information' });
    const ctx = actor.getSnapshot().context;
    expect(ctx.turns[0]!.typed?.intended).toBe('giving_information');
    expect(ctx.steps.at(-1)).toEqual({ node: 'opening', intended: 'giving_information' });

    const picked = startSession(small, 'practice');
    picked.send({ type: 'CHOOSE', response: 'reflect' });
    picked.send({ type: 'INTEND', code: 'persuade' });
    expect(picked.getSnapshot().context.steps).toHaveLength(1);
  });
});

describe('saving and replaying typed turns', () => {
  it('replays the saved code and response without the coder, including the intended code', () => {
    const actor = startSession(small, 'practice');
    typeAt(actor, 'You were sent here by your doctor.');
    actor.send({ type: 'INTEND', code: 'complex_reflection' });
    actor.send({ type: 'CONTINUE' });
    typeAt(actor, 'What would sleeping again mean to you?');
    const saved = parseSavedSession(JSON.parse(JSON.stringify(saveSession(actor.getSnapshot(), '2026-01-01T00:00:00Z'))));
    expect(saved).not.toBeNull();
    expect(saved!.steps[0]).toMatchObject({ node: 'opening', choose: 'reflect', typed: { text: 'You were sent here by your doctor.', code: 'simple_reflection', rule: 'same_code' } });

    const replay = replaySession(small, saved!);
    expect(replay.stoppedAt).toBeUndefined();
    const turns = replay.actor.getSnapshot().context.turns;
    expect(turns.map((t) => t.chosen.say)).toEqual(['You were sent here by your doctor.', 'What would sleeping again mean to you?']);
    expect(turns[0]!.typed?.intended).toBe('complex_reflection');
    expect(replay.actor.getSnapshot().matches({ active: 'feedback' })).toBe(true);
  });

  it('keeps a saved code even if the coder would now say something else', () => {
    const actor = startSession(small, 'practice');
    actor.send({ type: 'CHOOSE', response: 'reflect', typed: { text: 'Hmm.', code: 'affirmation', confidence: 0.4, cues: [], rule: 'same_category' } });
    const replay = replaySession(small, saveSession(actor.getSnapshot(), 'x'));
    expect(replay.actor.getSnapshot().context.turns[0]!.chosen.codes).toEqual(['affirmation']);
  });

  it('refuses damaged typed steps rather than half-reading them', () => {
    const base = { version: 1, scenarioId: 'small-test', scenarioHash: 'h', mode: 'practice', startedAt: 'x' };
    const step = (typed: unknown) => ({ ...base, steps: [{ node: 'opening', choose: 'reflect', typed }] });
    expect(parseSavedSession(step({ text: 'x', code: 'unclear', confidence: 1, cues: [], rule: 'same_code' }))).toBeNull();
    expect(parseSavedSession(step({ text: 'x', code: 'persuade', confidence: 1, cues: [], rule: 'guess' }))).toBeNull();
    expect(parseSavedSession(step('text'))).toBeNull();
    const long = parseSavedSession(step({ text: 'y'.repeat(5000), code: 'persuade', confidence: 7, cues: ['a', 3], rule: 'default' }));
    expect(long?.steps[0]).toMatchObject({ typed: { confidence: 1, cues: ['a'] } });
    expect(parseSavedSession({ ...base, steps: [{ node: 'opening', intended: 'not_a_code' }] })).toBeNull();
  });
});
