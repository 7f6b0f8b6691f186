import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { commitmentView, removeCommitment } from '$lib/server/program/commitments/commitment-page.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const c = await loadOr404(() => commitmentView(event.locals.db, actor, event.params.id));
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
  default: formAction({
    schema: z.object({}),
    run: ({ db, actor, event }) => removeCommitment(db, actor, event.params.id!),
    redirectTo: '/program/commitments?msg=c_deleted'
  })
};
