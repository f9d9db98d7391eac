// Revoking remote links: the facilitator gives the room a new key. The old key (a phone remote's
// link) must stop working at once, for every device holding it, and stay refused after a restart;
// the facilitator's own connection keeps control, and students notice nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseClientMessage, type ServerMessage } from '../../src/core/classroom/protocol.ts';
import { Room, type RoomEvent } from '../../src/core/classroom/room.ts';
import { isRoomEvent, JournalStore, JournalWriteError } from '../../src/server/classroom/journal.ts';
import { attachClassroom, type Classroom, type ClassroomOptions } from '../../src/server/classroom/wsServer.ts';
import { Client } from './classroomClient.ts';
import { SMALL, loadScenario } from './driver.ts';

const small = loadScenario(SMALL);
const OLD = 'old-host-key-123';
const NEW = 'new-host-key-456';
const scenarioById = (id: string) => (id === small.id ? small : undefined);

describe('the room model', () => {
  const room = () => {
    const r = Room.create({ scenario: small, hostSecret: OLD, code: 'ACDEFG' });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('takes a new key only from the holder of the current one, and then refuses the old', () => {
    const r = room();
    expect(r.changeHostKey('wrong-key-000', NEW)).toEqual({ ok: false, error: 'only the facilitator can do that' });
    expect(r.changeHostKey(OLD, NEW)).toEqual({ ok: true, value: { type: 'hostKeyChanged', hostSecret: NEW } });
    expect(r.isHost(OLD)).toBe(false);
    expect(r.isHost(NEW)).toBe(true);
    expect(r.host(OLD, 'openVote')).toEqual({ ok: false, error: 'only the facilitator can do that' });
    expect(r.host(NEW, 'openVote').ok).toBe(true);
  });

  it('refuses a short key or the same key, and still takes a new one after the session ended', () => {
    const r = room();
    expect(r.changeHostKey(OLD, 'short')).toMatchObject({ ok: false, error: expect.stringContaining('at least 8') });
    expect(r.changeHostKey(OLD, OLD)).toMatchObject({ ok: false });
    expect(r.host(OLD, 'end').ok).toBe(true);
    expect(r.changeHostKey(OLD, NEW).ok).toBe(true);
  });

  it('replays from its journal with the new key', () => {
    const r = room();
    r.changeHostKey(OLD, NEW);
    const again = Room.fromJournal(r.journal, small);
    expect(again.ok && again.value.isHost(NEW) && !again.value.isHost(OLD)).toBe(true);
  });

  it('reads the event back from disk only with its key, and parses the request', () => {
    expect(isRoomEvent({ type: 'hostKeyChanged', hostSecret: NEW })).toBe(true);
    expect(isRoomEvent({ type: 'hostKeyChanged' })).toBe(false);
    expect(parseClientMessage(JSON.stringify({ type: 'changeHostKey', secret: NEW }))).toEqual({ ok: true, message: { type: 'changeHostKey', secret: NEW } });
    expect(parseClientMessage(JSON.stringify({ type: 'changeHostKey' }))).toEqual({ ok: false, error: "'secret' is missing" });
    expect(parseClientMessage(JSON.stringify({ type: 'changeHostKey', secret: NEW, code: 'ACDEFG' }))).toEqual({ ok: false, error: "unexpected field 'code'" });
  });
});

describe('the server', () => {
  let server: Server;
  let classroom: Classroom | undefined;
  let url: string;
  const clients: Client[] = [];
  const dirs: string[] = [];

  beforeEach(async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await classroom?.close();
    classroom = undefined;
    await new Promise<void>((r) => server.close(() => r()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const start = async (opts: Partial<ClassroomOptions> = {}) => {
    await classroom?.close();
    classroom = attachClassroom(server, { scenarioById, ...opts });
  };
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'evoke-hostkey-'));
    dirs.push(d);
    return d;
  };
  const connect = async () => {
    const c = new Client(url, clients);
    await c.open();
    return c;
  };
  const hostRoom = async (): Promise<{ host: Client; code: string }> => {
    const host = await connect();
    host.send({ type: 'create', scenarioId: small.id, secret: OLD });
    const welcome = (await host.next((m) => m.type === 'welcome')) as Extract<ServerMessage, { type: 'welcome' }>;
    await host.next((m) => m.type === 'state');
    return { host, code: welcome.code };
  };
  /** A second device with the remote link: the same key, another connection. */
  const remote = async (code: string, secret = OLD) => {
    const r = await connect();
    await r.until({ type: 'host', code, secret });
    return r;
  };
  const changeKey = async (host: Client, secret = NEW) => {
    const from = host.messages.length;
    host.send({ type: 'changeHostKey', secret });
    return host.next((m) => m.type === 'hostKeyChanged' || m.type === 'error', from);
  };

  it('lets the other remotes go with a message, refuses the old key after, and keeps the facilitator in control', async () => {
    await start();
    const { host, code } = await hostRoom();
    const phone = await remote(code);
    const student = await connect();
    await student.until({ type: 'join', code, studentId: 'student-aaaa' });
    // The remote works before.
    await phone.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');

    expect(await changeKey(host)).toEqual({ type: 'hostKeyChanged', code, secret: NEW });
    expect(await phone.next((m) => m.type === 'hostKeyRevoked')).toEqual({ type: 'hostKeyRevoked', code });
    expect(host.messages.some((m) => m.type === 'hostKeyRevoked')).toBe(false);
    expect(student.messages.some((m) => m.type === 'hostKeyRevoked')).toBe(false);

    // The phone was let go: its actions are refused, and so is coming back with the old key.
    expect(await phone.error({ type: 'action', action: 'closeVote' })).toBe('only the facilitator can do that');
    expect(await phone.error({ type: 'host', code, secret: OLD })).toBe('only the facilitator can do that');
    expect(classroom!.rooms.get(code)!.currentPhase).toBe('open');

    // The facilitator's connection goes on, the student still votes, and the new key reconnects.
    await student.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');
    await host.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
    const again = await remote(code, NEW);
    await again.until({ type: 'action', action: 'reveal' }, (s) => s.phase === 'revealed');
    expect(classroom!.stats().members).toBe(3);
  });

  it('takes a new key only from a facilitator', async () => {
    await start();
    const { code } = await hostRoom();
    const student = await connect();
    await student.until({ type: 'join', code, studentId: 'student-aaaa' });
    expect(await student.error({ type: 'changeHostKey', secret: NEW })).toBe('only the facilitator can do that');
    const watcher = await connect();
    await watcher.until({ type: 'watch', code });
    expect(await watcher.error({ type: 'changeHostKey', secret: NEW })).toBe('only the facilitator can do that');
    expect(classroom!.rooms.get(code)!.isHost(OLD)).toBe(true);
  });

  it('keeps the new key through a restart on the same journal: the old one stays refused', async () => {
    const dir = tempDir();
    await start({ store: new JournalStore(dir, () => {}) });
    const { host, code } = await hostRoom();
    await changeKey(host);
    const onDisk = readFileSync(join(dir, `${code}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RoomEvent);
    expect(onDisk.at(-1)).toEqual({ type: 'hostKeyChanged', hostSecret: NEW });

    for (const c of clients.splice(0)) c.ws.terminate();
    await start({ store: new JournalStore(dir, () => {}) });
    expect([...classroom!.rooms.keys()]).toEqual([code]);
    const stale = await connect();
    expect(await stale.error({ type: 'host', code, secret: OLD })).toBe('only the facilitator can do that');
    const facilitator = await remote(code, NEW);
    await facilitator.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
  });

  it('refuses the change when the disk refuses it: the old key still runs the room', async () => {
    class FlakyStore extends JournalStore {
      failing = false;
      override write(code: string, events: readonly RoomEvent[], fsync: 'now' | 'soon'): void {
        if (this.failing) throw new JournalWriteError(code, Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
        super.write(code, events, fsync);
      }
    }
    const store = new FlakyStore(tempDir(), () => {});
    await start({ store });
    const { host, code } = await hostRoom();
    const phone = await remote(code);
    store.failing = true;
    const refused = await changeKey(host);
    expect(refused).toMatchObject({ type: 'error', error: expect.stringContaining('could not save that to its disk') });
    expect(phone.messages.some((m) => m.type === 'hostKeyRevoked')).toBe(false);
    store.failing = false;
    await phone.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    await host.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
  });
});
