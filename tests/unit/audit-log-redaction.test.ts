/**
 * Identity-leak review: the logger's redaction is the second line of defence. It must catch an
 * identity field whether it is logged at the top (`log.warn({ phone })`) or one level down
 * (`{ identity: { phone } }`, `{ message: { to, text } }` of an SMS), not only the latter.
 */
import { expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import { LOG_REDACT } from '../../src/lib/server/log';

function logged(obj: Record<string, unknown>): string {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    }
  });
  pino({ level: 'info', redact: LOG_REDACT }, sink).info(obj, 'x');
  return out;
}

const PHONE = '0933444555';
const MAIL = 'lo.thi.a@example.vn';

it.each([
  ['top-level phone', { phone: PHONE }],
  ['top-level email', { email: MAIL }],
  ['top-level identity', { identity: { name: 'Lò Thị A', phone: PHONE } }],
  ['nested identity', { report: { identity: { phone: PHONE } } }],
  ['an SMS message', { message: { to: PHONE, text: `Ma bien nhan 1234 ${MAIL}` } }],
  ['a contact', { contact: { phone: PHONE, email: MAIL } }]
])('redacts %s', (_name, obj) => {
  const line = logged(obj);
  expect(line).toContain('[redacted]');
  expect(line).not.toContain(PHONE);
  expect(line).not.toContain(MAIL);
});

it('keeps what is not identity (error codes, ids, paths)', () => {
  const line = logged({ err: 'HTTP_502', notification: 'n-1', path: '/report' });
  expect(line).toContain('HTTP_502');
  expect(line).toContain('/report');
});

it('a plain-text message field (the hook’s client-error line) is kept and does not break redaction', () => {
  const line = logged({ status: 400, path: '/report', message: 'Bad form' });
  expect(line).toContain('Bad form');
});
