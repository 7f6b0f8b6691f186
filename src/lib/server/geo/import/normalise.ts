/**
 * Name and type normalisation for Vietnamese unit lists. Sources disagree on where the tone
 * mark sits ("Hòa" vs "Hoà", "Thủy" vs "Thuỷ"); both spell the same name, so comparisons use
 * a key that keeps each syllable's letters and its tone but not the tone's position.
 */
import type { AdminUnitTable } from '$lib/server/db/schema';

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** "Hoà Bình" and "Hòa Bình" → the same key; "Phó Bảng" and "Phố Bảng" differ. */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((word) => {
      const decomposed = word.normalize('NFD');
      const tones = (decomposed.match(TONE_MARKS) ?? []).join('');
      return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
    })
    .join(' ');
}

export type UnitLevel = AdminUnitTable['level'];

/** Vietnamese type word → stored type code, with the levels it may appear at. */
const TYPES: [prefix: string, type: string, levels: UnitLevel[]][] = [
  ['Thành phố', 'thanh_pho', ['province', 'district']],
  ['Thị xã', 'thi_xa', ['district']],
  ['Thị trấn', 'thi_tran', ['commune']],
  ['Đặc khu', 'dac_khu', ['commune']],
  ['Tỉnh', 'tinh', ['province']],
  ['Huyện', 'huyen', ['district']],
  ['Quận', 'quan', ['district']],
  ['Xã', 'xa', ['commune']],
  ['Phường', 'phuong', ['commune']]
];

/** Type code from a full name such as "Thị trấn Tam Đường", or null if unknown for that level. */
export function typeFromFullName(fullName: string, level: UnitLevel): string | null {
  // Lower-cased: a few source rows write "xã Bắc Sơn".
  const name = fullName.normalize('NFC').trim().toLowerCase();
  for (const [prefix, type, levels] of TYPES) {
    if (name.startsWith(prefix.toLowerCase() + ' ') && levels.includes(level)) return type;
  }
  return null;
}
