/**
 * Vietnamese text helpers shared by server and browser.
 * `fold` makes search ignore diacritics and đ/d; `sortKey` gives Vietnamese dictionary order
 * (a ă â b c d đ e ê ... with tones ngang < huyền < hỏi < ngã < sắc < nặng) as a plain string
 * that both databases can sort with binary collation.
 */

const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const LETTER_MODS: Record<string, string> = { '\u0306': '(', '\u0302': '^', '\u031b': '+' };
const ALPHABET = [
  'a',
  'a(',
  'a^',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'e^',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'o^',
  'o+',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'u+',
  'v',
  'w',
  'x',
  'y',
  'z'
];
const RANK = new Map(ALPHABET.map((l, i) => [l, String.fromCharCode(0x41 + i)]));

/** Normalise user input: NFC, trimmed, inner whitespace collapsed. */
export function clean(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** "Nguyễn Văn Đức" → "nguyen van duc". */
export function fold(value: string): string {
  return clean(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Binary-sortable key in Vietnamese order. */
export function sortKey(value: string): string {
  const primary: string[] = [];
  const tones: string[] = [];
  for (const ch of clean(value).toLowerCase()) {
    const parts = ch.normalize('NFD');
    let letter = parts[0] === 'đ' ? 'đ' : parts[0];
    let tone = 0;
    for (const mark of parts.slice(1)) {
      if (LETTER_MODS[mark]) letter += LETTER_MODS[mark];
      else if (TONES[mark]) tone = TONES[mark];
    }
    const rank = RANK.get(letter);
    if (rank) {
      primary.push(rank);
      tones.push(String(tone));
    } else if (/\s/.test(letter)) {
      primary.push(' ');
    } else {
      primary.push(letter >= '0' && letter <= '9' ? '0' + letter : '~' + letter);
    }
  }
  return primary.join('') + '\u0001' + tones.join('');
}

/** Compare two strings in Vietnamese order (for in-memory sorts). */
export function compareVi(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
