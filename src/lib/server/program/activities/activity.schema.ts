/** Activity input, shared by the quick form, the full form and the API. */
import { z } from 'zod';
import { ACTIVITY_KINDS, AUDIENCES, NTM_CRITERIA, OUTREACH_MODES } from '$lib/shared/program/kinds';
import { count, date, id, list, optionalDate, optionalEnum, optionalText } from '$lib/server/fields';

export const activitySchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS, { error: 'err_required' }),
    outreach_mode: optionalEnum(OUTREACH_MODES),
    organisation_id: id,
    admin_unit_id: id,
    started_on: date,
    ended_on: optionalDate,
    count_total: count,
    count_elderly: count,
    count_women: count,
    count_ethnic_minority: count,
    topics: list(z.string().max(64)),
    audiences: list(z.enum(AUDIENCES)),
    partners: optionalText(500),
    materials: optionalText(500),
    material_ids: list(z.string().max(64)),
    ntm_criterion: optionalEnum(NTM_CRITERIA),
    notes: optionalText(2000),
    attendees: list(z.string().max(64))
  })
  .superRefine((a, ctx) => {
    if (a.ended_on && a.started_on && a.ended_on < a.started_on)
      ctx.addIssue({ code: 'custom', path: ['ended_on'], message: 'program_err_end_before_start' });
    for (const f of ['count_elderly', 'count_women', 'count_ethnic_minority'] as const) {
      if (a[f] > a.count_total) ctx.addIssue({ code: 'custom', path: [f], message: 'program_err_count_over_total' });
    }
  });

export type ActivityInput = z.output<typeof activitySchema>;
