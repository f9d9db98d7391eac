// A classroom client over a real WebSocket for the server tests: keeps every message it gets and
// waits for the one a test expects, so a test reads as a conversation with the server.
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../src/core/classroom/protocol.ts';
import type { RoomView } from '../../src/core/classroom/room.ts';

type State = Extract<ServerMessage, { type: 'state' }>;

export class Client {
  readonly ws: WebSocket;
  readonly messages: ServerMessage[] = [];
  /** The close code, once the server (or the test) closes the connection. */
  readonly closed: Promise<number>;
  private waiters: { pred: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];

  /** `opened` collects the client so the test's clean-up can terminate whatever is still open. */
  constructor(url: string, opened: Client[]) {
    this.ws = new WebSocket(url);
    // Hostile tests make the server drop connections; an unhandled 'error' event would fail the run.
    this.ws.on('error', () => {});
    this.closed = new Promise((r) => this.ws.once('close', (code) => r(code)));
    this.ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as ServerMessage;
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => (w.pred(m) ? (w.resolve(m), false) : true));
    });
    opened.push(this);
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  /** The first message (already received or to come) that matches. */
  next(pred: (m: ServerMessage) => boolean, from = 0): Promise<ServerMessage> {
    const seen = this.messages.slice(from).find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message; got ${JSON.stringify(this.messages.slice(-3))}`)), 5000);
      this.waiters.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  /** Sends, then the first error or matching state in reply. */
  async reply(msg: unknown, pred: (s: RoomView) => boolean = () => true): Promise<ServerMessage> {
    const from = this.messages.length;
    this.send(msg);
    return this.next((x) => x.type === 'error' || (x.type === 'state' && pred(x.state)), from);
  }

  /** Sends, then the next error (states broadcast meanwhile are passed over). */
  async error(msg: unknown): Promise<string> {
    const from = this.messages.length;
    this.send(msg);
    return ((await this.next((x) => x.type === 'error', from)) as { error: string }).error;
  }

  /** Sends, then waits for a state matching pred among the replies; an error reply throws. */
  async until(msg: unknown, pred: (s: RoomView) => boolean = () => true): Promise<RoomView> {
    const m = await this.reply(msg, pred);
    if (m.type === 'error') throw new Error(m.error);
    return (m as State).state;
  }

  async ping(): Promise<void> {
    const from = this.messages.length;
    this.send({ type: 'ping' });
    await this.next((m) => m.type === 'pong', from);
  }
}
