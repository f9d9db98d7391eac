// A session is saved as its choices and resumed by replaying them through the machine, never by
// restoring a stale snapshot: an edited scenario must not crash a player or a classroom.
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { Scenario } from '../scenario/types.ts';
import { interactionMachine, type Mode } from './interactionMachine.ts';
import { SAVED_SESSION_VERSION, type SavedSession } from './savedSession.ts';

export { parseSavedSession, SAVED_SESSION_VERSION, type SavedSession } from './savedSession.ts';

export type InteractionActor = Actor<typeof interactionMachine>;
export type InteractionSnapshot = SnapshotFrom<typeof interactionMachine>;

export interface ReplayResult {
  actor: InteractionActor;
  /** Steps replayed before stopping. */
  replayed: number;
  total: number;
  /** Set when the replay could not go on: where, and why, in words for the trainee. */
  stoppedAt?: { step: number; reason: string };
  scenarioChanged: boolean;
}

export function startSession(scenario: Scenario, mode: Mode): InteractionActor {
  return createActor(interactionMachine, { input: { scenario, mode } }).start();
}

export function saveSession(snapshot: InteractionSnapshot, startedAt: string, now = new Date()): SavedSession {
  const ctx = snapshot.context;
  return {
    version: SAVED_SESSION_VERSION,
    scenarioId: ctx.scenario.id,
    scenarioHash: ctx.scenario.hash,
    mode: ctx.mode,
    // A plain array: the context's steps are views of a shared log (appendLog.ts), which
    // IndexedDB and postMessage cannot clone.
    steps: [...ctx.steps],
    startedAt,
    savedAt: now.toISOString(),
  };
}

/**
 * Replays saved steps on a (possibly changed) scenario. Each step must find the machine at the
 * node it was taken at, with the response it named; the first that does not stops the replay.
 */
export function replaySession(scenario: Scenario, saved: Pick<SavedSession, 'mode' | 'steps' | 'scenarioHash'>): ReplayResult {
  const actor = startSession(scenario, saved.mode);
  const total = saved.steps.length;
  const scenarioChanged = saved.scenarioHash !== scenario.hash;
  for (let i = 0; i < total; i++) {
    const step = saved.steps[i]!;
    let snap = actor.getSnapshot();
    if ('choose' in step && snap.matches({ active: 'feedback' })) {
      actor.send({ type: 'CONTINUE' });
      snap = actor.getSnapshot();
    }
    const stop = (reason: string): ReplayResult => ({ actor, replayed: i, total, stoppedAt: { step: i, reason }, scenarioChanged });
    if (snap.status === 'done') return stop('the conversation had already ended');
    if (snap.context.at !== step.node) return stop(`turn ${i + 1} was at '${step.node}', but the conversation is now at '${snap.context.at}'`);
    const before = snap.context.turns.length;
    if ('continue' in step) {
      if (!snap.matches({ active: 'feedback' })) return stop(`turn ${i + 1} moved on from feedback that is not shown`);
      actor.send({ type: 'CONTINUE' });
      continue;
    }
    if ('intended' in step) {
      actor.send({ type: 'INTEND', code: step.intended });
      if (actor.getSnapshot().context.steps.length === snap.context.steps.length) return stop(`turn ${i + 1} named an intended code for a response that was not typed`);
      continue;
    }
    if ('retry' in step) {
      actor.send({ type: 'RETRY' });
      // A retry that took effect recorded its own step; one with nothing to undo changed nothing.
      if (actor.getSnapshot().context.steps.length === snap.context.steps.length) return stop(`turn ${i + 1} could not be retried`);
      continue;
    }
    // A typed turn replays with the code and response saved then: the coder is not run again.
    actor.send(step.typed ? { type: 'CHOOSE', response: step.choose, typed: step.typed } : { type: 'CHOOSE', response: step.choose });
    if (actor.getSnapshot().context.turns.length === before) return stop(`turn ${i + 1} chose response '${step.choose}', which '${step.node}' no longer has`);
  }
  return { actor, replayed: total, total, scenarioChanged };
}
