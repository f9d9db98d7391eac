// Saving a session as its choices and resuming it by replay, also after the scenario changed
// (DESIGN.md "Engine"): the trainee gets back where they were, or is told where the new version
// differs; nothing throws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSavedSession, replaySession, saveSession, SAVED_SESSION_VERSION, type SavedSession } from '../../src/core/engine/session.ts';
import { SMALL, describeState, loadScenario, play, scenarioFrom, type Action } from './driver.ts';
import type { Mode } from '../../src/core/engine/interactionMachine.ts';

const smallText = readFileSync(SMALL, 'utf8');
const small = loadScenario(SMALL);
const STARTED = '2026-01-05T10:00:00.000Z';
const NOW = new Date('2026-01-05T10:20:00.000Z');

function saved(actions: Action[], mode: Mode = 'practice'): SavedSession {
  return saveSession(play(small, actions, { mode }).snapshot, STARTED, NOW);
}

/** What the trainee sees and what the reports read: state, place, meters, line, log, steps. */
function visible(snapshot: ReturnType<typeof play>['snapshot']) {
  const { at, meters, line, turns, steps, pending } = snapshot.context;
  return { state: describeState(snapshot), at, meters, line, turns, steps, pending };
}

describe('saveSession', () => {
  it('records the scenario, the mode and the steps, nothing more', () => {
    const s = saved(['push', 'RETRY', 'reflect']);
    expect(s).toEqual({
      version: SAVED_SESSION_VERSION,
      scenarioId: 'small-test',
      scenarioHash: small.hash,
      mode: 'practice',
      steps: [
        { node: 'opening', choose: 'push' },
        { node: 'opening', retry: true },
        { node: 'opening', choose: 'reflect' },
      ],
      startedAt: STARTED,
      savedAt: NOW.toISOString(),
    });
  });

  it('survives JSON and parseSavedSession unchanged', () => {
    const s = saved(['reflect', 1]);
    expect(parseSavedSession(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});

describe('replaySession on the same scenario', () => {
  const cases: [string, Action[], Mode][] = [
    ['nothing chosen yet', [], 'practice'],
    ['feedback showing', ['reflect'], 'practice'],
    ['after a retry', ['push', 'RETRY'], 'practice'],
    ['a retry, then a choice at the next node', ['push', 'RETRY', 'reflect', 'CONTINUE', 1], 'practice'],
    ['assessment, mid-way', ['reflect'], 'assessment'],
    ['assessment, ended', ['reflect', 2], 'assessment'],
  ];

  it.each(cases)('%s: the same state as before saving', (_name, actions, mode) => {
    const original = play(small, actions, { mode });
    const s = saveSession(original.snapshot, STARTED, NOW);
    const r = replaySession(small, parseSavedSession(JSON.parse(JSON.stringify(s)))!);
    expect(r.stoppedAt).toBeUndefined();
    expect(r.scenarioChanged).toBe(false);
    expect(r.replayed).toBe(s.steps.length);
    expect(r.total).toBe(s.steps.length);
    const replayed = r.actor.getSnapshot();
    expect(visible(replayed)).toEqual(visible(original.snapshot));
  });

  // Moving on from feedback is a saved step: a reload after it resumes at the next node.
  it.each<[string, Action[]]>([
    ['practice, waiting at the second node', ['reflect', 'CONTINUE']],
    ['practice, ended', ['reflect', 'CONTINUE', 1, 'CONTINUE']],
  ])('%s: the same state as before saving', (_name, actions) => {
    const original = play(small, actions);
    const r = replaySession(small, saveSession(original.snapshot, STARTED, NOW));
    expect(visible(r.actor.getSnapshot())).toEqual(visible(original.snapshot));
  });

  it('the replayed session goes on like the original', () => {
    const r = replaySession(small, saved(['reflect']));
    r.actor.send({ type: 'CONTINUE' });
    r.actor.send({ type: 'CHOOSE', response: 1 });
    r.actor.send({ type: 'CONTINUE' });
    expect(r.actor.getSnapshot().status).toBe('done');
    expect(r.actor.getSnapshot().context.at).toBe('one-session');
  });
});

describe('replaySession after the scenario changed', () => {
  it('notices any change through the hash, even one that leaves the replay possible', () => {
    const edited = scenarioFrom(smallText.replace('feedback: A simple reflection.', 'feedback: A simple reflection, well placed.'));
    const r = replaySession(edited, saved(['reflect', 'CONTINUE', 1]));
    expect(r.scenarioChanged).toBe(true);
    expect(r.stoppedAt).toBeUndefined();
    expect(r.replayed).toBe(3);
  });

  it('a response removed: stops at that step, at the node, and says which response', () => {
    const withoutPush = smallText.replace(/ {6}- id: push\n[\s\S]*? {10}- go: middle\n/, '');
    expect(withoutPush).not.toContain('id: push');
    // The scenario's own tests name 'push'; an edited scenario is replayed whatever they say.
    const edited = scenarioFrom(withoutPush, { runTests: false });
    const r = replaySession(edited, saved(['push', 'RETRY', 'reflect']));
    expect(r.scenarioChanged).toBe(true);
    expect(r.replayed).toBe(0);
    expect(r.total).toBe(3);
    expect(r.stoppedAt).toEqual({ step: 0, reason: "turn 1 chose response 'push', which 'opening' no longer has" });
    // The trainee can start afresh from where the replay stopped.
    const snap = r.actor.getSnapshot();
    expect(describeState(snap)).toBe('awaitingChoice');
    expect(snap.context.at).toBe('opening');
    expect(snap.context.turns).toEqual([]);
  });

  it('a node renamed: stops at the first step taken at it, having replayed the steps before', () => {
    const edited = scenarioFrom(smallText.replaceAll('middle', 'centre'));
    const r = replaySession(edited, saved(['reflect', 'CONTINUE', 1]));
    // Steps: the choice, moving on from its feedback, then the choice at the renamed node.
    expect(r.replayed).toBe(2);
    expect(r.stoppedAt).toEqual({ step: 2, reason: "turn 3 was at 'middle', but the conversation is now at 'centre'" });
    expect(r.actor.getSnapshot().context.turns.map((t) => t.chosen.id)).toEqual(['reflect']);
  });

  it('a branch that now ends the talk earlier: stops with "already ended"', () => {
    // Reflecting now leads straight to an ending.
    const edited = scenarioFrom(smallText.replace('        effects: { rapport: +1 }\n        next: middle', '        effects: { rapport: +1 }\n        next: not-yet'), { runTests: false });
    const r = replaySession(edited, saved(['reflect', 'CONTINUE', 1], 'assessment'));
    expect(r.replayed).toBe(1);
    expect(r.stoppedAt).toEqual({ step: 1, reason: 'the conversation had already ended' });
  });

  it('a retry step that can no longer be taken (saved in practice, replayed in assessment)', () => {
    const s = saved(['push', 'RETRY', 'reflect']);
    const r = replaySession(small, { ...s, mode: 'assessment' });
    expect(r.replayed).toBe(1);
    expect(r.stoppedAt?.step).toBe(1);
    expect(r.stoppedAt?.reason).toBe('the conversation had already ended');
  });

  it('a retry step with nothing to retry stops the replay', () => {
    const r = replaySession(small, { mode: 'practice', scenarioHash: small.hash, steps: [{ node: 'opening', retry: true }, { node: 'opening', choose: 'reflect' }] });
    expect(r.stoppedAt).toEqual({ step: 0, reason: 'turn 1 could not be retried' });
  });

  it('steps that name nodes or responses that never existed stop the replay, never throw', () => {
    const steps: SavedSession['steps'][] = [
      [{ node: 'nowhere', choose: 'x' }],
      [{ node: 'opening', choose: '99' }],
      [{ node: 'opening', retry: true }],
      [{ node: 'opening', choose: 'constructor' }],
      [{ node: '__proto__', choose: 'reflect' }],
    ];
    for (const s of steps) {
      const r = replaySession(small, { mode: 'practice', scenarioHash: small.hash, steps: s });
      expect(r.replayed, JSON.stringify(s)).toBe(0);
      expect(r.stoppedAt?.step).toBe(0);
      expect(r.stoppedAt?.reason.length).toBeGreaterThan(0);
    }
  });
});

describe('parseSavedSession', () => {
  const good = saved(['push', 'RETRY', 'reflect']);
  const without = (key: keyof SavedSession) => {
    const copy: Record<string, unknown> = { ...good };
    delete copy[key];
    return copy;
  };

  it('accepts a saved session, and fills a missing savedAt with startedAt', () => {
    expect(parseSavedSession(good)).toEqual(good);
    expect(parseSavedSession(without('savedAt'))).toEqual({ ...good, savedAt: STARTED });
  });

  it('keeps only the known fields', () => {
    const parsed = parseSavedSession(JSON.parse(`{"__proto__": {"polluted": true}, "extra": 1, ${JSON.stringify(good).slice(1)}`));
    expect(parsed).toEqual(good);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', JSON.stringify(good)],
    ['an array', [good]],
    ['an empty object', {}],
    ['version 2', { ...good, version: 2 }],
    ['version as text', { ...good, version: '1' }],
    ['no version', without('version')],
    ['no scenarioId', without('scenarioId')],
    ['scenarioId a number', { ...good, scenarioId: 7 }],
    ['no scenarioHash', without('scenarioHash')],
    ['an unknown mode', { ...good, mode: 'exam' }],
    ['no mode', without('mode')],
    ['no steps', without('steps')],
    ['steps an object', { ...good, steps: { 0: good.steps[0] } }],
    ['no startedAt', without('startedAt')],
    ['startedAt a date number', { ...good, startedAt: 1767607200000 }],
    ['a step that is null', { ...good, steps: [null] }],
    ['a step that is text', { ...good, steps: ['reflect'] }],
    ['a step without node', { ...good, steps: [{ choose: 'reflect' }] }],
    ['a step with a numeric node', { ...good, steps: [{ node: 1, choose: 'reflect' }] }],
    ['a step choosing a number', { ...good, steps: [{ node: 'opening', choose: 1 }] }],
    ['a step with retry "yes"', { ...good, steps: [{ node: 'opening', retry: 'yes' }] }],
    ['a step with neither choose nor retry', { ...good, steps: [{ node: 'opening' }] }],
    ['one bad step among good ones', { ...good, steps: [...good.steps, { node: 'opening', retry: false }] }],
  ])('rejects %s', (_name, data) => {
    expect(parseSavedSession(data)).toBeNull();
  });
});
