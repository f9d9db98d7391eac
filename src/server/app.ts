// The one Node process: serves the built app (and, with the classroom issue, its rooms).
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';
import { lanAddresses } from './addresses.ts';
import { SECURITY_HEADERS } from './securityHeaders.ts';

export interface ServerOptions {
  distDir: string;
  /** The port the server listens on, told to the facilitator's screen for the address students type. */
  port?: number;
}

export function createEvokeServer({ distDir, port }: ServerOptions): Server {
  if (!existsSync(distDir)) throw new Error(`no built app in ${distDir}: run npm run build first`);
  const assets = sirv(distDir, {
    etag: true,
    // Hashed asset names never change; everything else is revalidated.
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return createServer((req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    // The classroom's join panel asks where phones in the room can reach this server.
    if (req.url === '/classroom-info') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ addresses: lanAddresses(), port: port ?? null }));
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found. Evoke lives at /.');
    });
  });
}
