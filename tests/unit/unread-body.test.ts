/**
 * A request answered before its body was read leaves the connection usable for the next one
 * (scripts/unread-body.mjs). The handler stands in for SvelteKit's: it turns the request into a
 * web Request the way adapter-node does, then refuses it without reading the body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getRequest } from '@sveltejs/kit/node';
import { releaseUnreadBody } from '../../scripts/unread-body.mjs';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function start(maxDrain?: number): Promise<number> {
  server = http.createServer(async (req, res) => {
    releaseUnreadBody(req, res, maxDrain);
    const request = await getRequest({ request: req, base: 'http://localhost' });
    // Start the body stream, as a form action's first read would, then answer early.
    if (request.body) void request.body.getReader().read();
    res.writeHead(request.method === 'POST' ? 400 : 200, { 'content-type': 'text/plain' });
    res.end('answered');
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

type Answer = { status: number; connection: string | undefined; port: number; ms: number };

function send(agent: http.Agent, port: number, method: string, body?: Buffer): Promise<Answer> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, port, host: '127.0.0.1', method, path: '/', timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          connection: res.headers.connection,
          port: req.socket!.localPort!,
          ms: Date.now() - t0
        })
      );
    });
    req.on('error', reject);
    if (body) {
      req.setHeader('content-type', 'application/x-www-form-urlencoded');
      req.setHeader('content-length', body.length);
      req.end(body);
    } else req.end();
  });
}

describe('an answer sent before the request body was read', () => {
  const body = Buffer.alloc(1_400_000, 'a');

  it('frees the kept-alive connection for the next request at once', async () => {
    const port = await start();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const refused = await send(agent, port, 'POST', body);
    const next = await send(agent, port, 'GET');
    agent.destroy();
    expect(refused.status).toBe(400);
    expect(refused.connection).toBe('keep-alive');
    // The same connection, not held up behind the unread bytes until the idle timeout.
    expect(next.port).toBe(refused.port);
    expect(next.status).toBe(200);
    expect(next.ms).toBeLessThan(1_000);
  });

  it('closes the connection instead of receiving a body too large to drain', async () => {
    const port = await start(64 * 1024);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const refused = await send(agent, port, 'POST', body);
    const next = await send(agent, port, 'GET');
    agent.destroy();
    expect(refused.connection).toBe('close');
    expect(next.status).toBe(200);
    expect(next.ms).toBeLessThan(1_000);
  });
});
