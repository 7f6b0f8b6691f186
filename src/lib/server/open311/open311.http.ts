/**
 * Routing and rendering for /open311/v2/*: one pure-ish entry point, `handle`, that tests
 * call directly, and `render`, which turns its result into JSON or XML exactly as the spec
 * shows (errors: [{code, description}] / <errors><error>...).
 */
import type { Db } from '$lib/server/db';
import { list, toXml, type XmlValue } from './xml';
import {
  checkJurisdiction,
  discovery,
  getRequest,
  getRequests,
  o311Error,
  serviceDefinition,
  services,
  type O311Result,
  type Params
} from './open311.service';
import { postRequest } from './open311.post';

export type Format = 'json' | 'xml';

export interface O311Request {
  method: string;
  path: string; // after /open311/v2/, e.g. "requests/abc.json"
  params: Params;
  baseUrl: string;
}

/** Splits "services/khac.xml" into its segments and format; null for an unknown format. */
export function parsePath(path: string): { segments: string[]; format: Format } | null {
  const m = path.match(/^(.*)\.(json|xml)$/);
  if (!m) return null;
  return {
    segments: m[1]
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s)),
    format: m[2] as Format
  };
}

async function dispatch(db: Db, method: string, segments: string[], req: O311Request): Promise<O311Result> {
  const [head, id, ...extra] = segments;
  if (extra.length) return o311Error(404, 'not found');
  if (method === 'POST')
    return head === 'requests' && !id ? postRequest(db, req.params) : o311Error(405, 'method not allowed');
  if (method !== 'GET' && method !== 'HEAD') return o311Error(405, 'method not allowed');
  const wrong = checkJurisdiction(req.params);
  if (wrong) return wrong;
  if (head === 'discovery' && !id) return discovery(req.baseUrl);
  if (head === 'services') return id ? serviceDefinition(db, id) : services(db);
  if (head === 'requests')
    return id ? getRequest(db, id, req.params, req.baseUrl) : getRequests(db, req.params, req.baseUrl);
  return o311Error(404, 'not found');
}

export async function handle(db: Db, req: O311Request): Promise<{ result: O311Result; format: Format }> {
  const parsed = parsePath(req.path);
  if (!parsed) return { result: o311Error(404, 'unknown format: use .json or .xml'), format: 'json' };
  return { result: await dispatch(db, req.method, parsed.segments, req), format: parsed.format };
}

/** Arrays nested under these keys become repeated child elements in XML. */
const ITEMS: Record<string, string> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  updates: 'update'
};
const ROOT_ITEMS: Record<O311Result['root'], string> = {
  discovery: '',
  services: 'service',
  service_definition: '',
  service_requests: 'request',
  errors: 'error'
};

function xmlValue(v: unknown, key = ''): XmlValue {
  if (Array.isArray(v))
    return list(
      ITEMS[key] ?? 'item',
      v.map((x) => xmlValue(x))
    );
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, xmlValue(x, k)]));
  return v as XmlValue;
}

export function serialise(result: O311Result, format: Format): { body: string; contentType: string } {
  if (format === 'json') return { body: JSON.stringify(result.body), contentType: 'application/json; charset=utf-8' };
  const item = ROOT_ITEMS[result.root];
  const value = Array.isArray(result.body)
    ? list(
        item,
        result.body.map((x) => xmlValue(x))
      )
    : xmlValue(result.body);
  return { body: toXml(result.root, value), contentType: 'text/xml; charset=utf-8' };
}

export function render(result: O311Result, format: Format): Response {
  const { body, contentType } = serialise(result, format);
  return new Response(body, {
    status: result.status,
    headers: { 'content-type': contentType, 'access-control-allow-origin': '*' }
  });
}
