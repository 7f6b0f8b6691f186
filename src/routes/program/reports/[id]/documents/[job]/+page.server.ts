import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { reportJob, requestReportDocuments } from '$lib/server/reporting/report-jobs.service';
import type { Actions, PageServerLoad } from './$types';

/** How long a refresh waits for the job to move before answering that it still waits. */
const HOLD_MS = 4_000;
const STEP_MS = 250;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { id, job } = event.params;
  const read = () => loadOr404(() => reportJob(event.locals.db, actor, id, job));
  let view = await read();
  // The page refreshes itself at once while the job waits (see +page.svelte); each refresh
  // answers when the job moves, or after HOLD_MS, so it reloads every few seconds, not in a loop.
  if (event.url.searchParams.has('wait')) {
    const until = Date.now() + HOLD_MS;
    while ((view.status === 'pending' || view.status === 'running') && Date.now() < until) {
      await new Promise((r) => setTimeout(r, STEP_MS));
      view = await read();
    }
  }
  return { job: view };
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
