import { can } from '$lib/server/access/access';
import { listLibrary } from '$lib/server/library/library-public.service';
import { libraryFilterSchema } from '$lib/server/library/library.schema';
import { WRITE_LIBRARY } from '$lib/server/library/library.policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
  const filter = libraryFilterSchema.parse(raw);
  const library = await listLibrary(locals.db, filter);
  // Officers who keep the library find the way there from the public list.
  return { ...library, filter, canWrite: locals.actor.kind === 'account' && can(locals.actor, WRITE_LIBRARY) };
};
