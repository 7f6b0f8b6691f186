import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError, rethrowAsHttp, sessionExpired } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { createProgram, programChoices } from '$lib/server/program/programs/program.service';
import { readProgramForm } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    return await programChoices(locals.db, actor);
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const { values, doc, parsed } = await readProgramForm(request);
    const expired = sessionExpired(locals, values);
    if (expired) return expired;
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    let id: string;
    try {
      id = await createProgram(locals.db, locals.actor, parsed.data, doc);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/program/programs/${id}?saved=created`));
  }
};
