/** Commitment input (a household or a member signing a commitment sheet in a village). */
import { z } from 'zod';
import { COMMITMENT_PARTIES } from '$lib/shared/program/kinds';
import { date, id, optionalText } from '$lib/server/fields';

const optionalId = z
  .union([z.string().max(64, 'err_too_long'), z.null()])
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : null));

export const commitmentSchema = z
  .object({
    organisation_id: id,
    kind_id: id,
    party: z.enum(COMMITMENT_PARTIES, { error: 'err_required' }),
    household_name: optionalText(200),
    person_id: optionalId,
    village_unit_id: id,
    signed_on: date,
    photo_path: optionalText(500),
    notes: optionalText(2000)
  })
  .superRefine((c, ctx) => {
    if (c.party === 'household' && !c.household_name)
      ctx.addIssue({ code: 'custom', path: ['household_name'], message: 'err_required' });
    if (c.party === 'person' && !c.person_id)
      ctx.addIssue({ code: 'custom', path: ['person_id'], message: 'err_required' });
  });

export type CommitmentInput = z.output<typeof commitmentSchema>;
