import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError } from '$lib/server/http';
import { orHttp } from '$lib/server/people/route';
import { commitmentView, removeCommitment } from '$lib/server/program/commitments/commitment-page.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const c = await orHttp(() => commitmentView(locals.db, locals.actor, params.id));
  return {
    commitment: {
      id: c.id,
      signer: (c.party === 'household' ? c.household_name : c.person_name) ?? '',
      kind_name: c.kind_name,
      village_name: c.village_name
    }
  };
};

export const actions: Actions = {
  default: async ({ locals, params }) => {
    try {
      await removeCommitment(locals.db, locals.actor, params.id);
    } catch (e) {
      return failFromError(e, {});
    }
    redirect(303, localizeHref('/program/commitments?msg=c_deleted'));
  }
};
