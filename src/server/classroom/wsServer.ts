// The classroom WebSocket endpoint (issue 7): rooms live in this process, each change is written
// to the room's journal (fsync) before anyone is told of it, and every connection of the room is
// then sent its own view (host, projector, or one student: a student sees only their own vote).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, parseClientMessage, type ClientMessage, type ServerMessage } from '../../core/classroom/protocol.ts';
import { isJoinCode, normaliseJoinCode, Room, type Result, type RoomEvent, type Roster, type RoomView } from '../../core/classroom/room.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { JournalWriteError, type JournalStore } from './journal.ts';

export const WS_PATH = '/ws';

export interface ClassroomOptions {
  /** Where rooms are kept; without one, rooms live in memory only (tests). */
  store?: JournalStore;
  scenarioById: (id: string) => Scenario | undefined;
  /** Messages a connection may send: a bucket of `burst`, refilled at `perSecond`. */
  rate?: { burst: number; perSecond: number };
  /** Wrong join codes one address may try per minute before it must wait. */
  codeGuessesPerMinute?: number;
  /** A room with no message for this long and nobody connected is deleted (default 6 hours). */
  idleMs?: number;
  /** A connection whose unsent data passes this many bytes is not reading: it is dropped (default 1 MB). */
  maxBufferedBytes?: number;
  /** Votes and joins reach the host and projector at most this often (default 100 ms); host actions reach everyone at once. */
  broadcastMs?: number;
  /** How often students' screens get the new counts after votes and joins (default 1 s). */
  studentBroadcastMs?: number;
  now?: () => number;
}

interface Connection {
  ws: WebSocket;
  ip: string;
  tokens: number;
  refilledAt: number;
  /** Messages refused for the rate limit in a row; too many closes the connection. */
  strikes: number;
  room?: Room;
  role?: 'host' | 'student' | 'projector';
  studentId?: string;
  secret?: string;
}

/** Bookkeeping sizes: after every connection has gone they return to zero (the hostile suite checks). */
export interface ClassroomStats {
  connections: number;
  /** Connections listed in rooms' member sets. */
  members: number;
  /** Rooms with a member set (empty sets are dropped). */
  roomsWithMembers: number;
  rooms: number;
  /** Addresses whose wrong join codes are being counted. */
  guessers: number;
  /** Rooms with votes or joins waiting to be written. */
  queued: number;
  /** Rooms with a broadcast on its way. */
  broadcastsDue: number;
}

export interface Classroom {
  wss: WebSocketServer;
  rooms: Map<string, Room>;
  stats(): ClassroomStats;
  /** Deletes idle rooms now (also run every few minutes); returns their codes. */
  sweep(): string[];
  close(): Promise<void>;
}

