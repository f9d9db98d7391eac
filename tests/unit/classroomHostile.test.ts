// The classroom server under hostile input (issue 8, part 3 "Server"), against a real server on an
// ephemeral port: random and malformed frames, oversized messages, floods, many connections
// opened and dropped, votes that must not count twice, and a disk that refuses to write.
import fc from 'fast-check';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../src/core/classroom/protocol.ts';
import { Room, type RoomEvent } from '../../src/core/classroom/room.ts';
import { JournalStore, JournalWriteError } from '../../src/server/classroom/journal.ts';
import { attachClassroom, type Classroom, type ClassroomOptions } from '../../src/server/classroom/wsServer.ts';
import { Client } from './classroomClient.ts';
import { SMALL, loadScenario } from './driver.ts';

const small = loadScenario(SMALL);
const SECRET = 'host-secret-123';
const scenarioById = (id: string) => (id === small.id ? small : undefined);

let server: Server | undefined;
let classroom: Classroom | undefined;
let port = 0;
let url = '';
const clients: Client[] = [];
const dirs: string[] = [];

async function start(opts: Partial<ClassroomOptions> = {}): Promise<Classroom> {
  server = createServer((_req, res) => res.end('ok'));
  classroom = attachClassroom(server, { scenarioById, rate: { burst: 20, perSecond: 10 }, ...opts });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  url = `ws://127.0.0.1:${port}/ws`;
  return classroom;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await classroom?.close();
  if (server) await new Promise<void>((r) => server!.close(() => r()));
  server = undefined;
  classroom = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type State = Extract<ServerMessage, { type: 'state' }>;

async function client(): Promise<Client> {
  const c = new Client(url, clients);
  await c.open();
  return c;
}

async function hostRoom(maxSize?: number): Promise<{ host: Client; code: string }> {
  const host = await client();
  host.send({ type: 'create', scenarioId: small.id, secret: SECRET, ...(maxSize ? { maxSize } : {}) });
  const welcome = await host.next((m) => m.type === 'welcome');
  return { host, code: (welcome as Extract<ServerMessage, { type: 'welcome' }>).code };
}

async function student(code: string, id: string): Promise<Client> {
  const s = await client();
  await s.until({ type: 'join', code, studentId: id });
  return s;
}

const totalVotes = (code: string) => Object.values(classroom!.rooms.get(code)!.tally()).reduce((a, b) => a + b, 0);

/** Waits until a condition on server state holds (the server learns of a close a moment after the client). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never true: ${what}`);
}

/** A raw TCP WebSocket, to send frames no well-behaved client library would. */
async function rawSocket(): Promise<{ socket: Socket; received: () => Buffer; ended: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  let buf = Buffer.alloc(0);
  socket.on('data', (d) => (buf = Buffer.concat([buf, d])));
  socket.on('error', () => {});
  const ended = new Promise<void>((r) => socket.once('close', () => r()));
  await new Promise<void>((r) => socket.once('connect', () => r()));
  socket.write(
    ['GET /ws HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', ''].join('\r\n'),
  );
  for (let i = 0; i < 200 && !buf.includes('\r\n\r\n'); i++) await new Promise((r) => setTimeout(r, 5));
  expect(buf.toString('latin1')).toMatch(/^HTTP\/1.1 101/);
  const headerEnd = buf.indexOf('\r\n\r\n') + 4;
  return { socket, received: () => buf.subarray(headerEnd), ended };
}

/** A client frame header (clients must mask); the payload, if any, follows separately. */
function frameHeader(opcode: number, length: number, fin = true): Buffer {
  const first = (fin ? 0x80 : 0) | opcode;
  const mask = Buffer.from([1, 2, 3, 4]);
  if (length < 126) return Buffer.concat([Buffer.from([first, 0x80 | length]), mask]);
  if (length < 65536) {
    const h = Buffer.from([first, 0x80 | 126, 0, 0]);
    h.writeUInt16BE(length, 2);
    return Buffer.concat([h, mask]);
  }
  const h = Buffer.alloc(10);
  h[0] = first;
  h[1] = 0x80 | 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  return Buffer.concat([h, mask]);
}

/** The close code in the server's close frame, if it sent one. */
function closeCode(frames: Buffer): number | undefined {
  let i = 0;
  while (i + 2 <= frames.length) {
    const opcode = frames[i]! & 0x0f;
    let len = frames[i + 1]! & 0x7f;
    let at = i + 2;
    if (len === 126) {
      len = frames.readUInt16BE(at);
      at += 2;
    } else if (len === 127) {
      len = Number(frames.readBigUInt64BE(at));
      at += 8;
    }
    if (opcode === 0x8 && len >= 2) return frames.readUInt16BE(at);
    i = at + len;
  }
  return undefined;
}

describe('random and malformed frames', () => {
  it('answers every generated text frame with an error and stays up', async () => {
    await start({ rate: { burst: 10_000, perSecond: 10_000 } });
    const { host, code } = await hostRoom();
    const texts = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
        fc
          .record({
            type: fc.constantFrom('create', 'join', 'host', 'watch', 'vote', 'action', 'ping', '__proto__', 'constructor', ''),
            code: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(code)),
            studentId: fc.oneof(fc.string({ maxLength: 80 }), fc.constant(null)),
            response: fc.anything({ maxDepth: 2 }),
            action: fc.oneof(fc.constantFrom('openVote', 'reveal', 'end', 'toString'), fc.string()),
            secret: fc.string({ maxLength: 10 }),
            __proto__: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })),
          })
          .map((o) => JSON.stringify(o).replace('"___proto__"', '"__proto__"')),
      ),
      { numRuns: 600, seed: 8 },
    );
    const fuzz = await client();
    for (const t of texts) fuzz.send(t);
    await fuzz.ping();
    // Every frame got exactly one reply (the ping its pong); none was a state, nothing hung.
    expect(fuzz.messages).toHaveLength(texts.length + 1);
    expect(fuzz.messages.filter((m) => m.type === 'state' || m.type === 'welcome')).toEqual([]);
    // No join slipped through: the random ids never became students.
    expect(classroom!.rooms.get(code)!.studentCount).toBe(0);
    await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
  });

  it('refuses binary frames and invalid UTF-8 without harm', async () => {
    await start({ rate: { burst: 10_000, perSecond: 10_000 } });
    const { host } = await hostRoom();
    const bin = await client();
    const blobs = fc.sample(fc.uint8Array({ maxLength: 512 }), { numRuns: 100, seed: 8 });
    for (const b of blobs) bin.ws.send(b, { binary: true });
    await bin.ping();
    expect(bin.messages.slice(0, -1).every((m) => m.type === 'error' && m.error === 'messages must be text')).toBe(true);
    expect(bin.messages).toHaveLength(blobs.length + 1);

    const bad = await client();
    bad.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await bad.closed).toBe(1007);
    await host.ping();
  });
});

