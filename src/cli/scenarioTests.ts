// `evoke test`: runs each scenario's own tests and, for a failing one, prints the transcript of
// what its choices did, so an author sees where the branching went another way.
import { categoryOf, CODE_INFO } from '../core/coding/codes.ts';
import { clientLineFor, findResponse, initialMeters, placeOf, takeResponse } from '../core/engine/rules.ts';
import type { Scenario, ScenarioTest } from '../core/scenario/types.ts';

export interface TestOutcome {
  test: ScenarioTest;
  passed: boolean;
  reason?: string;
  transcript: string[];
}

const meterText = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ');

export function runScenarioTest(scenario: Scenario, test: ScenarioTest): TestOutcome {
  const transcript: string[] = [];
  let meters = initialMeters(scenario);
  let at = scenario.start;
  for (let i = 0; i < test.choose.length; i++) {
    const place = placeOf(scenario, at);
    if (place.kind !== 'node') return { test, passed: false, reason: `step ${i + 1}: the conversation already ended at '${at}'`, transcript };
    const line = clientLineFor(place.node, meters);
    transcript.push(`  [${at}] ${scenario.client.name} (${line.talk}): ${line.say}`);
    const response = findResponse(place.node, test.choose[i]!);
    if (!response) return { test, passed: false, reason: `step ${i + 1}: node '${at}' has no response ${JSON.stringify(test.choose[i])}`, transcript };
    const step = takeResponse(scenario, response, meters);
    transcript.push(`    > ${response.index + 1}. ${response.say}  [${response.codes.map((c) => CODE_INFO[c].short).join('+')}, ${categoryOf(response.codes)}]`);
    transcript.push(`      meters: ${meterText(step.metersAfter)} -> ${step.next}`);
    meters = step.metersAfter;
    at = step.next;
  }
  const end = placeOf(scenario, at);
  const reached = end.kind === 'ending' ? at : null;
  if (reached === test.expect) return { test, passed: true, transcript };
  return { test, passed: false, reason: reached ? `reached '${reached}', expected '${test.expect}'` : `stopped at node '${at}' before any ending, expected '${test.expect}'`, transcript };
}
