import { categoryAdminData } from '$lib/server/reports/admin/category.admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
  ...(await categoryAdminData(locals.db, locals.actor)),
  saved: url.searchParams.has('saved')
});
