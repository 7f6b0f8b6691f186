/** The /r receipt lookup: wrong codes are limited per client, keyed by an HMAC of the address. */
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { ANONYMOUS } from '../../src/lib/server/access/actor';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import {
  RECEIPT_MAX_FAILURES,
  RECEIPT_WINDOW_MINUTES,
  lookupReceipt
} from '../../src/lib/server/reports/intake/followup.service';
import { formatReceipt } from '../../src/lib/shared/reports/receipt';
import { baseInput, setup } from './reports-intake-support';

const WRONG = '0000 0000 0000 0000';

/** What the form shows for one lookup: the report found, or the coded refusal. */
const outcome = (p: Promise<string>) =>
  p.then(
    (reportId) => ({ reportId }),
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message })
  );
const NOT_FOUND = { code: 'VALIDATION', message: 'ri_err_receipt' };
const LIMITED = { code: 'RATE_LIMITED', message: 'ri_err_receipt_rate_limited' };

forEachDb('receipt lookup rate limit', (ctx) => {
  let code = '';
  let reportId = '';

  beforeAll(async () => {
    const r = await createReport(ctx.db, ANONYMOUS, baseInput(await setup(ctx.db)));
    code = formatReceipt(r.receiptCode!);
    reportId = r.reportId;
  });

  it('allows the right code, counts wrong ones, then refuses every attempt until the window ends', async () => {
    const ip = '203.0.113.7';
    const t0 = Date.now();
    expect(await outcome(lookupReceipt(ctx.db, code, ip, t0))).toEqual({ reportId });
    for (let i = 0; i < RECEIPT_MAX_FAILURES; i++)
      expect(await outcome(lookupReceipt(ctx.db, WRONG, ip, t0))).toEqual(NOT_FOUND);
    // Limited now: even the right code is refused, so guessing cannot go on.
    expect(await outcome(lookupReceipt(ctx.db, WRONG, ip, t0))).toEqual(LIMITED);
    expect(await outcome(lookupReceipt(ctx.db, code, ip, t0))).toEqual(LIMITED);
    // Another client is not affected.
    expect(await outcome(lookupReceipt(ctx.db, code, '198.51.100.9', t0))).toEqual({ reportId });
    // After the window the count starts again.
    const later = t0 + RECEIPT_WINDOW_MINUTES * 60_000 + 1000;
    expect(await outcome(lookupReceipt(ctx.db, code, ip, later))).toEqual({ reportId });
    expect(await outcome(lookupReceipt(ctx.db, WRONG, ip, later))).toEqual(NOT_FOUND);
  });

  it('a right code does not reset the count of wrong ones', async () => {
    const ip = '203.0.113.8';
    for (let i = 0; i < RECEIPT_MAX_FAILURES - 1; i++) await outcome(lookupReceipt(ctx.db, WRONG, ip));
    expect(await lookupReceipt(ctx.db, code, ip)).toBe(reportId);
    expect(await outcome(lookupReceipt(ctx.db, WRONG, ip))).toEqual(NOT_FOUND);
    expect(await outcome(lookupReceipt(ctx.db, code, ip))).toEqual(LIMITED);
  });

  it('never stores the raw client address', async () => {
    const rows = await ctx.db.selectFrom('rate_limit').select('key').where('key', 'like', 'receipt:%').execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const { key } of rows) {
      expect(key).toMatch(/^receipt:[0-9a-f]{32}$/);
      expect(key).not.toContain('203.0.113');
    }
  });
});