describe('oversized messages', () => {
  it('closes a connection sending more than 4 KB, and answers one just under it', async () => {
    await start();
    const { host } = await hostRoom();
    const edge = await client();
    const at = JSON.stringify({ type: 'ping', pad: '' });
    const reply = await edge.reply(at.replace('""', `"${'x'.repeat(4096 - at.length)}"`));
    expect(reply).toEqual({ type: 'error', error: "unexpected field 'pad'" });
    const big = await client();
    big.send('x'.repeat(4097));
    expect(await big.closed).toBe(1009);
    await host.ping();
  });

  it('refuses a 10 MB frame from its header alone, without waiting for (or buffering) the payload', async () => {
    await start();
    const { host } = await hostRoom();
    const raw = await rawSocket();
    // Only the header is sent: a server that buffered before checking would wait for 10 MB.
    raw.socket.write(frameHeader(0x1, 10 * 1024 * 1024));
    await raw.ended;
    expect(closeCode(raw.received())).toBe(1009);
    await host.ping();
  });

  it('counts fragments together: small pieces that add up past 4 KB are refused', async () => {
    await start();
    const raw = await rawSocket();
    const piece = Buffer.alloc(1000, 0x20);
    raw.socket.write(Buffer.concat([frameHeader(0x1, 1000, false), piece]));
    for (let i = 0; i < 5; i++) raw.socket.write(Buffer.concat([frameHeader(0x0, 1000, false), piece]));
    await raw.ended;
    expect(closeCode(raw.received())).toBe(1009);
  });
});

