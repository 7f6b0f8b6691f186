import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { id } from '$lib/server/fields';
import { passRulesPage, savePassRules } from '$lib/server/emulation/settings-page.service';
import { AWARD_FORM_CODES, PASS_RULES } from '$lib/shared/emulation/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const page = await loadOr404(() => passRulesPage(event.locals.db, requireSignIn(event)));
  return { ...page, msg: event.url.searchParams.get('msg') };
};

/** One select per form of reward, named `rule_<form>`. */
const rulesSchema = z.object({
  organisation_id: id,
  ...Object.fromEntries(AWARD_FORM_CODES.map((f) => [`rule_${f}`, z.enum(PASS_RULES, { error: 'err_required' })]))
});

export const actions: Actions = {
  default: formAction({
    schema: rulesSchema,
    run: ({ db, actor, data }) => {
      const d = data as Record<string, string>;
      const rules = Object.fromEntries(AWARD_FORM_CODES.map((f) => [f, d[`rule_${f}`]]));
      return savePassRules(db, actor, d.organisation_id, rules as Parameters<typeof savePassRules>[3]);
    },
    redirectTo: '/thi-dua/quy-tac?msg=saved'
  })
};
