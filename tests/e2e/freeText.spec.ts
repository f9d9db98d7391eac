import { expect, test, type Page } from '@playwright/test';
import { BuiltApp } from '../../src/build/bundleSizes.ts';
import { expectAccessible, loadShipped, VETERAN } from './support.ts';

// Free-text mode (issue #9, part 2): the trainee types, the coder names the code on the device,
// the client reacts through an authored response, and the report counts the typed turns.
const scenario = loadShipped(VETERAN);
const REFLECTION = "You're worried that going back over the worst day out loud will make things worse.";
const ADVICE = 'You should just start the therapy next week.';

async function startTyping(page: Page, mode: 'Practice' | 'Assessment' = 'Practice') {
  await page.goto(`#/play/${VETERAN}`);
  await page.getByRole('radio', { name: mode }).check();
  await page.getByRole('switch', { name: 'Type my own responses' }).check();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await expect(page.getByRole('textbox', { name: 'Your response' })).toBeFocused();
}

async function send(page: Page, text: string) {
  const field = page.getByRole('textbox', { name: 'Your response' });
  await field.fill(text);
  await field.press('Enter');
}

/** Picks responses (the first each time) until an ending, by keyboard. */
async function pickToTheEnd(page: Page) {
  for (let i = 0; i < 40; i++) {
    if (await page.getByRole('heading', { name: 'Your session report' }).isVisible()) return;
    const carryOn = page.getByRole('button', { name: 'Continue' });
    if (await carryOn.isVisible()) await carryOn.click();
    else if (await page.getByRole('button', { name: /^Response 1:/ }).isVisible()) await page.keyboard.press('1');
    await page.waitForTimeout(50);
  }
  await expect(page.getByRole('heading', { name: 'Your session report' })).toBeVisible();
}

test('a typed reflection and typed advice are coded, the client reacts, and the report counts them', async ({ page }) => {
  test.setTimeout(300_000);
  await startTyping(page);
  await expectAccessible(page, 'composer');

  await send(page, REFLECTION);
  const feedback = page.getByRole('region', { name: 'Feedback on your response' });
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeFocused();
  await expect(feedback.getByTestId('typed-code')).toHaveText(/reflection/i);
  await expect(feedback).toContainText('MI-consistent');
  await expect(feedback).toContainText(/Confidence: \d+%/);
  await expect(feedback).toContainText('Why the coder says so');
  const model = scenario.nodes[scenario.start]!.responses.find((r) => r.codes.includes('complex_reflection'))!;
  await expect(feedback).toContainText(model.say);
  await expect(page.getByRole('list', { name: 'Conversation' })).toContainText(REFLECTION);
  await expectAccessible(page, 'typed feedback');

  // "That is not what I meant": the trainee names the code they intended.
  const coded = (await feedback.getByTestId('typed-code').innerText()).trim();
  const meant = coded === 'Complex reflection' ? 'Simple reflection' : 'Complex reflection';
  await feedback.getByRole('button', { name: 'That is not what I meant' }).click();
  await feedback.getByLabel('What did you mean it to be?').selectOption({ label: meant });
  await feedback.getByRole('button', { name: 'Record' }).click();
  await expect(feedback.getByTestId('intended-recorded')).toContainText(meant);
  await feedback.getByRole('button', { name: 'Continue' }).click();

  await send(page, ADVICE);
  await expect(feedback.getByTestId('typed-code')).toHaveText('Persuading');
  await expect(feedback).toContainText('MI-inconsistent');
  await expect(page.getByRole('list', { name: 'Conversation' })).toContainText(ADVICE);
  // The client reacts through an authored persuade response: a reply in discord or sustain.
  const conversation = await page.getByRole('list', { name: 'Conversation' }).innerText();

  // A reload mid-session resumes with the typed turns, replayed from what was saved.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
  expect(await page.getByRole('list', { name: 'Conversation' }).innerText()).toBe(conversation);
  await expect(feedback.getByTestId('typed-code')).toHaveText('Persuading');

  await feedback.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Pick from the list instead' }).click();
  await pickToTheEnd(page);

  const typed = page.getByRole('region', { name: 'Your typed responses' });
  await expect(typed).toContainText(REFLECTION);
  await expect(typed).toContainText(ADVICE);
  await expect(typed.getByRole('listitem').filter({ hasText: REFLECTION })).toContainText(`You meant: ${meant}`);
  await expect(typed.getByRole('listitem').filter({ hasText: ADVICE })).toContainText('Coder: Persuading');
  await expect(page.getByRole('region', { name: 'What you said' })).toContainText('2 of these you typed');
  const timeline = page.getByRole('list', { name: 'Turn by turn' });
  await expect(timeline).toContainText(`You meant it as: ${meant}`);
  await page.getByText('Every code').click();
  await expect(page.getByRole('region', { name: 'What you said' })).toContainText(/Persuading: [1-9]/);
  await expectAccessible(page, 'report with typed turns');
});

