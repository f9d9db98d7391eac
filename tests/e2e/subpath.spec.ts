import { expect, test } from '@playwright/test';
import { loadShipped, VETERAN } from './support.ts';

const BASE = `http://localhost:${process.env.E2E_SUBPATH_PORT ?? 4456}/courses/mi-101/evoke/`;

test('the static build works from a sub-path, reload included, with no rewrite rules', async ({ page }) => {
  const scenario = loadShipped(VETERAN);
  await page.goto(BASE);
  await expect(page.getByRole('heading', { name: 'Practise Motivational Interviewing' })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`Start: ${scenario.client.name}`) }).click();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await page.keyboard.press('1');
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
  expect(page.url()).toContain('/courses/mi-101/evoke/#/play/');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
});
