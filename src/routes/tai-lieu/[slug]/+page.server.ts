import { loadOr404 } from '$lib/server/http';
import { publicMaterial } from '$lib/server/library/library-public.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
  material: await loadOr404(() => publicMaterial(locals.db, params.slug))
});
