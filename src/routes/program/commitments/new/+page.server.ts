import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError, sessionExpired } from '$lib/server/http';
import { orHttp } from '$lib/server/people/route';
import { readCommitmentForm } from '$lib/server/program/activities/activity-form';
import { commitmentFormOptions, submitCommitment } from '$lib/server/program/commitments/commitment-page.service';
import { formatDate, todayVn } from '$lib/shared/format';
import { newSubmissionKey } from '../../activities/labels';
import { commitmentOptionsView } from '../options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const o = await orHttp(() => commitmentFormOptions(locals.db, locals.actor));
  const village = o.villages.some((v) => v.id === url.searchParams.get('village'))
    ? url.searchParams.get('village')!
    : o.defaults.village_unit_id;
  return {
    options: commitmentOptionsView(o),
    defaults: {
      party: 'household',
      organisation_id: o.defaults.organisation_id,
      village_unit_id: village,
      signed_on: formatDate(todayVn()),
      submission_key: newSubmissionKey()
    }
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const f = await readCommitmentForm(await request.formData());
    const expired = sessionExpired(locals, f.values);
    if (expired) return expired;
    if (!f.parsed.ok) return fail(400, { values: f.values, errors: f.parsed.errors });
    try {
      await submitCommitment(locals.db, locals.actor, f.parsed.data, f.uploads, f.key, f.batch);
    } catch (e) {
      return failFromError(e, f.values);
    }
    redirect(303, localizeHref('/program/commitments?msg=c_created'));
  }
};
