import { error } from '@sveltejs/kit';
import { loadOr404 } from '$lib/server/http';
import { campaignTable } from '$lib/server/emulation/export.service';
import { download } from '$lib/server/program/activities/export-program.service';
import { todayVn } from '$lib/shared/format';
import type { RequestHandler } from './$types';

/** The campaign's registrations, results and awards in the actor's scope, as CSV or XLSX. */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (params.format !== 'csv' && params.format !== 'xlsx') error(404, 'Not found');
  if (locals.actor.kind === 'anonymous') error(401, 'Sign in');
  const table = await loadOr404(() => campaignTable(locals.db, locals.actor, params.id));
  return download(table, params.format, `thi-dua-${todayVn()}`);
};
