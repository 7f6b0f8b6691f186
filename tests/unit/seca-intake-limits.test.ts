/**
 * Public intake limits: reports per client and per commune in a window (counted atomically,
 * so parallel posts cannot slip past), and a ceiling on upload bytes received at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { admitReport } from '../../src/lib/server/reports/intake/intake-limits.service';
import { reserveUpload, uploadBytesInFlight } from '../../src/lib/server/http/upload-budget';
import { clientTag } from '../../src/lib/server/auth/client-tag';
import { config } from '../../src/lib/server/config';
import { t } from '../../src/lib/server/i18n';

forEachDb('intake limits', (ctx) => {
  beforeAll(async () => {
    await ctx.db.deleteFrom('rate_limit').execute();
  });

  it('a flood from one client is held after its allowance, in parallel too; another client still sends', async () => {
    const flood = clientTag('203.0.113.7');
    const results = await Promise.all(
      Array.from({ length: config.INTAKE_CLIENT_MAX + 10 }, () => admitReport(ctx.db, flood, null))
    );
    expect(results.filter((r) => r.ok)).toHaveLength(config.INTAKE_CLIENT_MAX);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, minutes: config.INTAKE_WINDOW_MINUTES });
    expect((await admitReport(ctx.db, clientTag('198.51.100.2'), null)).ok).toBe(true);
    // The raw address is never stored.
    const keys = (await ctx.db.selectFrom('rate_limit').select('key').execute()).map((r) => r.key).join(' ');
    expect(keys).not.toContain('203.0.113.7');
  });

  it('one commune is held after its allowance whoever sends', async () => {
    const commune = 'commune-under-flood';
    let accepted = 0;
    for (let i = 0; i < config.INTAKE_AREA_MAX + 3; i++)
      if ((await admitReport(ctx.db, clientTag(`10.0.${i >> 8}.${i & 255}`), commune)).ok) accepted++;
    expect(accepted).toBe(config.INTAKE_AREA_MAX);
    // A window that has ended starts again.
    await ctx.db
      .updateTable('rate_limit')
      .set({ reset_at: new Date(Date.now() - 1000).toISOString() })
      .where('key', '=', `intake-area:${commune}`)
      .execute();
    expect((await admitReport(ctx.db, clientTag('10.9.9.9'), commune)).ok).toBe(true);
  });
});

describe('upload bytes in flight', () => {
  it('refuses what would pass the ceiling and frees the bytes when a request ends', () => {
    const MB = 1024 * 1024;
    const held = Array.from({ length: 3 }, () => reserveUpload(55 * MB, 200 * MB));
    expect(held.every(Boolean)).toBe(true);
    expect(reserveUpload(55 * MB, 200 * MB)).toBeNull();
    held[0]!();
    held[0]!(); // releasing twice frees once
    expect(uploadBytesInFlight()).toBe(110 * MB);
    const next = reserveUpload(55 * MB, 200 * MB);
    expect(next).not.toBeNull();
    [next, held[1], held[2]].forEach((r) => r!());
    expect(uploadBytesInFlight()).toBe(0);
  });

  it('tells the reporter in Vietnamese to wait', () => {
    expect(t('seca_intake_wait', { minutes: 12 })).toMatch(/thử gửi lại sau 12 phút/);
    expect(t('seca_upload_busy')).toMatch(/gửi lại/);
  });
});
