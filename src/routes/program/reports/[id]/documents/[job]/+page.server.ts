import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { reportJob, requestReportDocuments } from '$lib/server/reporting/report-jobs.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { id, job } = event.params;
  return { job: await loadOr404(() => reportJob(event.locals.db, actor, id, job)) };
};

export const actions: Actions = {
  // a failed job is not handed out again: asking anew makes a new one
  retry: formAction({
    name: 'retry',
    schema: z.object({}),
    run: ({ db, actor, event }) => requestReportDocuments(db, actor, event.params.id!),
    redirectTo: (job, e) => `/program/reports/${e.params.id}/documents/${job.id}`
  })
};