describe('a flood from one connection', () => {
  it('is told to slow down, then closed; its vote counts once; another room keeps voting', async () => {
    await start({ rate: { burst: 20, perSecond: 10 } });
    const one = await hostRoom();
    const two = await hostRoom();
    const flooder = await student(one.code, 'student-flood');
    const others = await Promise.all(['student-b001', 'student-b002', 'student-b003'].map((id) => student(two.code, id)));
    await one.host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    await two.host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');

    for (let i = 0; i < 500; i++) flooder.send({ type: 'vote', response: i % 2 ? 'reflect' : 'push' });
    // The other room votes while the flood arrives.
    await Promise.all(others.map((s, i) => s.until({ type: 'vote', response: i === 0 ? 'push' : 'reflect' }, (v) => v.myVote !== null)));

    expect(await flooder.closed).toBe(1008);
    expect(flooder.messages).toContainEqual({ type: 'error', error: 'too many messages: slow down' });
    expect(totalVotes(one.code)).toBe(1);
    expect(classroom!.rooms.get(two.code)!.tally()).toEqual({ reflect: 2, push: 1 });
    await two.host.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
    const revealed = await two.host.until({ type: 'action', action: 'reveal' }, (s) => s.phase === 'revealed');
    expect(revealed.reveal!.options.map((o) => o.votes)).toEqual([2, 1]);
    // The flooder comes back on a new connection as the same voter, still one vote.
    const back = await student(one.code, 'student-flood');
    await back.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');
    expect(totalVotes(one.code)).toBe(1);
  });
});

/** A gc() from inside the test, when the runtime allows it; heap checks are skipped otherwise. */
function gcFunction(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

describe('many connections opened and dropped', () => {
  it('500 open/close cycles leave the bookkeeping at its baseline and the heap close to it', async () => {
    await start({ rate: { burst: 10_000, perSecond: 10_000 } });
    const { host, code } = await hostRoom(1000);
    const gc = gcFunction();
    const heap = () => {
      gc?.();
      return process.memoryUsage().heapUsed;
    };
    // Warm up once so the first cycle's lazy allocations are not counted as growth.
    const warm = await student(code, 'student-warm');
    warm.ws.terminate();
    const settled = () => classroom!.stats().queued === 0 && classroom!.stats().broadcastsDue === 0;
    await eventually(() => classroom!.stats().connections === 1 && settled(), 'warm-up connection gone');
    const baseline = classroom!.stats();
    const heapBefore = heap();

    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const n = batch * 50 + i;
          const c = await client();
          if (n % 10 === 5) {
            // Joins and vanishes before the join is even on disk.
            c.send({ type: 'join', code, studentId: `student-gone-${String(n).padStart(4, '0')}` });
            c.ws.terminate();
            await c.closed;
            return;
          }
          if (n % 3 === 0) await c.until({ type: 'join', code, studentId: `student-${String(n % 100).padStart(4, '0')}` });
          else if (n % 3 === 1) await c.until({ type: 'watch', code });
          else c.send('garbage');
          // Half say goodbye, half just vanish.
          if (n % 2) c.ws.close();
          else c.ws.terminate();
          await c.closed;
        }),
      );
    }
    clients.splice(1);
    await eventually(() => classroom!.stats().connections === baseline.connections && settled(), 'every dropped connection forgotten');
    expect(classroom!.stats()).toEqual(baseline);
    expect(baseline).toEqual({ connections: 1, members: 1, roomsWithMembers: 1, rooms: 1, guessers: 0, queued: 0, broadcastsDue: 0 });
    // Students who joined stay on the roll (they may come back): 100 + the warm-up, and some that vanished at once.
    expect(classroom!.rooms.get(code)!.studentCount).toBeGreaterThanOrEqual(101);
    if (gc) expect(heap() - heapBefore).toBeLessThan(8 * 1024 * 1024);
    await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');

    host.ws.close();
    await eventually(() => classroom!.stats().connections === 0, 'host gone');
    expect(classroom!.stats()).toMatchObject({ connections: 0, members: 0, roomsWithMembers: 0 });
  });
});

