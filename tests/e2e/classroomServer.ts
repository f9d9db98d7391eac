// A real Evoke server as a child process for the classroom specs: its own port and a fresh data
// folder, so a spec can kill it mid-class and start it again on the same journal. Also a
// facilitator driven over a raw WebSocket, for checks the screens do not show (the host's tally).
import { test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ClientMessage, ServerMessage } from '../../src/core/classroom/protocol.ts';
import type { HostAction, RoomView } from '../../src/core/classroom/room.ts';

export interface ClassroomServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  wsUrl: string;
  dataDir: string;
  /** Kills the process at once (SIGKILL, as a crash would) and waits for it to be gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>;
  /** Kills it and deletes the data folder. */
  dispose(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server did not answer ${url}healthz within ${timeoutMs} ms:\n${log()}`);
}

/** `distDir`: another build folder to serve (a spec that publishes a new version edits a copy). */
export async function startClassroomServer(port: number, { distDir }: { distDir?: string } = {}): Promise<ClassroomServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'evoke-classroom-'));
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;
  let output = '';

  const start = async () => {
    output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', EVOKE_DIST: distDir ?? process.env.EVOKE_DIST ?? 'dist', EVOKE_DATA: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitForHealth(url, child, () => output);
  };

  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
    child = null;
  };

  await start();
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    dataDir,
    kill,
    start,
    dispose: async () => {
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One port a spec file; E2E_CLASSROOM_PORT_BASE moves them all, so two checkouts can run side by side. */
const PORT_BASE = Number(process.env.E2E_CLASSROOM_PORT_BASE ?? 4652);
export const CLASSROOM_PORTS = { class: PORT_BASE, restart: PORT_BASE + 1, update: PORT_BASE + 2, edges: PORT_BASE + 3 } as const;

/**
 * A server for the whole spec file: started before its first test, disposed of after its last.
 * Returns an accessor because the server exists only once `beforeAll` has run.
 */
export function classroomServerForFile(port: number): () => ClassroomServer {
  let server: ClassroomServer | undefined;
  test.beforeAll(async () => {
    // tsx compiles the server as it starts; on a busy two-core machine that takes a while.
    test.setTimeout(120_000);
    server = await startClassroomServer(port);
  });
  test.afterAll(async () => {
    await server?.dispose();
  });
  return () => {
    if (!server) throw new Error('the classroom server is not started: use it inside a test');
    return server;
  };
}

/** A facilitator over a raw WebSocket: creates a room, acts, and sees the host's view (tally included). */
export class HostSocket {
  view: RoomView | undefined;
  code = '';
  errors: string[] = [];
  private ws!: WebSocket;
  private waiters: { test: (v: RoomView) => boolean; resolve: (v: RoomView) => void }[] = [];

  private constructor(
    private readonly wsUrl: string,
    readonly secret: string,
  ) {}

  static async create(wsUrl: string, scenarioId: string, maxSize?: number): Promise<HostSocket> {
    const host = new HostSocket(wsUrl, `host-secret-${Math.random().toString(36).slice(2)}`);
    await host.connect({ type: 'create', scenarioId, secret: host.secret, ...(maxSize !== undefined ? { maxSize } : {}) });
    return host;
  }

  /** Takes the host's place in a room made elsewhere (by the facilitator's screen), e.g. to read the tally. */
  static async attach(wsUrl: string, code: string, secret: string): Promise<HostSocket> {
    const host = new HostSocket(wsUrl, secret);
    host.code = code;
    await host.connect({ type: 'host', code, secret });
    return host;
  }

  /** After a restart: a new connection that takes the host's place again. */
  async reconnect(): Promise<void> {
    this.ws.terminate();
    await this.connect({ type: 'host', code: this.code, secret: this.secret });
  }

  private connect(hello: ClientMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.wsUrl);
      this.ws = ws;
      ws.on('open', () => ws.send(JSON.stringify(hello)));
      ws.on('error', reject);
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as ServerMessage;
        if (msg.type === 'welcome') this.code = msg.code;
        else if (msg.type === 'error') {
          this.errors.push(msg.error);
          this.notify();
        } else if (msg.type === 'state') {
          this.view = msg.state;
          resolve();
          this.notify();
        }
      });
    });
  }

  private notify() {
    const view = this.view;
    if (!view) return;
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(view)) return true;
      w.resolve(view);
      return false;
    });
  }

  /** Resolves with the first host view (the current one included) that passes the test. */
  waitFor(test: (v: RoomView) => boolean, what = 'the room', timeoutMs = 10_000): Promise<RoomView> {
    if (this.view && test(this.view)) return Promise.resolve(this.view);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host: timed out waiting for ${what}; last view: ${JSON.stringify({ phase: this.view?.phase, at: this.view?.at, votes: this.view?.votes, students: this.view?.students })}; errors: ${this.errors.join(' | ')}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      });
    });
  }

  /** Sends a host action and waits for the view that shows it took effect. */
  async act(action: HostAction, response?: string): Promise<RoomView> {
    const before = this.view;
    const errorsBefore = this.errors.length;
    this.ws.send(JSON.stringify({ type: 'action', action, ...(response !== undefined ? { response } : {}) }));
    return this.waitFor((v) => v !== before || this.errors.length > errorsBefore, `${action} to take effect`).then((v) => {
      if (this.errors.length > errorsBefore) throw new Error(`host ${action} refused: ${this.errors.at(-1)}`);
      return v;
    });
  }

  /** Votes per option index (1-based), as the host sees them. */
  tally(): Record<number, number> {
    const out: Record<number, number> = {};
    for (const o of this.view?.reveal?.options ?? []) out[o.index + 1] = o.votes;
    return out;
  }

  close(): void {
    this.ws.terminate();
  }
}
