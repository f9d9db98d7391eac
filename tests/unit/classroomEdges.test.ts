// The classroom's edges (issue 7): a vote countdown the server keeps and closes on time (also
// after a restart, and again after going back to the same turn), and who has joined, which the
// facilitator alone is sent, beside the view and never inside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseClientMessage, type ServerMessage } from '../../src/core/classroom/protocol.ts';
import { Room, ROSTER_NAMES, type RoomEvent } from '../../src/core/classroom/room.ts';
import { JournalStore } from '../../src/server/classroom/journal.ts';
import { attachClassroom, type Classroom } from '../../src/server/classroom/wsServer.ts';
import { Client } from './classroomClient.ts';
import { SMALL, loadScenario } from './driver.ts';

const small = loadScenario(SMALL);
const SECRET = 'host-secret-123';
const A = 'student-aaaa';
const B = 'student-bbbb';
const C = 'student-cccc';
const T0 = 1_700_000_000_000;

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function room(): Room {
  return must(Room.create({ scenario: small, hostSecret: SECRET, code: 'ACDEFG' }));
}

describe('the vote countdown in the room model', () => {
  it('is set when the vote opens, shown while open, and closes the vote once its time is up', () => {
    const r = room();
    must(r.join(A));
    expect(must(r.host(SECRET, 'openVote', undefined, undefined, { seconds: 10, now: T0 }))).toEqual({ type: 'voteOpened', seconds: 10, closesAt: T0 + 10_000 });
    expect(r.voteClosesAt).toBe(T0 + 10_000);
    for (const as of [{ host: true } as const, { projector: true } as const, { studentId: A }]) expect(r.view(as).countdown).toEqual({ seconds: 10, closesAt: T0 + 10_000 });
    must(r.vote(A, 'reflect'));
    expect(must(r.closeIfTimeUp(T0 + 9_999))).toBeNull();
    expect(r.currentPhase).toBe('open');
    expect(must(r.closeIfTimeUp(T0 + 10_000))).toEqual({ type: 'voteClosed', timeUp: true });
    expect(r.currentPhase).toBe('closed');
    expect(r.voteClosesAt).toBeNull();
    expect(r.view({ studentId: A })).toMatchObject({ phase: 'closed', timeUp: true, myVote: 'reflect' });
    expect(r.view({ studentId: A }).countdown).toBeUndefined();
    // Nothing more to close.
    expect(must(r.closeIfTimeUp(T0 + 20_000))).toBeNull();
  });

  it('leaves a vote without a countdown to the facilitator, and a facilitator may close a timed vote early', () => {
    const r = room();
    must(r.host(SECRET, 'openVote'));
    expect(r.voteClosesAt).toBeNull();
    expect(r.view({ projector: true }).countdown).toBeUndefined();
    expect(must(r.closeIfTimeUp(Number.MAX_SAFE_INTEGER))).toBeNull();
    must(r.host(SECRET, 'closeVote'));
    expect(r.view({ projector: true }).timeUp).toBeUndefined();
    const s = room();
    must(s.host(SECRET, 'openVote', undefined, undefined, { seconds: 30, now: T0 }));
    must(s.host(SECRET, 'closeVote'));
    expect(s.view({ projector: true }).timeUp).toBeUndefined();
    expect(must(s.closeIfTimeUp(T0 + 60_000))).toBeNull();
  });

  it('refuses a countdown outside 5 s to 1 hour, and a journal entry without its closing time', () => {
    const r = room();
    for (const seconds of [0, 4, 3601, 2.5, Number.NaN]) expect(r.host(SECRET, 'openVote', undefined, undefined, { seconds, now: T0 }).ok).toBe(false);
    expect(r.currentPhase).toBe('idle');
    const bad = [...room().journal, { type: 'voteOpened', seconds: 10 } as RoomEvent];
    expect(Room.fromJournal(bad, small).ok).toBe(false);
  });

  it('starts afresh after going back to the same turn (the old deadline is not reused)', () => {
    const r = room();
    must(r.join(A));
    must(r.host(SECRET, 'openVote', undefined, undefined, { seconds: 10, now: T0 }));
    must(r.vote(A, 'reflect'));
    must(r.closeIfTimeUp(T0 + 10_000));
    must(r.host(SECRET, 'continue'));
    must(r.host(SECRET, 'back'));
    const later = T0 + 60_000;
    must(r.host(SECRET, 'openVote', undefined, undefined, { seconds: 10, now: later }));
    expect(r.voteClosesAt).toBe(later + 10_000);
    expect(must(r.closeIfTimeUp(later + 1_000))).toBeNull();
    expect(r.view({ projector: true }).timeUp).toBeUndefined();
  });

  it('is rebuilt from the journal, mid-countdown and after it closed', () => {
    const r = room();
    must(r.join(A));
    must(r.host(SECRET, 'openVote', undefined, undefined, { seconds: 20, now: T0 }));
    const mid = must(Room.fromJournal(JSON.parse(JSON.stringify(r.journal)) as RoomEvent[], small));
    expect(mid.dump()).toEqual(r.dump());
    expect(mid.voteClosesAt).toBe(T0 + 20_000);
    must(r.closeIfTimeUp(T0 + 20_000));
    const after = must(Room.fromJournal(JSON.parse(JSON.stringify(r.journal)) as RoomEvent[], small));
    expect(after.dump()).toEqual(r.dump());
    expect(after.view({ projector: true }).timeUp).toBe(true);
  });
});

