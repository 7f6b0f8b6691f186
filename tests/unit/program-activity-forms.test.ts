/** Table-driven form errors of the activity and commitment forms (no database). */
import { describe, expect, it } from 'vitest';
import { ntmFor } from '../../src/lib/server/program/activities/activity-form';
import { quickForm, readActivityForm, readCommitmentForm } from './program-activity-support';

describe('activity form errors', () => {
  const cases: [string, Record<string, string | string[]>, string, string][] = [
    ['missing date', { started_on: '' }, 'started_on', 'err_required'],
    ['impossible date', { started_on: '31/02/2026' }, 'started_on', 'dates_err_not_in_calendar'],
    [
      'end before start',
      { started_on: '10/03/2026', ended_on: '09/03/2026' },
      'ended_on',
      'program_err_end_before_start'
    ],
    ['count not a number', { count_total: 'ba mươi' }, 'count_total', 'program_err_count'],
    ['elderly over total', { count_total: '10', count_elderly: '11' }, 'count_elderly', 'program_err_count_over_total'],
    ['women over total', { count_total: '10', count_women: '12' }, 'count_women', 'program_err_count_over_total'],
    ['no place', { admin_unit_id: '' }, 'admin_unit_id', 'err_required'],
    ['no organisation', { organisation_id: '' }, 'organisation_id', 'err_required'],
    ['unknown kind', { kind: 'party' }, 'kind', 'err_required'],
    ['unknown audience', { audiences: 'aliens' }, 'audiences.0', 'err_invalid']
  ];
  it.each(cases)('%s', async (_name, fields, field, key) => {
    const f = readActivityForm(quickForm({ organisation_id: 'o', admin_unit_id: 'u', ...fields }));
    expect(f.parsed.ok).toBe(false);
    if (!f.parsed.ok) expect(f.parsed.codes[field]).toBe(key);
    expect(f.values.count_total).toBe(fields.count_total ?? '30'); // what was typed comes back
  });

  it('commitment: a household needs its name, a member needs choosing', async () => {
    for (const [party, field] of [
      ['household', 'household_name'],
      ['person', 'person_id']
    ]) {
      const f = new FormData();
      for (const [k, v] of Object.entries({
        party,
        kind_id: 'ck-sorting',
        signed_on: '15/03/2026',
        organisation_id: 'o',
        village_unit_id: 'v'
      }))
        f.append(k, v);
      const read = readCommitmentForm(f);
      expect(read.parsed.ok ? null : read.parsed.codes[field]).toBe('err_required');
    }
  });

  const countCases: [string, Record<string, string>, string][] = [
    ['count zero', { household_count: '0' }, 'pa_c_err_count'],
    ['count too big', { household_count: '501' }, 'pa_c_err_count'],
    ['count not a number', { household_count: 'bốn mươi' }, 'pa_c_err_count'],
    ['both a name and a count', { household_count: '3', household_name: 'Hộ A' }, 'pa_c_err_count_or_name']
  ];
  it.each(countCases)('commitment: %s', async (_name, fields, key) => {
    const f = new FormData();
    for (const [k, v] of Object.entries({
      party: 'household',
      kind_id: 'ck-sorting',
      signed_on: '15/03/2026',
      organisation_id: 'o',
      village_unit_id: 'v',
      ...fields
    }))
      f.append(k, v);
    const read = readCommitmentForm(f);
    expect(read.parsed.ok ? null : read.parsed.codes.household_count).toBe(key);
    expect(read.values.household_count).toBe(fields.household_count);
  });

  it('the NTM criterion follows the date when left on automatic', () => {
    expect([ntmFor('2025-12-31'), ntmFor('2026-01-01'), ntmFor('2020-05-01'), ntmFor(null)]).toEqual([
      '2021-2025:17',
      '2026-2030:8',
      null,
      null
    ]);
  });
});
