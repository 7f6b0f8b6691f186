/** One manual indicator value: an organisation's figure for a unit and a month. */
import { z } from 'zod';
import { id } from '$lib/server/fields';
import { targetValue } from '../plans/plan.schema';

/** 'MM/YYYY' as typed, or 'YYYY-MM' from <input type=month> → 'YYYY-MM'. */
export const month = z
  .string({ error: 'err_required' })
  .trim()
  .min(1, 'err_required')
  .transform((v, ctx) => {
    const a = v.match(/^(\d{1,2})[/.-](\d{4})$/);
    const b = v.match(/^(\d{4})-(\d{2})$/);
    const [y, m] = a ? [Number(a[2]), Number(a[1])] : b ? [Number(b[1]), Number(b[2])] : [0, 0];
    if (!y || m < 1 || m > 12 || y < 2000 || y > 2100) {
      ctx.addIssue({ code: 'custom', message: 'pp_err_month' });
      return '';
    }
    return `${y}-${String(m).padStart(2, '0')}`;
  });

export const manualValueSchema = z.object({
  indicator_id: id,
  organisation_id: id,
  admin_unit_id: id,
  month,
  value: targetValue.refine((v) => v !== null, 'err_required').transform((v) => v ?? 0)
});

export type ManualValueInput = z.output<typeof manualValueSchema>;
