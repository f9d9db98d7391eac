// Drives the interaction machine the way a trainee does: pick responses by id or 1-based
// position, with the buttons (RETRY, PAUSE, RESUME, CONTINUE) written as words in capitals.
import { readFileSync } from 'node:fs';
import type { Mode } from '../../src/core/engine/interactionMachine.ts';
import { startSession, type InteractionActor, type InteractionSnapshot } from '../../src/core/engine/session.ts';
import { checkScenario } from '../../src/core/scenario/check.ts';
import type { Scenario } from '../../src/core/scenario/types.ts';

/** A checked scenario from YAML text; fails the test on any error. */
export function scenarioFrom(text: string, { runTests = true } = {}): Scenario {
  const r = checkScenario(text, { runTests });
  if (!r.scenario) throw new Error(`scenario has errors:\n${r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`);
  return r.scenario;
}

export function loadScenario(path: string): Scenario {
  return scenarioFrom(readFileSync(path, 'utf8'));
}

export const SMALL = 'tests/fixtures/scenarios/small.yaml';
export const METERS = 'tests/fixtures/scenarios/meters.yaml';

export type Button = 'RETRY' | 'PAUSE' | 'RESUME' | 'CONTINUE';
/** A response id (lower case), a 1-based position, or a button. */
export type Action = string | number;

const BUTTONS = new Set<string>(['RETRY', 'PAUSE', 'RESUME', 'CONTINUE']);

export interface Played {
  actor: InteractionActor;
  snapshot: InteractionSnapshot;
  /** 'awaitingChoice', 'feedback', 'paused' or 'ended'. */
  state: string;
  /** The current node, or the ending once ended. */
  at: string;
  ended: boolean;
}

export function describeState(snapshot: InteractionSnapshot): string {
  if (snapshot.status === 'done') return 'ended';
  const v = snapshot.value;
  if (typeof v === 'string') return v;
  return Object.values(v)[0] as string;
}

export function played(actor: InteractionActor): Played {
  const snapshot = actor.getSnapshot();
  return { actor, snapshot, state: describeState(snapshot), at: snapshot.context.at, ended: snapshot.status === 'done' };
}

/**
 * Plays actions from the start. In practice mode a choice shows its feedback; the driver presses
 * CONTINUE for the trainee before the next choice (not before a button, and not after the last
 * action, so a test can look at the feedback).
 */
export function play(scenario: Scenario, actions: readonly Action[], { mode = 'practice' as Mode } = {}): Played {
  const actor = startSession(scenario, mode);
  return playOn(actor, actions);
}

export function playOn(actor: InteractionActor, actions: readonly Action[]): Played {
  for (const action of actions) {
    if (typeof action === 'string' && BUTTONS.has(action)) {
      actor.send({ type: action as Button });
      continue;
    }
    const snap = actor.getSnapshot();
    if (snap.status === 'active' && snap.matches({ active: 'feedback' })) actor.send({ type: 'CONTINUE' });
    actor.send({ type: 'CHOOSE', response: action });
  }
  return played(actor);
}

/** Plays actions and then presses CONTINUE if feedback is showing: where the trainee ends up. */
export function playThrough(scenario: Scenario, actions: readonly Action[], options: { mode?: Mode } = {}): Played {
  const p = play(scenario, actions, options);
  if (p.state === 'feedback') return playOn(p.actor, ['CONTINUE']);
  return p;
}
