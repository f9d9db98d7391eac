// One classroom connection: a WebSocket that says who it is on every (re)connect, so a phone that
// sleeps, a reload or a server restart costs nothing; the server's journal keeps the room.
import type { ClientMessage, ServerMessage } from '../../core/classroom/protocol.ts';
import type { Roster, RoomView } from '../../core/classroom/room.ts';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface RoomClientState {
  status: ConnectionStatus;
  role?: 'host' | 'student' | 'projector';
  code?: string;
  view?: RoomView;
  /** Who has joined: sent to the facilitator only. */
  roster?: Roster;
  /** The server's clock minus this device's, from the last welcome: countdowns end when the server closes the vote. */
  clockOffsetMs?: number;
  /** The last refusal from the server, in its words (cleared by the next state). */
  error?: string;
  /** Set when the server refused who we said we were: retrying would not help. */
  fatal?: boolean;
  /** How many welcomes this connection has had: a new one means the server has heard the hello again. */
  welcomes?: number;
  /** Given to the owner only (the device that created the room): the room's current remote key, for the Phone remote link. */
  remoteKey?: string;
  /** The server did not make the new remote key this screen asked for, in its words (a new object each time). */
  keyNotChanged?: { error: string };
  /** The server refused this screen's key (not, or no longer, one of the room's); the connection is closed. */
  keyRefused?: boolean;
  /** The facilitator made a new remote link: this screen's key no longer runs the room, and the connection is closed. */
  revoked?: boolean;
}

/** The classroom endpoint beside the app, so a sub-path behind a proxy keeps working. */
export function classroomUrl(href = window.location.href): string {
  const url = new URL('ws', href.split('#')[0]);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  return url.toString();
}

const RETRY_MS = [300, 1000, 2000, 4000, 8000];
const PING_MS = 20_000;
// Errors after which saying hello again would only be refused again.
// (A refused facilitator's key is known by the error's code, not its words.)
const FATAL = [/^no room has the code/, /room is full/i, /too many wrong codes/];

export class RoomSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pinger: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  private listeners = new Set<() => void>();
  private current: RoomClientState = { status: 'connecting' };

  /**
   * @param hello what to send on every connect (join, host, watch, or create the first time);
   *   it is asked again each time, so it can switch from `create` to `host` once a room exists.
   */
  constructor(
    private readonly hello: (state: RoomClientState) => ClientMessage,
    private readonly url: string = classroomUrl(),
  ) {
    this.connect();
  }

  get state(): RoomClientState {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RoomClientState => this.current;

  /** Sends now if connected; a vote made while offline is not queued, the screen says so. */
  send(message: ClientMessage): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.pinger);
    this.ws?.close();
    this.set({ status: 'closed' });
  }

  private set(patch: Partial<RoomClientState>) {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l();
  }

  private connect() {
    if (this.stopped) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.set({ status: 'open' });
      ws.send(JSON.stringify(this.hello(this.current)));
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.send({ type: 'ping' }), PING_MS);
    };
    ws.onmessage = (e: MessageEvent) => {
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(e.data)) as ServerMessage;
      } catch {
        return;
      }
      if (msg.type === 'welcome')
        this.set({
          role: msg.role,
          code: msg.code,
          error: undefined,
          fatal: false,
          welcomes: (this.current.welcomes ?? 0) + 1,
          remoteKey: msg.remoteKey,
          ...(msg.now !== undefined ? { clockOffsetMs: msg.now - Date.now() } : {}),
        });
      else if (msg.type === 'state') this.set({ view: msg.state, roster: msg.roster, error: undefined });
      else if (msg.type === 'hostKeyChanged') this.set({ remoteKey: msg.secret });
      else if (msg.type === 'hostKeyNotChanged') this.set({ keyNotChanged: { error: msg.error } });
      else if (msg.type === 'hostKeyRevoked') {
        this.set({ revoked: true });
        this.close();
      } else if (msg.type === 'error' && msg.code === 'hostKeyRefused') {
        this.set({ keyRefused: true, fatal: true });
        this.close();
      } else if (msg.type === 'error') {
        const fatal = !this.current.view && FATAL.some((f) => f.test(msg.error));
        this.set({ error: msg.error, fatal });
        if (fatal) this.close();
      }
    };
    ws.onclose = () => {
      clearInterval(this.pinger);
      if (this.ws === ws) this.ws = null;
      if (!this.stopped) this.retry();
    };
    ws.onerror = () => ws.close();
  }

  private retry() {
    this.set({ status: 'reconnecting' });
    const base = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)]!;
    this.attempt++;
    // Jitter: forty phones must not all knock at the same millisecond after a restart.
    this.timer = setTimeout(() => this.connect(), base * (0.75 + Math.random() * 0.5));
  }
}
