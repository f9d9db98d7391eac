// A server restart in the middle of an open vote (issue 7): the process is killed and started
// again on the same port and journal. The phones say they are reconnecting, come back by
// themselves with their votes still marked, a tap made while offline is sent once the vote is
// found still open, and the session finishes with every vote counted once.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CLASSROOM_PORTS, HostSocket, classroomServerForFile } from './classroomServer.ts';

const SCENARIO = 'marcus-pe';

const server = classroomServerForFile(CLASSROOM_PORTS.restart);

async function joinedPhone(browser: Browser, code: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server().url}#/join/${code}`);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(stage(page)).toHaveAttribute('data-stage', 'waiting');
  return page;
}

const stage = (page: Page) => page.getByTestId('student-stage');
const option = (page: Page, id: string) => page.locator(`button[data-option="${id}"]`);
const reconnecting = (page: Page) => page.getByRole('status').filter({ hasText: 'Reconnecting…' });

test('a restart during an open vote keeps every vote, and the class finishes', async ({ browser }) => {
  test.setTimeout(300_000);
  const host = await HostSocket.create(server().wsUrl, SCENARIO);
  const [ana, ben, cleo] = [await joinedPhone(browser, host.code), await joinedPhone(browser, host.code), await joinedPhone(browser, host.code)] as [Page, Page, Page];
  await host.waitFor((v) => v.students === 3, 'three students');

  await host.act('openVote');
  await option(ana, 'open-reflect').click();
  await option(ben, 'open-why').click();
  await host.waitFor((v) => v.votes === 2, 'two votes before the restart');

  await server().kill();
  for (const p of [ana, ben, cleo]) await expect(reconnecting(p)).toBeVisible({ timeout: 15_000 });

  // Cleo taps while the server is down: the screen says it was not sent, and keeps it.
  await option(cleo, 'open-sessions').click();
  await expect(option(cleo, 'open-sessions')).toContainText('Your vote (not sent yet)');
  await expect(cleo.getByTestId('vote-status')).toContainText('Not sent yet');

  await server().start();
  for (const p of [ana, ben, cleo]) {
    await expect(reconnecting(p)).toHaveCount(0, { timeout: 30_000 });
    await expect(stage(p)).toHaveAttribute('data-stage', 'voting');
  }
  // The votes from before the restart are still marked; Cleo's offline tap went out by itself.
  await expect(option(ana, 'open-reflect')).toHaveAttribute('aria-pressed', 'true');
  await expect(option(ben, 'open-why')).toHaveAttribute('aria-pressed', 'true');
  await expect(option(cleo, 'open-sessions')).toHaveAttribute('aria-pressed', 'true');
  await expect(option(cleo, 'open-sessions')).not.toContainText('not sent yet');
  await expect(cleo.getByTestId('vote-status')).toContainText('3 of 3 have voted');

  await host.reconnect();
  expect(host.view!.students).toBe(3);
  expect(host.view!.votes).toBe(3);

  // More votes after the restart: Ben changes his mind.
  await option(ben, 'open-reflect').click();
  await host.waitFor((v) => v.reveal?.options.find((o) => o.id === 'open-reflect')?.votes === 2, 'Ben’s changed vote');
  await host.act('closeVote');
  await host.act('reveal');
  expect(host.tally()).toEqual({ 1: 0, 2: 2, 3: 1, 4: 0 });
  for (const p of [ana, ben, cleo]) {
    await expect(p.getByTestId('reveal-option-2')).toContainText('2 · 67%');
    await expect(p.getByTestId('reveal-option-3')).toContainText('1 · 33%');
  }

  // Continue, a second round, and the facilitator ends the session.
  await host.act('continue');
  await host.act('openVote');
  for (const p of [ana, ben, cleo]) {
    await expect(stage(p)).toHaveAttribute('data-stage', 'voting');
    await p.locator('button[data-option]').first().click();
  }
  await host.waitFor((v) => v.votes === 3, 'three votes in round 2');
  await host.act('closeVote');
  await host.act('reveal');
  expect(Object.values(host.tally()).reduce((a, b) => a + b, 0)).toBe(3);
  await host.act('end');
  for (const p of [ana, ben, cleo]) await expect(stage(p)).toHaveAttribute('data-stage', 'ended');
  await expect(ana.getByText('The facilitator has ended the session.', { exact: false })).toBeVisible();
  host.close();
});
