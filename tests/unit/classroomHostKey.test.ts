// Stopping other remotes. A room has two keys: the OWNER key, kept on the device that created the
// room and never put in a link, and the REMOTE key, which phone-remote links carry. Both run the
// room; only the owner key may replace the remote key. The old remote key must stop working at
// once, for every device holding it, and stay refused after a restart; the owner keeps control, a
// leaked link cannot take the room over, and students notice nothing. Rooms from before the two
// keys have one key, which counts as both, and cannot stop their links (they all hold that key).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseClientMessage, type ServerMessage } from '../../src/core/classroom/protocol.ts';
import { Room, SINGLE_KEY_ROOM, type RoomEvent } from '../../src/core/classroom/room.ts';
import { isRoomEvent, JournalStore, JournalWriteError } from '../../src/server/classroom/journal.ts';
import { attachClassroom, type Classroom, type ClassroomOptions } from '../../src/server/classroom/wsServer.ts';
import { Client } from './classroomClient.ts';
import { SMALL, loadScenario } from './driver.ts';

const small = loadScenario(SMALL);
const OWNER = 'owner-host-key-000';
const OLD = 'old-remote-key-123';
const NEW = 'new-remote-key-456';
const NOT_OWNER = 'only the device that created the room can make a new remote link';
const scenarioById = (id: string) => (id === small.id ? small : undefined);

