/** The category pictures an administrator can choose from (drawn by CategoryIcon.svelte). */
export const CATEGORY_ICONS = [
  'rung',
  'khoang_san_nuoc',
  'chat_thai',
  'dat_dai',
  'da_dang_sinh_hoc',
  'su_co_moi_truong',
  'khac'
] as const;
export type CategoryIconName = (typeof CATEGORY_ICONS)[number];

/** A category's own picture when it names one of ours, else its group's. */
export function iconFor(icon: string | null | undefined, group: string): string {
  return icon && (CATEGORY_ICONS as readonly string[]).includes(icon) ? icon : group;
}
