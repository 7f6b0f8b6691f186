import { loadOr404, requireSignIn } from '$lib/server/http';
import { listMaterialsForOfficer } from '$lib/server/library/library.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const rows = await loadOr404(() => listMaterialsForOfficer(event.locals.db, actor));
  return {
    materials: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      title: (r.texts.find((t) => t.language === 'vi') ?? r.texts[0])?.title ?? '',
      languages: r.texts.map((t) => ({ language: t.language, name: t.language_name, audio: !!t.audio_path })),
      updatedAt: r.updated_at
    }))
  };
};
