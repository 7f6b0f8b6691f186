import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError, sessionExpired } from '$lib/server/http';
import { orHttp } from '$lib/server/people/route';
import { readCommitmentForm } from '$lib/server/program/activities/activity-form';
import {
  commitmentFormOptions,
  commitmentView,
  editCommitment
} from '$lib/server/program/commitments/commitment-page.service';
import { formatDate } from '$lib/shared/format';
import { commitmentOptionsView } from '../../options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const c = await orHttp(() => commitmentView(locals.db, locals.actor, params.id));
  if (!c.canEdit) error(404, 'Not found');
  const o = await orHttp(() => commitmentFormOptions(locals.db, locals.actor));
  return {
    id: c.id,
    options: commitmentOptionsView(o),
    photo: c.photos[0] ?? null,
    record: {
      kind_id: c.kind_id,
      party: c.party,
      household_name: c.household_name ?? '',
      person_id: c.person_id ?? '',
      village_unit_id: c.village_unit_id,
      signed_on: formatDate(c.signed_on),
      organisation_id: c.organisation_id,
      notes: c.notes ?? ''
    }
  };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const f = await readCommitmentForm(await request.formData());
    const expired = sessionExpired(locals, f.values);
    if (expired) return expired;
    if (!f.parsed.ok) return fail(400, { values: f.values, errors: f.parsed.errors });
    try {
      await editCommitment(locals.db, locals.actor, params.id, f.parsed.data, f.uploads, f.removePhoto);
    } catch (e) {
      return failFromError(e, f.values);
    }
    redirect(303, localizeHref(`/program/commitments/${params.id}?msg=c_updated`));
  }
};
