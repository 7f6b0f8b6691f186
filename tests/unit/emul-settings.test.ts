/**
 * Setting the movement up from its pages: criteria rows read from the form (blank rows left
 * out, codes made from names), corrected in place before anyone registers and versioned after,
 * campaign settings, and a council's passing rules per form of reward.
 */
import { describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { as, campaign, person, tree } from './emulation-support';
import { criteriaFormInput, codeFrom } from '../../src/lib/server/emulation/forms';
import { campaignSettingsSchema, criteriaFormSchema } from '../../src/lib/server/emulation/emulation.schema';
import { validate } from '../../src/lib/server/forms';
import { getCampaign, saveCriteria, updateCampaign } from '../../src/lib/server/emulation/campaign.service';
import { register } from '../../src/lib/server/emulation/registration.service';
import { passRuleOf } from '../../src/lib/server/emulation/council.service';
import { passRulesPage, savePassRules } from '../../src/lib/server/emulation/settings-page.service';
import { criteriaOf } from '../../src/lib/server/emulation/campaign.repository';
import { AWARD_FORM_CODES } from '../../src/lib/shared/emulation/rules';

const row = (n: number, name: string, extra: Record<string, string> = {}) => ({
  [`c_name_${n}`]: name,
  [`c_group_${n}`]: 'environment',
  [`c_measure_${n}`]: 'reports',
  [`c_target_${n}`]: '1',
  [`c_points_${n}`]: '10',
  ...extra
});

describe('criteria rows from the form', () => {
  it('makes codes from names, unique, and leaves blank rows out', () => {
    expect(codeFrom('Phản ánh vi phạm môi trường')).toBe('phan_anh_vi_pham_moi_truong');
    const input = criteriaFormInput({ ...row(0, 'Phản ánh'), ...row(1, ''), ...row(2, 'Phản ánh') });
    const parsed = validate(criteriaFormSchema, input);
    expect(parsed.ok && parsed.data.criteria.map((c) => c.code)).toEqual(['phan_anh', 'phan_anh_2']);
  });

  it.each([
    ['points not a number', row(0, 'A', { c_points_0: 'mười' }), 'criteria.0.points'],
    ['unknown measure', row(0, 'A', { c_measure_0: 'votes' }), 'criteria.0.measure'],
    ['an error keeps its row number', { ...row(0, ''), ...row(1, 'B', { c_target_1: '-1' }) }, 'criteria.1.target'],
    ['every row blank', row(0, ''), 'criteria'],
    ['every row removed', row(0, 'A', { c_code_0: 'a', c_remove_0: '1' }), 'criteria']
  ])('%s', (_, values, field) => {
    const parsed = validate(criteriaFormSchema, criteriaFormInput(values));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toContain(field);
  });

  it.each([
    ['no subject', { subjects: [] }, 'subjects'],
    ['registration ends before it starts', { register_from: '2026-02-01', register_to: '2026-01-01' }, 'register_to'],
    ['no name', { name: ' ' }, 'name']
  ])('settings: %s', (_, over, field) => {
    const parsed = validate(campaignSettingsSchema, {
      name: 'X',
      kind: 'movement',
      subjects: ['person'],
      register_from: '2026-01-01',
      register_to: '2026-12-31',
      evaluate_from: '2026-01-01',
      evaluate_to: '2026-12-31',
      title_threshold: '50',
      ...over
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toContain(field);
  });
});

forEachDb('campaign settings and criteria versions', (ctx) => {
  const list = (name: string) => [
    { group_code: 'environment' as const, code: 'x', name, measure: 'reports' as const, target: 1, points: 50 }
  ];

  it('corrects the criteria in place before anyone registers, then makes a new version', async () => {
    const t = await tree(ctx.db, 'Sửa');
    const c = await campaign(ctx.db, t.province);
    const officer = as('association_officer', t.province);
    expect(await saveCriteria(ctx.db, officer, c, list('Một'))).toEqual({ version: 1, revised: false });
    expect((await criteriaOf(ctx.db, c, 1)).map((k) => k.name)).toEqual(['Một']);
    const pid = await person(ctx.db, t.branch, 'Lò Thị Sửa');
    const [reg] = await register(ctx.db, as('branch_leader', t.branch), {
      campaign_id: c,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: [pid],
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });
    expect(await saveCriteria(ctx.db, officer, c, list('Hai'))).toEqual({ version: 2, revised: true });
    // The registration keeps version 1 and its criteria.
    expect((await criteriaOf(ctx.db, c, 1)).map((k) => k.name)).toEqual(['Một']);
    const row = await ctx.db
      .selectFrom('emu_registration')
      .select('criteria_version')
      .where('id', '=', reg)
      .executeTakeFirstOrThrow();
    expect(row.criteria_version).toBe(1);
    expect((await getCampaign(ctx.db, officer, c)).criteria.map((k) => k.name)).toEqual(['Hai']);
  });

  it('updates the settings; another scope cannot edit', async () => {
    const t = await tree(ctx.db, 'Cài');
    const other = await tree(ctx.db, 'Khác');
    const c = await campaign(ctx.db, t.province);
    const settings = {
      name: 'Đợt mới',
      kind: 'specialised' as const,
      subjects: ['branch' as const],
      register_from: '2026-01-01',
      register_to: '2026-06-30',
      evaluate_from: '2026-01-01',
      evaluate_to: '2026-12-31',
      title_threshold: 70
    };
    await updateCampaign(ctx.db, as('association_officer', t.province), c, settings);
    const { campaign: saved } = await getCampaign(ctx.db, as('association_officer', t.province), c);
    expect([saved.name, saved.kind, saved.subjects, saved.title_threshold]).toEqual([
      'Đợt mới',
      'specialised',
      ['branch'],
      70
    ]);
    await expect(updateCampaign(ctx.db, as('association_officer', other.province), c, settings)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    await expect(saveCriteria(ctx.db, as('branch_leader', t.branch), c, list('Z'))).rejects.toBeTruthy();
  });

  it('saves a council rule per form; the page shows the default where none is set', async () => {
    const t = await tree(ctx.db, 'Luật');
    const officer = as('association_officer', t.commune);
    const rules = Object.fromEntries(AWARD_FORM_CODES.map((f) => [f, 'half_of_members' as const]));
    await savePassRules(ctx.db, officer, t.commune, { ...rules, gk_province: 'two_thirds_of_members' });
    expect(await passRuleOf(ctx.db, t.commune, 'gk_province')).toBe('two_thirds_of_members');
    expect(await passRuleOf(ctx.db, t.commune, 'gk_commune')).toBe('half_of_members');
    const page = await passRulesPage(ctx.db, officer);
    expect(page.councils.map((o) => o.id)).toEqual([t.commune]);
    await expect(savePassRules(ctx.db, officer, t.province, rules)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(savePassRules(ctx.db, officer, t.commune, { gk_province: 'half_of_members' })).rejects.toMatchObject({
      code: 'VALIDATION'
    });
  });
});
