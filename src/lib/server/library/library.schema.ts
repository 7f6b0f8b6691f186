/**
 * The library forms: a material (kind, topics, the public page whose reading it is) with its
 * first text, and one text per language (title, body, optional audio, posted beside the form).
 */
import { z } from 'zod';
import { id, list, optionalEnum } from '$lib/server/fields';
import { clean } from '$lib/shared/text';
import { LANGUAGES, MATERIAL_KINDS, PAGE_KEYS } from '$lib/shared/library/library';

const text = (max: number) =>
  z
    .string({ error: 'err_required' })
    .transform((v) => v.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().min(1, 'err_required').max(max, 'err_too_long'));

export const textSchema = z
  .object({
    language: z.enum(LANGUAGES, { error: 'err_required' }),
    language_name: z
      .string()
      .optional()
      .default('')
      .transform((v) => clean(v))
      .pipe(z.string().max(60, 'err_too_long')),
    title: text(200).transform(clean),
    body: text(20_000)
  })
  .superRefine((t, ctx) => {
    if (t.language === 'other' && !t.language_name)
      ctx.addIssue({ code: 'custom', path: ['language_name'], message: 'public_lib_err_language_name' });
  })
  // A named language only means something for `other`.
  .transform((t) => ({ ...t, language_name: t.language === 'other' ? t.language_name : '' }));

export type TextInput = z.output<typeof textSchema>;

export const materialFields = z.object({
  kind: z.enum(MATERIAL_KINDS, { error: 'err_required' }),
  topics: list(z.string().max(64)),
  page_key: optionalEnum(PAGE_KEYS),
  organisation_id: id
});

export const materialSchema = z.intersection(materialFields, textSchema);
export type MaterialInput = z.output<typeof materialFields>;

export const libraryFilterSchema = z.object({
  topic: z.string().max(64).optional().catch(undefined),
  language: z.enum(LANGUAGES).optional().catch(undefined),
  kind: z.enum(MATERIAL_KINDS).optional().catch(undefined)
});
export type LibraryFilter = z.output<typeof libraryFilterSchema>;
