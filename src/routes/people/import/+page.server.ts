import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { failFromError, postedForm } from '$lib/server/http';
import { t } from '$lib/server/i18n';
import { formOptions } from '$lib/server/people/person.service';
import { uploadMemberList } from '$lib/server/people/import.service';
import { orHttp } from '$lib/server/people/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  options: await orHttp(() => formOptions(locals.db, locals.actor))
});

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await postedForm(request);
    const values = { organisation_id: String(form.get('organisation_id') ?? '') };
    const file = form.get('file');
    const errors: Record<string, string> = {};
    if (!values.organisation_id) errors.organisation_id = t('err_required');
    if (!(file instanceof File) || file.size === 0) errors.file = t('err_required');
    if (Object.keys(errors).length) return fail(400, { values, errors });
    let id: string;
    try {
      const f = file as File;
      id = await uploadMemberList(locals.db, locals.actor, {
        organisationId: values.organisation_id,
        fileName: f.name,
        bytes: new Uint8Array(await f.arrayBuffer())
      });
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/people/import/${id}`));
  }
};
