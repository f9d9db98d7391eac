// How a scenario runs, as pure functions (DESIGN.md, "How a scenario runs"). The interaction
// machine, the checker's test runner, the analysis and the classroom server all use these, so
// a scenario behaves the same everywhere.
import type { Branch, ClientVariant, Ending, Meters, MeterDef, Response, Scenario, ScenarioNode } from '../scenario/types.ts';
import { evaluateCondition } from './condition.ts';

export function initialMeters(scenario: Pick<Scenario, 'meters'>): Meters {
  const meters: Meters = {};
  for (const m of scenario.meters) meters[m.id] = m.start;
  return meters;
}

/** Effects are added, then each meter is clamped to its range. */
export function applyEffects(meters: Readonly<Meters>, effects: Readonly<Meters>, defs: readonly MeterDef[]): Meters {
  const out: Meters = { ...meters };
  for (const def of defs) {
    const delta = effects[def.id] ?? 0;
    out[def.id] = Math.min(def.max, Math.max(def.min, (out[def.id] ?? def.start) + delta));
  }
  return out;
}

/** The first variant whose condition holds; the last has none, so one always does. */
export function clientLineFor(node: ScenarioNode, meters: Readonly<Meters>): ClientVariant {
  return node.client.find((v) => !v.when || evaluateCondition(v.when, meters)) ?? node.client[node.client.length - 1]!;
}

/** Where a response leads, seeing the meters after its effects. */
export function resolveNext(next: readonly Branch[], meters: Readonly<Meters>): string {
  return (next.find((b) => !b.when || evaluateCondition(b.when, meters)) ?? next[next.length - 1]!).go;
}

export function findResponse(node: ScenarioNode, ref: number | string): Response | undefined {
  if (typeof ref === 'number') return node.responses[ref - 1];
  return node.responses.find((r) => r.id === ref);
}

export type Place = { kind: 'node'; node: ScenarioNode } | { kind: 'ending'; ending: Ending } | { kind: 'missing'; id: string };

export function placeOf(scenario: Scenario, id: string): Place {
  const node = Object.hasOwn(scenario.nodes, id) ? scenario.nodes[id] : undefined;
  if (node) return { kind: 'node', node };
  const ending = Object.hasOwn(scenario.endings, id) ? scenario.endings[id] : undefined;
  if (ending) return { kind: 'ending', ending };
  return { kind: 'missing', id };
}

export interface Step {
  response: Response;
  metersAfter: Meters;
  next: string;
}

export function takeResponse(scenario: Scenario, response: Response, meters: Readonly<Meters>): Step {
  const metersAfter = applyEffects(meters, response.effects, scenario.meters);
  return { response, metersAfter, next: resolveNext(response.next, metersAfter) };
}

export type PlayResult =
  | { ok: true; ending: string | null; at: string; meters: Meters; path: string[] }
  | { ok: false; stepIndex: number; at: string; reason: string; path: string[] };

/** Plays a list of choices from the start without the interaction machine: for tests and analysis. */
export function playChoices(scenario: Scenario, choices: readonly (number | string)[]): PlayResult {
  let meters = initialMeters(scenario);
  let at = scenario.start;
  const path = [at];
  for (let i = 0; i < choices.length; i++) {
    const place = placeOf(scenario, at);
    if (place.kind !== 'node') {
      return { ok: false, stepIndex: i, at, reason: place.kind === 'ending' ? `the conversation already ended at '${at}'` : `'${at}' does not exist`, path };
    }
    const ref = choices[i]!;
    const response = findResponse(place.node, ref);
    if (!response) {
      return { ok: false, stepIndex: i, at, reason: `node '${at}' has no response ${typeof ref === 'number' ? `number ${ref} (it has ${place.node.responses.length})` : `with id '${ref}'`}`, path };
    }
    const step = takeResponse(scenario, response, meters);
    meters = step.metersAfter;
    at = step.next;
    path.push(at);
  }
  const place = placeOf(scenario, at);
  return { ok: true, ending: place.kind === 'ending' ? at : null, at, meters, path };
}
