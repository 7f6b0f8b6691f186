/**
 * `node --import tsx scripts/bench-uploads.ts`: the built server's memory while ten people send
 * a full report at once (five 10 MB photos and a 5 MB voice note each, ~55 MB). Printed: the
 * server's resident memory before, its peak (VmHWM) during, and the peak's growth as a share of
 * the bytes uploaded. Forms are read to disk (http/multipart.ts), so the growth should be a
 * small part of the bytes; reading them into memory made it more than the bytes themselves.
 * BENCH_UPLOADS=n changes the number of uploads at once. Run `npx vite build` first.
 */
import fs from 'node:fs';
import { startServer } from './bench-server';

const MB = 1024 * 1024;
const COUNT = Number(process.env.BENCH_UPLOADS ?? 10);

const memoryKb = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
  return Number(line?.[1] ?? 0);
};

/** A report form with junk "photos": the server reads the whole body before it can refuse them. */
function reportForm(): FormData {
  const form = new FormData();
  form.set('description', 'Đường liên thôn bị sạt lở sau mưa lớn');
  for (let i = 0; i < 5; i++) {
    form.append('photos', new File([Buffer.alloc(10 * MB - 4096, i + 1)], `anh-${i}.jpg`, { type: 'image/jpeg' }));
  }
  form.set('voice', new File([Buffer.alloc(5 * MB, 9)], 'ghi-am.webm', { type: 'audio/webm' }));
  return form;
}

async function main(): Promise<void> {
  const server = await startServer({ env: { UPLOAD_INFLIGHT_MAX_MB: '2000' } });
  try {
    // One page view first, so the figures leave out what any first request loads; its
    // kept-alive connection is closed, or a long upload may start on a socket about to time out.
    await fetch(`${server.base}/report`, { headers: { connection: 'close' } }).then((r) => r.arrayBuffer());
    const before = memoryKb(server.pid, 'VmRSS');
    // One body, sent COUNT times: the bench's own memory stays out of the way.
    const encoded = new Response(reportForm());
    const type = encoded.headers.get('content-type')!;
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: COUNT }, async () => {
        try {
          const res = await fetch(`${server.base}/report`, {
            method: 'POST',
            headers: { origin: server.base, 'content-type': type },
            body: bytes
          });
          await res.arrayBuffer();
          return String(res.status);
        } catch (e) {
          // A connection the server dropped: counted, so the figures say how many got through.
          return String((e as Error & { cause?: { code?: string } }).cause?.code ?? 'failed');
        }
      })
    );
    const ms = performance.now() - t0;
    const peak = memoryKb(server.pid, 'VmHWM');
    const sent = (bytes.byteLength * COUNT) / MB;
    const grew = (peak - before) / 1024;
    console.log(`uploads at once: ${COUNT}, answered ${answers.sort().join(' ')} in ${(ms / 1000).toFixed(1)} s`);
    console.log(`bytes uploaded: ${sent.toFixed(0)} MB`);
    console.log(`server memory: ${(before / 1024).toFixed(0)} MB before, peak ${(peak / 1024).toFixed(0)} MB`);
    console.log(`peak growth: ${grew.toFixed(0)} MB = ${((grew / sent) * 100).toFixed(0)}% of the bytes uploaded`);
  } finally {
    await server.stop();
  }
}

await main();
