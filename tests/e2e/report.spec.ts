import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, keyPresses, loadShipped, startScenario, VETERAN } from './support.ts';

const scenario = loadShipped(VETERAN);
const longest = [...scenario.tests].sort((a, b) => b.choose.length - a.choose.length)[0]!;

async function playToEnd(page: import('@playwright/test').Page, mode: 'Practice' | 'Assessment') {
  await startScenario(page, VETERAN, mode);
  for (const key of keyPresses(scenario, longest.choose)) {
    await expect(page.getByRole('button', { name: /^Response 1:/ })).toBeVisible();
    await page.keyboard.press(key);
    if (mode === 'Practice') await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Your session report' })).toBeVisible();
}

test('the report explains the figures, the client side and every turn, and exports the turn log', async ({ page }) => {
  await playToEnd(page, 'Practice');
  const figures = page.getByRole('region', { name: 'Your MI skills in this conversation' });
  await expect(figures).toContainText('Reflections per question (R:Q)');
  await expect(figures).toContainText('come from coding real conversations');
  await expect(page.getByRole('region', { name: "The client's side" })).toContainText('Change talk');
  await expect(page.getByRole('img', { name: /How the client's state moved/ })).toBeVisible();
  await expect(page.getByRole('list', { name: "The client's talk, in order" }).getByRole('listitem').first()).toBeVisible();
  expect(await page.locator('.timeline > li').count()).toBe(longest.choose.length);
  await expectAccessible(page, 'report');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Turn log (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toContain('turn,node,client_said');
  expect(csv.trim().split('\r\n')).toHaveLength(longest.choose.length + 1);
});

test('finished sessions are kept, charted by mode, and their reports open again', async ({ page }) => {
  await playToEnd(page, 'Assessment');
  await page.getByRole('link', { name: 'your progress' }).click();
  await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
  // Kept on the device: still there after a reload.
  await page.reload();
  await expect(page.getByRole('img', { name: /Reflections per question/ })).toBeVisible();
  const rows = page.getByRole('table').last().getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Assessment');
  await expectAccessible(page, 'progress');
  await page.getByRole('link', { name: /the report of session 1/ }).click();
  await expect(page.getByRole('heading', { name: 'Your session report' })).toBeVisible();
  await expect(page.getByRole('heading', { name: scenario.title })).toBeVisible();
});

test('a damaged history entry is reported and removed, the rest kept', async ({ page }) => {
  await playToEnd(page, 'Assessment');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('evoke-history');
        open.onsuccess = () => {
          const tx = open.result.transaction('sessions', 'readwrite');
          tx.objectStore('sessions').put({ version: 1, turns: 'not a list' }, 'damaged');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.goto('#/progress');
  await expect(page.getByRole('alert')).toContainText('1 stored session is damaged');
  await expect(page.getByRole('table').last().getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Remove the damaged entries' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('history exports to a file and imports back; a wrong file changes nothing', async ({ page }) => {
  await playToEnd(page, 'Assessment');
  await page.goto('#/progress');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export history' }).click();
  const file = await (await download).path();
  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.getByRole('button', { name: 'Delete all' }).click();
  await expect(page.getByText('No finished conversations yet')).toBeVisible();
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import history' }).click();
  await (await chooser).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByRole('status')).toContainText('not an Evoke history file');
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import history' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('status')).toContainText('Imported 1 session');
  await expect(page.getByRole('table').last().getByRole('row')).toHaveCount(2);
});

test('two assessments handed in show in the Results table; a tampered one is flagged', async ({ page }) => {
  const files: string[] = [];
  for (const name of ['Ana', 'Ben']) {
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await playToEnd(page, 'Assessment');
    await page.getByLabel('Your name, for your instructor').fill(name);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download hand-in file' }).click();
    files.push(await (await download).path());
  }
  const tampered = JSON.parse(readFileSync(files[1]!, 'utf8'));
  tampered.trainee = 'Cy';
  tampered.claimed.figures.rq = 9.9; // claims far more reflections than the choices give
  await page.goto('#/results');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open hand-in files' }).click();
  const asFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await (await chooser).setFiles([asFile('ana.json', readFileSync(files[0]!, 'utf8')), asFile('ben.json', readFileSync(files[1]!, 'utf8')), asFile('cy.json', JSON.stringify(tampered))]);
  const table = page.getByRole('table', { name: 'Results' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').filter({ hasText: 'Ana' })).toContainText('Verified');
  await expect(table.getByRole('row').filter({ hasText: 'Ben' })).toContainText('Verified');
  await expect(table.getByRole('row').filter({ hasText: 'Cy' })).toContainText('Flagged');
  await expectAccessible(page, 'results');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as CSV' }).click();
  expect(readFileSync(await (await download).path(), 'utf8').trim().split('\r\n')).toHaveLength(4);
});

test('the print view is a clean document of one or two pages', async ({ page }) => {
  await playToEnd(page, 'Assessment');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`report prints on ${pages} A4 pages`);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});
