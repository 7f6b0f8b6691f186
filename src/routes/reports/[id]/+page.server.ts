import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues, validate } from '$lib/server/forms';
import { sessionExpired } from '$lib/server/http';
import { isAppError } from '$lib/server/errors';
import { t } from '$lib/server/i18n';
import { orHttp, requireSignIn } from '$lib/server/people/route';
import { parseDate } from '$lib/shared/format';
import { outcomeSchema } from '$lib/shared/reports/outcome';
import * as s from '$lib/server/reports/workflow/workflow.schema';
import * as assoc from '$lib/server/reports/workflow/association.service';
import * as agency from '$lib/server/reports/workflow/agency.service';
import { officerReport } from '$lib/server/reports/workflow/view.service';
import { revealIdentity } from '$lib/server/reports/workflow/reveal.service';
import type { UploadedDocument } from '$lib/server/reports/workflow/documents';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSignIn(locals, url);
  const view = await orHttp(() => officerReport(locals.db, locals.actor, params.id));
  return { ...view, saved: url.searchParams.get('saved') };
};

/** Field errors are keyed `<action>_<field>` so each form's inputs have unique ids. */
const prefixed = (action: string, errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_form' ? k : `${action}_${k}`, v]));

type Handler<S extends z.ZodType> = (e: RequestEvent, data: z.infer<S>, form: FormData) => Promise<unknown>;

/**
 * One shape for every action: read the form, validate, call the service, then redirect
 * back to the page (so a reload never resubmits); failures keep the typed values.
 */
function action<S extends z.ZodType>(
  name: string,
  schema: S,
  run: Handler<S>,
  prepare: (v: Record<string, unknown>) => Record<string, unknown> = (v) => v
) {
  return async (e: RequestEvent) => {
    const form = await e.request.formData();
    const values = formValues(form);
    const expired = sessionExpired(e.locals, values);
    if (expired) return expired;
    const parsed = validate(schema, prepare(values));
    if (!parsed.ok) return fail(400, { action: name, values, errors: prefixed(name, parsed.errors) });
    try {
      const result = await run(e, parsed.data, form);
      if (result) return { action: name, ...result };
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.code === 'NOT_FOUND') error(404, 'Not found');
      const field = err.details?.field ? `${name}_${String(err.details.field)}` : '_form';
      return fail(err.status, { action: name, values, errors: { [field]: t(err.message) } });
    }
    redirect(303, localizeHref(`/reports/${e.params.id}?saved=${name}`));
  };
}

const id = (e: RequestEvent) => e.params.id!;

/** The close form's date is typed dd/mm/yyyy; the stored outcome keeps the ISO date. */
const closeValues = (v: Record<string, unknown>) => ({
  ...v,
  decision_date: parseDate(String(v.decision_date ?? '')) ?? v.decision_date
});

async function documentsOf(form: FormData): Promise<UploadedDocument[]> {
  const file = form.get('document');
  if (!(file instanceof File) || file.size === 0) return [];
  return [{ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }];
}

export const actions: Actions = {
  verify: action('verify', s.verifySchema, (e, d) => assoc.verifyReport(e.locals.db, e.locals.actor, id(e), d)),
  needs_info: action('needs_info', s.messageSchema, (e, d) =>
    assoc.askForInformation(e.locals.db, e.locals.actor, id(e), d.message)
  ),
  reject: action('reject', s.reasonSchema, (e, d) => assoc.rejectReport(e.locals.db, e.locals.actor, id(e), d.reason)),
  escalate: action('escalate', s.optionalNoteSchema, (e, d) =>
    assoc.escalateReport(e.locals.db, e.locals.actor, id(e), d.note)
  ),
  duplicate: action('duplicate', s.duplicateSchema, (e, d) =>
    assoc.markDuplicate(e.locals.db, e.locals.actor, id(e), d.master_id, d.note)
  ),
  forward: action('forward', s.forwardSchema, (e, d) => assoc.forwardReport(e.locals.db, e.locals.actor, id(e), d)),
  accept: action('accept', s.optionalNoteSchema, (e, d) =>
    agency.acceptReport(e.locals.db, e.locals.actor, id(e), d.note)
  ),
  return: action('return', s.reasonSchema, (e, d) => agency.returnReport(e.locals.db, e.locals.actor, id(e), d.reason)),
  assign: action('assign', s.assignSchema, (e, d) =>
    agency.assignOfficer(e.locals.db, e.locals.actor, id(e), d.account_id)
  ),
  note: action('note', s.noteSchema, (e, d) => agency.recordAction(e.locals.db, e.locals.actor, id(e), d.note)),
  extension: action('extension', s.reasonSchema, (e, d) =>
    agency.requestExtension(e.locals.db, e.locals.actor, id(e), d.reason)
  ),
  decide: action('decide', s.extensionDecisionSchema, (e, d) =>
    agency.decideExtension(e.locals.db, e.locals.actor, id(e), d.decision === 'approve', d.note)
  ),
  close: action(
    'close',
    outcomeSchema,
    async (e, d, form) => agency.closeWithOutcome(e.locals.db, e.locals.actor, id(e), d, await documentsOf(form)),
    closeValues
  ),
  // Shown once in the response, never stored in the page URL or the session.
  reveal: action('reveal', s.revealSchema, async (e, d) => ({
    revealed: await revealIdentity(e.locals.db, e.locals.actor, id(e), d.reason)
  }))
};
