import { error } from '@sveltejs/kit';
import { loadOr404 } from '$lib/server/http';
import { readCommitmentQuery } from '$lib/server/program/commitments/commitment-filter';
import { commitmentTable, download } from '$lib/server/program/activities/export-program.service';
import { todayVn } from '$lib/shared/format';
import type { RequestHandler } from './$types';

/** The commitments under the list's current filters, in the actor's scope, as CSV or XLSX. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (params.format !== 'csv' && params.format !== 'xlsx') error(404, 'Not found');
  if (locals.actor.kind === 'anonymous') error(401, 'Sign in');
  const table = await loadOr404(() => commitmentTable(locals.db, locals.actor, readCommitmentQuery(url.searchParams)));
  return download(table, params.format, `cam-ket-${todayVn()}`);
};