describe('nothing counted twice', () => {
  it('a vote sent twice, from two sockets of one student, or after a reconnect counts once', async () => {
    await start();
    const { host, code } = await hostRoom();
    await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    const a = await student(code, 'student-aaaa');
    const a2 = await student(code, 'student-aaaa');
    await a.until({ type: 'vote', response: 'push' }, (s) => s.myVote === 'push');
    await a.until({ type: 'vote', response: 'push' }, (s) => s.myVote === 'push');
    await a2.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');
    expect(classroom!.rooms.get(code)!.tally()).toEqual({ reflect: 1, push: 0 });
    a.ws.terminate();
    a2.ws.terminate();
    const again = await student(code, 'student-aaaa');
    const view = await again.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');
    expect(view.students).toBe(1);
    expect(classroom!.rooms.get(code)!.tally()).toEqual({ reflect: 1, push: 0 });
  });

  it('refuses votes after the vote closes and after the session ends', async () => {
    await start();
    const { host, code } = await hostRoom();
    const a = await student(code, 'student-aaaa');
    const b = await student(code, 'student-bbbb');
    await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    await a.until({ type: 'vote', response: 'push' });
    await host.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
    expect(await b.error({ type: 'vote', response: 'reflect' })).toBe('the vote is closed');
    await host.until({ type: 'action', action: 'continue' }, (s) => s.at !== 'opening');
    expect(classroom!.rooms.get(code)!.history[0]!.tally).toEqual({ reflect: 0, push: 1 });
    await host.until({ type: 'action', action: 'end' }, (s) => s.phase === 'ended');
    expect(await b.error({ type: 'vote', response: 'reflect' })).toBe('the session has ended');
    expect(await host.error({ type: 'action', action: 'openVote' })).toBe('the session has ended');
  });
});

describe('views sent in bulk', () => {
  it('each student still gets exactly their own view, and the projector none of their votes', async () => {
    await start({ broadcastMs: 10, studentBroadcastMs: 10 });
    const { host, code } = await hostRoom();
    const ids = ['student-v001', 'student-v002', 'student-v003', 'student-v004'];
    const students = await Promise.all(ids.map((id) => student(code, id)));
    const projector = await client();
    await projector.until({ type: 'watch', code });
    await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    await Promise.all(students.map((s, i) => s.until({ type: 'vote', response: i % 2 ? 'push' : 'reflect' }, (v) => v.myVote !== null)));
    await eventually(() => classroom!.stats().broadcastsDue === 0 && classroom!.stats().queued === 0, 'broadcasts sent');
    await host.until({ type: 'action', action: 'closeVote' }, (s) => s.phase === 'closed');
    const room = classroom!.rooms.get(code)!;
    const lastState = (c: Client) => (c.messages.filter((m) => m.type === 'state').at(-1) as State).state;
    await Promise.all([...students, projector].map((c) => c.next((m) => m.type === 'state' && m.state.phase === 'closed')));
    students.forEach((s, i) => expect(lastState(s)).toEqual(room.view({ studentId: ids[i]! })));
    expect(lastState(projector)).toEqual(room.view({ projector: true }));
    expect(lastState(host)).toEqual(room.view({ host: true }));
    expect(lastState(projector).reveal).toBeUndefined();
  });
});

/** A store whose disk can be made to fail, as a full disk or a vanished folder would. */
class FlakyStore extends JournalStore {
  failing = false;
  override write(code: string, events: readonly RoomEvent[], fsync: 'now' | 'soon'): void {
    if (this.failing) throw new JournalWriteError(code, Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    super.write(code, events, fsync);
  }
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'evoke-hostile-'));
  dirs.push(d);
  return d;
}

