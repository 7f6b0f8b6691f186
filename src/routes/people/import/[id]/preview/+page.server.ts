import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError } from '$lib/server/http';
import { confirmImport, ImportRejected, previewImport } from '$lib/server/people/import.service';
import { problemMessage } from '$lib/server/people/import/labels';
import { orHttp } from '$lib/server/people/route';
import type { Actions, PageServerLoad } from './$types';

const SHOWN = 10;

export const load: PageServerLoad = async ({ locals, params }) => {
  const p = await orHttp(() => previewImport(locals.db, locals.actor, params.id));
  return {
    upload: p.upload,
    count: p.rows.length,
    rows: p.rows.slice(0, SHOWN),
    problems: p.problems.map((x) => problemMessage(x, p.sheet.headers, p.mapping))
  };
};

export const actions: Actions = {
  default: async ({ locals, params }) => {
    let count: number;
    try {
      count = await confirmImport(locals.db, locals.actor, params.id);
    } catch (e) {
      if (e instanceof ImportRejected) {
        const p = await previewImport(locals.db, locals.actor, params.id);
        return fail(400, { problems: e.problems.map((x) => problemMessage(x, p.sheet.headers, p.mapping)) });
      }
      return failFromError(e, {});
    }
    redirect(303, localizeHref(`/people?imported=${count}`));
  }
};