export function attachClassroom(server: Server, opts: ClassroomOptions): Classroom {
  const now = opts.now ?? Date.now;
  const rate = opts.rate ?? { burst: 30, perSecond: 10 };
  const guessLimit = opts.codeGuessesPerMinute ?? 10;
  const rooms = new Map<string, Room>();
  const members = new Map<string, Set<Connection>>();
  const guesses = new Map<string, { count: number; since: number }>();
  const idleMs = opts.idleMs ?? 6 * 60 * 60 * 1000;
  /** When each room last heard from anyone; rooms restored from disk start from now. */
  const lastActive = new Map<string, number>();
  const connections = new Set<Connection>();
  const maxBuffered = opts.maxBufferedBytes ?? 1024 * 1024;
  const broadcastMs = opts.broadcastMs ?? 100;
  const studentBroadcastMs = opts.studentBroadcastMs ?? 1000;

  if (opts.store) {
    for (const room of opts.store.loadRooms(opts.scenarioById).rooms) {
      rooms.set(room.code, room);
      lastActive.set(room.code, now());
    }
  }

  // --- Countdowns. The server closes a timed vote itself, so it closes on every screen even when
  // the facilitator's screen sleeps, reloads or was never open (a phone remote, a second screen). ---

  const closeTimers = new Map<string, NodeJS.Timeout>();
  /** Closes the room's vote if its countdown has run out, telling everyone; then sets the next timer. */
  function closeOnTime(code: string) {
    const room = rooms.get(code);
    if (!room) return;
    try {
      const r = room.closeIfTimeUp(now());
      // The model refusing the close would refuse it again: say so once, no retrying.
      if (!r.ok) return console.error(`classroom: room ${code} could not close its vote on time: ${r.error}`);
      // A disk that refuses the close leaves the vote open: try again shortly.
      if (!commit(code, r)) closeTimers.set(code, setTimeout(() => scheduleClose(code), 1000));
    } catch (e) {
      console.error('classroom: closing a vote on time failed', e);
    }
  }
  /** Sets (or clears) the room's timer for its open vote's countdown; call after any change. */
  function scheduleClose(code: string) {
    clearTimeout(closeTimers.get(code));
    closeTimers.delete(code);
    const closesAt = rooms.get(code)?.voteClosesAt ?? null;
    if (closesAt === null) return;
    const timer = setTimeout(() => {
      closeTimers.delete(code);
      closeOnTime(code);
    }, Math.max(0, closesAt - now()));
    closeTimers.set(code, timer);
  }

  const sweep = (): string[] => {
    const expired: string[] = [];
    for (const [code, room] of rooms) {
      if ((members.get(code)?.size ?? 0) > 0 || now() - (lastActive.get(code) ?? 0) < idleMs) continue;
      forget(code);
      room.close();
      opts.store?.remove(code);
      expired.push(code);
    }
    for (const [ip, g] of guesses) if (now() - g.since > 60_000) guesses.delete(ip);
    return expired;
  };
  /** Drops everything kept for a room in memory (its journal stays until removed). */
  function forget(code: string) {
    rooms.delete(code);
    members.delete(code);
    lastActive.delete(code);
    payloads.delete(code);
    queued.delete(code);
    clearTimers(code);
    clearTimeout(closeTimers.get(code));
    closeTimers.delete(code);
  }
  const sweeper = setInterval(sweep, 5 * 60 * 1000);
  sweeper.unref();

  // maxPayload: ws refuses a frame over the limit and closes that connection, nothing else.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  const sendRaw = (c: Connection, text: string | Buffer) => {
    if (c.ws.readyState !== c.ws.OPEN) return;
    // A phone that stopped reading would make the server hold every view sent to it.
    if (c.ws.bufferedAmount > maxBuffered) {
      c.ws.terminate();
      return;
    }
    c.ws.send(text, { binary: false });
  };
  const send = (c: Connection, msg: ServerMessage) => sendRaw(c, JSON.stringify(msg));

  const leave = (c: Connection) => {
    if (!c.room) return;
    const set = members.get(c.room.code);
    set?.delete(c);
    if (set && set.size === 0) members.delete(c.room.code);
  };

  const diskError = (e: JournalWriteError) =>
    `the server could not save that to its disk, so nothing changed: try again, and tell whoever runs the server (${e.message})`;

  // --- Views. A room's state message is the same for every student with the same vote, so each
  // distinct payload is built and serialised once per room state, not once per connection. ---

  interface Payloads {
    room: Room;
    /** The room's journal length when built: any new event (or a rebuilt room) makes a new set. */
    events: number;
    host?: Buffer;
    projector?: RoomView;
    projectorText?: Buffer;
    /** By the student's vote ('' for none). */
    student: Map<string, Buffer>;
  }
  const payloads = new Map<string, Payloads>();
  const stateText = (state: RoomView, roster?: Roster): Buffer => Buffer.from(JSON.stringify({ type: 'state', state, ...(roster ? { roster } : {}) } satisfies ServerMessage));

  const payloadFor = (room: Room, c: Connection): Buffer => {
    let p = payloads.get(room.code);
    if (!p || p.room !== room || p.events !== room.journal.length) payloads.set(room.code, (p = { room, events: room.journal.length, student: new Map() }));
    if (c.role === 'host') return (p.host ??= stateText(room.view({ host: true }), room.roster()));
    p.projector ??= room.view({ projector: true });
    if (c.role !== 'student' || !c.studentId) return (p.projectorText ??= stateText(p.projector));
    // A student's view is the projector's plus their own vote (Room.view builds it the same way).
    const vote = room.voteOf(c.studentId);
    let text = p.student.get(vote ?? '');
    if (!text) p.student.set(vote ?? '', (text = stateText({ ...p.projector, myVote: vote })));
    return text;
  };

  const sendState = (c: Connection) => {
    if (c.room) sendRaw(c, payloadFor(c.room, c));
  };

  // --- Durability. Votes and joins are applied in memory at once and queued; the queue of a room
  // is written with one write and one fsync at the end of the event loop turn (group commit), and
  // only then is anyone told. Everything else is written at once, together with what is queued. ---

  interface Queued {
    events: RoomEvent[];
    /** Run once the events are on disk; `refused` once they are not. */
    saved: (() => void)[];
    refused: Connection[];
  }
  const queued = new Map<string, Queued>();

  /**
   * The room model applies an event as it records it. When the disk refuses the events, the room
   * is rebuilt from its journal without them, so memory, disk and every screen agree that they
   * never happened.
   */
  const rollback = (room: Room, count: number) => {
    const rebuilt = Room.fromJournal(room.journal.slice(0, -count), room.scenario);
    // Replaying what was already applied cannot fail; if it ever did, the message fails as a whole.
    if (!rebuilt.ok) throw new Error(`room ${room.code} could not be rolled back: ${rebuilt.error}`);
    room.close();
    rooms.set(room.code, rebuilt.value);
    for (const m of members.get(room.code) ?? []) m.room = rebuilt.value;
  };

  /**
   * Writes a room's queued events, and `extra` after them; null when saved (or nothing to save).
   * `fsync: 'now'` flushes a lone host action to the disk before returning too (a revoked key).
   */
  const flush = (code: string, extra?: RoomEvent, fsync: 'now' | 'soon' = 'soon'): JournalWriteError | null => {
    const q = queued.get(code);
    queued.delete(code);
    const events = [...(q?.events ?? []), ...(extra ? [extra] : [])];
    const room = rooms.get(code);
    if (events.length === 0 || !room) return null;
    try {
      // Votes and joins are acknowledged as saved: on the disk itself. A host action alone only
      // needs to survive a restart before the room is told; its fsync follows in the background.
      opts.store?.write(code, events, q ? 'now' : fsync);
    } catch (e) {
      if (!(e instanceof JournalWriteError)) throw e;
      rollback(room, events.length);
      for (const c of q?.refused ?? []) send(c, { type: 'error', error: diskError(e) });
      return e;
    }
    for (const done of q?.saved ?? []) done();
    if (q) broadcastSoon(code);
    return null;
  };

  const enqueue = (c: Connection, room: Room, event: RoomEvent, saved: () => void) => {
    let q = queued.get(room.code);
    if (!q) {
      queued.set(room.code, (q = { events: [], saved: [], refused: [] }));
      const code = room.code;
      setImmediate(() => {
        try {
          flush(code);
        } catch (e) {
          console.error('classroom: saving failed', e);
        }
      });
    }
    q.events.push(event);
    q.saved.push(saved);
    q.refused.push(c);
  };

  // --- Broadcasts. Host actions reach everyone at once. Votes and joins only move the counts on:
  // the host and projector get them at most every broadcastMs, students (whose screen says "12 of
  // 30 have voted") at most every studentBroadcastMs, so a class of 2,000 voting together costs
  // a few sends per student, not one per vote. Each voter is told of their own vote at once. ---

  const broadcastTimers = new Map<string, { staff?: NodeJS.Timeout; students?: NodeJS.Timeout }>();
  const sendToRoom = (code: string, which: (c: Connection) => boolean) => {
    for (const c of members.get(code) ?? []) if (which(c)) sendState(c);
  };
  const clearTimers = (code: string) => {
    const t = broadcastTimers.get(code);
    clearTimeout(t?.staff);
    clearTimeout(t?.students);
    broadcastTimers.delete(code);
  };
  const broadcastNow = (code: string) => {
    flush(code);
    clearTimers(code);
    sendToRoom(code, () => true);
  };
  const isStudent = (c: Connection) => c.role === 'student';
  function broadcastSoon(code: string) {
    let t = broadcastTimers.get(code);
    if (!t) broadcastTimers.set(code, (t = {}));
    const timers = t;
    const later = (part: 'staff' | 'students', ms: number, which: (c: Connection) => boolean) =>
      (timers[part] ??= setTimeout(() => {
        delete timers[part];
        if (!timers.staff && !timers.students && broadcastTimers.get(code) === timers) broadcastTimers.delete(code);
        try {
          flush(code);
          sendToRoom(code, which);
        } catch (e) {
          console.error('classroom: broadcast failed', e);
        }
      }, ms));
    later('staff', broadcastMs, (c) => !isStudent(c));
    later('students', studentBroadcastMs, isStudent);
  }

  /**
   * Saves what a host action or the countdown recorded (after anything queued), then tells the
   * room. `by`, the facilitator's connection that asked, is told of a refusal; the countdown has
   * nobody to tell. False when nothing changed (refused by the model, or by the disk).
   */
  function commit(code: string, r: Result<RoomEvent | null>, by?: Connection): boolean {
    if (!r.ok) {
      if (by) send(by, { type: 'error', error: r.error });
      return false;
    }
    const refused = flush(code, r.value ?? undefined);
    if (refused) {
      if (by) send(by, { type: 'error', error: diskError(refused) });
      return false;
    }
    if (r.value) broadcastNow(code);
    else if (by) sendState(by);
    scheduleClose(code);
    return true;
  }

  const notHost = (c: Connection) => send(c, { type: 'error', error: 'only the facilitator can do that' });
  /** The room of a connection that runs it (with the owner key or the current remote key) and that key, or undefined. */
  const asHost = (c: Connection): { room: Room; secret: string } | undefined =>
    c.room && c.role === 'host' && c.secret !== undefined && c.room.isHost(c.secret) ? { room: c.room, secret: c.secret } : undefined;

  /**
   * The owner revokes every remote link: the room gets the remote key their device made, on disk
   * (fsynced) before anyone is told, so a restart cannot bring the old key back. Only the owner key
   * may ask, and it keeps working. Every connection that came with the old remote key is told and
   * let go; the owner's connections are given the new remote key; a later hello with the old key
   * is refused. A refusal has its own message type: the screen that asked shows it as such.
   */
  const changeHostKey = (c: Connection, secret: string) => {
    const host = asHost(c);
    if (!host) return send(c, { type: 'hostKeyNotChanged', error: 'only the facilitator can do that' });
    const { room } = host;
    const r = room.changeHostKey(host.secret, secret);
    if (!r.ok) return send(c, { type: 'hostKeyNotChanged', error: r.error });
    const code = room.code;
    const refused = flush(code, r.value, 'now');
    if (refused) return send(c, { type: 'hostKeyNotChanged', error: diskError(refused) });
    const saved = rooms.get(code) ?? room;
    for (const m of [...(members.get(code) ?? [])]) {
      if (m.role !== 'host' || m.secret === undefined) continue;
      if (saved.isOwner(m.secret)) {
        send(m, { type: 'hostKeyChanged', code, secret });
        continue;
      }
      if (saved.isHost(m.secret)) continue;
      send(m, { type: 'hostKeyRevoked', code });
      leave(m);
      delete m.room;
      delete m.role;
      delete m.secret;
    }
  };

  const enter = (c: Connection, room: Room, role: NonNullable<Connection['role']>) => {
    leave(c);
    c.room = room;
    lastActive.set(room.code, now());
    c.role = role;
    let set = members.get(room.code);
    if (!set) members.set(room.code, (set = new Set()));
    set.add(c);
    // The owner is given the remote key, for the Phone remote link; a remote already holds it.
    const remoteKey = role === 'host' && c.secret !== undefined ? room.remoteKeyFor(c.secret) : null;
    send(c, { type: 'welcome', role, code: room.code, now: now(), ...(remoteKey !== null ? { remoteKey } : {}) });
  };

  /** Looks a room up by a code someone typed; wrong codes from one address are throttled. */
  const findRoom = (c: Connection, typed: string): Room | string => {
    const t = now();
    let g = guesses.get(c.ip);
    if (g && t - g.since > 60_000) {
      guesses.delete(c.ip);
      g = undefined;
    }
    if (g && g.count >= guessLimit) return 'too many wrong codes: wait a minute and try again';
    const code = normaliseJoinCode(typed);
    const room = isJoinCode(code) ? rooms.get(code) : undefined;
    if (room) return room;
    if (g) g.count++;
    else guesses.set(c.ip, { count: 1, since: t });
    return `no room has the code ${typed.slice(0, 16)}`;
  };

  const handle = (c: Connection, msg: ClientMessage) => {
    switch (msg.type) {
      case 'ping':
        send(c, { type: 'pong' });
        return;
      case 'create': {
        const scenario = opts.scenarioById(msg.scenarioId);
        if (!scenario) return send(c, { type: 'error', error: `no scenario '${msg.scenarioId}'` });
        let created: Result<Room> | undefined;
        for (let i = 0; i < 20 && (!created || (created.ok && rooms.has(created.value.code))); i++) {
          if (created?.ok) created.value.close();
          created = Room.create({ scenario, hostSecret: msg.secret, ...(msg.remoteSecret !== undefined ? { remoteSecret: msg.remoteSecret } : {}), ...(msg.maxSize !== undefined ? { maxSize: msg.maxSize } : {}) });
        }
        if (!created || !created.ok) return send(c, { type: 'error', error: created?.error ?? 'could not create a room' });
        const room = created.value;
        if (rooms.has(room.code)) return send(c, { type: 'error', error: 'could not find a free join code' });
        try {
          opts.store?.append(room.code, ...room.journal);
        } catch (e) {
          room.close();
          if (e instanceof JournalWriteError) return send(c, { type: 'error', error: diskError(e) });
          throw e;
        }
        rooms.set(room.code, room);
        c.secret = msg.secret;
        enter(c, room, 'host');
        return sendState(c);
      }
      case 'host': {
        const found = findRoom(c, msg.code);
        if (typeof found === 'string') return send(c, { type: 'error', error: found });
        if (!found.isHost(msg.secret)) return send(c, { type: 'error', error: 'only the facilitator can do that', code: 'hostKeyRefused' });
        c.secret = msg.secret;
        enter(c, found, 'host');
        flush(found.code);
        return sendState(c);
      }
      case 'watch': {
        const found = findRoom(c, msg.code);
        if (typeof found === 'string') return send(c, { type: 'error', error: found });
        enter(c, found, 'projector');
        flush(found.code);
        return sendState(c);
      }
      case 'join': {
        const found = findRoom(c, msg.code);
        if (typeof found === 'string') return send(c, { type: 'error', error: found });
        const r = found.join(msg.studentId, msg.handle);
        if (!r.ok) return send(c, { type: 'error', error: r.error });
        const joined = () => {
          // Gone before the join was on disk: the student is on the roll, the socket is not kept.
          if (c.ws.readyState !== c.ws.OPEN) return;
          c.studentId = msg.studentId;
          enter(c, rooms.get(found.code) ?? found, 'student');
          sendState(c);
        };
        // A student the journal does not know has not joined: they enter once it is on disk.
        if (r.value) return enqueue(c, found, r.value, joined);
        flush(found.code);
        return joined();
      }
      case 'vote': {
        if (!c.room || c.role !== 'student' || !c.studentId) return send(c, { type: 'error', error: 'join a room before voting' });
        // A vote that arrives after the countdown ran out, before its timer fired, is too late.
        const closesAt = c.room.voteClosesAt;
        if (closesAt !== null && now() >= closesAt) {
          clearTimeout(closeTimers.get(c.room.code));
          closeOnTime(c.room.code);
          // Refused even if the disk refused the close and the vote is still open.
          return send(c, { type: 'error', error: 'the vote is closed' });
        }
        const r = c.room.vote(c.studentId, msg.response);
        if (!r.ok) return send(c, { type: 'error', error: r.error });
        if (r.value) return enqueue(c, c.room, r.value, () => sendState(c));
        flush(c.room.code);
        return sendState(c);
      }
      case 'action': {
        const host = asHost(c);
        if (!host) return notHost(c);
        const timer = msg.seconds !== undefined ? { seconds: msg.seconds, now: now() } : undefined;
        return commit(host.room.code, host.room.host(host.secret, msg.action, msg.response, msg.tieBreak, timer), c);
      }
      case 'changeHostKey':
        return changeHostKey(c, msg.secret);
    }
  };

  /** Token bucket per connection; a flood gets errors, then the connection is closed. */
  const allowed = (c: Connection): boolean => {
    const t = now();
    c.tokens = Math.min(rate.burst, c.tokens + ((t - c.refilledAt) / 1000) * rate.perSecond);
    c.refilledAt = t;
    if (c.tokens >= 1) {
      c.tokens -= 1;
      c.strikes = 0;
      return true;
    }
    c.strikes++;
    return false;
  };

  // A vote left open by a restart closes when its countdown says, or at once if that has passed.
  for (const code of rooms.keys()) scheduleClose(code);

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const c: Connection = { ws, ip: req.socket.remoteAddress ?? '?', tokens: rate.burst, refilledAt: now(), strikes: 0 };
    connections.add(c);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!allowed(c)) {
        if (c.strikes === 1) send(c, { type: 'error', error: 'too many messages: slow down' });
        if (c.strikes > rate.burst) ws.close(1008, 'too many messages');
        return;
      }
      if (isBinary) return send(c, { type: 'error', error: 'messages must be text' });
      if (c.room) lastActive.set(c.room.code, now());
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      const parsed = parseClientMessage(buf.toString('utf8'), buf.length);
      if (!parsed.ok) return send(c, { type: 'error', error: parsed.error });
      try {
        handle(c, parsed.message);
      } catch (e) {
        // One bad message must not take the server, or other rooms, down.
        console.error('classroom: message failed', e);
        send(c, { type: 'error', error: 'the server could not do that' });
      }
    });
    ws.on('close', () => {
      connections.delete(c);
      leave(c);
      // Idle time counts from when the last person left.
      if (c.room && rooms.has(c.room.code)) lastActive.set(c.room.code, now());
    });
    ws.on('error', () => ws.terminate());
  });

  return {
    wss,
    rooms,
    sweep,
    stats: () => ({
      connections: connections.size,
      members: [...members.values()].reduce((n, s) => n + s.size, 0),
      roomsWithMembers: members.size,
      rooms: rooms.size,
      guessers: guesses.size,
      queued: queued.size,
      broadcastsDue: broadcastTimers.size,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.off('upgrade', onUpgrade);
        for (const ws of wss.clients) ws.terminate();
        for (const code of [...queued.keys()]) {
          try {
            // Votes already applied but not yet written: keep them, though nobody was told.
            flush(code);
          } catch (e) {
            console.error('classroom: saving failed on close', e);
          }
        }
        for (const code of [...broadcastTimers.keys()]) clearTimers(code);
        for (const t of closeTimers.values()) clearTimeout(t);
        closeTimers.clear();
        for (const room of rooms.values()) room.close();
        opts.store?.close();
        wss.close(() => resolve());
      }),
  };
}
