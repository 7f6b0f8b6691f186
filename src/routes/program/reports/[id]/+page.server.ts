import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { narrativeSchema, returnSchema } from '$lib/server/reporting/report.schema';
import { pageView, reportView, saveNarrative } from '$lib/server/reporting/report.service';
import { acceptReport, correctReport, returnReport, submitReport } from '$lib/server/reporting/review.service';
import { childrenOf, consolidate, remindMissing } from '$lib/server/reporting/consolidation.service';
import { requestReportDocuments } from '$lib/server/reporting/report-jobs.service';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES = ['saved', 'submitted', 'returned', 'accepted', 'corrected', 'reminded'] as const;

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const id = event.params.id;
  const [view, children] = await loadOr404(() => Promise.all([reportView(db, actor, id), childrenOf(db, actor, id)]));
  const msg = event.url.searchParams.get('msg');
  return {
    ...pageView(view),
    children: children?.lines.map(({ frozen: _f, ...l }) => l) ?? null,
    consolidation: children ? consolidate(view.live, children.lines) : null,
    msg: MESSAGES.find((x) => x === msg) ?? null,
    reminded: Number(event.url.searchParams.get('n') ?? 0)
  };
};

const back = (msg: string) => (_: unknown, e: { params: Record<string, string> }) =>
  `/program/reports/${e.params.id}?msg=${msg}`;
const none = z.object({});

export const actions: Actions = {
  save: formAction({
    name: 'save',
    schema: narrativeSchema,
    run: ({ db, actor, data, event }) => saveNarrative(db, actor, event.params.id!, data),
    redirectTo: back('saved')
  }),
  submit: formAction({
    name: 'save',
    schema: narrativeSchema,
    run: async ({ db, actor, data, event }) => {
      await saveNarrative(db, actor, event.params.id!, data);
      await submitReport(db, actor, event.params.id!);
    },
    redirectTo: back('submitted')
  }),
  return: formAction({
    name: 'review',
    schema: returnSchema,
    run: ({ db, actor, data, event }) => returnReport(db, actor, event.params.id!, data.comment),
    redirectTo: back('returned')
  }),
  accept: formAction({
    name: 'accept',
    schema: none,
    run: ({ db, actor, event }) => acceptReport(db, actor, event.params.id!),
    redirectTo: back('accepted')
  }),
  correct: formAction({
    name: 'correct',
    schema: none,
    run: ({ db, actor, event }) => correctReport(db, actor, event.params.id!),
    redirectTo: (id) => `/program/reports/${id}?msg=corrected`
  }),
  // a draft's documents are made by the document worker: this asks for them, the job's page waits
  documents: formAction({
    name: 'documents',
    schema: none,
    run: ({ db, actor, event }) => requestReportDocuments(db, actor, event.params.id!),
    redirectTo: (job, e) => `/program/reports/${e.params.id}/documents/${job.id}`
  }),
  remind: formAction({
    name: 'remind',
    schema: none,
    run: ({ db, actor, event }) => remindMissing(db, actor, event.params.id!),
    redirectTo: (n, e) => `/program/reports/${e.params.id}?msg=reminded&n=${n}`
  })
};
