/**
 * The receipt SMS: sent only when asked for, with a phone, not anonymous, on a first submit;
 * the text holds the code (accent-free, one GSM message) and goes through a REAL HTTP relay
 * (a local server standing in for the operator's gateway); a refusal is reported as "failed"
 * and nothing logged holds the code.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RecordingSms, webhookSms } from '../../src/lib/server/notify/sms';
import { configuredNotifiers, smsReachesPhones } from '../../src/lib/server/notify/channels';
import { smsWanted, textReceipt } from '../../src/lib/server/reports/intake/receipt-sms';
import { log } from '../../src/lib/server/log';

const CODE = '1234567890123456';
const base = { wanted: true, phone: '0912 345 678', protection: 'confidential', code: CODE, created: true };

describe('smsWanted', () => {
  it.each([
    ['asked, phone, confidential, first submit', {}, true],
    ['named', { protection: 'named' }, true],
    ['not ticked', { wanted: false }, false],
    ['no phone', { phone: '' }, false],
    ['blank phone', { phone: '   ' }, false],
    ['anonymous keeps no phone', { protection: 'anonymous' }, false],
    ['a retried submit', { created: false }, false],
    ['no code shown', { code: null }, false]
  ])('%s', (_name, change, expected) => {
    expect(smsWanted({ ...base, ...change })).toBe(expected);
  });
});

describe('textReceipt', () => {
  it('sends the grouped code and the follow-up link, without accents, to the bare number', async () => {
    const sms = new RecordingSms();
    expect(await textReceipt(sms, '0912 345.678', CODE, 'https://cs.test')).toBe('sent');
    expect(sms.sent).toHaveLength(1);
    const [msg] = sms.sent;
    expect(msg.to).toBe('0912345678');
    expect(msg.text).toContain('1234 5678 9012 3456');
    expect(msg.text).toContain('https://cs.test/r');
    expect(msg.text).toMatch(/^[\x20-\x7e]+$/);
    expect(msg.text.length).toBeLessThanOrEqual(160);
  });

  it('reports a failure and never logs the code', async () => {
    const warn = vi.spyOn(log, 'warn');
    const sms = new RecordingSms();
    sms.failWith = `gateway down ${CODE}`;
    expect(await textReceipt(sms, '0912345678', CODE, '')).toBe('failed');
    expect(await textReceipt(undefined, '0912345678', CODE, '')).toBe('failed');
    expect(JSON.stringify(warn.mock.calls)).not.toContain(CODE);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('1234 5678');
    warn.mockRestore();
  });
});

describe('webhook relay', () => {
  const received: { to: string; text: string }[] = [];
  let status = 200;
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (status === 200) received.push(JSON.parse(body));
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts { to, text } as JSON and counts a 2xx as sent', async () => {
    expect(await textReceipt(webhookSms(url), '0912345678', CODE, 'https://cs.test')).toBe('sent');
    expect(received.at(-1)).toEqual({ to: '0912345678', text: expect.stringContaining('1234 5678 9012 3456') });
  });

  it('a refusal is "failed", named by status only', async () => {
    status = 502;
    await expect(webhookSms(url).send({ to: '0912345678', subject: '', text: CODE })).rejects.toMatchObject({
      code: 'HTTP_502',
      message: expect.not.stringContaining(CODE)
    });
    expect(await textReceipt(webhookSms(url), '0912345678', CODE, '')).toBe('failed');
    status = 200;
  });

  it('an http(s) SMS_GATEWAY is the relay; the form offers the tick only then', () => {
    const env = { SMTP_URL: undefined, MAIL_FROM: 'x@y' };
    expect(smsReachesPhones({ ...env, SMS_GATEWAY: undefined })).toBe(false);
    expect(smsReachesPhones({ ...env, SMS_GATEWAY: url })).toBe(true);
    expect(configuredNotifiers({ ...env, SMS_GATEWAY: url }).sms).not.toBeInstanceOf(RecordingSms);
    expect(() => configuredNotifiers({ ...env, SMS_GATEWAY: 'viettel' })).toThrow(/no SMS gateway/);
  });
});
