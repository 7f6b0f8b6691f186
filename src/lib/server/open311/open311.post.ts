/**
 * POST /requests (GeoReport v2): form-encoded, api_key required. Anonymous unless the client
 * sends a name or e-mail; then the reporter is protected as confidential (encrypted identity,
 * never returned). A tố cáo cannot come through Open311: it needs the full legal form.
 */
import type { Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { LIMITS } from '$lib/shared/reports/constants';
import { clean } from '$lib/shared/text';
import type { ReporterIdentity } from '$lib/server/reports/identity';
import { verifyKey } from './keys.service';
import { intakeReport } from './intake';
import * as repo from './open311.repository';
import { checkJurisdiction, o311Error, type O311Result, type Params } from './open311.service';

const CHANNELS = ['phan_anh', 'kien_nghi'] as const;

function coordinate(v: string | undefined, max: number): number | null | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && Math.abs(n) <= max ? n : null;
}

function identityOf(p: Params): ReporterIdentity | null {
  const name = clean([p.first_name ?? '', p.last_name ?? ''].join(' '));
  const email = clean(p.email ?? '');
  if (!name && !email) return null;
  return { name: name || email, email: email || null, phone: clean(p.phone ?? '') || null };
}

function mediaUrl(v: string | undefined): string | null | undefined {
  if (!v) return undefined;
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && v.length <= 2000 ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Field checks in the spec's order; the first problem is the answer. */
function check(p: Params): O311Result | { lat: number | null; lon: number | null; channel: (typeof CHANNELS)[number]; description: string; media: string | null } {
  if (!p.service_code) return o311Error(400, 'service_code was not provided');
  const lat = coordinate(p.lat, 90);
  const lon = coordinate(p.long, 180);
  if (lat === null || lon === null) return o311Error(400, 'lat and long must be WGS84 decimal degrees');
  const address = clean(p.address_string ?? '');
  if ((lat === undefined || lon === undefined) && !address) return o311Error(400, 'lat/long or address_string is required');
  const description = clean(p.description ?? '');
  if (!description) return o311Error(400, 'description was not provided');
  if (description.length > LIMITS.descriptionChars) return o311Error(400, `description is longer than ${LIMITS.descriptionChars} characters`);
  const channel = p['attribute[channel]'] || 'phan_anh';
  if (!(CHANNELS as readonly string[]).includes(channel)) return o311Error(400, 'attribute[channel] must be phan_anh or kien_nghi');
  const media = mediaUrl(p.media_url);
  if (media === null) return o311Error(400, 'media_url must be an http(s) URL');
  return { lat: lat ?? null, lon: lon ?? null, channel: channel as (typeof CHANNELS)[number], description, media: media ?? null };
}

export async function postRequest(db: Db, p: Params): Promise<O311Result> {
  const key = await verifyKey(db, p.api_key);
  if (!key) return o311Error(403, 'api_key is missing or invalid');
  const wrong = checkJurisdiction(p);
  if (wrong) return wrong;
  const input = check(p);
  if ('status' in input) return input;
  const service = (await repo.listServices(db)).find((s) => s.code === p.service_code);
  if (!service) return o311Error(404, 'service_code not found');
  const actor = { ...SYSTEM, name: `open311:${key.name}` };
  const { id } = await intakeReport(db, actor, {
    categoryId: service.id, urgent: !!service.urgent, channel: input.channel, description: input.description,
    lat: input.lat, lon: input.lon, addressString: clean(p.address_string ?? '') || null,
    identity: identityOf(p), mediaUrl: input.media
  });
  return { status: 200, root: 'service_requests', body: [{ service_request_id: id, service_notice: null, account_id: null }] };
}
