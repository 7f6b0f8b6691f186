import { fail } from '@sveltejs/kit';
import { formValues, validate } from '$lib/server/forms';
import { failFromError } from '$lib/server/http';
import { membershipEndSchema, membershipInputSchema, sensitiveInputSchema } from '$lib/server/people/person.schema';
import { addMembership, endMembership, getPerson } from '$lib/server/people/person.service';
import { consentHistory, saveSensitive, sensitiveView, withdrawConsent } from '$lib/server/people/consent.service';
import { listMemberships } from '$lib/server/people/person.repository';
import { orHttp, permissions, toPerson } from '$lib/server/people/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { db, actor } = locals;
  const person = await orHttp(() => getPerson(db, actor, params.id));
  const can = await permissions(db, actor, person.organisation_id);
  const [memberships, consents, sensitive] = await Promise.all([
    listMemberships(db, person.id),
    consentHistory(db, actor, person.id),
    can.sensitive ? sensitiveView(db, actor, person.id) : null
  ]);
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
    memberships: memberships.map((m) => ({
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
    msg: url.searchParams.get('msg')
  };
};

export const actions: Actions = {
  addMembership: async ({ request, locals, params }) => {
    const values = formValues(await request.formData());
    const parsed = validate(membershipInputSchema, values);
    if (!parsed.ok) return fail(400, { form: 'membership', values, errors: parsed.errors });
    try {
      await addMembership(locals.db, locals.actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    toPerson(params.id, 'saved');
  },
  endMembership: async ({ request, locals, params }) => {
    const values = formValues(await request.formData());
    const parsed = validate(membershipEndSchema, values);
    if (!parsed.ok) return fail(400, { form: 'end', values, errors: parsed.errors });
    try {
      await endMembership(locals.db, locals.actor, params.id, parsed.data.membership_id, parsed.data.left_on);
    } catch (e) {
      return failFromError(e, values);
    }
    toPerson(params.id, 'saved');
  },
  sensitive: async ({ request, locals, params }) => {
    const values = formValues(await request.formData());
    const parsed = validate(sensitiveInputSchema, values);
    if (!parsed.ok) return fail(400, { form: 'sensitive', values, errors: parsed.errors });
    try {
      await saveSensitive(locals.db, locals.actor, params.id, parsed.data);
    } catch (e) {
      return failFromError(e, values);
    }
    toPerson(params.id, 'sensitive');
  },
  withdraw: async ({ locals, params }) => {
    try {
      await withdrawConsent(locals.db, locals.actor, params.id);
    } catch (e) {
      return failFromError(e, {});
    }
    toPerson(params.id, 'withdrawn');
  }
};