describe('the roster', () => {
  it('lists chosen handles sorted and counts the anonymous, and is in no view', () => {
    const r = room();
    must(r.join(A, 'Zoe'));
    must(r.join(B));
    must(r.join(C, 'Ana'));
    expect(r.roster()).toEqual({ names: ['Ana', 'Zoe'], moreNames: 0, anonymous: 1 });
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'reflect'));
    for (const as of [{ host: true } as const, { projector: true } as const, { studentId: B }]) {
      const text = JSON.stringify(r.view(as));
      expect(text).not.toContain('Zoe');
      expect(text).not.toContain('Ana');
    }
  });

  it('follows a student who renames, or drops their name, and keeps their vote', () => {
    const r = room();
    must(r.join(A, 'Ana'));
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'push'));
    must(r.join(A, 'Anna'));
    expect(r.roster()).toEqual({ names: ['Anna'], moreNames: 0, anonymous: 0 });
    must(r.join(A));
    expect(r.roster()).toEqual({ names: [], moreNames: 0, anonymous: 1 });
    expect(r.voteOf(A)).toBe('push');
    expect(r.studentCount).toBe(1);
  });

  it('names at most ROSTER_NAMES and counts the rest', () => {
    const r = room();
    for (let i = 0; i < ROSTER_NAMES + 5; i++) must(r.join(`student-${String(i).padStart(4, '0')}`, `S${String(i).padStart(4, '0')}`));
    const roster = r.roster();
    expect(roster.names).toHaveLength(ROSTER_NAMES);
    expect(roster.moreNames).toBe(5);
  });
});

describe('the countdown on the wire', () => {
  const parse = (o: unknown) => parseClientMessage(JSON.stringify(o));
  it('goes with openVote only, as whole seconds from 5 to 3600', () => {
    expect(parse({ type: 'action', action: 'openVote', seconds: 10 })).toEqual({ ok: true, message: { type: 'action', action: 'openVote', seconds: 10 } });
    expect(parse({ type: 'action', action: 'openVote', seconds: 4 })).toEqual({ ok: false, error: "'seconds' must be a whole number from 5 to 3600" });
    expect(parse({ type: 'action', action: 'openVote', seconds: '10' }).ok).toBe(false);
    expect(parse({ type: 'action', action: 'closeVote', seconds: 10 })).toEqual({ ok: false, error: "'seconds' goes only with openVote" });
  });
});

// --- The server: a real WebSocket endpoint. ---

let server: Server | undefined;
let classroom: Classroom | undefined;
let dir: string | undefined;
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await classroom?.close();
  classroom = undefined;
  if (server) await new Promise<void>((r) => server!.close(() => r()));
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function listen(store?: JournalStore, now?: () => number): Promise<string> {
  server = createServer((_req, res) => res.end('ok'));
  classroom = attachClassroom(server, { scenarioById: (id) => (id === small.id ? small : undefined), ...(store ? { store } : {}), ...(now ? { now } : {}) });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
}

async function connect(url: string, hello: unknown): Promise<Client> {
  const c = new Client(url, clients);
  await c.open();
  await c.until(hello);
  return c;
}