test('free-text mode by keyboard alone', async ({ page }) => {
  test.slow();
  await page.goto(`#/play/${VETERAN}`);
  const toggle = page.getByRole('switch', { name: 'Type my own responses' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start the conversation' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('textbox', { name: 'Your response' })).toBeFocused();
  await page.keyboard.type(ADVICE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeFocused();
  // The typed feedback is its own lazy chunk: a Tab pressed before it arrives skips past it.
  await expect(page.getByRole('button', { name: 'That is not what I meant' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'That is not what I meant' })).toBeFocused();
  await page.keyboard.press('Enter');
  const select = page.getByLabel('What did you mean it to be?');
  await expect(select).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(select).not.toHaveValue('');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intended-recorded')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The next turn opens in free-text mode again, with the field focused.
  await expect(page.getByRole('textbox', { name: 'Your response' })).toBeFocused();
  // Number keys type into the field rather than pick a response.
  await page.keyboard.type('1');
  await expect(page.getByRole('textbox', { name: 'Your response' })).toHaveValue('1');
});

test('switching between typing and picking at any turn, and nothing sent empty', async ({ page }) => {
  await startTyping(page);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Write a response first')).toBeVisible();
  await page.getByRole('button', { name: 'Pick from the list instead' }).click();
  await expect(page.getByRole('button', { name: /^Response 1:/ })).toBeVisible();
  await page.getByRole('button', { name: 'Type my own response' }).click();
  await expect(page.getByRole('textbox', { name: 'Your response' })).toBeFocused();
});

test('in assessment mode a typed response moves on without feedback', async ({ page }) => {
  await startTyping(page, 'Assessment');
  await send(page, REFLECTION);
  await expect(page.getByText('Feedback on your response')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Conversation' })).toContainText(REFLECTION);
  await expect(page.getByRole('textbox', { name: 'Your response' })).toBeFocused();
});

test('the coder and the free-text screens are not part of the player\'s first load, and add at most 150 KB', () => {
  const app = new BuiltApp(process.env.EVOKE_DIST ?? 'dist');
  const firstLoad = app.closure([app.entry, app.chunk('routes/PlayPage.tsx')]);
  const lazyFiles = ['freeText/coder.ts', 'freeText/FreeTextComposer.tsx', 'freeText/TypedFeedback.tsx'];
  for (const lazy of lazyFiles) {
    expect(firstLoad.has(app.chunk(lazy)), lazy).toBe(false);
  }
  // What typing the first answer downloads on top of the player: issue #9 allows 150 KB gzipped.
  const added = new Set([...app.closure(lazyFiles.map((f) => app.chunk(f)))].filter((k) => !firstLoad.has(k)));
  const kb = app.gzipKb(added);
  console.log(`free-text mode adds ${kb.toFixed(1)} KB of gzipped JavaScript`);
  expect(kb).toBeGreaterThan(20);
  expect(kb).toBeLessThanOrEqual(150);
});
