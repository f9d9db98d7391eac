// Classroom server on loopback: the real server in one child process (journal on disk, fsync on)
// and every client in another, so the server's memory is its own and the clients do not share
// its thread. Per setup (rooms x students): votes per second accepted, the reveal's latency
// from the host's send to the last student's receipt (p50, p99), and server memory per student.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadScenarioLibrary } from '../src/server/classroom/library.ts';
import { placeOf } from '../src/core/engine/rules.ts';
import type { LoadConfig, LoadResult } from './classroomLoad.ts';
import type { ServerMemory } from './classroomServer.ts';
import type { Row, Section } from './section.ts';
import { median, round } from './stats.ts';

interface Setup {
  rooms: number;
  perRoom: number;
  rounds: number;
}

const SETUPS: Setup[] = [
  { rooms: 1, perRoom: Number(process.env.BENCH_CLASSROOM_BIG ?? 2000), rounds: Number(process.env.BENCH_CLASSROOM_ROUNDS ?? 20) },
  { rooms: 100, perRoom: 40, rounds: Number(process.env.BENCH_CLASSROOM_ROUNDS_MANY ?? 5) },
].filter((s) => s.rounds > 0);
const TARGET_MS = 250;
const PHASE_TIMEOUT_MS = Number(process.env.BENCH_CLASSROOM_TIMEOUT_MS ?? 120_000);

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const tsx = { execArgv: ['--import', 'tsx', '--expose-gc'] };
// BENCH_CLASSROOM_PROFILE=dir writes a V8 CPU profile of the server process there.
const profile = process.env.BENCH_CLASSROOM_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CLASSROOM_PROFILE}`] : [];

/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const on = (m: { type: string }) => {
      if (m.type === type || m.type === 'failed') {
        child.off('message', on);
        child.off('exit', onExit);
        if (m.type === 'failed') reject(new Error((m as { error?: string }).error ?? 'failed'));
        else resolve(m as T);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`child exited (${code}) before '${type}'`));
    child.on('message', on);
    child.once('exit', onExit);
  });
}

async function memory(server: ChildProcess): Promise<ServerMemory> {
  const reply = nextMessage<{ memory: ServerMemory }>(server, 'memory');
  server.send({ type: 'memory' });
  return (await reply).memory;
}

/** A shipped scenario whose first option leads on to another turn (the bench continues, then goes back). */
function pickScenario(): string {
  const library = loadScenarioLibrary(here('../scenarios'), () => {});
  for (const s of library.values()) {
    const start = placeOf(s, s.start);
    if (start.kind !== 'node') continue;
    const first = start.node.responses[0];
    if (first && first.next.every((b) => placeOf(s, b.go).kind === 'node')) return s.id;
  }
  throw new Error('no shipped scenario fits the bench');
}

async function runSetup(setup: Setup, scenarioId: string): Promise<{ result: LoadResult; before: ServerMemory; joined: ServerMemory; after: ServerMemory }> {
  const server = fork(here('./classroomServer.ts'), [], { execArgv: [...tsx.execArgv, ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const load = fork(here('./classroomLoad.ts'), [], { ...tsx, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { port } = await nextMessage<{ port: number }>(server, 'listening');
    const before = await memory(server);
    const config: LoadConfig = { url: `ws://127.0.0.1:${port}/ws`, scenarioId, ...setup, phaseTimeoutMs: PHASE_TIMEOUT_MS };
    const joinedMsg = nextMessage(load, 'joined');
    load.send({ type: 'start', config });
    await joinedMsg;
    const joined = await memory(server);
    const done = nextMessage<{ result: LoadResult }>(load, 'done');
    load.send({ type: 'go' });
    const { result } = await done;
    // Let the server notice every socket closing, then see what memory it returns to.
    await new Promise((r) => setTimeout(r, 1000));
    const after = await memory(server);
    return { result, before, joined, after };
  } finally {
    load.kill();
    server.send({ type: 'stop' });
    // Give it time to write a CPU profile, if asked for one.
    await new Promise<void>((r) => {
      const timer = setTimeout(() => (server.kill(), r()), 10_000);
      server.once('exit', () => (clearTimeout(timer), r()));
    });
  }
}

const kb = (bytes: number) => round(bytes / 1024, 1);

export const classroomSection: Section = {
  id: 'classroom',
  title: 'Classroom server (loopback; server and clients in separate processes)',
  async run() {
    const scenarioId = pickScenario();
    const rows: Row[] = [];
    const details: Record<string, unknown> = { scenarioId };
    for (const setup of SETUPS) {
      const students = setup.rooms * setup.perRoom;
      const group = `${setup.rooms} room${setup.rooms > 1 ? 's' : ''} x ${setup.perRoom.toLocaleString('en-US')} students (${setup.rounds} rounds)`;
      const { result, before, joined, after } = await runSetup(setup, scenarioId);
      const p50 = percentile(result.revealMs, 50);
      const p99 = percentile(result.revealMs, 99);
      const big = setup.rooms === 1 && setup.perRoom >= 2000;
      rows.push(
        { group, metric: 'votes accepted per second (median round)', value: Math.round(median(result.votesPerSecond)), unit: '/s', status: 'info', note: 'all vote at once; accepted = told so, after fsync' },
        { group, metric: 'reveal to every student, p50', value: round(p50, 1), unit: 'ms', status: 'info' },
        {
          group,
          metric: 'reveal to every student, p99',
          value: round(p99, 1),
          unit: 'ms',
          ...(big ? { target: `≤ ${TARGET_MS} ms`, status: p99 <= TARGET_MS ? ('met' as const) : ('missed' as const) } : { status: 'info' as const }),
          note: `${result.revealMs.length} reveals`,
        },
        {
          group,
          metric: 'server CPU per round, all rooms',
          value: round((after.cpuMs - joined.cpuMs) / setup.rounds, 0),
          unit: 'ms',
          status: 'info',
          note: 'open, every vote, close, reveal, continue, back: what a busy machine inflates least',
        },
        {
          group,
          metric: 'server heap per connected student',
          value: kb((joined.heapUsed + joined.external - before.heapUsed - before.external) / students),
          unit: 'KB',
          status: 'info',
          note: `RSS ${kb((joined.rss - before.rss) / students)} KB per student`,
        },
        {
          group,
          metric: 'server heap after everyone left, over start',
          value: round((after.heapUsed - before.heapUsed) / 1024 / 1024, 1),
          unit: 'MB',
          status: 'info',
          note: 'rooms stay (idle expiry); connections are gone',
        },
      );
      details[group] = { ...result, memory: { before, joined, after } };
    }
    return { rows, details };
  },
};
