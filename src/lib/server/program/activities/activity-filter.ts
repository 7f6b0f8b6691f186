/** The list filters of /program/activities (also used by its exports), from the query string. */
import { z } from 'zod';
import { parseDate } from '$lib/shared/format';
import { ACTIVITY_KINDS } from '$lib/shared/program/kinds';

const loose = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/** A filter that cannot be read is dropped rather than failing the whole list page. */
const day = z.unknown().transform((v) => {
  const s = loose(v);
  return s ? (parseDate(s) ?? undefined) : undefined;
});
const ident = z.unknown().transform((v) => {
  const s = loose(v);
  return s && s.length <= 64 ? s : undefined;
});

export const activityQuerySchema = z.object({
  kind: z.unknown().transform((v) => ((ACTIVITY_KINDS as readonly unknown[]).includes(v) ? (v as string) : undefined)),
  from: day,
  to: day,
  unit: ident,
  topic: ident,
  page: z.unknown().transform((v) => Math.max(1, Math.min(10_000, Number.parseInt(String(v ?? '1'), 10) || 1)))
});

export type ActivityQuery = z.output<typeof activityQuerySchema>;

export const readActivityQuery = (params: URLSearchParams): ActivityQuery =>
  activityQuerySchema.parse(Object.fromEntries(params.entries()));
