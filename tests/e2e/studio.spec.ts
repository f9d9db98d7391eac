import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible, FIXTURES } from './support.ts';

const TEMPLATE = readFileSync('src/app/studio/template.yaml', 'utf8');

// The studio's chunk (CodeMirror) and the checker's worker load on a busy two-core machine.
test.describe.configure({ timeout: 240_000 });

async function openStudio(page: Page, hash = '#/studio') {
  await page.goto(`/${hash}`);
  await expect(page.locator('.cm-content')).toBeVisible({ timeout: 30_000 });
}

/** Replaces the editor's whole text as typed input (select all, then insert). */
async function setDoc(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

/** Puts the cursor on the editor line holding `text` and retypes it after its indentation. */
async function retypeLine(page: Page, text: string, replacement: string) {
  await page.locator('.cm-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
  // Shift+Home in CodeMirror selects back to the line's indentation.
  await page.keyboard.press('Shift+Home');
  await page.keyboard.insertText(replacement);
}

async function problemsTab(page: Page) {
  await page.getByRole('tab', { name: /^Problems/ }).click();
}

test('an error is underlined at its line, listed, explained on hover, and gone once fixed', async ({ page }) => {
  await openStudio(page);
  await problemsTab(page);
  await expect(page.getByTestId('problems-summary')).toHaveText('No problems: the scenario checks clean.');

  await retypeLine(page, 'name: Alex', 'nmae: Alex');
  const underline = page.locator('.cm-lintRange-error', { hasText: 'nmae' });
  await expect(underline).toHaveText('nmae');
  // The underline sits on line 8 of the file, where the key was mistyped.
  const lineNumber = await underline.evaluate((el) => {
    const line = el.closest('.cm-line')!;
    return [...document.querySelectorAll('.cm-content .cm-line')].indexOf(line) + 1;
  });
  const expectedLine = TEMPLATE.split('\n').findIndex((l) => l.includes('name: Alex')) + 1;
  expect(lineNumber).toBe(expectedLine);
  const problem = page.getByRole('button', { name: new RegExp(`Error at line ${expectedLine}, column 3: E010`) });
  await expect(problem).toBeVisible();

  await underline.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await expect(tooltip).toContainText('E010 Unknown key');
  await expect(tooltip.getByRole('link', { name: 'E010 in the guide' })).toHaveAttribute('href', /#\/studio\/guide\?code=E010$/);

  // The problem jumps to its line, by keyboard too.
  await page.getByRole('tab', { name: /^Problems/ }).focus();
  await problem.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-activeLine')).toContainText('nmae: Alex');
  await expect(page.locator('.cm-content')).toBeFocused();

  // The preview keeps the last good version and says so.
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.getByText('The preview keeps the last version without errors')).toBeVisible();

  await retypeLine(page, 'nmae: Alex', 'name: Alex');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  await problemsTab(page);
  await expect(page.getByTestId('problems-summary')).toHaveText('No problems: the scenario checks clean.');
});

test('the preview plays beside the editor and replays the choices after an edit, saying where it cannot', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('button', { name: /^Response 1: Coming here wasn't your idea/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Node middle')).toBeVisible();

  // An edit that keeps the path: the preview replays to the same place.
  await setDoc(page, TEMPLATE.replace('Alex feels heard.', 'Alex feels understood.'));
  await expect(page.getByText('Node middle')).toBeVisible();
  await expect(page.getByTestId('replay-message')).toHaveCount(0);

  // An edit that removes the chosen response: the preview says so.
  await setDoc(page, TEMPLATE.replace('- id: reflect', '- id: reflected').replace('choose: [reflect,', 'choose: [reflected,'));
  await expect(page.getByTestId('replay-message')).toHaveText(/Your edit removed response 'reflect' at node 'opening'; the preview stopped before the first turn\./);
  await expect(page.getByText('Node opening')).toBeVisible();
});

test('test from here: start at a chosen node with chosen meter values', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('combobox', { name: 'Node' }).click();
  await page.getByRole('option', { name: 'options' }).click();
  await page.getByRole('textbox', { name: 'readiness' }).fill('2');
  await page.getByRole('button', { name: 'Start here' }).click();
  await expect(page.getByText("Testing from node 'options'.")).toBeVisible();
  await expect(page.getByText('So what would it actually involve?')).toBeVisible();
  await page.getByRole('button', { name: /^Response 1: Weekly sessions/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  // readiness 2 + 1 reaches the small step.
  await expect(page.getByRole('heading', { name: 'One session, to see' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'One session, to see' })).toBeFocused();
});

test('drafts survive a reload and are listed by name', async ({ page }) => {
  await openStudio(page);
  await retypeLine(page, 'title: "Alex weighs', 'title: "A draft that survives"');
  await expect(page.getByText('Draft: A draft that survives')).toBeVisible();
  await page.reload();
  await expect(page.locator('.cm-content')).toContainText('A draft that survives', { timeout: 30_000 });

  await page.getByRole('button', { name: 'New from template' }).click();
  await expect(page.getByText('Opened the template as a new draft.')).toBeVisible();
  await page.getByRole('button', { name: 'Drafts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Drafts in this browser' });
  await expect(dialog.getByText('A draft that survives')).toBeVisible();
  await expect(dialog.getByText('Alex weighs trauma therapy (open now)')).toBeVisible();
  await expectAccessible(page, 'studio drafts');
  await dialog.getByRole('button', { name: 'Open the draft A draft that survives' }).click();
  await expect(page.locator('.cm-content')).toContainText('A draft that survives');
});

test('a scenario opens in the studio from a link (?src=), can be shared, and a bad link says why', async ({ page }) => {
  await openStudio(page, '#/studio?src=' + encodeURIComponent(`${FIXTURES}/small.yaml`));
  await expect(page.locator('.cm-content')).toContainText('id: small-test');
  await expect(page.getByText("Opened 'small.yaml' from its web address as a new draft.")).toBeVisible();
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('textbox', { name: 'Link for trainees (plays it)' })).toHaveValue(/\?src=http%3A%2F%2Flocalhost%3A\d+%2Ffixtures%2Fsmall\.yaml$/);
  await page.keyboard.press('Escape');

  await openStudio(page, '#/studio?src=' + encodeURIComponent(`${FIXTURES}/missing.yaml`));
  await expect(page.getByText(/server answered 404\)\. Your drafts are unchanged\./)).toBeVisible();
});

