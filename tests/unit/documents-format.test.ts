/** The printed forms of Decree 30: numbers, the place and date line, symbols. */
import { describe, expect, it } from 'vitest';
import { KINDS, dateLine, deriveSymbol, documentNumber, numberLine, roman } from '../../src/lib/server/documents';

describe('document number', () => {
  it.each([
    [5, KINDS.BC, ['HNCT'], undefined, '05/BC-HNCT'],
    [9, KINDS.KH, ['HNCT'], undefined, '09/KH-HNCT'],
    [10, KINDS.TTr, ['HNCT'], undefined, '10/TTr-HNCT'],
    [123, KINDS.QĐ, ['HNCT'], undefined, '123/QĐ-HNCT'],
    [1, KINDS.CTr, ['HNCT', 'SNNMT'], undefined, '01/CTr-HNCT-SNNMT'],
    [12, KINDS.CV, ['HNCT'], undefined, '12/HNCT'],
    [12, KINDS.CV, ['HNCT'], 'VP', '12/HNCT-VP'],
    [null, KINDS.BC, ['HNCT'], undefined, '…/BC-HNCT']
  ])('%s %s %j → %s', (n, kind, symbols, unit, expected) => {
    expect(documentNumber(n, kind, symbols, unit)).toBe(expected);
  });
  it('is printed after "Số:"', () => expect(numberLine('05/BC-HNCT')).toBe('Số: 05/BC-HNCT'));
});

describe('place and date line', () => {
  it.each([
    ['2026-03-05', 'Lai Châu, ngày 05 tháng 3 năm 2026'],
    ['2026-01-09', 'Lai Châu, ngày 09 tháng 01 năm 2026'],
    ['2026-02-28', 'Lai Châu, ngày 28 tháng 02 năm 2026'],
    ['2026-12-31', 'Lai Châu, ngày 31 tháng 12 năm 2026'],
    ['2026-10-10', 'Lai Châu, ngày 10 tháng 10 năm 2026']
  ])('%s → %s', (date, expected) => expect(dateLine('Lai Châu', date)).toBe(expected));
  it('leaves day and month open on a draft', () =>
    expect(dateLine('Bình Lư', null, 2026)).toBe('Bình Lư, ngày … tháng … năm 2026'));
});

describe('symbols and outline numbers', () => {
  it.each([
    ['Hội Người cao tuổi tỉnh Lai Châu', 'HNCT'],
    ['Hội Người cao tuổi xã Bình Lư', 'HNCT'],
    ['Sở Nông nghiệp và Môi trường tỉnh Lai Châu', 'SNNMT'],
    ['Ủy ban nhân dân phường Đoàn Kết', 'UBND'],
    ['Chi cục Kiểm lâm tỉnh Lai Châu', 'CCKL'],
    ['Đoàn Thanh niên', 'ĐTN']
  ])('%s → %s', (name, symbol) => expect(deriveSymbol(name)).toBe(symbol));
  it('numbers sections in Roman numerals', () =>
    expect([1, 2, 3, 4, 5, 9].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX']));
});
