// The classroom's edges (issue 7), in real Chromium against a real server started by the spec: a
// vote countdown that closes the vote by itself on every screen (and starts afresh after going
// back), a tied vote the facilitator breaks (never hinted on the projector before the reveal),
// the remote's counts marked as private, and who has joined: names on the facilitator's screens,
// on the projector only when the facilitator chooses, and a student who changes their name; the
// phone remote's link, given by the room and revoked by making a new one.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CLASSROOM_PORTS, classroomServerForFile } from './classroomServer.ts';
import { expectAccessible as scanPage, loadShipped, VETERAN } from './support.ts';

const scenario = loadShipped(VETERAN);
const firstNode = scenario.nodes[scenario.start]!;

// One server on its own port for the file; its tests run one after another in one worker.
test.describe.configure({ mode: 'serial' });
const classroom = classroomServerForFile(CLASSROOM_PORTS.edges);

interface Host {
  context: BrowserContext;
  page: Page;
  code: string;
}

/** The facilitator opens a room from the start page, with the countdown chosen there (or none). */
async function openRoom(browser: Browser, countdown?: string): Promise<Host> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${classroom().url}#/classroom`);
  await page.getByLabel('Scenario').selectOption(VETERAN);
  if (countdown) {
    await pickCountdown(page, countdown);
    await expect(page.getByRole('radio', { name: countdown, exact: true })).toBeChecked();
    await expectAccessible(page, 'start page with a countdown chosen');
  }
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(/#\/classroom\/host\/[A-Z0-9]{6}$/);
  return { context, page, code: page.url().split('/').pop()! };
}

/**
 * The axe scan, with the pointer moved off whatever it last pressed: a hovered filled button in the
 * theme turns one shade lighter (3.9:1), which is the theme's matter, not the state scanned here.
 */
async function expectAccessible(page: Page, label: string) {
  await page.mouse.move(0, 0);
  await scanPage(page, label);
}

