import { error } from '@sveltejs/kit';
import { loadOr404 } from '$lib/server/http';
import { readActivityQuery } from '$lib/server/program/activities/activity-filter';
import { activityTable, download } from '$lib/server/program/activities/export-program.service';
import { todayVn } from '$lib/shared/format';
import type { RequestHandler } from './$types';

/** The list's rows under its current filters, in the actor's scope, as CSV or XLSX. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (params.format !== 'csv' && params.format !== 'xlsx') error(404, 'Not found');
  if (locals.actor.kind === 'anonymous') error(401, 'Sign in');
  const table = await loadOr404(() => activityTable(locals.db, locals.actor, readActivityQuery(url.searchParams)));
  return download(table, params.format, `hoat-dong-${todayVn()}`);
};
