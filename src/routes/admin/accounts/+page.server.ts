import { listAccounts } from '$lib/server/accounts/accounts.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const q = (url.searchParams.get('q') ?? '').slice(0, 100);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1));
  const { rows, hasNext } = await listAccounts(locals.db, locals.actor, q, page);
  return { q, page, hasNext, accounts: rows };
};
