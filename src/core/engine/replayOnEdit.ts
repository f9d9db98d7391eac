// The studio's preview, the Inky way: after every edit the choices made so far are replayed on
// the new version, and where they no longer fit the author is told why, in the file's own terms.
// "Test from here" starts a preview at any node with chosen meter values; it is the same
// scenario with another start, so the engine needs no special case for it.
import type { Meters, Scenario } from '../scenario/types.ts';
import type { SessionStep } from './interactionMachine.ts';
import { placeOf } from './rules.ts';
import { replaySession, startSession, type InteractionActor } from './session.ts';

export interface PreviewStart {
  node: string;
  meters: Meters;
}

/** What the preview remembers across edits: where it started and the steps taken since. */
export interface PreviewRun {
  from?: PreviewStart;
  steps: readonly SessionStep[];
}

export type StartResult = { ok: true; scenario: Scenario } | { ok: false; reason: string };

/** The scenario as it plays from a chosen node and meter values (each clamped to its range). */
export function scenarioFrom(scenario: Scenario, from?: PreviewStart): StartResult {
  if (!from) return { ok: true, scenario };
  if (placeOf(scenario, from.node).kind !== 'node') return { ok: false, reason: `there is no node '${from.node}' any more` };
  const meters = scenario.meters.map((m) => {
    const wanted = from.meters[m.id];
    const start = typeof wanted === 'number' && Number.isFinite(wanted) ? Math.min(m.max, Math.max(m.min, Math.round(wanted))) : m.start;
    return { ...m, start };
  });
  return { ok: true, scenario: { ...scenario, start: from.node, meters } };
}

export interface EditReplay {
  actor: InteractionActor;
  /** The scenario the actor plays (with the chosen start, when testing from a node). */
  scenario: Scenario;
  /** Turns that still stand after the replay. */
  turns: number;
  /** Set when the replay could not follow every step: what the edit changed, for the author. */
  message?: string;
  /** The chosen start no longer exists, so the preview went back to the scenario's start. */
  restarted: boolean;
}

function standingTurns(actor: InteractionActor): number {
  return actor.getSnapshot().context.turns.filter((t) => !t.retracted).length;
}

export function replayOnEdit(scenario: Scenario, run: PreviewRun): EditReplay {
  const start = scenarioFrom(scenario, run.from);
  if (!start.ok) {
    return {
      actor: startSession(scenario, 'practice'),
      scenario,
      turns: 0,
      restarted: true,
      message: `Your edit removed node '${run.from!.node}', where this preview started; it starts again from '${scenario.start}'.`,
    };
  }
  const replay = replaySession(start.scenario, { mode: 'practice', steps: [...run.steps], scenarioHash: start.scenario.hash });
  const turns = standingTurns(replay.actor);
  const base = { actor: replay.actor, scenario: start.scenario, turns, restarted: false };
  if (!replay.stoppedAt) return base;
  return { ...base, message: explainStop(start.scenario, run.steps[replay.stoppedAt.step]!, replay.actor, turns) };
}

function explainStop(scenario: Scenario, step: SessionStep, actor: InteractionActor, turns: number): string {
  const after = turns === 0 ? 'the preview stopped before the first turn' : `the preview stopped after turn ${turns}`;
  const snap = actor.getSnapshot();
  if (snap.status === 'done') return `After your edit the conversation ends at '${snap.context.at}' sooner; ${after}.`;
  if (snap.context.at !== step.node) {
    return `After your edit the conversation goes to '${snap.context.at}' where it went to '${step.node}' before; ${after}.`;
  }
  if ('choose' in step) {
    const place = placeOf(scenario, step.node);
    if (place.kind === 'node' && !place.node.responses.some((r) => r.id === step.choose)) {
      return `Your edit removed response '${step.choose}' at node '${step.node}'; ${after}.`;
    }
  }
  return `Your edit changed node '${step.node}' so that the next step no longer fits; ${after}.`;
}
