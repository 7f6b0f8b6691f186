import { error } from '@sveltejs/kit';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import {
  commitmentFormInput,
  commitmentFormSchema,
  photoRemoved,
  uploadsOf
} from '$lib/server/program/activities/activity-form';
import {
  commitmentFormOptions,
  commitmentView,
  editCommitment
} from '$lib/server/program/commitments/commitment-page.service';
import { formatDate } from '$lib/shared/format';
import { commitmentOptionsView } from '../../options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { db } = event.locals;
  const c = await loadOr404(() => commitmentView(db, actor, event.params.id));
  if (!c.canEdit) error(404, 'Not found');
  const o = await loadOr404(() => commitmentFormOptions(db, actor));
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
  default: formAction({
    schema: commitmentFormSchema,
    prepare: commitmentFormInput,
    run: async ({ db, actor, event, data: { household_count: _count, ...input }, form, values }) =>
      editCommitment(db, actor, event.params.id!, input, await uploadsOf(form, 'photo'), photoRemoved(values)),
    redirectTo: (_, e) => `/program/commitments/${e.params.id}?msg=c_updated`
  })
};
