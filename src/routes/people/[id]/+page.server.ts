import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { membershipEndSchema, membershipInputSchema, sensitiveInputSchema } from '$lib/server/people/person.schema';
import {
  addMembership,
  endMembership,
  getPerson,
  memberships,
  personPermissions
} from '$lib/server/people/person.service';
import { consentHistory, saveSensitive, sensitiveView, withdrawConsent } from '$lib/server/people/consent.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const { person, can, rows, consents, sensitive } = await loadOr404(async () => {
    const person = await getPerson(db, actor, event.params.id);
    const can = await personPermissions(db, actor, person.organisation_id);
    const [rows, consents, sensitive] = await Promise.all([
      memberships(db, actor, person.id),
      consentHistory(db, actor, person.id),
      can.sensitive ? sensitiveView(db, actor, person.id) : null
    ]);
    return { person, can, rows, consents, sensitive };
  });
  return {
    person: {
      id: person.id,
      full_name: person.full_name,
      birth_year: person.birth_year,
      sex: person.sex,
      phone: person.phone,
      address: person.address,
      organisation_name: person.organisation_name,
      village_name: person.village_name,
      anonymised_at: person.anonymised_at
    },
    memberships: rows.map((m) => ({
      id: m.id,
      organisation_name: m.organisation_name,
      card_number: m.card_number,
      joined_on: m.joined_on,
      left_on: m.left_on
    })),
    consents: consents.map((c) => ({
      id: c.id,
      version: c.version,
      method: c.method,
      given_on: c.given_on,
      withdrawn_at: c.withdrawn_at,
      witness_name: c.witness_name
    })),
    sensitive,
    can,
    msg: event.url.searchParams.get('msg')
  };
};

/** Back to the person's page with a notice (see ../labels.ts noticeFor). */
const back =
  (msg: string) =>
  (_: unknown, e: { params: Partial<Record<string, string>> }): string =>
    `/people/${e.params.id}?msg=${msg}`;

export const actions: Actions = {
  addMembership: formAction({
    schema: membershipInputSchema,
    run: ({ db, actor, event, data }) => addMembership(db, actor, event.params.id!, data),
    redirectTo: back('saved')
  }),
  endMembership: formAction({
    schema: membershipEndSchema,
    run: ({ db, actor, event, data }) => endMembership(db, actor, event.params.id!, data.membership_id, data.left_on),
    redirectTo: back('saved')
  }),
  sensitive: formAction({
    schema: sensitiveInputSchema,
    run: ({ db, actor, event, data }) => saveSensitive(db, actor, event.params.id!, data),
    redirectTo: back('sensitive')
  }),
  withdraw: formAction({
    schema: z.object({}),
    run: ({ db, actor, event }) => withdrawConsent(db, actor, event.params.id!),
    redirectTo: back('withdrawn')
  })
};
