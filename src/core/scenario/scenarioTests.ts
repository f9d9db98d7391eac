// Runs a scenario's own tests step by step and keeps a transcript of what the choices did, so an
// author sees where the branching went another way. Shared by `evoke test` and the studio.
import { categoryOf, CODE_INFO, type Category, type ResponseCode } from '../coding/codes.ts';
import { clientLineFor, findResponse, initialMeters, placeOf, takeResponse } from '../engine/rules.ts';
import { checkScenario, type CheckResult } from './check.ts';
import type { ClientLine, Meters, Scenario, ScenarioTest } from './types.ts';

/** One choice of a test: where it was made, what the client said, what was chosen and its effect. */
export interface TestStep {
  at: string;
  client: ClientLine;
  /** 1-based position of the chosen response. */
  position: number;
  say: string;
  codes: ResponseCode[];
  category: Category;
  metersAfter: Meters;
  next: string;
}

export interface TestOutcome {
  test: ScenarioTest;
  passed: boolean;
  reason?: string;
  /** Where the choices ended: an ending's id, or the node they stopped at. */
  reached: string;
  steps: TestStep[];
  /** The steps as the text `evoke test` prints. */
  transcript: string[];
}

const meterText = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ');

function transcriptOf(scenario: Scenario, steps: readonly TestStep[]): string[] {
  return steps.flatMap((s) => [
    `  [${s.at}] ${scenario.client.name} (${s.client.talk}): ${s.client.say}`,
    `    > ${s.position}. ${s.say}  [${s.codes.map((c) => CODE_INFO[c].short).join('+')}, ${s.category}]`,
    `      meters: ${meterText(s.metersAfter)} -> ${s.next}`,
  ]);
}

export function runScenarioTest(scenario: Scenario, test: ScenarioTest): TestOutcome {
  const steps: TestStep[] = [];
  let meters = initialMeters(scenario);
  let at = scenario.start;
  const fail = (reason: string, client?: ClientLine): TestOutcome => {
    const transcript = transcriptOf(scenario, steps);
    // The line the client said at the step that could not be taken is part of the story too.
    if (client) transcript.push(`  [${at}] ${scenario.client.name} (${client.talk}): ${client.say}`);
    return { test, passed: false, reason, reached: at, steps, transcript };
  };
  for (let i = 0; i < test.choose.length; i++) {
    const place = placeOf(scenario, at);
    if (place.kind !== 'node') return fail(`step ${i + 1}: the conversation already ended at '${at}'`);
    const line = clientLineFor(place.node, meters);
    const response = findResponse(place.node, test.choose[i]!);
    if (!response) return fail(`step ${i + 1}: node '${at}' has no response ${JSON.stringify(test.choose[i])}`, line);
    const step = takeResponse(scenario, response, meters);
    steps.push({ at, client: line, position: response.index + 1, say: response.say, codes: response.codes, category: categoryOf(response.codes), metersAfter: step.metersAfter, next: step.next });
    meters = step.metersAfter;
    at = step.next;
  }
  const end = placeOf(scenario, at);
  const reached = end.kind === 'ending' ? at : null;
  const transcript = transcriptOf(scenario, steps);
  if (reached === test.expect) return { test, passed: true, reached: at, steps, transcript };
  return { test, passed: false, reason: reached ? `reached '${reached}', expected '${test.expect}'` : `stopped at node '${at}' before any ending, expected '${test.expect}'`, reached: at, steps, transcript };
}

export function runScenarioTests(scenario: Scenario): TestOutcome[] {
  return scenario.tests.map((t) => runScenarioTest(scenario, t));
}

const TEST_FAILURES: readonly string[] = ['E030', 'E031'];

/**
 * A failing test is an error, yet the file itself still plays. When a check's only errors are
 * failing tests, this gives the result the scenario (checked again without its tests), so that
 * the studio's preview and panels follow the edit while the Tests panel shows what fails.
 */
export function keepScenarioWhenOnlyTestsFail(text: string, result: CheckResult): CheckResult {
  if (result.scenario || result.errors === 0) return result;
  if (!result.diagnostics.every((d) => d.severity !== 'error' || TEST_FAILURES.includes(d.code))) return result;
  const untested = checkScenario(text, { runTests: false });
  return untested.scenario ? { ...result, scenario: untested.scenario, ...(untested.analysis ? { analysis: untested.analysis } : {}) } : result;
}
