import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { findResponse, initialMeters, placeOf, takeResponse } from '../../src/core/engine/rules.ts';
import { checkScenario } from '../../src/core/scenario/check.ts';
import type { Scenario } from '../../src/core/scenario/types.ts';

export const VETERAN = 'marcus-pe';

/** Another origin serving tests/fixtures/scenarios with CORS, as an instructor's web space would. */
export const FIXTURES = `http://localhost:${process.env.E2E_SUBPATH_PORT ?? 4456}/fixtures`;

export function loadShipped(id: string): Scenario {
  const r = checkScenario(readFileSync(`scenarios/${id}.yaml`, 'utf8'));
  if (!r.scenario) throw new Error(`${id} does not check`);
  return r.scenario;
}

/** A scenario test's choices as the number keys a trainee would press, with the ending reached. */
export function keyPresses(scenario: Scenario, choose: readonly (number | string)[]): string[] {
  let at = scenario.start;
  let meters = initialMeters(scenario);
  return choose.map((ref) => {
    const place = placeOf(scenario, at);
    if (place.kind !== 'node') throw new Error(`test goes past an ending at ${at}`);
    const response = findResponse(place.node, ref)!;
    const step = takeResponse(scenario, response, meters);
    meters = step.metersAfter;
    at = step.next;
    return String(response.index + 1);
  });
}

export async function expectAccessible(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Starts a scenario from its play page in the given mode. */
export async function startScenario(page: Page, id: string, mode: 'Practice' | 'Assessment' = 'Practice', base = '') {
  await page.goto(`${base}#/play/${id}`);
  await page.getByRole('radio', { name: mode }).check();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await expect(page.getByRole('button', { name: /^Response 1:/ })).toBeVisible();
}

/** The sub-path a plain static host serves the build under (tests/e2e/subpathServer.ts). */
export const SUBPATH_BASE = `http://localhost:${process.env.E2E_SUBPATH_PORT ?? 4456}/courses/mi-101/evoke/`;

/** From the library at the sub-path: opens the veteran's scenario and answers the first turn. */
export async function answerFirstTurnFromSubpathLibrary(page: Page) {
  const scenario = loadShipped(VETERAN);
  await expect(page.getByRole('heading', { name: 'Practise Motivational Interviewing' })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`Start: ${scenario.client.name}`) }).click();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await page.keyboard.press('1');
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
  expect(page.url()).toContain('/courses/mi-101/evoke/#/play/');
}
