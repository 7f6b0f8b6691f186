import { fail } from '@sveltejs/kit';
import { guardAdmin } from '$lib/server/accounts/route';
import { formValues } from '$lib/server/forms';
import { failFromError, postedForm } from '$lib/server/http';
import { createKey, listKeys, revokeKey } from '$lib/server/open311/keys.service';
import { t } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  guardAdmin(event);
  return { keys: await listKeys(event.locals.db, event.locals.actor) };
};

export const actions: Actions = {
  create: async (event) => {
    guardAdmin(event);
    const values = formValues(await postedForm(event.request));
    const name = String(values.name ?? '');
    if (!name.trim()) return fail(400, { values, errors: { name: t('err_required') } });
    try {
      // The raw key goes back in this one response only; it is never stored or logged.
      const { key } = await createKey(event.locals.db, event.locals.actor, name);
      return { key };
    } catch (e) {
      return failFromError(e, values);
    }
  },
  revoke: async (event) => {
    guardAdmin(event);
    const id = String((await postedForm(event.request)).get('key_id') ?? '');
    try {
      await revokeKey(event.locals.db, event.locals.actor, id);
    } catch (e) {
      return failFromError(e, {});
    }
    return { revoked: true };
  }
};
