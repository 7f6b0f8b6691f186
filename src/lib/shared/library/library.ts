/** The outreach library's codes: kinds of material, languages of the province, pages a reading belongs to. */
export const MATERIAL_KINDS = ['leaflet', 'law_summary', 'loudspeaker_script', 'other'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** Vietnamese first, then the province's minority languages; `other` carries its own name. */
export const LANGUAGES = ['vi', 'thai', 'mong', 'dao', 'hanhi', 'lu', 'other'] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 tags for `lang` attributes (Thái Đen, Hmong, Iu Mien, Hani, Tai Lü); `other` is unknown. */
export const LANGUAGE_TAGS: Record<Language, string> = {
  vi: 'vi',
  thai: 'blt',
  mong: 'hmn',
  dao: 'ium',
  hanhi: 'hni',
  lu: 'khb',
  other: 'und'
};

/**
 * Public pages whose text can have a recorded reading in the library: a material tied to the
 * page (by an officer) supplies the "Nghe" button's audio there.
 */
export const PAGE_KEYS = ['report_form', 'receipt', 'follow_up'] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

/** "2:05" for 125 000 ms: how long a reading takes over the loudspeaker. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "312 KB", "1,4 MB": what a download costs on a weak link (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}
