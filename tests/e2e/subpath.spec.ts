import { expect, test } from '@playwright/test';
import { answerFirstTurnFromSubpathLibrary, SUBPATH_BASE } from './support.ts';

test('the static build works from a sub-path, reload included, with no rewrite rules', async ({ page }) => {
  await page.goto(SUBPATH_BASE);
  await answerFirstTurnFromSubpathLibrary(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
});
