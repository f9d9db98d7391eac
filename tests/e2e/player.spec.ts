import { expect, test } from '@playwright/test';
import { expectAccessible, keyPresses, loadShipped, startScenario, VETERAN } from './support.ts';

const scenario = loadShipped(VETERAN);

test('the library lists the veteran scenario and starts it after showing content notes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Practise Motivational Interviewing' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: scenario.client.weighing });
  await expect(card).toContainText(scenario.contentNotes[0]!);
  await expectAccessible(page, 'library');
  await card.getByRole('link', { name: new RegExp(`Start: ${scenario.client.name}`) }).click();
  await expect(page.getByRole('heading', { name: scenario.title })).toBeVisible();
  await expect(page.getByText('This conversation refers to:')).toContainText(scenario.contentNotes[0]!);
  await expect(page.getByRole('radio', { name: 'Practice' })).toBeChecked();
  await expectAccessible(page, 'start');
});

test('a whole conversation played to an ending by keyboard alone', async ({ page }) => {
  const t = scenario.tests[0]!;
  const ending = scenario.endings[t.expect]!;
  await page.goto(`#/play/${VETERAN}`);
  // Tab to the Start button and press Enter: no mouse anywhere.
  const start = page.getByRole('button', { name: 'Start the conversation' });
  await start.focus();
  await page.keyboard.press('Enter');
  let checkedFeedback = false;
  for (const key of keyPresses(scenario, t.choose)) {
    await expect(page.getByRole('button', { name: /^Response 1:/ })).toBeVisible();
    await page.keyboard.press(key);
    await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeFocused();
    if (!checkedFeedback) {
      await expectAccessible(page, 'feedback');
      checkedFeedback = true;
    }
    // Tab from the focused feedback heading: Try another, then Continue.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: ending.title })).toBeVisible();
  await expect(page.getByText(ending.debrief.slice(0, 40))).toBeVisible();
  await expect(page.getByRole('list', { name: 'Turn by turn' })).toContainText('MI-consistent');
  await expectAccessible(page, 'ending');
});

test('try another response retracts the turn and undoes its effects', async ({ page }) => {
  await startScenario(page, VETERAN);
  const first = scenario.nodes[scenario.start]!;
  const before = await page.getByRole('meter').first().getAttribute('aria-valuetext');
  await page.getByRole('button', { name: /^Response 1:/ }).click();
  await page.getByRole('button', { name: 'Try another response' }).click();
  await expect(page.getByText('Retracted: you tried another response')).toBeVisible();
  await expect(page.getByRole('meter').first()).toHaveAttribute('aria-valuetext', before!);
  await page.getByRole('button', { name: /^Response 2:/ }).click();
  await expect(page.getByText(first.responses[1]!.feedback.trim().slice(0, 30))).toBeVisible();
});

test('a reload mid-conversation resumes where the trainee was', async ({ page }) => {
  await startScenario(page, VETERAN);
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.keyboard.press('2');
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
  const transcript = await page.getByRole('list', { name: 'Conversation' }).innerText();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
  expect(await page.getByRole('list', { name: 'Conversation' }).innerText()).toBe(transcript);
});

test('assessment mode shows no feedback, meters or retries until the end', async ({ page }) => {
  const t = scenario.tests[0]!;
  await startScenario(page, VETERAN, 'Assessment');
  await expect(page.getByRole('meter')).toHaveCount(0);
  for (const key of keyPresses(scenario, t.choose)) {
    await expect(page.getByRole('button', { name: /^Response 1:/ })).toBeVisible();
    await expect(page.getByText('Feedback on your response')).toHaveCount(0);
    await page.keyboard.press(key);
  }
  await expect(page.getByRole('heading', { name: scenario.endings[t.expect]!.title })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Turn by turn' })).toContainText(/MI-consistent|Neutral|MI-inconsistent/);
});

test('pause offers grounding with eyes open, and support is reachable', async ({ page }) => {
  await startScenario(page, VETERAN);
  await page.getByRole('button', { name: 'Pause' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Name five things you can see');
  await expectAccessible(page, 'pause');
  await dialog.getByRole('button', { name: 'Resume the conversation' }).last().click();
  await expect(page.getByRole('button', { name: /^Response 1:/ })).toBeVisible();
  await page.getByRole('button', { name: 'Support' }).click();
  await expect(page.getByRole('dialog')).toContainText('General contacts');
});

test('a scenario changed since the session was saved: the player says so and offers a fresh start', async ({ page }) => {
  await startScenario(page, VETERAN);
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Continue' }).click();
  // Pretend the scenario was edited: the saved hash no longer matches, and a step names a response that is gone.
  await page.evaluate((id) => {
    const key = `evoke.session.v1.library.${id}`;
    const saved = JSON.parse(localStorage.getItem(key)!);
    saved.scenarioHash = 'old-version';
    saved.steps.push({ node: saved.steps[0].node, choose: 'a-response-that-was-removed' });
    localStorage.setItem(key, JSON.stringify(saved));
  }, VETERAN);
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This scenario has changed since you started');
  await expect(alert).toContainText('2 of 3 steps');
  await expectAccessible(page, 'changed');
  await alert.getByRole('button', { name: 'Start fresh' }).click();
  await expect(page.getByRole('button', { name: 'Start the conversation' })).toBeVisible();
});

test('a corrupted saved session is reported, never a blank page', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((id) => localStorage.setItem(`evoke.session.v1.library.${id}`, '{"version":1,"steps":[{"oops'), VETERAN);
  await page.goto(`#/play/${VETERAN}`);
  await expect(page.getByRole('alert')).toContainText('could not be resumed');
  await expect(page.getByRole('button', { name: 'Start the conversation' })).toBeVisible();
});

test('library filters by difficulty and therapy, and hides scenarios by content topic', async ({ page }) => {
  await page.goto('/');
  const cards = page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem');
  await expect(cards).toHaveCount(8);
  await page.getByLabel('Difficulty').selectOption('beginner');
  await expect(cards).toHaveCount(2);
  await page.getByLabel('Difficulty').selectOption('');
  await page.getByLabel('Therapy').selectOption(scenario.client.weighing);
  await expect(cards).toHaveCount(1);
  await page.getByLabel('Therapy').selectOption('');
  await page.getByText('war and combat', { exact: true }).click();
  await expect(page.getByRole('link', { name: new RegExp(`Start: ${scenario.client.name}`) })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'war and combat' })).toBeChecked();
  await expect(page.getByText(/hidden by your filters/)).toBeVisible();
});
