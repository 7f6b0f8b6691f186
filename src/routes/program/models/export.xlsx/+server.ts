/** The models in the user's scope, with the list's filters, as XLSX. */
import { rethrowAsHttp, contentDisposition } from '$lib/server/http';
import { exportModelsXlsx } from '$lib/server/program/models/model-export.service';
import { parseModelQuery } from '$lib/server/program/models/model-list.schema';
import { todayVn } from '$lib/shared/format';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const body = await exportModelsXlsx(locals.db, locals.actor, parseModelQuery(url.searchParams)).catch(rethrowAsHttp);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': contentDisposition(`mo-hinh-${todayVn()}.xlsx`),
      'cache-control': 'no-store'
    }
  });
};
