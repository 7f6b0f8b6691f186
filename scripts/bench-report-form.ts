/**
 * The report form on a phone, measured (printed, never asserted): how many 360 × 740 screens the
 * form is, where question 2 and the submit button sit, and how long an elder waits to send a
 * 2 MB phone photo over a 400 kbps link — with JavaScript (the photo is made smaller in the
 * browser first) and without (the original goes). Chromium's network emulation throttles the link.
 * Run alone: node --import tsx scripts/bench-report-form.ts   (after `npm run build`)
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from './bench-server';

const SCREEN = { width: 360, height: 740 };
const KBPS = 400;

/** A 2 MB phone-like photo: noisy, so JPEG cannot shrink it to nothing. */
async function phonePhoto(): Promise<Buffer> {
  const w = 2000;
  const h = 1500;
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = ((i * 7919 + ((i / 3000) | 0) * 31) % 251) ^ (Math.random() * 48);
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

const screens = (px: number) => (px / SCREEN.height).toFixed(1);

async function formLength(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const q2 = await page.getByText(/^2\. /).first().boundingBox();
  const submit = await page.getByRole('button', { name: 'Gửi báo cáo' }).boundingBox();
  return { height, q2: q2?.y ?? NaN, submit: submit?.y ?? NaN };
}

async function timedUpload(browser: Browser, base: string, js: boolean, photo: Buffer): Promise<number> {
  const ctx = await browser.newContext({ viewport: SCREEN, javaScriptEnabled: js, locale: 'vi-VN' });
  const page = await ctx.newPage();
  try {
    await page.goto(`${base}/report`);
    // What is typed before the page's script takes over can be lost: wait for it, as a test does.
    if (js) await page.waitForFunction(() => history.scrollRestoration === 'manual');
    await page.getByLabel('Đổ rác thải bừa bãi').check();
    await page.getByLabel(/^2\. /).fill('Đo thời gian gửi ảnh (bench)');
    await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Đoàn Kết' });
    await page.getByLabel(/5\. Ảnh/).setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: photo });
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 300,
      downloadThroughput: (KBPS * 1000) / 8,
      uploadThroughput: (KBPS * 1000) / 8
    });
    const t0 = performance.now();
    // Without JavaScript the tap starts a navigation that lasts the whole upload.
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click({ timeout: 180_000, noWaitAfter: true });
    await page
      .getByTestId('receipt-code')
      .waitFor({ timeout: 180_000 })
      .catch(async (e) => {
        await page.screenshot({ path: `test-results/bench-form-${js ? 'js' : 'nojs'}.png`, fullPage: true });
        throw e;
      });
    return (performance.now() - t0) / 1000;
  } finally {
    await ctx.close();
  }
}

async function main() {
  console.log(`\n# The report form on a 360 × 740 phone; a 2 MB photo over ${KBPS} kbps (SQLite, built server)`);
  if (!fs.existsSync('build/index.js')) return console.log('  skipped: run `npm run build` first');
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    for (const js of [true, false]) {
      const ctx = await browser.newContext({ viewport: SCREEN, javaScriptEnabled: js });
      const page = await ctx.newPage();
      await page.goto(`${server.base}/report`);
      const l = await formLength(page);
      await ctx.close();
      console.log(
        `  JS ${js ? 'on ' : 'off'}: form ${screens(l.height)} screens; question 2 at ${screens(l.q2)}, submit at ${screens(l.submit)} screens`
      );
    }
    const photo = await phonePhoto();
    console.log(`  photo: ${(photo.length / 1e6).toFixed(2)} MB`);
    for (const js of [true, false])
      console.log(
        `  JS ${js ? 'on  (made smaller in the browser)' : 'off (original sent)         '}: ${(await timedUpload(browser, server.base, js, photo)).toFixed(1)} s from tap to receipt`
      );
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
