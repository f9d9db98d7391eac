// Projector-only mode (issue 7): a room with no network plays a whole scenario by typed
// show-of-hands counts, with the same reveal and class report; a reload mid-way loses nothing.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, loadShipped, VETERAN } from './support.ts';

const scenario = loadShipped(VETERAN);
// The scenario's first test is a whole path to an ending; the class votes for it by a show of hands.
const path = scenario.tests[0]!.choose;

const phase = (page: Page) => page.getByTestId('phase');

test('a whole scenario by typed counts, through a reload, to the class report', async ({ page }) => {
  test.setTimeout(360_000);
  await page.goto('#/classroom/offline');
  await expect(page.getByRole('heading', { name: 'Projector-only classroom' })).toBeVisible();
  await expectAccessible(page, 'offline start');
  await page.getByLabel('Scenario').selectOption(VETERAN);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(phase(page)).toHaveText('Waiting to vote');
  await expect(page.getByText('joined')).toHaveCount(0);

  let turn = 0;
  for (const ref of path) {
    const options = page.locator('.stage-options li');
    const count = await options.count();
    const wanted = typeof ref === 'number' ? ref : await positionOf(page, ref);

    await page.keyboard.press('o');
    await expect(page.getByRole('heading', { name: 'Show of hands' })).toBeVisible();
    // The first box has focus; the path's response gets the most hands, the others a few.
    for (let i = 1; i <= count; i++) await page.getByLabel(`Hands for response ${i}`).fill(i === wanted ? '9' : '1');
    if (turn === 0) await expectAccessible(page, 'typing counts');
    await page.getByLabel(`Hands for response ${count}`).press('Enter');
    await expect(phase(page)).toHaveText('Results revealed');
    await expect(page.getByTestId(`reveal-option-${wanted}`)).toContainText('9 · ');
    await expect(page.getByTestId(`reveal-option-${wanted}`)).toContainText('Most voted');
    if (turn === 0) {
      await expectAccessible(page, 'offline reveal');
      // A reload mid-way keeps the counts and the reveal.
      await page.reload();
      await expect(phase(page)).toHaveText('Results revealed');
      await expect(page.getByTestId(`reveal-option-${wanted}`)).toContainText('9 · ');
    }
    await page.keyboard.press('n');
    turn++;
    if (turn < path.length) await expect(phase(page)).toHaveText('Waiting to vote');
  }

  await expect(phase(page)).toHaveText('Conversation over');
  await expect(page.getByRole('heading', { name: /The conversation ended/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Class report' })).toBeVisible();
  await expect(page.locator('.class-turn')).toHaveCount(path.length);
  await expectAccessible(page, 'offline class report');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the class report (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8').trim().split('\r\n');
  expect(csv.filter((row) => row.endsWith(',yes,votes'))).toHaveLength(path.length);

  // The finished session survives a reload too, until a new one is started.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Class report' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Start a new session' }).click();
  await expect(page.getByRole('heading', { name: 'Projector-only classroom' })).toBeVisible();
});

/** The 1-based position of a response id at the current node, read from the scenario by the line shown. */
async function positionOf(page: Page, id: string): Promise<number> {
  const say = (await page.locator('.stage-say').textContent())!.replace(/^“|”$/g, '');
  for (const node of Object.values(scenario.nodes)) {
    if (!node.client.some((c) => c.say === say)) continue;
    const r = node.responses.find((x) => x.id === id);
    if (r) return r.index + 1;
  }
  throw new Error(`no response '${id}' at the node saying "${say.slice(0, 40)}"`);
}

/** Taps a countdown chip: its radio input is hidden behind the chip's label, as a finger finds it. */
async function pickCountdown(page: Page, spoken: string) {
  const id = await page.getByRole('radio', { name: spoken, exact: true }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

const secondsIn = (text: string | null) => {
  const m = /(\d+):(\d\d)/.exec(text ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

test('a countdown runs on the projector, through a reload, and closes the vote by itself', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('#/classroom/offline');
  await page.getByLabel('Scenario').selectOption(VETERAN);
  // Long enough that a reload on a busy machine still finds the vote open.
  await pickCountdown(page, '30 seconds');
  await expect(page.getByRole('radio', { name: '30 seconds', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(phase(page)).toHaveText('Waiting to vote');
  // The countdown chosen at the start is the one offered for the next vote.
  await expect(page.getByRole('radio', { name: '30 seconds', exact: true })).toBeChecked();

  await page.keyboard.press('o');
  await expect(phase(page)).toHaveText('Vote open');
  const countdown = page.getByTestId('countdown');
  await expect(countdown).toBeVisible();
  await expectAccessible(page, 'offline countdown');
  // A reload goes on counting down to the same moment, not afresh: once a few seconds have gone
  // (so a countdown restarted at 30 would show), the reload must still show no more than that.
  await expect.poll(async () => secondsIn(await countdown.textContent()), { timeout: 10_000 }).toBeLessThanOrEqual(27);
  const before = secondsIn(await countdown.textContent());
  expect(before).toBeGreaterThan(10);
  await page.reload();
  await expect(countdown).toBeVisible();
  expect(secondsIn(await countdown.textContent())).toBeLessThanOrEqual(before);

  // It runs out: the vote closes by itself, and the hands are counted then.
  await expect(phase(page)).toHaveText('Vote closed', { timeout: 40_000 });
  await expect(page.getByTestId('time-up')).toHaveText('Time is up');
  await expect(countdown).toHaveCount(0);
  await expectAccessible(page, 'offline, time is up');
  const count = await page.locator('.stage-options li').count();
  for (let i = 1; i <= count; i++) await page.getByLabel(`Hands for response ${i}`).fill(i === 1 ? '5' : '1');
  await page.getByRole('button', { name: 'Reveal the counts' }).click();
  await expect(phase(page)).toHaveText('Results revealed');
  await expect(page.getByTestId('reveal-option-1')).toContainText('5 · ');

  // Off for the next vote: it stays open until the counts are typed, through a reload too.
  await page.keyboard.press('n');
  await expect(phase(page)).toHaveText('Waiting to vote');
  await pickCountdown(page, 'Off');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Off', exact: true })).toBeChecked();
  await page.keyboard.press('o');
  await expect(phase(page)).toHaveText('Vote open');
  await expect(countdown).toHaveCount(0);
});
