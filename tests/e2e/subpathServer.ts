// A plain static host that serves the build under a sub-path, with no rewrite rules: the build
// must work there as it is.
import { createServer } from 'node:http';
import sirv from 'sirv';

export const SUBPATH = '/courses/mi-101/evoke/';
const assets = sirv('dist', { dev: true });
createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok');
  if (!req.url?.startsWith(SUBPATH)) return void res.writeHead(404).end('not here');
  req.url = '/' + req.url.slice(SUBPATH.length);
  assets(req, res, () => void res.writeHead(404).end('not found'));
}).listen(Number(process.env.PORT ?? 4456), '127.0.0.1');
