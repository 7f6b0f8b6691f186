import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { count, id } from '$lib/server/fields';
import { campaignPage, pageQuery } from '$lib/server/emulation/page.service';
import { registerSubjects } from '$lib/server/emulation/registration.service';
import { publishResults, recordCouncil } from '$lib/server/emulation/council.service';
import { decide } from '$lib/server/emulation/award.service';
import { councilSchema, decisionSchema, registerSchema } from '$lib/server/emulation/emulation.schema';
import { councilFormInput } from '$lib/server/emulation/forms';
import { todayVn, formatDate } from '$lib/shared/format';
import { DEFAULT_APPEAL_DAYS } from '$lib/server/emulation/policy';
import { campaignNotice, wordCampaignPage } from './words.server';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const q = pageQuery(event.url.searchParams.get('q'));
  const page = await loadOr404(() => campaignPage(event.locals.db, actor, event.params.id, q));
  const already = Number(event.url.searchParams.get('already')) || 0;
  return {
    ...page,
    ...wordCampaignPage(page),
    today: formatDate(todayVn()),
    appealDays: DEFAULT_APPEAL_DAYS,
    notice: campaignNotice(event.url.searchParams.get('msg'), already),
    nothingToDecide: q ? m.emul10_nothing_to_decide_found({ q }) : m.emul10_nothing_to_decide()
  };
};

/** Back to the campaign, keeping the place filter the officer was working through. */
const back = (msg: string) => (_: unknown, e: { params: Record<string, string>; url: URL }) => {
  const q = e.url.searchParams.get('q');
  return `/thi-dua/${e.params.id}?msg=${msg}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
};

export const actions: Actions = {
  register: formAction({
    name: 'register',
    schema: registerSchema,
    run: ({ db, actor, data, event }) => registerSubjects(db, actor, { ...data, campaign_id: event.params.id! }),
    // Registering someone twice changes nothing; the officer is told who was already registered.
    redirectTo: (r, e) =>
      r.already === 0
        ? back('registered')(r, e)
        : r.already === r.ids.length
          ? back('already')(r, e)
          : `${back('registered_some')(r, e)}&already=${r.already}`
  }),
  council: formAction({
    name: 'council',
    schema: councilSchema,
    prepare: councilFormInput,
    run: ({ db, actor, data }) => recordCouncil(db, actor, data),
    redirectTo: back('council')
  }),
  publish: formAction({
    name: 'publish',
    schema: z.object({ organisation_id: id, appeal_days: count }),
    run: ({ db, actor, data, event }) => publishResults(db, actor, { ...data, campaign_id: event.params.id! }),
    redirectTo: back('published')
  }),
  decide: formAction({
    name: 'decide',
    schema: decisionSchema,
    run: ({ db, actor, data }) => decide(db, actor, data),
    redirectTo: back('decided')
  })
};
