import { honourBoard } from '$lib/server/emulation/board.service';
import type { PageServerLoad } from './$types';

/** Public: anyone may read the honour board; ?xa= narrows it to one commune association. */
export const load: PageServerLoad = async (event) => {
  const commune = event.url.searchParams.get('xa') || null;
  const board = await honourBoard(event.locals.db, { organisationId: commune });
  return { ...board, commune: board.communes.some((c) => c.id === commune) ? commune : null };
};