test('keyboard: Tab indents in the editor, Escape then Tab leaves it; the page passes axe in both schemes', async ({ page }) => {
  await openStudio(page);
  await page.locator('.cm-line', { hasText: 'format: 1' }).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await expect(page.locator('.cm-content')).toBeFocused();
  await expect(page.locator('.cm-activeLine')).toHaveText('  format: 1');
  await page.keyboard.press('Shift+Tab');
  // Completion offers the keys the format allows at this place, from the keyboard.
  await page.locator('.cm-line', { hasText: 'age: 38' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('backg');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('background');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-activeLine')).toHaveText('  background: ');
  await page.keyboard.press('Control+z');
  // CodeMirror lets Tab leave for two seconds after Escape; a loaded machine may need a second try.
  await expect(async () => {
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(page.locator('.cm-content')).not.toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessible(page, 'studio light');
  await page.getByRole('button', { name: 'Use dark colours' }).click();
  await problemsTab(page);
  await expectAccessible(page, 'studio dark, problems');
});

test('the guide opens at the entry for a code', async ({ page }) => {
  await page.goto('/#/studio/guide?code=E021');
  await expect(page.getByRole('heading', { name: 'E021: Unknown id' })).toBeFocused({ timeout: 30_000 });
  await expectAccessible(page, 'studio guide');
});
