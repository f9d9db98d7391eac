// The studio's Map, Analysis and Tests panels: each node and id leads to its line in the editor,
// by mouse and by keyboard; the analysis finds what cannot be reached; the tests run with their
// transcripts.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { expectAccessible } from './support.ts';

// The studio is the heaviest page (editor, worker, layout): give it room on a loaded machine.
test.describe.configure({ timeout: 180_000 });

const TEMPLATE = readFileSync('src/app/studio/template.yaml', 'utf8');
const UNREACHABLE = readFileSync('tests/fixtures/diagnostics/W001-unreachable-ending.yaml', 'utf8');

async function openStudio(page: Page) {
  await page.goto('/#/studio');
  await expect(page.locator('.cm-content')).toBeVisible({ timeout: 30_000 });
}

/** Replaces the editor's whole text as typed input (select all, then insert). */
async function setDoc(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The editor's cursor line, as its line-number gutter shows it (CodeMirror renders only the lines in view). */
async function cursorLine(page: Page): Promise<number> {
  return Number(await page.locator('.cm-activeLineGutter').first().textContent());
}

test('the map: a click on a node, or Tab and Enter, lands on its line; zoom and fit buttons work', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Map' }).click();
  const map = page.getByRole('group', { name: /^Map of the scenario/ });
  await expect(map).toBeVisible();

  const options = map.getByRole('button', { name: /^Node options, client neutral talk, \d+ responses?$/ });
  await options.click();
  await expect(page.locator('.cm-activeLine')).toContainText('options:');
  await expect(page.locator('.cm-content')).toBeFocused();
  expect(await cursorLine(page)).toBe(lineOf(TEMPLATE, '  options:'));

  // Keyboard: the start node is a button in the tab order; Enter goes to its line.
  const start = map.getByRole('button', { name: /^Start node opening, client sustain talk, \d+ responses$/ });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-activeLine')).toContainText('opening:');
  expect(await cursorLine(page)).toBe(lineOf(TEMPLATE, '  opening:'));

  const ending = map.getByRole('button', { name: /^Ending shut-down, disengaged/ });
  await ending.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(ending).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.locator('.cm-activeLine')).toContainText('shut-down:');

  // Zooming changes the drawing's scale; fitting brings it back.
  const drawing = map.locator(':scope > g');
  const before = await drawing.getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(drawing).not.toHaveAttribute('transform', before!);
  await page.getByRole('button', { name: 'Fit the map to the view' }).click();
  await expect(drawing).toHaveAttribute('transform', before!);

  await expect(page.getByLabel('Legend')).toContainText('MI-inconsistent (dashed)');
  await expectAccessible(page, 'studio map');
});

test('the analysis lists an unreachable ending and goes to its line', async ({ page }) => {
  await openStudio(page);
  await setDoc(page, UNREACHABLE);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const list = page.getByTestId('unreachable-list');
  await expect(list).toBeVisible();
  const orphan = list.getByRole('button', { name: 'orphan' });
  await expect(orphan).toBeVisible();
  await orphan.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-activeLine')).toContainText('orphan:');
  expect(await cursorLine(page)).toBe(lineOf(UNREACHABLE, '  orphan:'));

  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByRole('heading', { name: 'Shortest way to each ending' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Most and least MI-adherent ways through' })).toBeVisible();
  await expectAccessible(page, 'studio analysis');
});

test("the tests panel shows passing tests and a failing test's transcript", async ({ page }) => {
  await openStudio(page);
  await page.getByRole('tab', { name: 'Tests' }).click();
  await expect(page.getByTestId('tests-summary')).toHaveText('All 3 tests pass.');
  await expect(page.getByTestId('scenario-test').filter({ hasText: 'Pass' })).toHaveCount(3);

  // One expected ending changed: that test fails, and its transcript opens by itself.
  await setDoc(page, TEMPLATE.replace('expect: shut-down', 'expect: not-yet'));
  await expect(page.getByTestId('tests-summary')).toHaveText('1 of 3 tests fails.');
  const failing = page.locator('[data-testid="scenario-test"][data-passed="false"]');
  await expect(failing).toContainText("reached 'shut-down', expected 'not-yet'");
  await expect(failing.getByRole('list', { name: /^Transcript of / })).toBeVisible();
  await expect(failing).toContainText('Chose 5.');

  // Keyboard: the transcript's link goes to the test's line.
  const goToTest = failing.getByRole('button', { name: /^Go to this test \(line \d+\)$/ });
  await goToTest.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-activeLine')).toContainText('name: labelling ends the talk');
  expect(await cursorLine(page)).toBe(lineOf(TEMPLATE, 'name: labelling ends the talk'));
  await page.getByRole('tab', { name: 'Tests' }).click();
  await expectAccessible(page, 'studio tests');
});

test('a 300-node scenario opens, its map shows every node, and a deep node leads to its line', async ({ page }, testInfo) => {
  const { generateGraph, toYaml } = await import('../../bench/generate.ts');
  const big = toYaml(generateGraph(300));
  const file = testInfo.outputPath('big300.yaml');
  writeFileSync(file, big);
  await openStudio(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open file' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByText("Opened 'big300.yaml'")).toBeVisible();
  await page.getByRole('tab', { name: 'Map' }).click();
  const map = page.getByRole('group', { name: /^Map of the scenario/ });
  await expect(map.getByRole('button', { name: /^(Start node|Node) n-\d+,/ })).toHaveCount(300, { timeout: 60_000 });
  await map.getByRole('button', { name: /^Node n-00250,/ }).click();
  await expect(page.locator('.cm-activeLine')).toContainText('n-00250:');
  expect(await cursorLine(page)).toBe(lineOf(big, '  n-00250:'));
});
