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
import { up as migration145 } from '../../src/lib/server/db/migrations/145_protected_report_links';
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

forEachDb('audit: migration 145 clears the links earlier intake left', (ctx) => {
  let f: Fixture;

  beforeAll(async () => {
    useTempMedia();
    f = await setup(ctx.db);
  });

  it('clears the observer and the reporter’s account on protected rows only; officers and named reports keep theirs', async () => {
    const member = await actorFor(ctx.db, 'hoivien');
    const officer = await actorFor(ctx.db, 'canbo.doanket');
    const person = (
      await ctx.db.selectFrom('person').select('id').where('full_name', '=', 'Lường Thị Ún').executeTakeFirstOrThrow()
    ).id;
    const file = async (protection: 'named' | 'confidential') =>
      (
        await createReport(ctx.db, member, baseInput(f, { protection, name: 'Hội Viên', phone: '0987654329' }), {
          photos: [await photo()]
        })
      ).reportId;
    const [kept, cleared] = [await file('named'), await file('confidential')];
    // As intake wrote them before: the member's account on the event and photo, an observer.
    for (const id of [kept, cleared]) {
      await ctx.db.updateTable('report').set({ observer_person_id: person }).where('id', '=', id).execute();
      await ctx.db
        .updateTable('report_event')
        .set({ actor_account_id: member.accountId })
        .where('report_id', '=', id)
        .execute();
      await ctx.db
        .updateTable('attachment')
        .set({ uploaded_by_account_id: member.accountId })
        .where('report_id', '=', id)
        .execute();
    }
    // An officer's own event on the protected report stays theirs.
    await ctx.db
      .insertInto('report_event')
      .values({
        id: '00000000-0000-4000-8000-0000000000e1',
        report_id: cleared,
        kind: 'note',
        from_status: null,
        to_status: null,
        actor_account_id: officer.accountId,
        actor_org_id: f.hoi,
        visible_to_reporter: 0,
        body: 'ghi chú',
        data: null,
        created_at: new Date().toISOString()
      })
      .execute();
    await migration145(ctx.db as never);
    const linksOf = async (id: string) => ({
      observer: (await ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
        .observer_person_id,
      events: (
        await ctx.db.selectFrom('report_event').select('actor_account_id').where('report_id', '=', id).execute()
      ).map((e) => e.actor_account_id),
      photos: (
        await ctx.db.selectFrom('attachment').select('uploaded_by_account_id').where('report_id', '=', id).execute()
      ).map((a) => a.uploaded_by_account_id)
    });
    expect(await linksOf(kept)).toEqual({ observer: person, events: [member.accountId], photos: [member.accountId] });
    const after = await linksOf(cleared);
    expect(after.observer).toBeNull();
    expect(after.photos).toEqual([null]);
    expect([...after.events].sort()).toEqual([null, officer.accountId].sort());
  });
});
