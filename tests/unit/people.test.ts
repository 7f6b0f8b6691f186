import { beforeAll, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId, seedDemo, unitId, BRANCH_1, BRANCH_3, VILLAGE_1, VILLAGE_3 } from './people-support';
import type { Actor } from '../../src/lib/server/access/actor';
import {
  createPerson,
  getPerson,
  listPeople,
  updatePerson,
  addMembership
} from '../../src/lib/server/people/person.service';
import {
  recordConsent,
  saveSensitive,
  sensitiveView,
  withdrawConsent
} from '../../src/lib/server/people/consent.service';
import { anonymisePerson, exportPerson } from '../../src/lib/server/people/rights.service';
import { countActiveMembers, findSensitive } from '../../src/lib/server/people/person.repository';
import { personQuerySchema } from '../../src/lib/server/people/person.schema';

const q = (input: Record<string, string>) => personQuerySchema.parse(input);

forEachDb('people', (ctx) => {
  let leader: Actor, doanKet: Actor, binhLu: Actor, branch1: string, branch3: string, village1: string;
  beforeAll(async () => {
    await seedDemo(ctx.db);
    [leader, doanKet, binhLu] = await Promise.all(
      ['chihoi.truong', 'canbo.doanket', 'canbo.binhlu'].map((u) => actorFor(ctx.db, u))
    );
    [branch1, branch3, village1] = await Promise.all([
      orgId(ctx.db, BRANCH_1),
      orgId(ctx.db, BRANCH_3),
      unitId(ctx.db, VILLAGE_1)
    ]);
  });

  const person = (over: Record<string, unknown> = {}) => ({
    full_name: 'X',
    birth_year: 1955,
    sex: 'male' as const,
    organisation_id: branch1,
    village_unit_id: null,
    phone: null,
    address: null,
    ...over
  });

  it('search ignores diacritics and đ/d', async () => {
    for (const term of ['nguyen van duc', 'NGUYỄN VĂN ĐỨC', 'duc', 'Đức']) {
      const { rows } = await listPeople(ctx.db, leader, q({ q: term }));
      expect(
        rows.map((r) => r.full_name),
        term
      ).toEqual(['Nguyễn Văn Đức']);
    }
  });

  it('lists in Vietnamese order (Dũng before Đức, Anh before Ánh)', async () => {
    for (const name of ['Đức', 'Dũng', 'Ánh', 'Anh', 'Bình'])
      await createPerson(ctx.db, leader, person({ full_name: `Zz Test ${name}` }));
    const { rows } = await listPeople(ctx.db, leader, q({ q: 'zz test' }));
    expect(rows.map((r) => r.full_name.slice(8))).toEqual(['Anh', 'Ánh', 'Bình', 'Dũng', 'Đức']);
    const all = (await listPeople(ctx.db, doanKet, q({ per_page: '100' }))).rows.map((r) => r.full_name);
    expect(all).toEqual(expect.arrayContaining(['Đỗ Thị Ánh', 'Lò Văn Khăm', 'Nguyễn Văn Đức']));
    expect(all.indexOf('Đỗ Thị Ánh')).toBeLessThan(all.indexOf('Lò Văn Khăm'));
    expect(all.indexOf('Lò Văn Khăm')).toBeLessThan(all.indexOf('Nguyễn Văn Đức'));
  });

  it('filters by village and membership, and pages', async () => {
    const inVillage = await listPeople(ctx.db, doanKet, q({ village_unit_id: village1, per_page: '100' }));
    expect(inVillage.rows.every((r) => r.village_unit_id === village1)).toBe(true);
    const nonMembers = await listPeople(ctx.db, leader, q({ member: 'no', per_page: '100' }));
    expect(nonMembers.rows.map((r) => r.full_name)).toContain('Zz Test Anh');
    expect(nonMembers.rows.every((r) => !r.is_member)).toBe(true);
    const page2 = await listPeople(ctx.db, leader, q({ per_page: '2', page: '2' }));
    expect(page2.rows).toHaveLength(2);
    expect(page2.pages).toBe(Math.ceil(page2.total / 2));
  });

  it('scope: an officer of Đoàn Kết cannot see or change Bình Lư people (NOT_FOUND)', async () => {
    const id = await createPerson(ctx.db, binhLu, person({ full_name: 'Người Bình Lư', organisation_id: branch3 }));
    expect((await listPeople(ctx.db, doanKet, q({ q: 'binh lu' }))).rows).toHaveLength(0);
    await expect(getPerson(ctx.db, doanKet, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getPerson(ctx.db, doanKet, 'no-such-id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updatePerson(ctx.db, doanKet, id, { full_name: 'Hacked' })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    await expect(createPerson(ctx.db, doanKet, person({ organisation_id: branch3 }))).rejects.toMatchObject({
      code: 'VALIDATION'
    });
    await expect(getPerson(ctx.db, binhLu, id)).resolves.toMatchObject({ full_name: 'Người Bình Lư' });
  });

  it('rejects a village outside the keeping organisation commune', async () => {
    const far = await unitId(ctx.db, VILLAGE_3);
    await expect(createPerson(ctx.db, leader, person({ village_unit_id: far }))).rejects.toMatchObject({
      message: 'people_err_village'
    });
    await expect(createPerson(ctx.db, leader, person({ village_unit_id: village1 }))).resolves.toBeTypeOf('string');
  });

  it('edits are audited with before and after', async () => {
    const id = await createPerson(ctx.db, leader, person({ full_name: 'Sửa Thử' }));
    await updatePerson(ctx.db, leader, id, { phone: '0987654321' });
    const ev = await ctx.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '=', 'person.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.before_json!).phone).toBeNull();
    expect(JSON.parse(ev.after_json!).phone).toBe('0987654321');
  });

  it('sensitive data needs an active consent; withdrawal deletes it; audit keeps no values', async () => {
    const id = await createPerson(ctx.db, leader, person({ full_name: 'Đồng Ý Thử' }));
    await expect(saveSensitive(ctx.db, leader, id, { ethnicity: 'Thái', health_note: null })).rejects.toMatchObject({
      message: 'people_err_no_consent'
    });
    expect(await findSensitive(ctx.db, id)).toBeUndefined();
    await recordConsent(ctx.db, leader, id, {
      version: '1.0',
      given_on: '2026-01-05',
      method: 'fingerprint',
      witness_name: null
    });
    await saveSensitive(ctx.db, leader, id, { ethnicity: 'Thái', health_note: 'Huyết áp cao' });
    expect(await sensitiveView(ctx.db, leader, id)).toMatchObject({ ethnicity: 'Thái', health_note: 'Huyết áp cao' });
    const audits = await ctx.db
      .selectFrom('audit_event')
      .select(['before_json', 'after_json'])
      .where('entity_id', '=', id)
      .execute();
    expect(JSON.stringify(audits)).not.toMatch(/Thái|Huyết/);
    await withdrawConsent(ctx.db, leader, id);
    expect(await findSensitive(ctx.db, id)).toBeUndefined();
    const consent = await ctx.db
      .selectFrom('consent')
      .selectAll()
      .where('person_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(consent.withdrawn_at).toBeTruthy();
    await expect(saveSensitive(ctx.db, leader, id, { ethnicity: 'Thái', health_note: null })).rejects.toMatchObject({
      message: 'people_err_no_consent'
    });
  });

  it('exports a person with memberships and consents, never to a branch leader without the right', async () => {
    const id = await createPerson(ctx.db, leader, person({ full_name: 'Xuất Dữ Liệu' }), {
      card_number: 'EXP-1',
      joined_on: '2020-02-02'
    });
    await recordConsent(ctx.db, leader, id, {
      version: '2',
      given_on: '2026-01-06',
      method: 'signature',
      witness_name: null
    });
    const data = await exportPerson(ctx.db, doanKet, id);
    expect(data.person.full_name).toBe('Xuất Dữ Liệu');
    expect(data.memberships).toMatchObject([{ card_number: 'EXP-1', joined_on: '2020-02-02' }]);
    expect(data.consents).toMatchObject([{ method: 'signature', version: '2' }]);
    await expect(exportPerson(ctx.db, leader, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('anonymisation erases identity but keeps aggregate counts', async () => {
    const id = await createPerson(
      ctx.db,
      leader,
      person({ full_name: 'Ẩn Danh Thử', birth_year: 1957, phone: '0911222333', village_unit_id: village1 }),
      { card_number: 'ANO-1', joined_on: '2019-01-01' }
    );
    await recordConsent(ctx.db, leader, id, {
      version: '1',
      given_on: '2026-01-05',
      method: 'signature',
      witness_name: null
    });
    await saveSensitive(ctx.db, leader, id, { ethnicity: 'Mông', health_note: null });
    const membersBefore = await countActiveMembers(ctx.db, branch1);
    const listedBefore = (await listPeople(ctx.db, leader, q({ village_unit_id: village1, member: 'yes' }))).total;
    await anonymisePerson(ctx.db, doanKet, id);
    const p = await getPerson(ctx.db, leader, id);
    expect(p).toMatchObject({
      full_name: 'Người đã ẩn danh',
      birth_year: 1950,
      sex: 'male',
      phone: null,
      village_unit_id: village1,
      is_member: true
    });
    expect(p.anonymised_at).toBeTruthy();
    expect(await findSensitive(ctx.db, id)).toBeUndefined();
    expect(await countActiveMembers(ctx.db, branch1)).toBe(membersBefore);
    expect((await listPeople(ctx.db, leader, q({ village_unit_id: village1, member: 'yes' }))).total).toBe(
      listedBefore
    );
    expect((await listPeople(ctx.db, leader, q({ q: 'an danh thu' }))).total).toBe(0);
    await expect(anonymisePerson(ctx.db, doanKet, id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      addMembership(ctx.db, leader, id, { card_number: null, joined_on: '2026-01-01' })
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('card numbers are unique', async () => {
    await expect(
      createPerson(ctx.db, leader, person(), { card_number: 'LC-0001', joined_on: '2020-01-01' })
    ).rejects.toMatchObject({ message: 'people_err_card_taken' });
  });
});