describe('the room model', () => {
  const room = (remoteSecret: string | null = OLD) => {
    const r = Room.create({ scenario: small, hostSecret: OWNER, ...(remoteSecret !== null ? { remoteSecret } : {}), code: 'ACDEFG' });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('runs with either key; only the owner key makes a new remote key, which then replaces the old one', () => {
    const r = room();
    expect(r.isHost(OWNER) && r.isHost(OLD)).toBe(true);
    expect(r.isOwner(OWNER)).toBe(true);
    expect(r.isOwner(OLD)).toBe(false);
    expect(r.remoteKeyFor(OWNER)).toBe(OLD);
    expect(r.remoteKeyFor(OLD)).toBeNull();
    expect(r.changeHostKey('wrong-key-000', NEW)).toEqual({ ok: false, error: NOT_OWNER });
    // A leaked link (the remote key) cannot lock the owner out.
    expect(r.changeHostKey(OLD, NEW)).toEqual({ ok: false, error: NOT_OWNER });
    expect(r.changeHostKey(OWNER, NEW)).toEqual({ ok: true, value: { type: 'hostKeyChanged', hostSecret: NEW } });
    expect(r.isHost(OLD)).toBe(false);
    expect(r.isHost(NEW) && r.isHost(OWNER)).toBe(true);
    expect(r.remoteKeyFor(OWNER)).toBe(NEW);
    expect(r.host(OLD, 'openVote')).toEqual({ ok: false, error: 'only the facilitator can do that' });
    expect(r.host(OWNER, 'openVote').ok).toBe(true);
    expect(r.host(NEW, 'closeVote').ok).toBe(true);
  });

  it('refuses a short key, an old key or the owner key as the new one, and still takes one after the session ended', () => {
    const r = room();
    expect(r.changeHostKey(OWNER, 'short')).toMatchObject({ ok: false, error: expect.stringContaining('at least 8') });
    expect(r.changeHostKey(OWNER, OLD)).toMatchObject({ ok: false });
    expect(r.changeHostKey(OWNER, OWNER)).toMatchObject({ ok: false });
    expect(r.host(OWNER, 'end').ok).toBe(true);
    expect(r.changeHostKey(OWNER, NEW).ok).toBe(true);
    expect(Room.create({ scenario: small, hostSecret: OWNER, remoteSecret: OWNER })).toMatchObject({ ok: false });
    expect(Room.create({ scenario: small, hostSecret: OWNER, remoteSecret: 'short' })).toMatchObject({ ok: false, error: expect.stringContaining('at least 8') });
  });

  it('replays from its journal with the new remote key and the same owner key', () => {
    const r = room();
    r.changeHostKey(OWNER, NEW);
    const again = Room.fromJournal(r.journal, small);
    if (!again.ok) throw new Error(again.error);
    expect([again.value.isHost(NEW), again.value.isHost(OLD), again.value.isOwner(OWNER)]).toEqual([true, false, true]);
  });

  it("reads an older journal's one key as both keys, and refuses a new remote link it could not make safe", () => {
    const legacy = room(null);
    expect(legacy.journal[0]).not.toHaveProperty('remoteSecret');
    expect(legacy.remoteKeyFor(OWNER)).toBe(OWNER);
    // Every link to such a room carries the owner key: a new remote key would cut none of them off.
    expect(legacy.changeHostKey(OWNER, NEW)).toEqual({ ok: false, error: SINGLE_KEY_ROOM });
    const again = Room.fromJournal(legacy.journal, small);
    if (!again.ok) throw new Error(again.error);
    expect([again.value.isHost(OWNER), again.value.isOwner(OWNER), again.value.isHost(NEW)]).toEqual([true, true, false]);
  });

  it('reads the events back from disk only with their keys, and parses the requests', () => {
    expect(isRoomEvent({ type: 'hostKeyChanged', hostSecret: NEW })).toBe(true);
    expect(isRoomEvent({ type: 'hostKeyChanged' })).toBe(false);
    const created = { type: 'created', code: 'ACDEFG', hostSecret: OWNER, scenarioId: small.id, scenarioHash: small.hash, maxSize: 10 };
    expect(isRoomEvent(created)).toBe(true);
    expect(isRoomEvent({ ...created, remoteSecret: OLD })).toBe(true);
    expect(isRoomEvent({ ...created, remoteSecret: 5 })).toBe(false);
    expect(parseClientMessage(JSON.stringify({ type: 'changeHostKey', secret: NEW }))).toEqual({ ok: true, message: { type: 'changeHostKey', secret: NEW } });
    expect(parseClientMessage(JSON.stringify({ type: 'changeHostKey' }))).toEqual({ ok: false, error: "'secret' is missing" });
    expect(parseClientMessage(JSON.stringify({ type: 'changeHostKey', secret: NEW, code: 'ACDEFG' }))).toEqual({ ok: false, error: "unexpected field 'code'" });
    expect(parseClientMessage(JSON.stringify({ type: 'create', scenarioId: small.id, secret: OWNER, remoteSecret: OLD }))).toEqual({
      ok: true,
      message: { type: 'create', scenarioId: small.id, secret: OWNER, remoteSecret: OLD },
    });
    expect(parseClientMessage(JSON.stringify({ type: 'create', scenarioId: small.id, secret: OWNER, remoteSecret: 7 }))).toEqual({ ok: false, error: "'remoteSecret' must be text" });
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
  const hostRoom = async (remoteSecret: string | null = OLD): Promise<{ host: Client; code: string; welcome: ServerMessage }> => {
    const host = await connect();
    host.send({ type: 'create', scenarioId: small.id, secret: OWNER, ...(remoteSecret !== null ? { remoteSecret } : {}) });
    const welcome = (await host.next((m) => m.type === 'welcome')) as Extract<ServerMessage, { type: 'welcome' }>;
    await host.next((m) => m.type === 'state');
    return { host, code: welcome.code, welcome };
  };
  /** Another device: the remote link's key (or the owner's, for a second tab of the owner's browser), another connection. */
  const remote = async (code: string, secret = OLD) => {
    const r = await connect();
    await r.until({ type: 'host', code, secret });
    return r;
  };
  const changeKey = async (c: Client, secret = NEW) => {
    const from = c.messages.length;
    c.send({ type: 'changeHostKey', secret });
    return c.next((m) => m.type === 'hostKeyChanged' || m.type === 'hostKeyNotChanged' || m.type === 'error', from);
  };
  const refusedHello = { type: 'error', error: 'only the facilitator can do that', code: 'hostKeyRefused' };
  const hello = async (c: Client, code: string, secret: string) => {
    const from = c.messages.length;
    c.send({ type: 'host', code, secret });
    return c.next((m) => m.type === 'error' || m.type === 'state', from);
  };

  it('gives the owner the remote key; lets the remotes with the old one go, refuses it after, and keeps the owner in control', async () => {
    await start();
    const { host, code, welcome } = await hostRoom();
    expect(welcome).toMatchObject({ type: 'welcome', role: 'host', remoteKey: OLD });
    const phone = await remote(code);
    expect(phone.messages.find((m) => m.type === 'welcome')).not.toHaveProperty('remoteKey');
    // A second tab of the owner's own browser holds the owner key: it stays, and learns the new link.
    const ownerTab = await remote(code, OWNER);
    const student = await connect();
    await student.until({ type: 'join', code, studentId: 'student-aaaa' });
    // The remote works before.
    await phone.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');

    expect(await changeKey(host)).toEqual({ type: 'hostKeyChanged', code, secret: NEW });
    expect(await phone.next((m) => m.type === 'hostKeyRevoked')).toEqual({ type: 'hostKeyRevoked', code });
    expect(await ownerTab.next((m) => m.type === 'hostKeyChanged')).toEqual({ type: 'hostKeyChanged', code, secret: NEW });
    for (const c of [host, ownerTab, student]) expect(c.messages.some((m) => m.type === 'hostKeyRevoked')).toBe(false);

    // The phone was let go: its actions are refused, and so is coming back with the old key.
    expect(await phone.error({ type: 'action', action: 'closeVote' })).toBe('only the facilitator can do that');
    expect(await hello(phone, code, OLD)).toEqual(refusedHello);
    expect(classroom!.rooms.get(code)!.currentPhase).toBe('open');

    // The owner's connections go on, the student still votes, and the new link's key comes in.
    await student.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');
    await host.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
    const again = await remote(code, NEW);
    await again.until({ type: 'action', action: 'reveal' }, (s) => s.phase === 'revealed');
    await ownerTab.until({ type: 'action', action: 'continue' }, (s) => s.phase === 'idle');
    // And the owner key still opens the room, with the new remote key for its link.
    const later = await remote(code, OWNER);
    expect(later.messages.find((m) => m.type === 'welcome')).toMatchObject({ remoteKey: NEW });
    expect(classroom!.stats().members).toBe(5);
  });

  it("refuses a remote's request for a new key: a leaked link cannot lock the owner out", async () => {
    await start();
    const { host, code } = await hostRoom();
    const phone = await remote(code);
    expect(await changeKey(phone)).toEqual({ type: 'hostKeyNotChanged', error: NOT_OWNER });
    // Nobody was let go; both keys still run the room, and the owner can still make a new link.
    for (const c of [host, phone]) expect(c.messages.some((m) => m.type === 'hostKeyRevoked')).toBe(false);
    await phone.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    await host.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
    expect(classroom!.rooms.get(code)!.isHost(OLD)).toBe(true);
    expect(await changeKey(host)).toMatchObject({ type: 'hostKeyChanged', secret: NEW });
    // The same goes for a device that came with the remote key and opened the projector view.
    const projectorOnPhone = await remote(code, NEW);
    expect(await changeKey(projectorOnPhone, 'third-remote-key-789')).toEqual({ type: 'hostKeyNotChanged', error: NOT_OWNER });
    expect(classroom!.rooms.get(code)!.isHost(NEW)).toBe(true);
  });

  it('takes a new key only from a facilitator', async () => {
    await start();
    const { code } = await hostRoom();
    const student = await connect();
    await student.until({ type: 'join', code, studentId: 'student-aaaa' });
    expect(await changeKey(student)).toEqual({ type: 'hostKeyNotChanged', error: 'only the facilitator can do that' });
    const watcher = await connect();
    await watcher.until({ type: 'watch', code });
    expect(await changeKey(watcher)).toEqual({ type: 'hostKeyNotChanged', error: 'only the facilitator can do that' });
    expect(classroom!.rooms.get(code)!.isHost(OLD)).toBe(true);
  });

  it('keeps the new remote key through a restart on the same journal: the old one stays refused, the owner key works', async () => {
    const dir = tempDir();
    await start({ store: new JournalStore(dir, () => {}) });
    const { host, code } = await hostRoom();
    await changeKey(host);
    const onDisk = readFileSync(join(dir, `${code}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RoomEvent);
    expect(onDisk[0]).toMatchObject({ type: 'created', hostSecret: OWNER, remoteSecret: OLD });
    expect(onDisk.at(-1)).toEqual({ type: 'hostKeyChanged', hostSecret: NEW });

    for (const c of clients.splice(0)) c.ws.terminate();
    await start({ store: new JournalStore(dir, () => {}) });
    expect([...classroom!.rooms.keys()]).toEqual([code]);
    const stale = await connect();
    expect(await hello(stale, code, OLD)).toEqual(refusedHello);
    const phone = await remote(code, NEW);
    await phone.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    const owner = await remote(code, OWNER);
    expect(owner.messages.find((m) => m.type === 'welcome')).toMatchObject({ remoteKey: NEW });
    await owner.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
  });

  it("tells the owner of an older one-key room that its links cannot be stopped, rather than claiming they were", async () => {
    await start();
    const { host, welcome } = await hostRoom(null);
    expect(welcome).toMatchObject({ remoteKey: OWNER });
    expect(await changeKey(host)).toEqual({ type: 'hostKeyNotChanged', error: SINGLE_KEY_ROOM });
    await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
  });

  it('refuses the change when the disk refuses it, in its own message: the old key still runs the room', async () => {
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
    expect(refused).toMatchObject({ type: 'hostKeyNotChanged', error: expect.stringContaining('could not save that to its disk') });
    expect(phone.messages.some((m) => m.type === 'hostKeyRevoked')).toBe(false);
    store.failing = false;
    await phone.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    await host.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
  });
});
