// A whole class on phones (issue 7): a facilitator and three students in separate browser
// contexts play Marcus together against a real server started by the spec. Students join by a
// typed code and by the QR link, vote, change a vote, reload mid-vote, see each reveal, and reach
// the end; each vote is counted once.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, loadShipped } from './support.ts';
import type { RoomView } from '../../src/core/classroom/room.ts';
import { CLASSROOM_PORTS, HostSocket, classroomServerForFile } from './classroomServer.ts';

const SCENARIO = 'marcus-pe';
// The first scenario test of marcus-pe: the path the class takes, turn by turn.
const PATH = loadShipped(SCENARIO).tests[0]!.choose.map(String);

// One server on one port for the file: its tests run one after another in one worker.
test.describe.configure({ mode: 'serial' });

const server = classroomServerForFile(CLASSROOM_PORTS.class);

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  return context.newPage();
}

const stage = (page: Page) => page.getByTestId('student-stage');
const option = (page: Page, id: string) => page.locator(`button[data-option="${id}"]`);

test('a host and three phones play a scenario to its end, every vote counted once', async ({ browser }) => {
  test.setTimeout(420_000);
  // The facilitator creates the room on their own screen; a second host connection in the test
  // (with the secret the screen keeps) reads the tally the screen hides until the reveal.
  const hostPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' })).newPage();
  await hostPage.goto(`${server().url}#/classroom`);
  await hostPage.getByLabel('Scenario').selectOption(SCENARIO);
  await hostPage.getByRole('button', { name: 'Create room' }).click();
  await expect(hostPage).toHaveURL(/#\/classroom\/host\/[A-Z0-9]{6}$/);
  const code = hostPage.url().split('/').pop()!;
  const secret = await hostPage.evaluate((c) => localStorage.getItem(`evoke.classroom.host.${c}`), code);
  const host = await HostSocket.attach(server().wsUrl, code, secret!);
  const press = async (button: RegExp, done: (v: RoomView) => boolean) => {
    await hostPage.getByRole('button', { name: button }).click();
    return host.waitFor(done, String(button));
  };

  // Ana types the code in lower case with a space, by keyboard only, and picks a handle.
  const ana = await phone(browser);
  await ana.goto(`${server().url}#/join`);
  await expect(ana.getByRole('heading', { name: 'Join a class' })).toBeVisible();
  await expectAccessible(ana, 'join form');
  await ana.keyboard.type('O0O0O0');
  await ana.keyboard.press('Enter');
  await expect(ana.getByText(/Join codes never use O/)).toBeVisible();
  await ana.getByLabel('Join code').fill('');
  await ana.keyboard.type(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
  await ana.keyboard.press('Tab');
  await ana.keyboard.type('Ana');
  await ana.keyboard.press('Enter');
  await expect(stage(ana)).toHaveAttribute('data-stage', 'waiting');
  await expect(ana.getByTestId('room-code')).toHaveText(code);
  await expect(ana.getByText('you are Ana')).toBeVisible();

  // Ben follows the QR link and joins anonymously.
  const ben = await phone(browser);
  await ben.goto(`${server().url}#/join/${code}`);
  await expect(ben.getByLabel('Join code')).toHaveValue(code);
  await ben.getByRole('button', { name: 'Join' }).click();
  await expect(stage(ben)).toHaveAttribute('data-stage', 'waiting');

  // Cleo types the code.
  const cleo = await phone(browser);
  await cleo.goto(`${server().url}#/join`);
  await cleo.getByLabel('Join code').fill(code);
  await cleo.getByRole('button', { name: 'Join' }).click();
  await expect(stage(cleo)).toHaveAttribute('data-stage', 'waiting');
  await expect(cleo.locator('figcaption', { hasText: 'Marcus Dunn says' })).toBeVisible();
  await expectAccessible(cleo, 'waiting for the vote');
  await host.waitFor((v) => v.students === 3, 'three students');
  await expect(hostPage.getByTestId('joined')).toHaveText('3');

  // The facilitator shows the discussion prompt before the vote: every phone shows it too.
  await press(/^Show the discussion prompt/, (v) => v.discuss !== undefined);
  for (const p of [ana, ben, cleo]) await expect(p.getByRole('heading', { name: 'Discuss' })).toBeVisible();
  await expect(ana.getByTestId('student-announcer')).toContainText('A question for discussion is shown.');

  // Round 1: the vote opens on every phone.
  await press(/^Open the vote/, (v) => v.phase === 'open');
  for (const p of [ana, ben, cleo]) await expect(stage(p)).toHaveAttribute('data-stage', 'voting');
  await expect(ana.getByTestId('student-announcer')).toContainText('The vote is open');
  await expectAccessible(ana, 'open vote');

  // Ana votes by keyboard: Tab to the second option and press Enter.
  await option(ana, 'open-evidence').focus();
  await ana.keyboard.press('Tab');
  await expect(option(ana, 'open-reflect')).toBeFocused();
  await ana.keyboard.press('Enter');
  await expect(option(ana, 'open-reflect')).toHaveAttribute('aria-pressed', 'true');
  await expect(option(ana, 'open-reflect')).toContainText('Your vote');
  await expect(ana.getByTestId('vote-status')).toContainText('Your vote is in: response 2');
  await expectAccessible(ana, 'voted');

  // Ben votes, then changes his mind; Cleo votes with the number key.
  await option(ben, 'open-why').click();
  await expect(ben.getByTestId('vote-status')).toContainText('response 4');
  await option(ben, 'open-reflect').click();
  await expect(option(ben, 'open-reflect')).toHaveAttribute('aria-pressed', 'true');
  await expect(option(ben, 'open-why')).toHaveAttribute('aria-pressed', 'false');
  await cleo.keyboard.press('3');
  await expect(option(cleo, 'open-sessions')).toHaveAttribute('aria-pressed', 'true');
  await host.waitFor((v) => v.votes === 3 && v.reveal?.options.find((o) => o.id === 'open-reflect')?.votes === 2, 'three votes, two for open-reflect');

  // Cleo reloads mid-vote: the same voter, her vote still marked, still three votes.
  await cleo.reload();
  await expect(stage(cleo)).toHaveAttribute('data-stage', 'voting');
  await expect(option(cleo, 'open-sessions')).toHaveAttribute('aria-pressed', 'true');
  await expect(cleo.getByTestId('vote-status')).toContainText('3 of 3 have voted');
  expect(host.view!.students).toBe(3);
  expect(host.view!.votes).toBe(3);

  // Close, then reveal: every phone sees the same distribution.
  await press(/^Close the vote/, (v) => v.phase === 'closed');
  for (const p of [ana, ben, cleo]) await expect(stage(p)).toHaveAttribute('data-stage', 'closed');
  await expect(ana.getByText('Your vote, response 2, was counted.')).toBeVisible();
  await expectAccessible(ana, 'vote closed');
  await press(/^Reveal the results/, (v) => v.phase === 'revealed');
  expect(host.tally()).toEqual({ 1: 0, 2: 2, 3: 1, 4: 0 });
  await expect(hostPage.getByTestId('reveal-option-2')).toContainText('2 · 67%');
  for (const p of [ana, ben, cleo]) {
    await expect(stage(p)).toHaveAttribute('data-stage', 'revealed');
    await expect(p.getByText('3 votes in all.', { exact: false })).toBeVisible();
    await expect(p.getByTestId('reveal-option-2')).toContainText('2 · 67%');
    await expect(p.getByTestId('reveal-option-3')).toContainText('1 · 33%');
    await expect(p.getByTestId('reveal-option-1')).toContainText('0 · 0%');
  }
  await expect(cleo.getByTestId('my-vote-summary')).toHaveText('You voted for response 3.');
  await expect(ana.getByRole('heading', { name: 'Discuss' })).toBeVisible();
  await expectAccessible(ana, 'reveal');

  // The class goes on along its most-voted response.
  const next = await press(/^Continue with the most voted \(2\)/, (v) => v.phase === 'idle');
  expect(next.lastTurn?.chosen.id).toBe(PATH[0]);
  for (const p of [ana, ben, cleo]) await expect(stage(p)).toHaveAttribute('data-stage', 'waiting');
  await expect(ana.getByText('The class said:')).toBeVisible();

  // Round 2: everyone picks the path's response, Ben after a reload.
  await press(/^Open the vote/, (v) => v.phase === 'open');
  await ben.reload();
  await expect(stage(ben)).toHaveAttribute('data-stage', 'voting');
  for (const p of [ana, ben, cleo]) await option(p, PATH[1]!).click();
  await host.waitFor((v) => v.votes === 3, 'three votes in round 2');
  await press(/^Close the vote/, (v) => v.phase === 'closed');
  await press(/^Reveal the results/, (v) => v.phase === 'revealed');
  expect(Object.values(host.tally()).reduce((a, b) => a + b, 0)).toBe(3);
  for (const p of [ana, ben, cleo]) await expect(p.getByText('3 votes in all.', { exact: false })).toBeVisible();
  await press(/^Continue with the most voted/, (v) => v.phase === 'idle' && v.lastTurn?.chosen.id === PATH[1]);

  // The facilitator takes the rest of the path without votes, to the ending.
  for (const id of PATH.slice(2)) await host.act('continue', id);
  expect(host.view!.conversationEnded).toBe(true);
  for (const p of [ana, ben, cleo]) {
    await expect(stage(p)).toHaveAttribute('data-stage', 'ended');
    await expect(p.getByText('The conversation with Marcus Dunn has reached its end.', { exact: false })).toBeVisible();
  }
  await expect(ana.getByTestId('student-announcer')).toContainText('The session has ended');
  await expectAccessible(ana, 'ended');
  await host.act('end');
  host.close();

  // Leaving forgets the room: the join form again.
  await ana.getByRole('button', { name: 'Leave the room' }).click();
  await expect(ana.getByRole('heading', { name: 'Join a class' })).toBeVisible();
});

test('a wrong code, a full room and an ended session each say what happened', async ({ browser }) => {
  test.setTimeout(420_000);
  const page = await phone(browser);
  await page.goto(`${server().url}#/join/XXXXXX`);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toContainText('No room has the code XXXXXX');
  await expect(page.getByLabel('Join code')).toBeVisible();
  await expectAccessible(page, 'wrong code');

  const host = await HostSocket.create(server().wsUrl, SCENARIO);
  await host.act('end');
  await page.getByLabel('Join code').fill(host.code);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(stage(page)).toHaveAttribute('data-stage', 'ended');
  await expect(page.getByText('The facilitator has ended the session.', { exact: false })).toBeVisible();
  host.close();

  // A room for one: the second phone is told it is full, and keeps its code to try again.
  const small = await HostSocket.create(server().wsUrl, SCENARIO, 1);
  const first = await phone(browser);
  await first.goto(`${server().url}#/join/${small.code}`);
  await first.getByRole('button', { name: 'Join' }).click();
  await expect(stage(first)).toHaveAttribute('data-stage', 'waiting');
  const second = await phone(browser);
  await second.goto(`${server().url}#/join/${small.code}`);
  await second.getByRole('button', { name: 'Join' }).click();
  await expect(second.getByRole('alert')).toContainText('This room is full');
  await expect(second.getByLabel('Join code')).toHaveValue(small.code);
  small.close();
});
