#!/usr/bin/env node
/**
 * A stand-in SMS relay for the browser suite: it accepts what the app's webhook SMS channel
 * posts ({ to, text } as JSON) and keeps it in memory; GET /sent?to=NUMBER lists the texts a
 * number received, so a spec can check what reached the "phone". Never used outside tests.
 */
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 4179);
const sent = [];
createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'POST' && url.pathname === '/sms') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push(JSON.parse(body));
      res.writeHead(202).end();
    });
    return;
  }
  if (url.pathname === '/sent') {
    const to = url.searchParams.get('to');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sent.filter((s) => s.to === to)));
    return;
  }
  res.writeHead(url.pathname === '/' ? 200 : 404).end();
}).listen(port, '127.0.0.1');
