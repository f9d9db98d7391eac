// The facilitator's screens (issue 7): create a room, the join panel (code, address, QR), the
// host controls by mouse and by keyboard with nobody voting (so the host picks), the discussion
// prompt, going back, ending, and the class report with its CSV. Phones are in classroomClass.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { initialMeters, placeOf, takeResponse } from '../../src/core/engine/rules.ts';
import type { Meters, Scenario } from '../../src/core/scenario/types.ts';
import { expectAccessible, loadShipped, VETERAN } from './support.ts';

const scenario = loadShipped(VETERAN);

/** The 1-based response numbers that lead from the start to the nearest node with a discussion prompt. */
function pathToDiscussion(s: Scenario): number[] {
  const queue: { at: string; meters: Meters; path: number[] }[] = [{ at: s.start, meters: initialMeters(s), path: [] }];
  const seen = new Set<string>();
  while (queue.length) {
    const { at, meters, path } = queue.shift()!;
    const place = placeOf(s, at);
    if (place.kind !== 'node' || seen.has(at)) continue;
    seen.add(at);
    if (place.node.discuss) return path;
    for (const r of place.node.responses) {
      const step = takeResponse(s, r, meters);
      queue.push({ at: step.next, meters: step.metersAfter, path: [...path, r.index + 1] });
    }
  }
  throw new Error('no discussion prompt in the scenario');
}

