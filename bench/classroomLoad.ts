// The classroom benchmark's load: a child process holding every WebSocket (hosts and students),
// so the clients run beside the server rather than inside it. It looks at the bytes it receives
// for two markers only (a vote acknowledged, a reveal arrived) and never parses a student's
// message, so it stays cheap next to the server's work. Driven by the parent over IPC.
import { WebSocket, type RawData } from 'ws';

export interface LoadConfig {
  url: string;
  scenarioId: string;
  rooms: number;
  perRoom: number;
  rounds: number;
  /** Gives up on a phase after this long (a slow server must not hang the bench). */
  phaseTimeoutMs: number;
}

export interface LoadResult {
  /** Votes per second accepted (acknowledged to the voter), one figure per round. */
  votesPerSecond: number[];
  /** ms from a host's reveal to the last of its students receiving it, one per room per round. */
  revealMs: number[];
  /** ms to connect and join every student. */
  joinMs: number;
}

type ToParent = { type: 'joined' } | { type: 'done'; result: LoadResult } | { type: 'failed'; error: string };
const tell = (m: ToParent) => process.send!(m);
const SECRET = 'bench-host-secret';
const REVEALED = Buffer.from('"phase":"revealed"');

const asBuffer = (d: RawData): Buffer => (Buffer.isBuffer(d) ? d : Array.isArray(d) ? Buffer.concat(d) : Buffer.from(d));

function connect(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with the first message that passes `pred`, or rejects after the timeout. */
function waitFor(ws: WebSocket, pred: (b: Buffer) => boolean, ms: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.off('message', on);
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const on = (d: RawData) => {
      const b = asBuffer(d);
      if (b.includes('"type":"error"')) {
        clearTimeout(timer);
        ws.off('message', on);
        reject(new Error(`server error while waiting for ${what}: ${b.toString()}`));
      } else if (pred(b)) {
        clearTimeout(timer);
        ws.off('message', on);
        resolve(b);
      }
    };
    ws.on('message', on);
  });
}

interface HostSide {
  ws: WebSocket;
  code: string;
  options: string[];
  students: StudentSide[];
}

interface StudentSide {
  ws: WebSocket;
  /** performance.now() when the current reveal arrived, or null. */
  revealedAt: number | null;
  onReveal?: () => void;
}

async function hostAction(h: HostSide, action: string, phase: string, ms: number, response?: string): Promise<void> {
  const p = waitFor(h.ws, (b) => b.includes(`"phase":"${phase}"`), ms, `${action} in room ${h.code}`);
  h.ws.send(JSON.stringify({ type: 'action', action, ...(response ? { response } : {}) }));
  await p;
}

/** Runs `fn` over items with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, fn: (t: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

async function run(cfg: LoadConfig, go: Promise<void>): Promise<LoadResult> {
  const t = cfg.phaseTimeoutMs;
  const hosts: HostSide[] = [];
  for (let r = 0; r < cfg.rooms; r++) {
    const ws = await connect(cfg.url);
    const state = waitFor(ws, (b) => b.includes('"type":"state"'), t, 'the new room');
    ws.send(JSON.stringify({ type: 'create', scenarioId: cfg.scenarioId, secret: SECRET, maxSize: cfg.perRoom }));
    const first = JSON.parse((await state).toString()) as { state: { code: string; options: { id: string }[] } };
    hosts.push({ ws, code: first.state.code, options: first.state.options.map((o) => o.id), students: [] });
  }

  const t0 = performance.now();
  const slots = hosts.flatMap((h, r) => Array.from({ length: cfg.perRoom }, (_, i) => ({ h, id: `bench-${r}-${String(i).padStart(5, '0')}` })));
  await pool(slots, 200, async ({ h, id }) => {
    const ws = await connect(cfg.url);
    const joined = waitFor(ws, (b) => b.includes('"type":"state"'), t, `${id} joining`);
    ws.send(JSON.stringify({ type: 'join', code: h.code, studentId: id }));
    await joined;
    const s: StudentSide = { ws, revealedAt: null };
    ws.on('message', (d) => {
      if (s.revealedAt === null && asBuffer(d).includes(REVEALED)) {
        s.revealedAt = performance.now();
        s.onReveal?.();
      }
    });
    h.students.push(s);
  });
  const joinMs = performance.now() - t0;
  tell({ type: 'joined' });
  await go;

  const votesPerSecond: number[] = [];
  const revealMs: number[] = [];
  for (let round = 0; round < cfg.rounds; round++) {
    await Promise.all(hosts.map((h) => hostAction(h, 'openVote', 'open', t)));

    // Every student votes at once; a vote counts as accepted when its voter is told so.
    const v0 = performance.now();
    const acks: Promise<Buffer>[] = [];
    for (const h of hosts) {
      h.students.forEach((s, i) => {
        // A lopsided split (most for the first option), as a class usually votes.
        const choice = h.options[i % 5 === 4 ? 1 % h.options.length : 0]!;
        const mine = Buffer.from(`"myVote":"${choice}"`);
        acks.push(waitFor(s.ws, (b) => b.includes(mine), t, 'a vote acknowledged'));
        s.ws.send(JSON.stringify({ type: 'vote', response: choice }));
      });
    }
    await Promise.all(acks);
    votesPerSecond.push((acks.length / (performance.now() - v0)) * 1000);

    await Promise.all(hosts.map((h) => hostAction(h, 'closeVote', 'closed', t)));

    // The reveal: from each host's send to the last of its students receiving it.
    await Promise.all(
      hosts.map(async (h) => {
        for (const s of h.students) s.revealedAt = null;
        let waiting = h.students.length;
        const all = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`reveal not received by ${waiting} students after ${t} ms`)), t);
          for (const s of h.students)
            s.onReveal = () => {
              if (--waiting === 0) {
                clearTimeout(timer);
                resolve();
              }
            };
        });
        const r0 = performance.now();
        h.ws.send(JSON.stringify({ type: 'action', action: 'reveal' }));
        await all;
        revealMs.push(Math.max(...h.students.map((s) => s.revealedAt!)) - r0);
      }),
    );

    // Back to the same turn for the next round: continue along the first option, then go back.
    await Promise.all(
      hosts.map(async (h) => {
        await hostAction(h, 'continue', 'idle', t, h.options[0]);
        await hostAction(h, 'back', 'idle', t);
      }),
    );
    // Host actions are rate limited like anyone's (10 a second): let the bucket refill.
    await new Promise((r) => setTimeout(r, 500));
  }

  for (const h of hosts) {
    for (const s of h.students) s.ws.terminate();
    h.ws.terminate();
  }
  return { votesPerSecond, revealMs, joinMs };
}

let release: () => void = () => {};
const go = new Promise<void>((r) => (release = r));
process.on('message', (m: { type: 'start'; config: LoadConfig } | { type: 'go' }) => {
  if (m.type === 'go') release();
  else
    run(m.config, go).then(
      (result) => tell({ type: 'done', result }),
      (e: unknown) => tell({ type: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
});
