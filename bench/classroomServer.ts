// The classroom server as the benchmark runs it: a child process of its own (so its memory is
// its own), the real WebSocket endpoint, the shipped scenarios, and the real journal on disk with
// fsync. Talks to the parent over IPC: it says its port, and answers memory questions after a GC.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JournalStore } from '../src/server/classroom/journal.ts';
import { startClassroom } from '../src/server/classroom/library.ts';

export interface ServerMemory {
  rss: number;
  heapUsed: number;
  external: number;
  /** CPU time the server process has used so far (user + system). */
  cpuMs: number;
}

// The journal goes to a real disk (here /tmp is on the same ext4 disk as the server's default data
// folder, not a RAM disk), so fsync costs what it costs in a classroom.
const dir = mkdtempSync(join(tmpdir(), 'evoke-bench-rooms-'));
const server = createServer((_req, res) => res.end('ok'));
const classroom = startClassroom(server, fileURLToPath(new URL('../scenarios', import.meta.url)), new JournalStore(dir, () => {}));
const gc = (globalThis as { gc?: () => void }).gc;

server.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'listening', port: (server.address() as AddressInfo).port });
});

process.on('message', (m: { type: string }) => {
  if (m.type === 'memory') {
    gc?.();
    gc?.();
    const u = process.memoryUsage();
    const cpu = process.cpuUsage();
    process.send!({
      type: 'memory',
      memory: { rss: u.rss, heapUsed: u.heapUsed, external: u.external + u.arrayBuffers, cpuMs: (cpu.user + cpu.system) / 1000 } satisfies ServerMemory,
      stats: classroom.stats(),
    });
  } else if (m.type === 'stop') {
    void classroom.close().then(() => {
      server.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.on('disconnect', () => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
