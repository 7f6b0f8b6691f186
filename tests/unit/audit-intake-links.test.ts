/**
 * Identity-leak review: for a protected report only the encrypted identity may say who made
 * it. The report row, its timeline events and its attachments hold no plaintext link to the
 * member an officer entered it for, and (for a member filing their own confidential report)
 * none to their account beyond `reporter_account_id`, which their own "my reports" list
 * needs. A named report keeps every link (it credits the member in the emulation evidence).
 */
import { beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import { forEachDb } from '../support/db';
import { actorFor } from '../support/demo';
import { preparePhoto } from '../../src/lib/server/media/media';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { baseInput, setup, useTempMedia, type Fixture } from './reports-intake-support';
import type { Db } from '../../src/lib/server/db';

const photo = async () =>
  preparePhoto(
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer(),
    'image/jpeg'
  );

/** Every plaintext row about the report, but the encrypted identity. */
async function plaintextOf(db: Db, reportId: string) {
  const [report, events, attachments] = await Promise.all([
    db.selectFrom('report').selectAll().where('id', '=', reportId).execute(),
    db.selectFrom('report_event').selectAll().where('report_id', '=', reportId).execute(),
    db.selectFrom('attachment').selectAll().where('report_id', '=', reportId).execute()
  ]);
  expect(attachments.length).toBe(1);
  return { report: report[0], text: JSON.stringify({ report, events, attachments }) };
}

forEachDb('audit: plaintext links of protected reports', (ctx) => {
  let f: Fixture;
  let memberId = '';

  beforeAll(async () => {
    useTempMedia();
    f = await setup(ctx.db);
    memberId = (
      await ctx.db.selectFrom('person').select('id').where('full_name', '=', 'Lường Thị Ún').executeTakeFirstOrThrow()
    ).id;
  });

  // (an anonymous report cannot be entered for a named member: intake refuses it)
  it.each(['confidential'] as const)(
    'entered for a member with protection %s: nothing but the identity names the member',
    async (protection) => {
      const leader = await actorFor(ctx.db, 'chihoi.truong');
      const r = await createReport(
        ctx.db,
        leader,
        baseInput(f, {
          protection,
          name: '',
          phone: '',
          observer_kind: 'member',
          observer_person_id: memberId,
          consent_method: 'signature'
        }),
        { photos: [await photo()] }
      );
      const { report, text } = await plaintextOf(ctx.db, r.reportId);
      expect(report.observer_person_id).toBeNull();
      expect(text).not.toContain(memberId);
    }
  );

  it('a member’s own confidential report: only reporter_account_id links their account', async () => {
    const member = await actorFor(ctx.db, 'hoivien');
    const r = await createReport(
      ctx.db,
      member,
      baseInput(f, { protection: 'confidential', name: 'Hội Viên Kín', phone: '0987654328' }),
      { photos: [await photo()] }
    );
    const { report, text } = await plaintextOf(ctx.db, r.reportId);
    expect(report.reporter_account_id).toBe(member.accountId);
    const { reporter_account_id: _own, ...rest } = report;
    const others = text.replace(JSON.stringify(report), JSON.stringify(rest));
    expect(others).not.toContain(member.accountId!);
  });

  it('a named report entered for a member keeps the member, to credit them', async () => {
    const leader = await actorFor(ctx.db, 'chihoi.truong');
    const r = await createReport(
      ctx.db,
      leader,
      baseInput(f, {
        protection: 'named',
        observer_kind: 'member',
        observer_person_id: memberId,
        consent_method: 'signature'
      }),
      { photos: [await photo()] }
    );
    const { report } = await plaintextOf(ctx.db, r.reportId);
    expect(report.observer_person_id).toBe(memberId);
  });
});
