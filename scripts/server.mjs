#!/usr/bin/env node
/**
 * The production server: adapter-node's request handler behind a plain HTTP server, with the
 * Open311 exemption from the cross-site form check applied first (see open311-exempt.mjs).
 * Run after `vite build`: `node scripts/server.mjs` (`npm start` does both). `node build`
 * also serves the app, but then Open311 clients' POSTs are refused as cross-site.
 */
import http from 'node:http';
import { exemptOpen311 } from './open311-exempt.mjs';
import { releaseUnreadBody } from './unread-body.mjs';

// Report intake accepts up to 5 photos of 10 MB plus a voice note; adapter-node's default
// (512 KB) would refuse one phone photo. Set before the handler loads: it reads it once.
process.env.BODY_SIZE_LIMIT ??= '60M';
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
const origin = process.env.ORIGIN;
const server = http.createServer((req, res) => {
  exemptOpen311(req, origin);
  releaseUnreadBody(req, res);
  handler(req, res, () => {
    res.statusCode = 404;
    res.end('Not found');
  });
});
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// Finish the requests in flight, then stop (systemd, docker stop, Ctrl-C).
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 30_000).unref();
  });
}
