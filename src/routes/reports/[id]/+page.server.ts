import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { formAction, loadOr404, requireSignIn, type FormContext } from '$lib/server/http';
import { outcomeSchema } from '$lib/shared/reports/outcome';
import * as s from '$lib/server/reports/workflow/workflow.schema';
import * as assoc from '$lib/server/reports/workflow/association.service';
import * as agency from '$lib/server/reports/workflow/agency.service';
import { officerReport, resolveReference, SHORT_REF } from '$lib/server/reports/workflow/view.service';
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { revealIdentity } from '$lib/server/reports/workflow/reveal.service';
import { readNoticesOfReport } from '$lib/server/notify/inbox.service';
import { requestReveal, revealRequestState } from '$lib/server/reports/workflow/reveal-request.service';
import type { UploadedDocument } from '$lib/server/reports/workflow/documents';
import { issueForwardingSlip, reportSlips } from '$lib/server/reports/workflow/slip.service';
import { placeOptions, placeReport } from '$lib/server/reports/workflow/place.service';
import { placeSchema } from '$lib/server/reports/workflow/place.schema';
import { moveOptions, moveReport } from '$lib/server/reports/workflow/move.service';
import { moveSchema } from '$lib/server/reports/workflow/move.schema';
import { stepForms } from './steps.server';
import { identityForm, reportWords, revealedRows, shownReport, timelineRows } from './display.server';
import { pageWords } from './words.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireSignIn(event);
  if (SHORT_REF.test(event.params.id)) {
    const id = await loadOr404(() => resolveReference(event.locals.db, event.locals.actor, event.params.id));
    redirect(303, localizeHref(`/reports/${id}`));
  }
  const view = await loadOr404(() => officerReport(event.locals.db, event.locals.actor, event.params.id));
  const slips =
    view.can.association || view.report.agency
      ? await reportSlips(event.locals.db, event.locals.actor, view.report.id)
      : [];
  await readNoticesOfReport(event.locals.db, event.locals.actor, view.report.id);
  const revealRequest = await revealRequestState(event.locals.db, event.locals.actor, view.report.id);
  const place = await placeOptions(
    event.locals.db,
    event.locals.actor,
    view.report.id,
    event.url.searchParams.get('commune_id')
  );
  // The unplaced report's place form and this correction never show together (placed or not).
  const move = place
    ? null
    : await moveOptions(event.locals.db, event.locals.actor, view.report.id, event.url.searchParams.get('commune_id'));
  // The step forms arrive worded and filtered; the lists they are built from stay here, and so do
  // the stored codes and extension requests the page shows worded.
  const { agencies: _a, officers: _o, duplicates: _d, suggestedAgency: _s, extensions: _e, next, ...shown } = view;
  const hasActions = next.association.length > 0 || next.agency.length > 0 || view.can.manager;
  const saved = event.url.searchParams.get('saved');
  return {
    ...shown,
    report: shownReport(view.report),
    timeline: timelineRows(view.timeline),
    words: reportWords(view),
    steps: stepForms(view),
    identityStep: identityForm(view.can.reveal, revealRequest),
    hasActions,
    slips,
    revealRequest,
    t: pageWords(view, {
      unplaced: view.report.precision === 'address',
      place: !!place,
      move: !!move,
      slips,
      maySlip: view.can.association && !!view.report.agency,
      pendingRevealAt: revealRequest.pending?.at ?? null,
      saved: !!saved,
      hasActions
    }),
    place,
    move,
    saved
  };
};

type Run<S extends z.ZodType> = (c: FormContext<z.infer<S>>, id: string) => Promise<unknown>;
type Prepare = (v: Record<string, unknown>) => Record<string, unknown>;

/** Every step on this page: one form each, back to the page afterwards (a reload never resubmits). */
function step<S extends z.ZodType>(name: string, schema: S, run: Run<S>, prepare?: Prepare) {
  return formAction({
    name,
    schema,
    prepare,
    run: async (c) => void (await run(c, c.event.params.id!)),
    redirectTo: (_, e: RequestEvent) => `/reports/${e.params.id}?saved=${name}`
  });
}

async function documentsOf(form: FormData): Promise<UploadedDocument[]> {
  const file = form.get('document');
  if (!(file instanceof File) || file.size === 0) return [];
  return [{ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }];
}

export const actions: Actions = {
  verify: step('verify', s.verifySchema, (c, id) => assoc.verifyReport(c.db, c.actor, id, c.data)),
  needs_info: step('needs_info', s.messageSchema, (c, id) =>
    assoc.askForInformation(c.db, c.actor, id, c.data.message)
  ),
  reject: step('reject', s.reasonSchema, (c, id) => assoc.rejectReport(c.db, c.actor, id, c.data.reason)),
  escalate: step('escalate', s.optionalNoteSchema, (c, id) => assoc.escalateReport(c.db, c.actor, id, c.data.note)),
  duplicate: step('duplicate', s.duplicateSchema, (c, id) =>
    assoc.markDuplicate(c.db, c.actor, id, c.data.master_id, c.data.note)
  ),
  forward: step('forward', s.forwardSchema, (c, id) => assoc.forwardReport(c.db, c.actor, id, c.data)),
  accept: step('accept', s.optionalNoteSchema, (c, id) => agency.acceptReport(c.db, c.actor, id, c.data.note)),
  return: step('return', s.reasonSchema, (c, id) => agency.returnReport(c.db, c.actor, id, c.data.reason)),
  assign: step('assign', s.assignSchema, (c, id) => agency.assignOfficer(c.db, c.actor, id, c.data.account_id)),
  note: step('note', s.noteSchema, (c, id) => agency.recordAction(c.db, c.actor, id, c.data.note)),
  extension: step('extension', s.reasonSchema, (c, id) => agency.requestExtension(c.db, c.actor, id, c.data.reason)),
  decide: step('decide', s.extensionDecisionSchema, (c, id) =>
    agency.decideExtension(c.db, c.actor, id, c.data.decision === 'approve', c.data.note)
  ),
  close: step('close', outcomeSchema, async (c, id) =>
    agency.closeWithOutcome(c.db, c.actor, id, c.data, await documentsOf(c.form))
  ),
  place: step('place', placeSchema, (c, id) => placeReport(c.db, c.actor, id, c.data)),
  // Moved out of a commune officer's scope, the report page would answer 404: back to the queue.
  move: formAction({
    name: 'move',
    schema: moveSchema,
    run: (c) => moveReport(c.db, c.actor, c.event.params.id!, c.data),
    redirectTo: (res, e) =>
      res.stillReadable
        ? `/reports/${e.params.id}?saved=move`
        : `/queue?moved=${e.params.id!.slice(0, 8).toUpperCase()}`
  }),
  slip: step('slip', z.object({}), (c, id) => issueForwardingSlip(c.db, c.actor, id)),
  ask_reveal: step('ask_reveal', s.reasonSchema, (c, id) => requestReveal(c.db, c.actor, id, c.data.reason)),
  // Shown once in the response, never stored in the page URL or the session.
  reveal: formAction({
    name: 'reveal',
    schema: s.revealSchema,
    run: async (c) => ({
      revealed: revealedRows(await revealIdentity(c.db, c.actor, c.event.params.id!, c.data.reason, c.data.password))
    })
  })
};
