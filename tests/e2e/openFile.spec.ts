import { expect, test } from '@playwright/test';
import { expectAccessible, FIXTURES } from './support.ts';

test('a trainee opens a scenario file from disk and plays it', async ({ page }) => {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a scenario file' }).click();
  await (await chooser).setFiles('tests/fixtures/scenarios/small.yaml');
  await expect(page.getByRole('heading', { name: 'Test client: a short conversation' })).toBeVisible();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await page.keyboard.press('1');
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
});

test('a broken file shows each problem with its line, and loses nothing', async ({ page }) => {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a scenario file' }).click();
  await (await chooser).setFiles({
    name: 'broken.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from('format: 1\nid: broken\ntitle: "<img src=x onerror=alert(1)>\n'),
  });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('broken.yaml:3:8');
  await expect(dialog).toContainText('E001');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expectAccessible(page, 'problems');
  await dialog.getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: 'Practise Motivational Interviewing' })).toBeVisible();
});

test('a scenario opens from a link an instructor sent (?src=), and a bad link says why', async ({ page }) => {
  await page.goto('/?src=' + encodeURIComponent(`${FIXTURES}/small.yaml`));
  await expect(page.getByRole('heading', { name: 'Test client: a short conversation' })).toBeVisible();
  expect(page.url()).toContain('#/play/local/small-test');
  await page.goto('/?src=' + encodeURIComponent(`${FIXTURES}/missing.yaml`));
  await expect(page.getByRole('alert')).toContainText('404');
  // A draft with a mistake: the problem is listed, and the author can open it in the studio.
  const broken = `${FIXTURES}/broken.yaml`;
  await page.goto('/?src=' + encodeURIComponent(broken));
  await expect(page.getByRole('alert')).toContainText("'midle' does not exist");
  await page.getByRole('link', { name: 'Open in the studio' }).click();
  await expect(page.locator('.cm-content')).toContainText('next: midle', { timeout: 30_000 });
  await page.goto('/?src=javascript:alert(1)');
  await expect(page.getByRole('alert')).toContainText('does not point to a web address');
});