type State = Extract<ServerMessage, { type: 'state' }>;
const stateWhere = (test: (s: State) => boolean) => (m: ServerMessage) => m.type === 'state' && test(m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the server', () => {
  it('closes a timed vote by itself on every connection, and tells each screen its clock', async () => {
    const url = await listen();
    const host = await connect(url, { type: 'create', scenarioId: small.id, secret: SECRET });
    const welcome = (await host.next((m) => m.type === 'welcome')) as Extract<ServerMessage, { type: 'welcome' }>;
    expect(welcome.role).toBe('host');
    expect(Math.abs(welcome.now! - Date.now())).toBeLessThan(2000);
    const ana = await connect(url, { type: 'join', code: welcome.code, studentId: A, handle: 'Ana' });
    const screen = await connect(url, { type: 'watch', code: welcome.code });

    const opened = Date.now();
    const open = await ana.until({ type: 'vote', response: 'reflect' }, () => true).catch(() => null);
    expect(open).toBeNull(); // the vote is not open yet: refused
    await host.until({ type: 'action', action: 'openVote', seconds: 5 }, (v) => v.phase === 'open');
    const view = (await ana.next(stateWhere((s) => s.state.phase === 'open'))) as State;
    expect(view.state.countdown?.seconds).toBe(5);
    expect(view.state.countdown!.closesAt).toBeGreaterThanOrEqual(opened + 5000);
    await ana.until({ type: 'vote', response: 'reflect' }, (v) => v.myVote === 'reflect');
    // Nobody closes it: the server does, once the five seconds are up.
    await sleep(Math.max(0, opened + 4500 - Date.now()));
    for (const c of [host, ana, screen]) await c.next(stateWhere((s) => s.state.phase === 'closed' && s.state.timeUp === true));
    expect(Date.now() - opened).toBeGreaterThanOrEqual(4900);
    expect(classroom!.rooms.get(welcome.code)!.tally().reflect).toBe(1);
  }, 20_000);

  it('refuses a vote that arrives after the countdown ran out, even before its timer fires', async () => {
    let clock = Date.now();
    const url = await listen(undefined, () => clock);
    const host = await connect(url, { type: 'create', scenarioId: small.id, secret: SECRET });
    const code = ((await host.next((m) => m.type === 'welcome')) as { code: string }).code;
    const ana = await connect(url, { type: 'join', code, studentId: A });
    const ben = await connect(url, { type: 'join', code, studentId: B });
    await host.until({ type: 'action', action: 'openVote', seconds: 5 }, (v) => v.phase === 'open');
    await ana.until({ type: 'vote', response: 'reflect' }, (v) => v.myVote === 'reflect');
    // The server's clock passes the deadline; the real timer (five real seconds) has not fired.
    clock += 5_001;
    ben.send({ type: 'vote', response: 'reflect' });
    const refused = await ben.next((m) => m.type === 'error');
    expect(refused).toMatchObject({ type: 'error', error: 'the vote is closed' });
    await host.next(stateWhere((s) => s.state.phase === 'closed' && s.state.timeUp === true));
    expect(classroom!.rooms.get(code)!.tally().reflect).toBe(1);
  });

  it('sends the roster to the facilitator only, and follows a rename on the same connection', async () => {
    const url = await listen();
    const host = await connect(url, { type: 'create', scenarioId: small.id, secret: SECRET });
    const code = ((await host.next((m) => m.type === 'welcome')) as { code: string }).code;
    const ana = await connect(url, { type: 'join', code, studentId: A, handle: 'Ana' });
    const ben = await connect(url, { type: 'join', code, studentId: B });
    await host.next(stateWhere((s) => s.state.students === 2 && s.roster?.anonymous === 1));
    await ana.until({ type: 'join', code, studentId: A, handle: 'Anna' });
    const renamed = (await host.next(stateWhere((s) => s.roster?.names[0] === 'Anna'))) as State;
    expect(renamed.roster).toEqual({ names: ['Anna'], moreNames: 0, anonymous: 1 });
    expect(renamed.state.students).toBe(2);
    for (const m of [...ana.messages, ...ben.messages]) expect(JSON.stringify(m)).not.toMatch(/roster|"Ana"|Anna/);
  });

  it('after a restart, closes at once a timed vote whose time ran out while it was down', async () => {
    dir = mkdtempSync(join(tmpdir(), 'evoke-edges-'));
    const r = room();
    must(r.join(A));
    must(r.host(SECRET, 'openVote', undefined, undefined, { seconds: 5, now: Date.now() - 60_000 }));
    const store = new JournalStore(dir, () => {});
    store.append('ACDEFG', ...r.journal);
    store.close();
    const url = await listen(new JournalStore(dir, () => {}));
    const screen = new Client(url, clients);
    await screen.open();
    screen.send({ type: 'watch', code: 'ACDEFG' });
    const state = (await screen.next(stateWhere((s) => s.state.phase === 'closed'))) as State;
    expect(state.state.timeUp).toBe(true);
    expect(new JournalStore(dir, () => {}).load('ACDEFG').events.at(-1)).toEqual({ type: 'voteClosed', timeUp: true });
  });
});
