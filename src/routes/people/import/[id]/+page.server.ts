import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { formValues } from '$lib/server/forms';
import { failFromError, postedForm } from '$lib/server/http';
import { t } from '$lib/server/i18n';
import { openUpload, saveMapping } from '$lib/server/people/import.service';
import { IMPORT_FIELDS, REQUIRED_FIELDS, mappingFromForm } from '$lib/server/people/import/mapping';
import { columnLabel, fieldLabel } from '$lib/server/people/import/labels';
import { orHttp } from '$lib/server/people/route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { upload, sheet, mapping } = await orHttp(() => openUpload(locals.db, locals.actor, params.id));
  return {
    upload,
    columns: sheet.headers.map((_, i) => ({ index: i, label: columnLabel(sheet.headers, i) })),
    fields: IMPORT_FIELDS.map((f) => ({ name: f, label: fieldLabel(f), required: REQUIRED_FIELDS.includes(f) })),
    mapping: Object.fromEntries(IMPORT_FIELDS.map((f) => [`map_${f}`, mapping[f] === null ? '' : String(mapping[f])]))
  };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const values = formValues(await postedForm(request));
    try {
      const { sheet } = await openUpload(locals.db, locals.actor, params.id);
      const result = await saveMapping(
        locals.db,
        locals.actor,
        params.id,
        mappingFromForm(values, sheet.headers.length)
      );
      if (!result.ok) {
        const errors = Object.fromEntries(
          Object.entries(result.errors).map(([f, kind]) => [
            `map_${f}`,
            t(kind === 'required' ? 'people_import_err_mapping_required' : 'people_import_err_mapping_duplicate')
          ])
        );
        return fail(400, { values, errors });
      }
    } catch (e) {
      return failFromError(e, values);
    }
    redirect(303, localizeHref(`/people/import/${params.id}/preview`));
  }
};