async function createRoom(page: Page): Promise<string> {
  await page.goto('#/classroom');
  await expect(page.getByRole('heading', { name: 'Classroom', level: 1 })).toBeVisible();
  await page.getByLabel('Scenario').selectOption(VETERAN);
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(/#\/classroom\/host\/[A-Z0-9]{6}$/);
  const code = page.url().split('/').pop()!;
  await expect(page.getByTestId('join-code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  return code;
}

const stage = (page: Page) => page.locator('.projector-stage');
const phase = (page: Page) => page.getByTestId('phase');

test('a facilitator runs a room with nobody voting: open, close, reveal, pick, back, discuss, end, class report', async ({ page }) => {
  test.setTimeout(360_000);
  const code = await createRoom(page);

  // The join panel: huge code, the address to type, and a QR code drawn as SVG.
  const qr = page.getByRole('img', { name: /^QR code for http.*#\/join\// });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  await expect(qr).toHaveAccessibleName(new RegExp(`#/join/${code}$`));
  await expect(page.getByText(/^Go to .+#\/join$/)).toBeVisible();
  await expect(stage(page).getByText(`${scenario.client.name} says`)).toBeVisible();
  await expect(page.getByText('1', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('joined')).toHaveText('0');
  await expectAccessible(page, 'host before the vote');

  // Keyboard: O opens, C closes, R reveals (the legend on screen says so).
  await expect(page.locator('.key-legend')).toContainText('open the vote');
  await page.keyboard.press('o');
  await expect(phase(page)).toHaveText('Vote open');
  await expect(page.getByText('How the class voted')).toHaveCount(0);
  await expectAccessible(page, 'host with the vote open');
  await page.keyboard.press('c');
  await expect(phase(page)).toHaveText('Vote closed');
  // Results stay hidden until revealed.
  await expect(page.getByText('How the class voted')).toHaveCount(0);
  await page.keyboard.press('r');
  await expect(phase(page)).toHaveText('Results revealed');
  await expect(page.getByRole('heading', { name: 'How the class voted' })).toBeVisible();
  await expect(page.getByText('Nobody voted at this turn.')).toBeVisible();
  await expect(page.getByText('Nobody voted: pick the response to continue with.')).toBeVisible();
  await expectAccessible(page, 'host revealed');

  // Nobody voted, so the host picks; the reaction to the path taken is shown.
  const firstLine = (await stage(page).locator('.stage-say').textContent())!;
  const path = pathToDiscussion(scenario);
  await page.getByRole('button', { name: new RegExp(`^Continue along response ${path[0] ?? 1}:`) }).click();
  await expect(phase(page)).toHaveText('Waiting to vote');
  await expect(page.getByRole('heading', { name: 'Last turn' })).toBeVisible();
  await expect(stage(page).locator('.stage-say')).not.toHaveText(firstLine);

  // B goes back one turn.
  await page.keyboard.press('b');
  await expect(stage(page).locator('.stage-say')).toHaveText(firstLine);
  await expect(page.getByRole('heading', { name: 'Last turn' })).toHaveCount(0);

  // Walk to a node with a discussion prompt, then show it before any vote.
  for (const n of path) {
    const before = await stage(page).locator('.stage-say').textContent();
    await page.getByRole('button', { name: new RegExp(`^Continue along response ${n}:`) }).click();
    await expect(stage(page).locator('.stage-say')).not.toHaveText(before!);
  }
  await expect(page.getByRole('heading', { name: 'Discuss' })).toHaveCount(0);
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { name: 'Discuss' })).toBeVisible();
  await expectAccessible(page, 'discussion prompt');

  // End: confirmed in a dialog, then the class report and its CSV.
  await page.getByRole('button', { name: 'End the session now' }).click();
  const dialog = page.getByRole('dialog', { name: 'End the session?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'End the session' }).click();
  await expect(page.getByRole('heading', { name: 'Class report' })).toBeVisible();
  await expect(page.getByText('Session ended')).toBeVisible();
  await expect(page.locator('.class-turn')).toHaveCount(path.length);
  await expectAccessible(page, 'class report');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the class report (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^evoke-class-${VETERAN}-${code}-.*\\.csv$`));
  const csv = readFileSync(await file.path(), 'utf8').trim().split('\r\n');
  expect(csv[0]).toBe('turn,node,client_line,option_number,response,codes,category,votes,chosen,chosen_by');
  expect(csv.filter((row) => row.endsWith(',yes,host'))).toHaveLength(path.length);
});

test('the facilitator comes back after a reload, uses a phone remote, and a second screen has no controls', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const code = await createRoom(page);
  await page.reload();
  await expect(page.getByTestId('join-code')).toBeVisible();
  await expect(page.getByRole('button', { name: /Open the vote/ })).toBeEnabled();

  // Every control is reachable by Tab.
  await page.locator('body').click({ position: { x: 1, y: 300 } });
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.textContent?.startsWith('Open the vote') ?? false);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(phase(page)).toHaveText('Vote open');

  // The start page lists the room.
  await page.goto('#/classroom');
  await expect(page.getByRole('heading', { name: 'Your rooms on this device' })).toBeVisible();
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  await expectAccessible(page, 'start page with rooms');

  // The remote, at phone width, closes the vote the projector opened.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: `Open room ${code} as a phone remote` }).click();
  await expect(page.getByRole('heading', { name: `Room ${code}: remote` })).toBeVisible();
  await expect(phase(page)).toHaveText('Vote open');
  await expectAccessible(page, 'remote');
  await page.getByRole('button', { name: 'Close the vote' }).click();
  await expect(phase(page)).toHaveText('Vote closed');

  // A second screen (another browser, no secret) watches without controls.
  const other = await browser.newContext();
  const screen = await other.newPage();
  await screen.goto(`#/classroom/screen/${code}/no-meters`);
  await expect(screen.getByTestId('phase')).toHaveText('Vote closed');
  await expect(screen.getByRole('heading', { name: 'Facilitator controls' })).toHaveCount(0);
  await expect(screen.getByRole('heading', { name: 'How the client is' })).toHaveCount(0);
  await expectAccessible(screen, 'second screen');
  // Without the secret, the host page says so instead of failing.
  await screen.goto(`#/classroom/host/${code}`);
  await expect(screen.getByText(`This device does not hold the facilitator's key for room ${code}`)).toBeVisible();
  await other.close();
});
