import { formAction, loadOr404, requireSignIn, type FormValues } from '$lib/server/http';
import { registrationPage } from '$lib/server/emulation/page.service';
import { addEvidence, branchAssess, selfAssess } from '$lib/server/emulation/registration.service';
import { nominate, recordConsent, revokeAward, withdrawConsent } from '$lib/server/emulation/award.service';
import {
  assessSchema,
  consentSchema,
  evidenceSchema,
  nominateSchema,
  photoSchema,
  revokeSchema,
  typicalSchema
} from '$lib/server/emulation/emulation.schema';
import { postedFiles, prepareFile, prepareFiles } from '$lib/server/emulation/files';
import { setBoardPhoto, withdrawBoardPhoto } from '$lib/server/emulation/board-photo.service';
import { markTypical, unmarkTypical } from '$lib/server/emulation/typical.service';
import { id } from '$lib/server/fields';
import { z } from 'zod';
import { formatDate, todayVn } from '$lib/shared/format';
import { registrationNotice, wordRegistrationPage } from './words.server';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const page = await loadOr404(() => registrationPage(event.locals.db, actor, event.params.id));
  const news = Number(event.url.searchParams.get('news')) || 0;
  return {
    ...page,
    ...wordRegistrationPage(page),
    today: formatDate(todayVn()),
    notice: registrationNotice(event.url.searchParams.get('msg'), news),
    // One achievement, one form: instead of the nominate form, which decision already rewarded it.
    rewarded: page.rewardedBy
      ? { title: m.emu_nominate_title(), text: m.emul10_already_rewarded({ number: page.rewardedBy }) }
      : null
  };
};

const back = (msg: string) => (_: unknown, e: { params: Record<string, string> }) =>
  `/thi-dua/dang-ky/${e.params.id}?msg=${msg}`;
const awardSchema = z.object({ award_id: id });

/** The per-criterion inputs (`points_<code>`) gathered into one object for the service to check. */
const withPoints = (values: FormValues) => {
  const points: Record<string, string> = {};
  for (const [k, v] of Object.entries(values))
    if (k.startsWith('points_')) points[k.slice(7)] = String(Array.isArray(v) ? v[0] : v);
  // Always a breakdown from a form: a posted total alone would skip the rule.
  return { note: values.note, points };
};

export const actions: Actions = {
  evidence: formAction({
    name: 'evidence',
    schema: evidenceSchema,
    run: async ({ db, actor, data, event, form }) =>
      addEvidence(db, actor, event.params.id!, data, await prepareFiles(await postedFiles(form, 'files'), 'files')),
    redirectTo: back('evidence')
  }),
  self: formAction({
    name: 'self',
    schema: assessSchema,
    prepare: withPoints,
    run: ({ db, actor, data, event }) => selfAssess(db, actor, event.params.id!, data),
    redirectTo: back('assessed')
  }),
  branch: formAction({
    name: 'branch',
    schema: assessSchema,
    prepare: withPoints,
    run: ({ db, actor, data, event }) => branchAssess(db, actor, event.params.id!, data),
    redirectTo: back('assessed')
  }),
  nominate: formAction({
    name: 'nominate',
    schema: nominateSchema.omit({ registration_id: true }),
    run: ({ db, actor, data, event }) => nominate(db, actor, { ...data, registration_id: event.params.id! }),
    redirectTo: back('nominated')
  }),
  consent: formAction({
    name: 'consent',
    schema: consentSchema.extend(awardSchema.shape),
    run: ({ db, actor, data }) => recordConsent(db, actor, data.award_id, data),
    redirectTo: back('consent')
  }),
  withdraw: formAction({
    name: 'withdraw',
    schema: awardSchema,
    run: ({ db, actor, data }) => withdrawConsent(db, actor, data.award_id),
    redirectTo: (r, e) => `${back('withdrawn')(r, e)}&news=${r.news}`
  }),
  photo: formAction({
    name: 'photo',
    schema: photoSchema.extend(awardSchema.shape),
    run: async ({ db, actor, data, form }) => {
      const [file] = await postedFiles(form, 'file');
      return setBoardPhoto(db, actor, data.award_id, data, file ? await prepareFile(file, 'file', true) : null);
    },
    redirectTo: back('photo')
  }),
  unphoto: formAction({
    name: 'unphoto',
    schema: awardSchema,
    run: ({ db, actor, data }) => withdrawBoardPhoto(db, actor, data.award_id),
    redirectTo: back('unphoto')
  }),
  typical: formAction({
    name: 'typical',
    schema: typicalSchema,
    run: ({ db, actor, data, event }) => markTypical(db, actor, event.params.id!, data),
    redirectTo: back('typical')
  }),
  untypical: formAction({
    name: 'untypical',
    schema: z.object({}),
    run: ({ db, actor, event }) => unmarkTypical(db, actor, event.params.id!),
    redirectTo: back('untypical')
  }),
  revoke: formAction({
    name: 'revoke',
    schema: revokeSchema.extend(awardSchema.shape),
    run: ({ db, actor, data }) => revokeAward(db, actor, data.award_id, data.reason),
    redirectTo: back('revoked')
  })
};
