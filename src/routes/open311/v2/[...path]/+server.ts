/** Open311 GeoReport v2: parse the request, hand it to the Open311 service, render JSON/XML. */
import { handle, render } from '$lib/server/open311/open311.http';
import { heldOpen311Post } from '$lib/server/open311/open311-limit';
import type { Params } from '$lib/server/open311/open311.service';
import type { RequestHandler } from './$types';

const first = (v: string | string[]) => (Array.isArray(v) ? v[0] : v);

async function bodyParams(request: Request): Promise<Params> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    const out: Params = {};
    // A malformed body is treated as empty: the service then answers with the spec's 4xx.
    const form = await request.formData().catch(() => new FormData());
    for (const [k, v] of form.entries()) if (typeof v === 'string' && !(k in out)) out[k] = v;
    return out;
  }
  return {};
}

const run =
  (method: string): RequestHandler =>
  async ({ locals, params, url, request, getClientAddress }) => {
    if (method === 'POST') {
      const held = await heldOpen311Post(locals.db, { getClientAddress }, params.path);
      if (held) return held;
    }
    const query = Object.fromEntries([...url.searchParams.keys()].map((k) => [k, first(url.searchParams.getAll(k))]));
    const body = method === 'POST' ? await bodyParams(request) : {};
    const { result, format } = await handle(locals.db, {
      method,
      path: params.path,
      params: { ...query, ...body },
      baseUrl: url.origin
    });
    return render(result, format);
  };

export const GET = run('GET');
export const POST = run('POST');
export const fallback: RequestHandler = async (event) => run(event.request.method)(event);
