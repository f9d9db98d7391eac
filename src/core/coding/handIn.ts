// An assessment handed in to an instructor: the choices, not just the claimed figures. The
// Results page replays the choices against the scenario and trusts only what it recomputes.
import { replaySession } from '../engine/session.ts';
import type { SessionStep } from '../engine/interactionMachine.ts';
import type { Scenario } from '../scenario/types.ts';
import { buildReport, type Report } from './report.ts';

export const HANDIN_VERSION = 1;

export interface HandIn {
  format: 'evoke-handin';
  version: typeof HANDIN_VERSION;
  trainee: string;
  scenarioId: string;
  scenarioTitle: string;
  scenarioHash: string;
  mode: 'assessment';
  steps: SessionStep[];
  endingId: string;
  /** What the trainee's copy of Evoke computed; checked, never trusted. */
  claimed: { responses: number; figures: Record<string, number | null> };
  handedInAt: string;
}

export function claimedFigures(report: Report): HandIn['claimed'] {
  return { responses: report.responses, figures: Object.fromEntries(report.figures.map((f) => [f.id, f.value === Infinity ? null : f.value])) };
}

export function parseHandIn(data: unknown): HandIn | null {
  if (!data || typeof data !== 'object') return null;
  const h = data as Record<string, unknown>;
  if (h.format !== 'evoke-handin' || h.version !== HANDIN_VERSION || h.mode !== 'assessment') return null;
  for (const k of ['trainee', 'scenarioId', 'scenarioTitle', 'scenarioHash', 'endingId', 'handedInAt']) if (typeof h[k] !== 'string') return null;
  if (!Array.isArray(h.steps) || !h.steps.every((s) => s && typeof s === 'object' && typeof (s as { node?: unknown }).node === 'string')) return null;
  const claimed = h.claimed as HandIn['claimed'] | undefined;
  if (!claimed || typeof claimed.responses !== 'number' || !claimed.figures || typeof claimed.figures !== 'object') return null;
  return { ...(h as unknown as HandIn), trainee: String(h.trainee).slice(0, 120) };
}

export type Verdict =
  | { status: 'verified'; report: Report }
  | { status: 'flagged'; reason: string; report?: Report };

const close = (a: number | null | undefined, b: number | null | undefined) => (a ?? null) === (b ?? null) || (a != null && b != null && Math.abs(a - b) < 1e-6);

export function verifyHandIn(scenario: Scenario, h: HandIn): Verdict {
  if (h.scenarioId !== scenario.id) return { status: 'flagged', reason: `made for scenario '${h.scenarioId}', not '${scenario.id}'` };
  const replay = replaySession(scenario, { mode: 'assessment', steps: h.steps, scenarioHash: h.scenarioHash });
  const snap = replay.actor.getSnapshot();
  const report = buildReport(scenario, snap.context.turns, snap.status === 'done' ? snap.context.at : null);
  if (replay.scenarioChanged) return { status: 'flagged', reason: 'made with a different version of the scenario', report };
  if (replay.stoppedAt) return { status: 'flagged', reason: `the choices do not replay (${replay.stoppedAt.reason})`, report };
  if (snap.status !== 'done') return { status: 'flagged', reason: 'the choices stop before an ending', report };
  if (snap.context.at !== h.endingId) return { status: 'flagged', reason: `the choices reach '${snap.context.at}', not the claimed '${h.endingId}'`, report };
  if (report.responses !== h.claimed.responses) return { status: 'flagged', reason: 'the claimed number of responses does not match the choices', report };
  for (const f of report.figures) {
    const v = f.value === Infinity ? null : f.value;
    if (!close(v, h.claimed.figures[f.id])) return { status: 'flagged', reason: `the claimed ${f.label} does not match the choices`, report };
  }
  return { status: 'verified', report };
}
