import { homePage } from '$lib/server/public/public-pages.service';
import { todoCounts } from '$lib/server/reports/workflow/queue.service';
import type { PageServerLoad } from './$types';

// The honour board belongs to the emulation movement; the home page links to it only once it exists.
const HONOUR_BOARD = Object.keys(import.meta.glob('/src/routes/{bang-vang,guong-sang,honour-board}/+page.svelte'))
  .map((file) => file.replace('/src/routes', '').replace('/+page.svelte', ''))
  .at(0);

// Nothing on the home page needs a script (links, a disclosure and the sign-out form work as
// plain HTML), so it ships none: on a weak rural link it stays a ~10 KB cold load instead of ~67 KB.
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => {
  // What waits for a signed-in officer: each of their queues with its count.
  const todo = locals.account ? await todoCounts(locals.db, locals.actor) : [];
  return { ...(await homePage(locals.db)), honourBoard: HONOUR_BOARD ?? null, todo };
};
