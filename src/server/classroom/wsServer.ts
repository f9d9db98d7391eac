// The classroom WebSocket endpoint (issue 7): rooms live in this process, each change is written
// to the room's journal (fsync) before anyone is told of it, and every connection of the room is
// then sent its own view (host, projector, or one student: a student sees only their own vote).
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, parseClientMessage, type ClientMessage, type ServerMessage } from '../../core/classroom/protocol.ts';
import { isJoinCode, normaliseJoinCode, Room, type Result, type RoomEvent, type RoomView } from '../../core/classroom/room.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import type { JournalStore } from './journal.ts';

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

export interface Classroom {
  wss: WebSocketServer;
  rooms: Map<string, Room>;
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

  if (opts.store) {
    for (const room of opts.store.loadRooms(opts.scenarioById).rooms) {
      rooms.set(room.code, room);
      lastActive.set(room.code, now());
    }
  }

  const sweep = (): string[] => {
    const expired: string[] = [];
    for (const [code, room] of rooms) {
      if ((members.get(code)?.size ?? 0) > 0 || now() - (lastActive.get(code) ?? 0) < idleMs) continue;
      rooms.delete(code);
      members.delete(code);
      lastActive.delete(code);
      room.close();
      opts.store?.remove(code);
      expired.push(code);
    }
    return expired;
  };
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

  const send = (c: Connection, msg: ServerMessage) => {
    if (c.ws.readyState === c.ws.OPEN) c.ws.send(JSON.stringify(msg));
  };

  const viewFor = (room: Room, c: Connection): RoomView =>
    c.role === 'host' ? room.view({ host: true }) : c.role === 'student' && c.studentId ? room.view({ studentId: c.studentId }) : room.view({ projector: true });

  const broadcast = (room: Room) => {
    for (const c of members.get(room.code) ?? []) send(c, { type: 'state', state: viewFor(room, c) });
  };

  /** Persists what a command recorded, then tells the room. */
  const commit = (c: Connection, room: Room, r: Result<RoomEvent | null>) => {
    if (!r.ok) {
      send(c, { type: 'error', error: r.error });
      return;
    }
    if (r.value) {
      opts.store?.append(room.code, r.value);
      broadcast(room);
    } else send(c, { type: 'state', state: viewFor(room, c) });
  };

  const enter = (c: Connection, room: Room, role: NonNullable<Connection['role']>) => {
    if (c.room) members.get(c.room.code)?.delete(c);
    c.room = room;
    lastActive.set(room.code, now());
    c.role = role;
    let set = members.get(room.code);
    if (!set) members.set(room.code, (set = new Set()));
    set.add(c);
    send(c, { type: 'welcome', role, code: room.code });
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
          created = Room.create({ scenario, hostSecret: msg.secret, ...(msg.maxSize !== undefined ? { maxSize: msg.maxSize } : {}) });
        }
        if (!created || !created.ok) return send(c, { type: 'error', error: created?.error ?? 'could not create a room' });
        const room = created.value;
        if (rooms.has(room.code)) return send(c, { type: 'error', error: 'could not find a free join code' });
        opts.store?.append(room.code, ...room.journal);
        rooms.set(room.code, room);
        c.secret = msg.secret;
        enter(c, room, 'host');
        return broadcast(room);
      }
      case 'host': {
        const found = findRoom(c, msg.code);
        if (typeof found === 'string') return send(c, { type: 'error', error: found });
        if (!found.isHost(msg.secret)) return send(c, { type: 'error', error: 'only the facilitator can do that' });
        c.secret = msg.secret;
        enter(c, found, 'host');
        return broadcast(found);
      }
      case 'watch': {
        const found = findRoom(c, msg.code);
        if (typeof found === 'string') return send(c, { type: 'error', error: found });
        enter(c, found, 'projector');
        return send(c, { type: 'state', state: viewFor(found, c) });
      }
      case 'join': {
        const found = findRoom(c, msg.code);
        if (typeof found === 'string') return send(c, { type: 'error', error: found });
        const r = found.join(msg.studentId, msg.handle);
        if (!r.ok) return send(c, { type: 'error', error: r.error });
        c.studentId = msg.studentId;
        enter(c, found, 'student');
        return commit(c, found, r);
      }
      case 'vote': {
        if (!c.room || c.role !== 'student' || !c.studentId) return send(c, { type: 'error', error: 'join a room before voting' });
        return commit(c, c.room, c.room.vote(c.studentId, msg.response));
      }
      case 'action': {
        if (!c.room || c.role !== 'host' || !c.secret) return send(c, { type: 'error', error: 'only the facilitator can do that' });
        return commit(c, c.room, c.room.host(c.secret, msg.action, msg.response, msg.tieBreak));
      }
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

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const c: Connection = { ws, ip: req.socket.remoteAddress ?? '?', tokens: rate.burst, refilledAt: now(), strikes: 0 };
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
      if (c.room) members.get(c.room.code)?.delete(c);
      // Idle time counts from when the last person left.
      if (c.room && rooms.has(c.room.code)) lastActive.set(c.room.code, now());
    });
    ws.on('error', () => ws.terminate());
  });

  return {
    wss,
    rooms,
    sweep,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.off('upgrade', onUpgrade);
        for (const ws of wss.clients) ws.terminate();
        for (const room of rooms.values()) room.close();
        opts.store?.close();
        wss.close(() => resolve());
      }),
  };
}
