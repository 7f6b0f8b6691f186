import { z } from 'zod';
import { formAction, loadOr404 } from '$lib/server/http';
import { openUpload, saveMapping } from '$lib/server/people/import.service';
import { IMPORT_FIELDS, REQUIRED_FIELDS, mappingFromForm } from '$lib/server/people/import/mapping';
import { columnLabel, fieldLabel } from '$lib/server/people/import/labels';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { upload, sheet, mapping } = await loadOr404(() => openUpload(locals.db, locals.actor, params.id));
  return {
    upload,
    columns: sheet.headers.map((_, i) => ({ index: i, label: columnLabel(sheet.headers, i) })),
    fields: IMPORT_FIELDS.map((f) => ({ name: f, label: fieldLabel(f), required: REQUIRED_FIELDS.includes(f) })),
    mapping: Object.fromEntries(IMPORT_FIELDS.map((f) => [`map_${f}`, mapping[f] === null ? '' : String(mapping[f])]))
  };
};

export const actions: Actions = {
  default: formAction({
    // mappingFromForm reads the map_<field> choices against the sheet's columns.
    schema: z.record(z.string(), z.unknown()),
    run: async ({ db, actor, values, event }) => {
      const { sheet } = await openUpload(db, actor, event.params.id!);
      await saveMapping(db, actor, event.params.id!, mappingFromForm(values, sheet.headers.length));
    },
    redirectTo: (_, { params }) => `/people/import/${params.id}/preview`
  })
};
