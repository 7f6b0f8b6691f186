import { formAction, loadOr404, postedFile, requireSignIn } from '$lib/server/http';
import { materialFields, textSchema } from '$lib/server/library/library.schema';
import { libraryFormOptions, materialForEdit, saveText, updateMaterial } from '$lib/server/library/library.service';
import { audioUrl } from '$lib/server/library/library-public.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const db = event.locals.db;
  const [edit, options] = await loadOr404(() =>
    Promise.all([materialForEdit(db, actor, event.params.id), libraryFormOptions(db, actor)])
  );
  return {
    ...options,
    material: { ...edit.material, topics: edit.topics },
    texts: edit.texts.map((t) => ({
      id: t.id,
      language: t.language,
      languageName: t.language_name,
      title: t.title,
      body: t.body,
      audio: t.audio_path ? { url: audioUrl(t.id), ms: t.audio_ms ?? 0, bytes: t.audio_bytes ?? 0 } : null,
      original: t.original_path ? { bytes: t.original_bytes ?? 0, mime: t.original_mime ?? '' } : null
    })),
    saved: event.url.searchParams.has('saved'),
    // `?sua=<text id>`: the text form opens filled with that language's version.
    editing: event.url.searchParams.get('sua')
  };
};

export const actions: Actions = {
  material: formAction({
    name: 'material',
    schema: materialFields,
    run: async ({ db, actor, data, event }) => {
      await updateMaterial(db, actor, event.params.id!, data);
      return { saved: true };
    }
  }),
  text: formAction({
    name: 'text',
    schema: textSchema,
    run: async ({ db, actor, data, form, event }) =>
      saveText(db, actor, event.params.id!, data, (await postedFile(form, 'audio'))?.bytes ?? null),
    redirectTo: (_r, event) => `/library/${event.params.id}?saved=1`
  })
};
