import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario, ScenarioNode } from '../../src/core/scenario/types.ts';
import { CLASSROOM_PORTS, startClassroomServer } from './classroomServer.ts';
import { answerFirstTurnFromSubpathLibrary, expectAccessible, loadShipped, SUBPATH_BASE, VETERAN } from './support.ts';

// Issue #9's promise: a trainee can practise a whole scenario by typing, offline. The service
// worker saves the app on the first visit; with the network gone, a reload still opens it, a
// scenario that was never opened before still loads, and the coder (its own lazy chunk) still
// codes every typed turn to an ending.
test.use({ serviceWorkers: 'allow' });

const scenario = loadShipped(VETERAN);

/** The node whose client line appears last in the conversation so far. */
function currentNode(conversation: string, s: Scenario): ScenarioNode {
  let best: { node: ScenarioNode; at: number } | null = null;
  for (const node of Object.values(s.nodes)) {
    if (node.kind !== 'node') continue;
    for (const v of node.client) {
      const at = conversation.lastIndexOf(v.say.trim().slice(0, 60));
      if (at >= 0 && (!best || at > best.at)) best = { node, at };
    }
  }
  if (!best) throw new Error('no client line of the scenario is on screen');
  return best.node;
}

/** What a trainee who reflects well would type: the node's own reflection, or an open question. */
function whatToType(node: ScenarioNode): string {
  for (const code of ['complex_reflection', 'simple_reflection', 'open_question'] as const) {
    const r = node.responses.find((x) => x.codes.includes(code));
    if (r) return r.say;
  }
  return node.responses[0]!.say;
}

async function typeToTheEnd(page: Page): Promise<number> {
  const field = page.getByRole('textbox', { name: 'Your response' });
  const report = page.getByRole('heading', { name: 'Your session report' });
  let typed = 0;
  for (let turn = 0; turn < 40; turn++) {
    await expect(field.or(report)).toBeVisible();
    if (await report.isVisible()) return typed;
    const conversation = await page.getByRole('list', { name: 'Conversation' }).innerText();
    await field.fill(whatToType(currentNode(conversation, scenario)));
    await field.press('Enter');
    typed++;
    const feedback = page.getByRole('region', { name: 'Feedback on your response' });
    await expect(feedback.getByTestId('typed-code')).toBeVisible();
    await feedback.getByRole('button', { name: 'Continue' }).click();
  }
  throw new Error('no ending after 40 typed turns');
}

test('once opened, the app works with no network: a whole scenario practised by typing', async ({ page, context }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // The service worker has saved the whole build, and the trainee is told so.
  await expect(page.getByRole('status').filter({ hasText: 'Evoke now works offline' })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'offline-ready notice');
  // Installable as an app: a manifest with the icon sizes phones ask for.
  const manifest = (await (await page.request.get('manifest.webmanifest')).json()) as { icons: { sizes: string; purpose?: string }[] };
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/Marcus/).first()).toBeVisible();

  await page.goto(`./#/play/${VETERAN}`);
  await page.getByRole('radio', { name: 'Practice' }).check();
  await page.getByRole('switch', { name: 'Type my own responses' }).check();
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  const typed = await typeToTheEnd(page);

  console.log(`typed ${typed} turns`);
  expect(typed).toBeGreaterThan(2);
  await expect(page.getByRole('region', { name: 'What you said' })).toContainText(`${typed} of these you typed`);
  await expect(page.getByRole('region', { name: 'Your typed responses' }).getByRole('listitem')).toHaveCount(typed);
  // Still offline: nothing above needed the server.
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});

test('a new version waits for the trainee, and the conversation resumes after the reload', async ({ page }) => {
  test.setTimeout(240_000);
  // A server of its own on a copy of the build, so the spec can publish a "new version".
  const dist = mkdtempSync(join(tmpdir(), 'evoke-update-'));
  cpSync(process.env.EVOKE_DIST ?? 'dist', dist, { recursive: true });
  const server = await startClassroomServer(CLASSROOM_PORTS.update, { distDir: dist });
  try {
    await page.goto(server.url);
    await expect(page.getByRole('status').filter({ hasText: 'Evoke now works offline' })).toBeVisible({ timeout: 60_000 });
    await page.goto(`${server.url}#/play/${VETERAN}`);
    await page.getByRole('radio', { name: 'Practice' }).check();
    await page.getByRole('button', { name: 'Start the conversation' }).click();
    const first = scenario.nodes[scenario.start]!;
    await page.getByRole('button', { name: /^Response 1:/ }).click();
    await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();

    // A new version: the service worker's precache list changes (one revision, same length, so
    // the file server's cached sizes stay right), and the server restarts to serve it.
    const swPath = join(dist, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const at = sw.indexOf('revision:"') + 'revision:"'.length;
    writeFileSync(swPath, sw.slice(0, at) + (sw[at] === 'a' ? 'b' : 'a') + sw.slice(at + 1));
    await server.kill();
    await server.start();
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    // It never reloads by itself: the trainee is told, and chooses when.
    const notice = page.getByRole('status').filter({ hasText: 'A new version of Evoke is ready' });
    await expect(notice).toBeVisible({ timeout: 60_000 });
    await expectAccessible(page, 'new-version notice');
    await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible();
    await notice.getByRole('button', { name: 'Reload now' }).click();

    // After the reload the conversation is where it was: the same feedback, the same response.
    await expect(notice).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Feedback on your response' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('list', { name: 'Conversation' })).toContainText(first.responses[0]!.say);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
  } finally {
    await server.dispose();
    rmSync(dist, { recursive: true, force: true });
  }
});

test("a student's phone joining a class does not download the app for offline use", async ({ page }) => {
  await page.goto('./#/join');
  await expect(page.getByRole('button', { name: 'Join' })).toBeVisible();
  // Long enough for a registration to have started, had there been one.
  await page.waitForTimeout(2_000);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});

test('from a sub-path the app also works offline, and its worker claims only that sub-path', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto(SUBPATH_BASE);
  await expect(page.getByRole('status').filter({ hasText: 'Evoke now works offline' })).toBeVisible({ timeout: 60_000 });
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  // An instructor's web space hosts other pages beside Evoke: the worker must leave them alone.
  expect(scope).toBe(SUBPATH_BASE);

  await context.setOffline(true);
  await page.reload();
  await answerFirstTurnFromSubpathLibrary(page);
});
