import { describe, expect, it } from 'vitest';
import { compareVi, fold, sortKey } from './text';

describe('fold', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['BẢO VỆ MÔI TRƯỜNG', 'bao ve moi truong'],
    ['  Xã   Mường Than ', 'xa muong than'],
    ['Hoà', 'hoa'],
    ['Hòa', 'hoa']
  ])('%s → %s', (input, expected) => expect(fold(input)).toBe(expected));
});

describe('Vietnamese order', () => {
  it('puts đ after d and ư after u, tones in dictionary order', () => {
    const names = ['Đức', 'Dũng', 'Ưng', 'Uyên', 'Ánh', 'Anh', 'Ảnh', 'Ăn', 'Âu', 'Bình'];
    expect([...names].sort(compareVi)).toEqual(['Anh', 'Ảnh', 'Ánh', 'Ăn', 'Âu', 'Bình', 'Dũng', 'Đức', 'Uyên', 'Ưng']);
  });
  it('sorts shorter prefixes first', () => {
    expect(sortKey('An') < sortKey('An Bình')).toBe(true);
  });
});
