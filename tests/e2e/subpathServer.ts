// A plain static host that serves the build under a sub-path, with no rewrite rules: the build
// must work there as it is.
import { createServer } from 'node:http';
import sirv from 'sirv';

export const SUBPATH = '/courses/mi-101/evoke/';
const assets = sirv(process.env.EVOKE_DIST ?? 'dist', { dev: true });
const fixtures = sirv('tests/fixtures/scenarios', { dev: true });
createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok');
  // An instructor's own web space, for "open from a link" (?src=): another origin, with CORS.
  if (req.url?.startsWith('/fixtures/')) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    req.url = req.url.slice('/fixtures'.length);
    return void fixtures(req, res, () => void res.writeHead(404).end('not found'));
  }
  if (!req.url?.startsWith(SUBPATH)) return void res.writeHead(404).end('not here');
  req.url = '/' + req.url.slice(SUBPATH.length);
  assets(req, res, () => void res.writeHead(404).end('not found'));
}).listen(Number(process.env.PORT ?? 4456), '127.0.0.1');
