import { error } from '@sveltejs/kit';
import { figurePage } from '$lib/server/public/public-pages.service';
import { isProgramFigure } from '$lib/shared/public/figures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (!isProgramFigure(params.code)) error(404, 'Not found');
  const page = await figurePage(locals.db, params.code, url.searchParams.get('commune'));
  if (!page) error(404, 'Not found');
  return page;
};
