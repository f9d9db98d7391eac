import { fileURLToPath } from 'node:url';
import { lanAddresses } from './addresses.ts';
import { createEvokeServer } from './app.ts';
import { JournalStore } from './classroom/journal.ts';
import { startClassroom } from './classroom/library.ts';

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '0.0.0.0';
// EVOKE_DIST lets tests and parallel builds serve another build folder.
const distDir = process.env.EVOKE_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

const server = createEvokeServer({ distDir, port });
// Classroom rooms over WebSocket at /ws, kept in an append-only journal so a restart loses no vote.
const dataDir = process.env.EVOKE_DATA ?? fileURLToPath(new URL('../../.evoke-data/rooms', import.meta.url));
startClassroom(server, fileURLToPath(new URL('../../scenarios', import.meta.url)), new JournalStore(dataDir));
server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another number, e.g. PORT=4322 npm start` : e.message);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log('Evoke is running.');
  console.log(`  On this computer:  http://localhost:${port}/`);
  for (const a of lanAddresses()) console.log(`  On your network:   http://${a}:${port}/`);
  console.log('Press Ctrl+C to stop.');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
