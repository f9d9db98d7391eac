// The classroom over real WebSockets: a host and two students run a vote; bad messages and
// floods leave the server up.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../src/core/classroom/protocol.ts';
import { JournalStore } from '../../src/server/classroom/journal.ts';
import { attachClassroom, type Classroom } from '../../src/server/classroom/wsServer.ts';
import { Client } from './classroomClient.ts';
import { SMALL, loadScenario } from './driver.ts';

const small = loadScenario(SMALL);
const SECRET = 'host-secret-123';

let server: Server;
let classroom: Classroom;
let url: string;
const clients: Client[] = [];

beforeEach(async () => {
  server = createServer((_req, res) => res.end('ok'));
  classroom = attachClassroom(server, { scenarioById: (id) => (id === small.id ? small : undefined), rate: { burst: 20, perSecond: 10 }, codeGuessesPerMinute: 3 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await classroom.close();
  await new Promise<void>((r) => server.close(() => r()));
});

async function hostRoom(): Promise<{ host: Client; code: string }> {
  const host = new Client(url, clients);
  await host.open();
  host.send({ type: 'create', scenarioId: 'small-test', secret: SECRET });
  const welcome = await host.next((m) => m.type === 'welcome');
  return { host, code: (welcome as Extract<ServerMessage, { type: 'welcome' }>).code };
}

async function student(code: string, id: string): Promise<Client> {
  const s = new Client(url, clients);
  await s.open();
  await s.until({ type: 'join', code: code.toLowerCase(), studentId: id }, () => true);
  return s;
}

describe('classroom WebSocket server', () => {
  it('runs a vote with a host and two students, counting each vote once', async () => {
    const { host, code } = await hostRoom();
    const a = await student(code, 'student-aaaa');
    const b = await student(code, 'student-bbbb');
    await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open' && s.students === 2);
    await a.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');
    await b.until({ type: 'vote', response: 'push' }, (s) => s.myVote === 'push');
    await b.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');
    // a repeated vote is not a second vote
    await a.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');
    const beforeReveal = await a.next((m) => m.type === 'state' && m.state.votes === 2);
    expect((beforeReveal as Extract<ServerMessage, { type: 'state' }>).state.reveal).toBeUndefined();
    await host.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
    const late = a.messages.length;
    a.send({ type: 'vote', response: 'push' });
    expect(await a.next((m) => m.type === 'error', late)).toEqual({ type: 'error', error: 'the vote is closed' });
    await host.until({ type: 'action', action: 'reveal' }, (s) => s.phase === 'revealed');
    const seen = (await b.next((m) => m.type === 'state' && m.state.phase === 'revealed')) as Extract<ServerMessage, { type: 'state' }>;
    expect(seen.state.reveal!.options.map((o) => [o.id, o.votes])).toEqual([
      ['reflect', 2],
      ['push', 0],
    ]);
    expect(JSON.stringify(seen.state)).not.toContain('student-aaaa');
    const next = await host.until({ type: 'action', action: 'continue' }, (s) => s.at !== 'opening');
    expect(next.at).toBe('middle');
    expect(classroom.rooms.get(code)!.history[0]!.tally).toEqual({ reflect: 2, push: 0 });
  });

  it('refuses host actions from students and a wrong host secret', async () => {
    const { code } = await hostRoom();
    const a = await student(code, 'student-aaaa');
    const from = a.messages.length;
    a.send({ type: 'action', action: 'openVote' });
    expect(await a.next((m) => m.type === 'error', from)).toEqual({ type: 'error', error: 'only the facilitator can do that' });
    const other = new Client(url, clients);
    await other.open();
    other.send({ type: 'host', code, secret: 'not-the-secret' });
    expect(await other.next((m) => m.type === 'error')).toEqual({ type: 'error', error: 'only the facilitator can do that', code: 'hostKeyRefused' });
  });

  it('stays up after malformed and oversized messages and a flood', async () => {
    const { host, code } = await hostRoom();
    const bad = new Client(url, clients);
    await bad.open();
    bad.send('not json');
    expect(await bad.next((m) => m.type === 'error')).toEqual({ type: 'error', error: 'message is not JSON' });
    bad.send({ type: 'vote', response: 'x', extra: 1 });
    await bad.next((m) => m.type === 'error' && m.error.includes('unexpected field'));
    bad.send('x'.repeat(10_000));
    expect(await bad.closed).toBe(1009);

    const flood = new Client(url, clients);
    await flood.open();
    for (let i = 0; i < 200; i++) flood.send({ type: 'ping' });
    expect(await flood.closed).toBe(1008);
    expect(flood.messages.filter((m) => m.type === 'pong').length).toBeLessThanOrEqual(25);

    // the room and the server still work
    const a = await student(code, 'student-aaaa');
    await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    await a.until({ type: 'vote', response: 'push' }, (s) => s.myVote === 'push');
  });

  it('throttles join-code guessing', async () => {
    const { code } = await hostRoom();
    const g = new Client(url, clients);
    await g.open();
    for (const guess of ['AAAAAA', 'CCCCCC', 'DDDDDD']) {
      const from = g.messages.length;
      g.send({ type: 'join', code: guess, studentId: 'student-gggg' });
      expect(await g.next((m) => m.type === 'error', from)).toEqual({ type: 'error', error: `no room has the code ${guess}` });
    }
    const from = g.messages.length;
    g.send({ type: 'join', code, studentId: 'student-gggg' });
    expect(await g.next((m) => m.type === 'error', from)).toEqual({ type: 'error', error: 'too many wrong codes: wait a minute and try again' });
  });
});

describe('a server restart mid-vote', () => {
  it('loses no room and no vote; a student reconnects as the same voter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evoke-ws-'));
    try {
      // Swap the in-memory classroom for one that keeps rooms on disk.
      await classroom.close();
      classroom = attachClassroom(server, { store: new JournalStore(dir), scenarioById: (id) => (id === small.id ? small : undefined) });
      const { host, code } = await hostRoom();
      const a = await student(code, 'student-aaaa');
      const b = await student(code, 'student-bbbb');
      await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
      await a.until({ type: 'vote', response: 'push' }, (s) => s.myVote === 'push');
      await b.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');

      // "Restart": drop every connection and every room in memory, then load from disk.
      for (const c of clients.splice(0)) c.ws.terminate();
      await classroom.close();
      classroom = attachClassroom(server, { store: new JournalStore(dir), scenarioById: (id) => (id === small.id ? small : undefined) });
      expect([...classroom.rooms.keys()]).toEqual([code]);

      const a2 = new Client(url, clients);
      await a2.open();
      const back = await a2.until({ type: 'join', code, studentId: 'student-aaaa' }, () => true);
      expect(back.phase).toBe('open');
      expect(back.myVote).toBe('push');
      const host2 = new Client(url, clients);
      await host2.open();
      const hv = await host2.until({ type: 'host', code, secret: SECRET }, () => true);
      expect(hv.reveal!.options.map((o) => [o.id, o.votes])).toEqual([
        ['reflect', 1],
        ['push', 1],
      ]);
      await host2.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('idle rooms', () => {
  it('expire when nobody is connected and nothing happened for the idle time', async () => {
    let clock = 1_000_000;
    await classroom.close();
    classroom = attachClassroom(server, { scenarioById: (id) => (id === small.id ? small : undefined), idleMs: 60_000, now: () => clock });
    const { host, code } = await hostRoom();
    clock += 120_000;
    expect(classroom.sweep()).toEqual([]); // the host is still connected
    const closed = new Promise<void>((r) => host.ws.once('close', () => r()));
    host.ws.close();
    await closed;
    await new Promise((r) => setTimeout(r, 50));
    clock += 30_000;
    expect(classroom.sweep()).toEqual([]); // not idle long enough
    clock += 120_000;
    expect(classroom.sweep()).toEqual([code]);
    expect(classroom.rooms.size).toBe(0);
  });
});
