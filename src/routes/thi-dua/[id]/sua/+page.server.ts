import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { closeCampaign, saveCriteria, updateCampaign } from '$lib/server/emulation/campaign.service';
import { editCampaignPage } from '$lib/server/emulation/settings-page.service';
import { campaignSettingsSchema, criteriaFormSchema } from '$lib/server/emulation/emulation.schema';
import { criteriaFormInput } from '$lib/server/emulation/forms';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const page = await loadOr404(() => editCampaignPage(event.locals.db, requireSignIn(event), event.params.id));
  return { ...page, msg: event.url.searchParams.get('msg') };
};

const here = (msg: string) => (_: unknown, e: { params: Record<string, string> }) =>
  `/thi-dua/${e.params.id}/sua?msg=${msg}`;

export const actions: Actions = {
  settings: formAction({
    name: 'settings',
    schema: campaignSettingsSchema,
    run: ({ db, actor, data, event }) => updateCampaign(db, actor, event.params.id!, data),
    redirectTo: here('saved')
  }),
  criteria: formAction({
    name: 'criteria',
    schema: criteriaFormSchema,
    prepare: criteriaFormInput,
    run: ({ db, actor, data, event }) => saveCriteria(db, actor, event.params.id!, data.criteria),
    redirectTo: (r, e) => `/thi-dua/${e.params.id}/sua?msg=${r.revised ? 'revised' : 'criteria'}`
  }),
  close: formAction({
    name: 'close',
    schema: z.object({}),
    run: ({ db, actor, event }) => closeCampaign(db, actor, event.params.id!),
    redirectTo: (_, e) => `/thi-dua/${e.params.id}?msg=closed`
  })
};
