import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { cutoffSchema } from '$lib/server/reporting/report.schema';
import { cutoffSettings, setCutoff } from '$lib/server/reporting/report.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const orgs = await loadOr404(() => cutoffSettings(event.locals.db, actor));
  return { orgs, saved: event.url.searchParams.get('saved') === '1' };
};

const schema = cutoffSchema.extend({ organisation_id: z.string().trim().min(1, 'rep_err_org').max(64) });

export const actions: Actions = {
  default: formAction({
    schema,
    run: ({ db, actor, data }) => setCutoff(db, actor, data.organisation_id, data.cutoff),
    redirectTo: '/program/reports/settings?saved=1'
  })
};
