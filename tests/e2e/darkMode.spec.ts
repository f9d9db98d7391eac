// Dark mode passes axe on every screen a trainee or facilitator reaches without a room on the
// server. Dark mode once failed contrast on several screens unnoticed, because the screenshot
// script scans the light scheme only. Two ways into dark: the device's setting (nothing stored,
// the app follows it) and the app's own toggle (stored on the device, over a light device).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MIN_CODED_FOR_LEVELS } from '../../src/core/coding/report.ts';
import { expectAccessible, keyPresses, loadShipped, startScenario, VETERAN } from './support.ts';

const scenario = loadShipped(VETERAN);
// The shortest path long enough for the report to show MITI levels, so their colours are scanned too.
const path = [...scenario.tests].filter((t) => t.choose.length >= MIN_CODED_FOR_LEVELS).sort((a, b) => a.choose.length - b.choose.length)[0]!;

// Eleven screens scanned in two tests, the studio among them (editor, worker, layout): room for a
// shared, loaded machine.
test.describe.configure({ timeout: 120_000 });

/** Checks the page really is dark before scanning it: a light page would pass for the wrong reason. */
async function expectDarkAndAccessible(page: Page, label: string) {
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectAccessible(page, `${label} (dark)`);
}

/** Opens a screen by its address and scans it once `ready` shows it has loaded. */
async function scanScreen(page: Page, label: string, hash: string, ready: Locator) {
  await page.goto(hash);
  // Some screens are lazy chunks (the studio, the guide): slow to arrive on a loaded machine.
  await expect(ready).toBeVisible({ timeout: 30_000 });
  await expectDarkAndAccessible(page, label);
}

test.describe('following the device', () => {
  test.use({ colorScheme: 'dark' });

  test('the library, a conversation with feedback, the report, progress and results', async ({ page }) => {
    await scanScreen(page, 'library', '/', page.getByRole('heading', { name: 'Practise Motivational Interviewing' }));
    await scanScreen(page, 'start', `#/play/${VETERAN}`, page.getByRole('button', { name: 'Start the conversation' }));

    await startScenario(page, VETERAN, 'Practice');
    const keys = keyPresses(scenario, path.choose);
    for (const [turn, key] of keys.entries()) {
      await expect(page.getByRole('button', { name: /^Response 1:/ })).toBeVisible();
      await page.keyboard.press(key);
      if (turn === 0) {
        await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
        await expectDarkAndAccessible(page, 'feedback');
      }
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await expect(page.getByRole('heading', { name: 'Your session report' })).toBeVisible();
    const figures = page.getByRole('region', { name: 'Your MI skills in this conversation' });
    await expect(figures.getByRole('cell', { name: /^(Good|Fair|Below fair)$/ }).first()).toBeVisible();
    await expectDarkAndAccessible(page, 'report');

    await scanScreen(page, 'progress', '#/progress', page.getByRole('heading', { name: 'Across your sessions' }));
    await scanScreen(page, 'results', '#/results', page.getByRole('heading', { name: 'Results of handed-in assessments' }));
  });
});

test.describe('chosen in the app', () => {
  test.use({ colorScheme: 'light' });

  test('the studio, its guide, the classroom start page, join and the projector-only classroom', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
    await page.getByRole('button', { name: 'Use dark colours' }).click();
    // After a reload the choice can only come from what the app stored on the device.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Use light colours' })).toBeVisible();

    await scanScreen(page, 'studio', '#/studio', page.locator('.cm-content'));
    await scanScreen(page, 'studio guide', '#/studio/guide', page.getByRole('heading', { name: /^Writing Evoke scenarios/ }));
    await scanScreen(page, 'classroom start', '#/classroom', page.getByRole('heading', { name: 'Open a room' }));
    await scanScreen(page, 'join', '#/join', page.getByRole('heading', { name: 'Join a class' }));
    await scanScreen(page, 'projector-only classroom', '#/classroom/offline', page.getByRole('heading', { name: 'Projector-only classroom' }));
  });
});

// Mantine hovers a filled button one shade lighter, which once put white text at 3.9:1 under the
// mouse; the theme hovers darker. Scanned in both schemes with the pointer on the button.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`a filled button under the mouse (${colorScheme})`, () => {
    test.use({ colorScheme });
    test('keeps its contrast', async ({ page }) => {
      await page.goto(`#/play/${VETERAN}`);
      const start = page.getByRole('button', { name: 'Start the conversation' });
      const background = () => start.evaluate((el) => getComputedStyle(el).backgroundColor);
      const rest = await background();
      await start.hover();
      await expect.poll(background, { message: 'the hover changes the colour' }).not.toBe(rest);
      await expectAccessible(page, `hovered button (${colorScheme})`);
    });
  });
}
