import { homePage } from '$lib/server/public/public-pages.service';
import type { PageServerLoad } from './$types';

// The honour board belongs to the emulation movement; the home page links to it only once it exists.
const HONOUR_BOARD = Object.keys(import.meta.glob('/src/routes/{bang-vang,guong-sang,honour-board}/+page.svelte'))
  .map((file) => file.replace('/src/routes', '').replace('/+page.svelte', ''))
  .at(0);

export const load: PageServerLoad = async ({ locals }) => {
  return { ...(await homePage(locals.db)), honourBoard: HONOUR_BOARD ?? null };
};
