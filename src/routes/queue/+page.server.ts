import { listQueue } from '$lib/server/reports/workflow/queue.service';
import { listDateErrors } from '$lib/server/forms';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { queueWords } from './display.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { locals, url } = event;
  const queue = await loadOr404(() =>
    listQueue(locals.db, actor, url.searchParams.get('tab'), new Date(), url.searchParams)
  );
  // Back from moving a report out of this officer's commune (its page now answers 404).
  const moved = url.searchParams.get('moved');
  return {
    ...queueWords(queue),
    moved: moved && /^[0-9A-F]{8}$/.test(moved) ? moved : null,
    // A date that cannot filter is said so (the list is shown without it), not silently dropped.
    errors: listDateErrors(url.searchParams)
  };
};
