import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError, rethrowAsHttp, sessionExpired } from '$lib/server/http';
import { signedInOrRedirect } from '$lib/server/org/org.pages';
import { getProgram, programChoices, programValues, updateProgram } from '$lib/server/program/programs/program.service';
import { readProgramForm } from '../../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const actor = signedInOrRedirect(locals, url);
  try {
    const program = await getProgram(locals.db, actor, params.id);
    if (!program.canManage) error(404, 'Not found');
    return {
      id: program.id,
      hasDocument: !!program.document_path,
      current: programValues(program),
      ...(await programChoices(locals.db, actor))
    };
  } catch (e) {
    rethrowAsHttp(e);
  }
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const { values, doc, parsed } = await readProgramForm(request);
    const expired = sessionExpired(locals, values);
    if (expired) return expired;
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
    try {
      await updateProgram(locals.db, locals.actor, params.id, parsed.data, doc);
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/program/programs/${params.id}?saved=updated`));
  }
};
