/**
 * The news form. Photos are offered from the source record; each chosen photo that shows
 * people needs the "đồng ý đăng ảnh" tick (checked in the service, which knows the photos).
 * The publication moment is a Vietnamese date and an optional time; empty means "now".
 */
import { z } from 'zod';
import { id, list, optionalDate } from '$lib/server/fields';
import { clean } from '$lib/shared/text';

export const NEWS_SOURCES = ['activity', 'model', 'report', 'award'] as const;
export type NewsSourceType = (typeof NEWS_SOURCES)[number];

const text = (max: number) =>
  z
    .string({ error: 'err_required' })
    .transform((v) => v.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().min(1, 'err_required').max(max, 'err_too_long'));

const optionalTime = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    const s = v?.trim() ?? '';
    if (!s) return null;
    const hit = /^([01]?\d|2[0-3])[:h]([0-5]\d)$/.exec(s);
    if (!hit) ctx.addIssue({ code: 'custom', message: 'pub_err_time' });
    return hit ? `${hit[1].padStart(2, '0')}:${hit[2]}` : null;
  });

/** `caption_<photo id>` fields gathered into one map (a caption per chosen photo). */
const gatherCaptions = (v: unknown) => {
  if (!v || typeof v !== 'object' || 'captions' in v) return v;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([k]) => k.startsWith('caption_'))
    .map(([k, x]) => [k.slice('caption_'.length), String(Array.isArray(x) ? x[0] : x)]);
  return { ...v, captions: Object.fromEntries(entries) };
};

const newsObject = z.object({
  source_type: z.enum(NEWS_SOURCES, { error: 'err_invalid' }),
  source_id: id,
  title: text(200).transform(clean),
  summary: text(400).transform(clean),
  body: text(20_000),
  publish_on: optionalDate,
  publish_time: optionalTime,
  photos: list(id),
  people: list(id),
  consent: list(id),
  intent: z.enum(['draft', 'publish'], { error: 'err_invalid' }).optional().default('draft'),
  idempotency_key: z.string().trim().max(64, 'err_too_long').optional().default(''),
  captions: z
    .record(
      z.string(),
      z.string().transform((c) => clean(c).slice(0, 300))
    )
    .optional()
    .default({})
});

export const newsSchema = z.preprocess(gatherCaptions, newsObject);

export type NewsInput = z.output<typeof newsObject>;

/** The moment a news item becomes public: the typed date and time in Vietnam, else `now`. */
export function publishMoment(input: Pick<NewsInput, 'publish_on' | 'publish_time'>, now: string): string {
  if (!input.publish_on) return now;
  return new Date(Date.parse(`${input.publish_on}T${input.publish_time ?? '07:00'}:00+07:00`)).toISOString();
}
