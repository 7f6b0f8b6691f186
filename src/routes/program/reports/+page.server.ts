import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { createReportSchema } from '$lib/server/reporting/report.schema';
import { createReport, listReportsFor, reportChoices } from '$lib/server/reporting/report.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const [reports, choices] = await loadOr404(() => Promise.all([listReportsFor(db, actor), reportChoices(db, actor)]));
  return {
    reports,
    orgs: choices.orgs,
    programs: choices.programs.map((p) => ({ id: p.id, title: p.title })),
    defaults: {
      organisation_id: choices.orgs[0]?.id ?? '',
      report_kind: 'periodic',
      period_kind: 'quarter',
      year: String(choices.proposed.year),
      period_index: String(choices.proposed.index),
      start_on: '',
      end_on: '',
      program_id: ''
    }
  };
};

export const actions: Actions = {
  default: formAction({
    schema: createReportSchema,
    run: ({ db, actor, data }) => createReport(db, actor, data),
    redirectTo: (id) => `/program/reports/${id}`
  })
};
