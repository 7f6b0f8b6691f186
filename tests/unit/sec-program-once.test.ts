/**
 * One idempotency design for program creates: the form's one-time key, the record and its photos
 * are written in one transaction. Parallel posts with the same key make one record (every answer
 * names it); a photo that cannot be saved keeps nothing, so the retry makes exactly one record.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo } from '../support/demo';
import { useTempMedia } from './reports-intake-support';
import { setMediaRoot } from '../../src/lib/server/media/media';
import * as pages from '../../src/lib/server/program/activities/activity-page.service';
import * as cpages from '../../src/lib/server/program/commitments/commitment-page.service';
import { createModel } from '../../src/lib/server/program/models/model.service';
import { modelSchema } from '../../src/lib/server/program/models/model.schema';
import { createPlan } from '../../src/lib/server/program/plans/plan.service';
import { planFormInput, planSchema } from '../../src/lib/server/program/plans/plan.schema';
import type { Actor } from '../../src/lib/server/access/actor';
import type { Db } from '../../src/lib/server/db';
import { demoIds, photoWithExif, quickForm, readActivityForm, readCommitmentForm } from './program-activity-support';

const key = (c: string) => c.repeat(20) + Date.now();
const countWhere = async (db: Db, table: 'activity' | 'commitment', notes: string) =>
  (
    await db
      .selectFrom(table)
      .select('id')
      .where(table === 'activity' ? 'notes' : 'household_name', 'like', `${notes}%`)
      .execute()
  ).length;
const photosOf = async (db: Db, id: string) =>
  (await db.selectFrom('program_media').select('id').where('owner_id', '=', id).execute()).length;

forEachDb('program creates, once per key', (ctx) => {
  let leader: Actor;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let photo: { data: Buffer; type: string };
  let media: string;
  beforeAll(async () => {
    media = useTempMedia();
    await seedDemo(ctx.db);
    leader = await actorFor(ctx.db, 'chihoi.truong');
    ids = await demoIds(ctx.db);
    photo = { data: await photoWithExif(), type: 'image/jpeg' };
  });
  const activity = (notes: string) => {
    const f = readActivityForm(quickForm({ organisation_id: ids.branch1, admin_unit_id: ids.village1, notes }));
    if (!f.parsed.ok) throw new Error(JSON.stringify(f.parsed.errors));
    return f.parsed.data;
  };

  it('six parallel posts of one activity form make one activity with its photos', async () => {
    const k = key('p');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => pages.submitActivity(ctx.db, leader, activity('Song song'), [photo, photo], k))
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(await countWhere(ctx.db, 'activity', 'Song song')).toBe(1);
    expect(await photosOf(ctx.db, answers[0].id)).toBe(2);
  });

  it('a photo that cannot be saved keeps nothing; the retry with the same key makes one', async () => {
    const k = key('s');
    // The photo folder's place is taken by a file: storing the photo fails after the insert.
    const blocked = mkdtempSync(path.join(tmpdir(), 'cs-blocked-'));
    writeFileSync(path.join(blocked, 'media'), 'not a folder');
    setMediaRoot(path.join(blocked, 'media', 'inside'));
    await expect(pages.submitActivity(ctx.db, leader, activity('Ảnh lỗi'), [photo], k)).rejects.toThrow();
    expect(await countWhere(ctx.db, 'activity', 'Ảnh lỗi')).toBe(0);
    setMediaRoot(media);
    const retry = await pages.submitActivity(ctx.db, leader, activity('Ảnh lỗi'), [photo], k);
    const again = await pages.submitActivity(ctx.db, leader, activity('Ảnh lỗi'), [photo], k);
    expect(again).toEqual({ id: retry.id, created: false });
    expect(await countWhere(ctx.db, 'activity', 'Ảnh lỗi')).toBe(1);
    expect(await photosOf(ctx.db, retry.id)).toBe(1);
  });

  it('parallel posts of a batch of household commitments record the batch once', async () => {
    const f = new FormData();
    const name = `Hộ song song ${Date.now()}`;
    for (const [k, v] of Object.entries({
      party: 'household',
      kind_id: 'ck-sorting',
      signed_on: '15/03/2026',
      organisation_id: ids.branch1,
      village_unit_id: ids.village1,
      household_name: name
    }))
      f.append(k, v);
    const read = readCommitmentForm(f);
    if (!read.parsed.ok) throw new Error(JSON.stringify(read.parsed.errors));
    const { household_count: _count, ...input } = read.parsed.data;
    const k = key('c');
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => cpages.submitCommitment(ctx.db, leader, input, [photo], k))
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await countWhere(ctx.db, 'commitment', name)).toBe(1);
    expect(await photosOf(ctx.db, answers[0].id)).toBe(1);
  });
});

forEachDb('models and plans, once per key', (ctx) => {
  let leader: Actor;
  let tinh: Actor;
  let tinhOrg: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  beforeAll(async () => {
    await seedDemo(ctx.db);
    leader = await actorFor(ctx.db, 'chihoi.truong');
    tinh = await actorFor(ctx.db, 'canbo.tinh');
    tinhOrg = await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu');
    ids = await demoIds(ctx.db);
  });
  const model = (name: string, extra: Record<string, string> = {}) =>
    modelSchema.parse({
      name,
      kind: 'clean_stream',
      organisation_id: ids.branch1,
      admin_unit_id: ids.village1,
      started_on: '01/03/2026',
      status: 'active',
      ...extra
    });
  const models = async (name: string) =>
    (await ctx.db.selectFrom('model').select('id').where('name', '=', name).execute()).length;
  const plan = (year: string, extra: Record<string, string> = {}) =>
    planSchema.parse(
      planFormInput({ organisation_id: tinhOrg, program_id: '', year, 'targets.trainings': '4', ...extra })
    );
  const plans = async (year: number) =>
    (
      await ctx.db
        .selectFrom('plan')
        .select('id')
        .where('organisation_id', '=', tinhOrg)
        .where('year', '=', year)
        .execute()
    ).length;

  it('five parallel posts of one model form make one model, every answer names it', async () => {
    const k = key('m');
    const name = `Tổ suối song song ${Date.now()}`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => createModel(ctx.db, leader, model(name), k)));
    expect(new Set(answers).size).toBe(1);
    expect(await models(name)).toBe(1);
  });

  it('five parallel posts of one plan form make one plan with its targets', async () => {
    const k = key('y');
    const answers = await Promise.all(Array.from({ length: 5 }, () => createPlan(ctx.db, tinh, plan('2091'), k)));
    expect(new Set(answers).size).toBe(1);
    expect(await plans(2091)).toBe(1);
    const targets = await ctx.db
      .selectFrom('plan_target')
      .select('target_value')
      .where('plan_id', '=', answers[0])
      .execute();
    expect(targets.map((t) => Number(t.target_value))).toEqual([4]);
  });

  it('a refused model or plan keeps nothing, not even the key; the corrected retry makes one', async () => {
    const km = key('r');
    const name = `Tổ bị từ chối ${Date.now()}`;
    await expect(createModel(ctx.db, leader, model(name, { replicated_from_id: 'nope' }), km)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { field: 'replicated_from_id' }
    });
    expect(await models(name)).toBe(0);
    const made = await createModel(ctx.db, leader, model(name), km);
    expect(await createModel(ctx.db, leader, model(name), km)).toBe(made);
    expect(await models(name)).toBe(1);

    const kp = key('q');
    await expect(createPlan(ctx.db, tinh, plan('2092', { program_id: 'nope' }), kp)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { field: 'program_id' }
    });
    expect(await plans(2092)).toBe(0);
    const first = await createPlan(ctx.db, tinh, plan('2092'), kp);
    expect(await createPlan(ctx.db, tinh, plan('2092'), kp)).toBe(first);
    expect(await plans(2092)).toBe(1);
  });
});