/** Taps a countdown chip: its radio input is hidden behind the chip's label, as a finger finds it. */
async function pickCountdown(page: Page, spoken: string) {
  const id = await page.getByRole('radio', { name: spoken, exact: true }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

/** The facilitator's phone remote: a second page in the facilitator's browser (it holds the room's key). */
async function openRemote(host: Host): Promise<Page> {
  const remote = await host.context.newPage();
  await remote.setViewportSize({ width: 390, height: 844 });
  await remote.goto(`${classroom().url}#/classroom/remote/${host.code}`);
  await expect(remote.getByRole('heading', { name: `Room ${host.code}: remote` })).toBeVisible();
  return remote;
}

async function joinPhone(browser: Browser, code: string, handle?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${classroom().url}#/join/${code}`);
  if (handle) await page.getByLabel('Your name in the room (optional)').fill(handle);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(stage(page)).toHaveAttribute('data-stage', 'waiting');
  return page;
}

const stage = (page: Page) => page.getByTestId('student-stage');
const phase = (page: Page) => page.getByTestId('phase');
const option = (page: Page, n: number) => page.locator(`button[data-option="${firstNode.responses[n - 1]!.id}"]`);
const seconds = (text: string | null) => {
  const m = /(\d+):(\d\d)/.exec(text ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

test('a 10-second countdown closes the vote by itself on every screen, and starts afresh after going back', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await openRoom(browser, '10 seconds');
  const ana = await joinPhone(browser, host.code, 'Ana');
  const ben = await joinPhone(browser, host.code);
  const remote = await openRemote(host);
  const watcher = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
  await watcher.goto(`${classroom().url}#/classroom/screen/${host.code}/meters`);
  await expect(phase(watcher)).toHaveText('Waiting to vote');
  // The countdown chosen at creation is the one offered for the next vote.
  await expect(host.page.getByRole('radio', { name: '10 seconds', exact: true })).toBeChecked();

  const opened = Date.now();
  await host.page.getByRole('button', { name: /^Open the vote/ }).click();
  await option(ana, 1).click();
  await expect(ana.getByTestId('vote-status')).toContainText('Your vote is in: response 1');
  // Every screen counts down the same vote (the accessibility scans wait for the longer vote below).
  for (const p of [host.page, remote, watcher, ana, ben]) {
    const left = seconds(await p.getByTestId('countdown').textContent());
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(10);
  }
  await expect(ana.getByTestId('countdown')).toContainText('left to vote');

  // Nobody presses anything: the server closes the vote when the time is up, on every screen.
  for (const p of [host.page, remote, watcher]) await expect(phase(p)).toHaveText('Vote closed', { timeout: 20_000 });
  expect(Date.now() - opened).toBeGreaterThanOrEqual(9_000);
  for (const p of [ana, ben]) await expect(stage(p)).toHaveAttribute('data-stage', 'closed');
  await expect(ana.getByText('Time is up. Your vote, response 1, was counted.', { exact: false })).toBeVisible();
  await expect(ben.getByText('Time is up. You did not vote at this turn.', { exact: false })).toBeVisible();
  await expect(host.page.getByTestId('time-up')).toHaveText('Time is up');
  await expect(ana.getByTestId('student-announcer')).toContainText('Time is up: the vote is closed.');
  await expectAccessible(ana, 'phone, time up');
  await expectAccessible(host.page, 'host, time up');

  // Reveal, go on, then back to the same turn, and pick a longer countdown on the projector by a
  // tap (the letter keys still work after it). The new vote there gets its own full countdown.
  await host.page.keyboard.press('r');
  await expect(phase(host.page)).toHaveText('Results revealed');
  await host.page.getByRole('button', { name: /^Continue with the most voted \(1\)/ }).click();
  await expect(phase(host.page)).toHaveText('Waiting to vote');
  await host.page.keyboard.press('b');
  await expect(host.page.getByRole('heading', { name: 'Last turn' })).toHaveCount(0);
  await pickCountdown(host.page, '30 seconds');
  await expect(host.page.getByRole('radio', { name: '30 seconds', exact: true })).toBeChecked();
  // The remote, a tab of the same browser, follows the choice.
  await expect(remote.getByRole('radio', { name: '30 seconds', exact: true })).toBeChecked();
  await host.page.keyboard.press('o');
  await expect(phase(host.page)).toHaveText('Vote open');
  for (const p of [ana, remote]) expect(seconds(await p.getByTestId('countdown').textContent())).toBeGreaterThan(15);
  await expect(stage(ana)).toHaveAttribute('data-stage', 'voting');
  await expect(host.page.getByTestId('time-up')).toHaveCount(0);
  await expectAccessible(ben, 'phone with a countdown');
  await expectAccessible(host.page, 'host with a countdown');
  await expectAccessible(remote, 'remote with a countdown');
  // The facilitator may still close early (unless slow scans let the time run out first).
  if ((await phase(host.page).textContent()) === 'Vote open') {
    await host.page.keyboard.press('c');
    await expect(phase(host.page)).toHaveText('Vote closed');
    await expect(host.page.getByTestId('time-up')).toHaveCount(0);
    await expect(ana.getByText('Time is up', { exact: false })).toHaveCount(0);
  }
  for (const p of [ana, ben]) await expect(stage(p)).toHaveAttribute('data-stage', 'closed');
  await host.context.close();
});

test('a tied vote: nothing hints at it on the projector before the reveal, the remote says so privately, the facilitator breaks it', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await openRoom(browser);
  const remote = await openRemote(host);
  const ana = await joinPhone(browser, host.code, 'Ana');
  const ben = await joinPhone(browser, host.code, 'Ben');
  await expect(host.page.getByTestId('joined')).toHaveText('2');

  await host.page.getByRole('button', { name: /^Open the vote/ }).click();
  await expect(stage(ana)).toHaveAttribute('data-stage', 'voting');
  await option(ana, 1).click();
  await option(ben, 2).click();
  await expect(host.page.getByTestId('voted')).toHaveText('2');

  // The remote shows the counts while the vote is open, marked as the facilitator's alone.
  const tally = remote.getByTestId('private-tally');
  await expect(tally.getByRole('heading', { name: 'Votes so far' })).toBeVisible();
  await expect(tally.getByTestId('private-note')).toHaveText('Only you see this until you reveal.');
  await expect(tally.getByTestId('private-option-1')).toContainText('1 · 50%');
  await expect(tally.getByTestId('private-option-2')).toContainText('1 · 50%');
  await expectAccessible(remote, 'remote, private counts while open');
  // The projector shows only how many voted.
  await expect(host.page.getByText('Only you see this', { exact: false })).toHaveCount(0);
  await expect(host.page.getByTestId('private-tally')).toHaveCount(0);

  await host.page.getByRole('button', { name: /^Close the vote/ }).click();
  await expect(phase(host.page)).toHaveText('Vote closed');
  // Before the reveal the projector gives nothing away: no tie, no "most voted" with its number.
  await expect(host.page.getByTestId('tie-note')).toHaveCount(0);
  await expect(host.page.getByRole('button', { name: /^Tie:/ })).toHaveCount(0);
  await expect(host.page.getByRole('button', { name: /most voted/ })).toHaveCount(0);
  await expect(host.page.getByRole('button', { name: /^Reveal the results/ })).toBeVisible();
  await expectAccessible(host.page, 'projector, closed before the reveal');
  // The remote knows, and says it privately.
  await expect(remote.getByTestId('tie-note')).toBeVisible();
  await expect(remote.getByRole('heading', { name: 'The vote, not yet revealed' })).toBeVisible();
  await expect(remote.getByTestId('private-note')).toBeVisible();
  await expect(remote.getByRole('button', { name: 'Tie: continue with 1' })).toBeVisible();
  await expectAccessible(remote, 'remote, a tie before the reveal');

  await host.page.keyboard.press('r');
  await expect(phase(host.page)).toHaveText('Results revealed');
  await expect(host.page.getByTestId('tie-note')).toHaveText('The vote is tied: choose which of the tied responses to continue with.');
  for (const n of [1, 2]) await expect(host.page.getByTestId(`reveal-option-${n}`)).toContainText('Most voted');
  await expect(host.page.getByRole('button', { name: /most voted/ })).toHaveCount(0);
  await expect(remote.getByTestId('private-tally')).toHaveCount(0);
  for (const p of [ana, ben]) await expect(p.getByTestId('reveal-option-2')).toContainText('1 · 50%');
  await expectAccessible(host.page, 'projector, a tie revealed');

  await host.page.getByRole('button', { name: 'Tie: continue with 2' }).click();
  await expect(phase(host.page)).toHaveText('Waiting to vote');
  const chosen = firstNode.responses[1]!.say;
  for (const p of [ana, ben]) {
    await expect(stage(p)).toHaveAttribute('data-stage', 'waiting');
    await expect(p.locator('.reaction')).toContainText(chosen);
  }
  await expect(host.page.locator('.reaction')).toContainText(chosen);
  await host.context.close();
});

test('who has joined: names on the facilitator screens, on the projector only when chosen, and a student renames', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await openRoom(browser);
  const ana = await joinPhone(browser, host.code, 'Ana');
  const ben = await joinPhone(browser, host.code);
  const roster = host.page.getByTestId('roster');
  await expect(roster.getByTestId('roster-summary')).toHaveText('2 joined: 1 with a name, 1 anonymous.');
  // On the projector names wait for the facilitator.
  await expect(roster.getByText('Ana', { exact: true })).toHaveCount(0);
  await expectAccessible(host.page, 'projector with names hidden');
  await roster.getByRole('button', { name: 'Show names on the screen' }).click();
  await expect(roster.getByRole('list', { name: 'Names of students who joined' }).getByRole('listitem')).toHaveText(['Ana']);
  await expectAccessible(host.page, 'projector with names shown');

  // The remote lists them at once: only the facilitator holds it.
  const remote = await openRemote(host);
  await expect(remote.getByTestId('roster').getByRole('listitem')).toHaveText(['Ana']);

  // Phones say who they are and let the student change it.
  await expect(ana.getByTestId('my-handle')).toHaveText('You are Ana');
  await expect(ben.getByTestId('my-handle')).toHaveText('You are anonymous');
  await host.page.getByRole('button', { name: /^Open the vote/ }).click();
  await option(ben, 3).click();
  await expect(ben.getByTestId('vote-status')).toContainText('Your vote is in: response 3');
  await ben.getByRole('button', { name: 'Add a name' }).click();
  await expect(ben.getByLabel('Your name in the room')).toBeFocused();
  await expectAccessible(ben, 'phone, changing the name');
  await ben.keyboard.type('Ben');
  await ben.keyboard.press('Enter');
  await expect(ben.getByTestId('my-handle')).toHaveText('You are Ben');
  await expect(roster.getByTestId('roster-summary')).toHaveText('2 joined: 2 with a name.');
  await expect(roster.getByRole('listitem')).toHaveText(['Ana', 'Ben']);
  await expect(remote.getByTestId('roster').getByRole('listitem')).toHaveText(['Ana', 'Ben']);
  // Same voter: the vote stays, nobody new joined; a reload keeps the new name.
  await expect(option(ben, 3)).toHaveAttribute('aria-pressed', 'true');
  await ben.reload();
  await expect(ben.getByTestId('my-handle')).toHaveText('You are Ben');
  await expect(option(ben, 3)).toHaveAttribute('aria-pressed', 'true');
  await expect(host.page.getByTestId('joined')).toHaveText('2');
  await expect(host.page.getByTestId('voted')).toHaveText('1');
  await expectAccessible(ben, 'phone after a rename');

  // Ana drops her name: anonymous again, on her phone and on the facilitator's list.
  await ana.getByRole('button', { name: 'Change name' }).click();
  await ana.getByLabel('Your name in the room').fill('');
  await ana.getByRole('button', { name: 'Save' }).click();
  await expect(ana.getByTestId('my-handle')).toHaveText('You are anonymous');
  await expect(roster.getByTestId('roster-summary')).toHaveText('2 joined: 1 with a name, 1 anonymous.');
  await expect(roster.getByRole('listitem')).toHaveText(['Ben']);
  // Hidden again at the facilitator's word.
  await roster.getByRole('button', { name: 'Hide names' }).click();
  await expect(roster.getByText('Ben', { exact: true })).toHaveCount(0);
  await host.context.close();
});

test("the facilitator's own phone becomes the remote through the link the room gives it", async ({ browser }) => {
  const host = await openRoom(browser);
  await host.page.getByRole('button', { name: 'Phone remote' }).click();
  const dialog = host.page.getByRole('dialog', { name: 'Run the room from your phone' });
  await expect(dialog).toContainText("This link is the room's key");
  await expect(dialog.getByRole('img', { name: 'QR code of the remote link' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Show as a QR code' }).click();
  await expect(dialog.getByRole('img', { name: 'QR code of the remote link' })).toBeVisible();
  await expectAccessible(host.page, 'remote link dialog');
  // The key is not on the (projected) screen until asked for.
  await expect(dialog.getByRole('textbox', { name: 'Remote link' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Show the link' }).click();
  const link = await dialog.getByRole('textbox', { name: 'Remote link' }).inputValue();
  expect(link).toMatch(new RegExp(`#/classroom/remote/${host.code}/[0-9a-f]{48}$`));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Another device: the phone has never seen this room. (The link names the server's network
  // address; here the phone reaches it by the test's own address.)
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const remote = await phone.newPage();
  await remote.goto(`${classroom().url}${new URL(link).hash}`);
  await expect(remote.getByRole('heading', { name: `Room ${host.code}: remote` })).toBeVisible();
  // The key is kept on the phone and gone from the address bar (and so from a shared screenshot).
  await expect(remote).toHaveURL(new RegExp(`#/classroom/remote/${host.code}$`));
  await remote.getByRole('button', { name: /^Open the vote/ }).click();
  await expect(host.page.getByTestId('phase')).toHaveText('Vote open');
  await remote.reload();
  await expect(remote.getByRole('button', { name: /^Close the vote/ })).toBeVisible();
  await expectAccessible(remote, 'paired remote');

  // A wrong key in a link never replaces the one the phone holds.
  await remote.goto(`${classroom().url}#/classroom/remote/${host.code}/${'0'.repeat(48)}`);
  await expect(remote.getByRole('button', { name: /^Close the vote/ })).toBeVisible();

  // A link with its key cut off gives no control.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`${classroom().url}#/classroom/remote/${host.code}`);
  await expect(stranger.getByRole('alert')).toContainText("This device does not hold the facilitator's key");
  await phone.close();
  await host.context.close();
});

test('stopping other remotes: only the owner device can, a phone with the old link is told and loses control, the new link gives it back', async ({ browser }) => {
  test.setTimeout(180_000);
  const host = await openRoom(browser);
  const dialog = host.page.getByRole('dialog', { name: 'Run the room from your phone' });
  const linkIn = async () => {
    await host.page.getByRole('button', { name: 'Phone remote' }).click();
    await dialog.getByRole('button', { name: 'Show the link' }).click();
    return dialog.getByRole('textbox', { name: 'Remote link' }).inputValue();
  };
  const oldLink = await linkIn();
  // The link carries the remote key, never the owner key kept on this device.
  const ownerKey = await host.page.evaluate((code) => localStorage.getItem(`evoke.classroom.host.${code}`), host.code);
  expect(ownerKey).toMatch(/^[0-9a-f]{48}$/);
  expect(oldLink).not.toContain(ownerKey!);
  await expect(dialog.getByRole('button', { name: 'Stop other remotes…' })).toBeVisible();
  await dialog.screenshot({ path: '/tmp/cls2/remote-dialog-owner.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The link on another device works; so does a remote tab in the facilitator's own browser.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const remote = await phone.newPage();
  await remote.goto(`${classroom().url}${new URL(oldLink).hash}`);
  await remote.getByRole('button', { name: /^Open the vote/ }).click();
  await expect(phase(host.page)).toHaveText('Vote open');
  const tab = await openRemote(host);
  await expect(phase(tab)).toHaveText('Vote open');

  // The phone opens the projector view: it runs the room, and its Phone remote dialog gives the
  // same link, but it cannot stop other remotes (a leaked link cannot lock the facilitator out).
  const phoneProjector = await phone.newPage();
  await phoneProjector.setViewportSize({ width: 1280, height: 900 });
  await phoneProjector.goto(`${classroom().url}#/classroom/host/${host.code}`);
  await expect(phase(phoneProjector)).toHaveText('Vote open');
  await phoneProjector.getByRole('button', { name: 'Phone remote' }).click();
  const phoneDialog = phoneProjector.getByRole('dialog', { name: 'Run the room from your phone' });
  await phoneDialog.getByRole('button', { name: 'Show the link' }).click();
  expect(await phoneDialog.getByRole('textbox', { name: 'Remote link' }).inputValue()).toBe(oldLink);
  await expect(phoneDialog.getByTestId('not-owner-note')).toContainText('Only the device that created the room can stop other remotes');
  await expect(phoneDialog.getByRole('button', { name: /Stop other remotes/ })).toHaveCount(0);
  await expect(phoneDialog.getByRole('heading', { name: 'Stop other remotes' })).toHaveCount(0);
  await phoneDialog.screenshot({ path: '/tmp/cls2/remote-dialog-remote-device.png' });
  await expectAccessible(phoneProjector, 'remote link dialog on a device with the remote key');
  await phoneDialog.getByRole('button', { name: 'Close' }).click();
  await phoneProjector.close();

  // A third device opened the old link earlier and still holds its key, with no page open.
  const spare = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const spareOld = await spare.newPage();
  await spareOld.goto(`${classroom().url}${new URL(oldLink).hash}`);
  await expect(spareOld.getByRole('heading', { name: `Room ${host.code}: remote` })).toBeVisible();
  await spareOld.close();

  // The facilitator stops the other remotes, after saying so twice.
  await linkIn();
  await dialog.getByRole('button', { name: 'Stop other remotes…' }).click();
  await expectAccessible(host.page, 'stopping other remotes, asked to confirm');
  await dialog.getByRole('button', { name: 'Stop them and make a new link' }).click();
  await expect(dialog.getByTestId('new-link-done')).toContainText('the old link no longer works');
  const newLink = await dialog.getByRole('textbox', { name: 'Remote link' }).inputValue();
  expect(newLink).toMatch(new RegExp(`#/classroom/remote/${host.code}/[0-9a-f]{48}$`));
  expect(newLink).not.toBe(oldLink);
  expect(newLink).not.toContain(ownerKey!);
  await expectAccessible(host.page, 'remote link dialog with a new link');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The phone is told, calmly, and has no controls any more; nor after a reload, nor by the old link.
  await expect(remote.getByTestId('key-revoked')).toContainText(`This device no longer runs room ${host.code}`);
  await expect(remote.getByTestId('key-revoked')).toContainText('The facilitator made a new remote link');
  await expect(remote.getByRole('heading', { name: 'Facilitator controls' })).toHaveCount(0);
  await expectAccessible(remote, 'remote whose link was revoked');
  await remote.reload();
  await expect(remote.getByRole('alert')).toContainText(`This device does not hold the facilitator's key for room ${host.code}`);
  await remote.goto(`${classroom().url}${new URL(oldLink).hash}`);
  await expect(remote.getByTestId('key-refused')).toContainText(`This link's key does not run room ${host.code}`);
  await expect(remote.getByTestId('key-refused')).toContainText('not valid, or no longer');

  // The facilitator's screen runs the room on, and so does the tab in the same browser (the owner key).
  await host.page.keyboard.press('c');
  await expect(phase(host.page)).toHaveText('Vote closed');
  await tab.getByRole('button', { name: /^Reveal the results/ }).click();
  await expect(phase(host.page)).toHaveText('Results revealed');

  // The new link, opened on the phone in the same tab, gives it control again.
  await remote.goto(`${classroom().url}${new URL(newLink).hash}`);
  await expect(remote.getByRole('heading', { name: `Room ${host.code}: remote` })).toBeVisible();
  await remote.getByRole('button', { name: /^Continue along response 1:/ }).click();
  await expect(phase(host.page)).toHaveText('Waiting to vote');

  // The third device still holds the revoked key: the new link's key is tried after it, and kept.
  const spareNew = await spare.newPage();
  await spareNew.goto(`${classroom().url}${new URL(newLink).hash}`);
  await expect(spareNew.getByRole('heading', { name: `Room ${host.code}: remote` })).toBeVisible();
  await spareNew.getByRole('button', { name: /^Open the vote/ }).click();
  await expect(phase(host.page)).toHaveText('Vote open');
  await spareNew.reload();
  await expect(spareNew.getByRole('button', { name: /^Close the vote/ })).toBeVisible();
  await spare.close();
  await phone.close();
  await host.context.close();
});