describe('a disk that refuses to write', () => {
  it('refuses host actions, votes and joins with a clear error and leaves the room as it was', async () => {
    const dir = tempDir();
    const store = new FlakyStore(dir, () => {});
    await start({ store });
    const { host, code } = await hostRoom();
    const a = await student(code, 'student-aaaa');
    const before = classroom!.rooms.get(code)!.dump();

    store.failing = true;
    const refused = await host.error({ type: 'action', action: 'openVote' });
    expect(refused).toContain('could not save that to its disk, so nothing changed');
    expect(refused).toContain('ENOSPC');
    expect(classroom!.rooms.get(code)!.currentPhase).toBe('idle');
    expect(classroom!.rooms.get(code)!.dump()).toEqual(before);
    // Nobody else was told of a change that did not happen.
    expect(a.messages.filter((m) => m.type === 'state' && m.state.phase !== 'idle')).toEqual([]);

    const late = await client();
    expect(await late.reply({ type: 'join', code, studentId: 'student-bbbb' })).toMatchObject({ type: 'error', error: expect.stringContaining('nothing changed') });
    expect(classroom!.rooms.get(code)!.studentCount).toBe(1);
    expect(classroom!.stats().members).toBe(2);

    store.failing = false;
    await host.until({ type: 'action', action: 'openVote' }, (s) => s.phase === 'open');
    store.failing = true;
    expect(await a.error({ type: 'vote', response: 'push' })).toContain('nothing changed');
    expect(totalVotes(code)).toBe(0);

    // Once the disk recovers, the same connections carry on, and disk and memory agree.
    store.failing = false;
    await a.until({ type: 'vote', response: 'push' }, (s) => s.myVote === 'push');
    await late.until({ type: 'join', code, studentId: 'student-bbbb' });
    await late.until({ type: 'vote', response: 'reflect' }, (s) => s.myVote === 'reflect');
    expect(classroom!.rooms.get(code)!.tally()).toEqual({ reflect: 1, push: 1 });
    const fromDisk = Room.fromJournal(new JournalStore(dir, () => {}).load(code).events, small);
    expect(fromDisk.ok && fromDisk.value.dump()).toEqual(classroom!.rooms.get(code)!.dump());
  });

  it('refuses to create a room it cannot save', async () => {
    const store = new FlakyStore(tempDir(), () => {});
    await start({ store });
    store.failing = true;
    const host = await client();
    expect(await host.reply({ type: 'create', scenarioId: small.id, secret: SECRET })).toMatchObject({ type: 'error', error: expect.stringContaining('nothing changed') });
    expect(classroom!.rooms.size).toBe(0);
    expect(classroom!.stats().members).toBe(0);
  });

  it('an event written with its fsync in the background is read back by a restarted server', async () => {
    const dir = tempDir();
    const store = new JournalStore(dir, () => {});
    const room = Room.create({ scenario: small, hostSecret: SECRET, code: 'ACDEFG' });
    if (!room.ok) throw new Error(room.error);
    store.append('ACDEFG', ...room.value.journal);
    store.write('ACDEFG', [{ type: 'voteOpened' }], 'soon');
    expect(new JournalStore(dir, () => {}).load('ACDEFG').events.map((e) => e.type)).toEqual(['created', 'voteOpened']);
    await new Promise((r) => setTimeout(r, 50));
    store.close();
  });

  it('a real write failure (the journal is /dev/full) throws a JournalWriteError and the store recovers', () => {
    const dir = tempDir();
    const store = new JournalStore(dir, () => {});
    symlinkSync('/dev/full', join(dir, 'ACDEFG.jsonl'));
    const room = Room.create({ scenario: small, hostSecret: SECRET, code: 'ACDEFG' });
    if (!room.ok) throw new Error(room.error);
    expect(() => store.append('ACDEFG', ...room.value.journal)).toThrow(JournalWriteError);
    expect(() => store.append('ACDEFG', ...room.value.journal)).toThrow(/could not save room ACDEFG to disk \(ENOSPC\)/);
    // Another room's journal is unaffected.
    store.append('ACDEFH', { ...room.value.journal[0]!, code: 'ACDEFH' } as RoomEvent);
    expect(store.load('ACDEFH').events).toHaveLength(1);
    store.close();
  });
});
