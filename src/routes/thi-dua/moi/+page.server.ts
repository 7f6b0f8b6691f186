import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { createCampaign } from '$lib/server/emulation/campaign.service';
import { newCampaignPage } from '$lib/server/emulation/settings-page.service';
import { campaignFormSchema, type CampaignInput } from '$lib/server/emulation/emulation.schema';
import { criteriaFormInput } from '$lib/server/emulation/forms';
import { formatDate, todayVn } from '$lib/shared/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const page = await loadOr404(() => newCampaignPage(event.locals.db, requireSignIn(event)));
  return { ...page, today: formatDate(todayVn()) };
};

export const actions: Actions = {
  default: formAction({
    schema: campaignFormSchema,
    prepare: criteriaFormInput,
    run: ({ db, actor, data }) => createCampaign(db, actor, data as CampaignInput),
    redirectTo: (id) => `/thi-dua/${id}?msg=created`
  })
};
