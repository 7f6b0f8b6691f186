import { describe, expect, it } from 'vitest';
import { validate } from '../../src/lib/server/forms';
import {
  consentInputSchema,
  normalisePhone,
  personInputSchema,
  personQuerySchema
} from '../../src/lib/server/people/person.schema';

describe('phone numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['912345678', null],
    ['09123456789', null],
    ['091234567', null],
    ['1912345678', null],
    ['09123abc78', null],
    ['+1 912 345 678', null]
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });
});

const base = {
  full_name: 'Lò Thị Mai',
  birth_year: '1956',
  sex: 'female',
  organisation_id: 'org-1',
  village_unit_id: '',
  phone: '',
  address: ''
};

describe('person form validation', () => {
  it.each([
    ['missing name', { full_name: '  ' }, 'full_name', 'err_required'],
    ['name too long', { full_name: 'x'.repeat(201) }, 'full_name', 'err_too_long'],
    ['birth year not 4 digits', { birth_year: '56' }, 'birth_year', 'err_year'],
    ['birth year in the future', { birth_year: '2999' }, 'birth_year', 'err_year'],
    ['birth year before 1900', { birth_year: '1899' }, 'birth_year', 'err_year'],
    ['unknown sex', { sex: 'x' }, 'sex', 'err_invalid'],
    ['no keeping organisation', { organisation_id: '' }, 'organisation_id', 'err_required'],
    ['bad phone', { phone: '12345' }, 'phone', 'err_phone'],
    ['address too long', { address: 'a'.repeat(501) }, 'address', 'err_too_long']
  ])('%s', (_name, patch, field, code) => {
    const r = validate(personInputSchema, { ...base, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.codes[field]).toBe(code);
  });

  it('cleans and normalises valid input (API numbers too)', () => {
    const r = validate(personInputSchema, {
      ...base,
      full_name: '  Lò   Thị Mai ',
      birth_year: 1956,
      phone: '+84 987 000 111'
    });
    expect(r.ok && r.data).toMatchObject({
      full_name: 'Lò Thị Mai',
      birth_year: 1956,
      sex: 'female',
      phone: '0987000111',
      village_unit_id: null,
      address: null
    });
  });
});

describe('consent form validation', () => {
  const ok = { version: '1.0', given_on: '05/01/2026', method: 'signature', witness_name: '' };
  it.each([
    ['no method chosen (never pre-selected)', { method: '' }, 'method', 'err_required'],
    ['oral consent without witness', { method: 'oral_witness' }, 'witness_name', 'err_required'],
    ['a day February lacks', { given_on: '31/02/2026' }, 'given_on', 'dates_err_not_in_calendar'],
    ['a thirteenth month', { given_on: '05/13/2026' }, 'given_on', 'dates_err_month'],
    ['day 32', { given_on: '32/01/2026' }, 'given_on', 'dates_err_day'],
    ['not a date', { given_on: 'tháng giêng' }, 'given_on', 'err_date'],
    ['no version', { version: '' }, 'version', 'err_required']
  ])('%s', (_name, patch, field, code) => {
    const r = validate(consentInputSchema, { ...ok, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.codes[field]).toBe(code);
  });

  it('accepts dd/mm/yyyy and oral consent with a witness', () => {
    const r = validate(consentInputSchema, { ...ok, method: 'oral_witness', witness_name: 'Lò Văn Pọm' });
    expect(r.ok && r.data).toMatchObject({
      given_on: '2026-01-05',
      method: 'oral_witness',
      witness_name: 'Lò Văn Pọm'
    });
  });
});

describe('list query', () => {
  it('defaults and bounds paging', () => {
    expect(
      validate(personQuerySchema, {}).ok && validate(personQuerySchema, { page: '0', per_page: '999' })
    ).toMatchObject({ ok: true, data: { page: 1, per_page: 100 } });
    expect(validate(personQuerySchema, { member: 'maybe' }).ok).toBe(false);
  });
});
