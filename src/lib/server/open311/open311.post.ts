/**
 * POST /requests (GeoReport v2): form-encoded, api_key required. The report enters through
 * the one intake, createReport (commune by polygon, the commune Hội, deadline, encrypted
 * identity, urgent notices). Anonymous unless the client sends a name, e-mail or phone; then
 * the reporter is protected as confidential (encrypted identity, never returned). A tố cáo
 * cannot come through Open311: it needs the full legal form.
 */
import type { Db } from '$lib/server/db';
import { SYSTEM, type Actor } from '$lib/server/access/actor';
import { isAppError } from '$lib/server/errors';
import { createReport, type IntakeResult } from '$lib/server/reports/intake/intake.service';
import { intakeReference, type IntakeReference } from '$lib/server/reports/intake/reference';
import { todayVn } from '$lib/shared/format';
import { clean, fold } from '$lib/shared/text';
import { verifyKey } from './keys.service';
import * as repo from './open311.repository';
import { checkJurisdiction, o311Error, type O311Result, type Params } from './open311.service';

const CHANNELS = ['phan_anh', 'kien_nghi'];

/** createReport's fields in the Open311 client's words, for 400 answers. */
const PARAM: Record<string, string> = {
  category_id: 'service_code',
  description: 'description',
  lat: 'lat/long',
  lon: 'lat/long',
  commune_id: 'location',
  name: 'first_name/last_name',
  phone: 'phone',
  email: 'email',
  address: 'phone/email',
  observed_on: 'observed_on',
  location_text: 'address_string'
};
const MESSAGE: Record<string, string> = {
  ri_err_location_required: 'location required: send lat/long or an address_string',
  o311_err_outside: 'lat/long lies outside every commune this service covers',
  ri_err_coords: 'lat and long must be WGS84 decimal degrees',
  ri_err_description_or_voice: 'description was not provided (it may be left out when media_url is sent)',
  ri_err_contact: 'a named reporter needs a phone or email',
  ri_err_category: 'service_code not found'
};

function mediaUrl(v: string | undefined): string | null | undefined {
  if (!v) return undefined;
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && v.length <= 2000 ? url.toString() : null;
  } catch {
    return null;
  }
}

const wordsIn = (hay: string, needle: string) =>
  needle !== '' && ` ${hay.replace(/[^a-z0-9]+/g, ' ')} `.includes(` ${needle} `);

/**
 * Open311 has no commune field, and we never geocode through a third party: an address_string
 * alone is placed only when it names exactly one current commune (diacritics ignored, whole
 * words, the longest name wins: "Sìn Hồ" before "Hồ"). Otherwise the report waits, with its
 * address, for an officer of the province Hội to place it.
 */
async function communeFromAddress(db: Db, address: string): Promise<string> {
  const hay = fold(address);
  const hits = (await repo.communeNames(db, todayVn())).filter((c) =>
    wordsIn(
      hay,
      fold(c.name)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    )
  );
  const longest = Math.max(0, ...hits.map((c) => c.name.length));
  const best = hits.filter((c) => c.name.length === longest);
  return best.length === 1 ? best[0].id : '';
}

/** The reporter's part of createReport's input: confidential as soon as anything identifies them. */
function reporterOf(p: Params) {
  const name = clean([p.first_name ?? '', p.last_name ?? ''].join(' '));
  const email = clean(p.email ?? '');
  const phone = clean(p.phone ?? '');
  if (!name && !email && !phone) return { protection: 'anonymous' };
  return { protection: 'confidential', name: name || email || phone, email, phone };
}

/** The client's user is told, in the spec's own field, that a person will still place the report. */
const UNPLACED_NOTICE =
  'No commune could be derived from address_string; the report is kept and waits in the ' +
  'provincial association queue until an officer sets its commune.';
const noticeOf = (r: IntakeResult) => (r.location?.precision === 'address' ? UNPLACED_NOTICE : null);

function failure(codes: Record<string, string>): O311Result {
  const [field, code] = Object.entries(codes)[0] ?? ['request', 'err_invalid'];
  const param = PARAM[field] ?? field;
  if (code === 'err_too_long') return o311Error(400, `${param} is too long`);
  return o311Error(400, MESSAGE[code] ?? `${param} is invalid (${code})`);
}

/** createReport, its refusals answered in the Open311 client's words. */
async function intake(
  db: Db,
  actor: Actor,
  input: Record<string, unknown>,
  mediaUrl: string | undefined,
  reference: IntakeReference
): Promise<IntakeResult | O311Result> {
  try {
    // A free-text address naming no commune is accepted: the province Hội places it.
    return await createReport(db, actor, input, { mediaUrl }, { allowUnplaced: true, reference });
  } catch (e) {
    const fields = isAppError(e) && e.code === 'VALIDATION' ? e.details?.fields : undefined;
    if (!fields) throw e;
    return failure(fields as Record<string, string>);
  }
}

export async function postRequest(db: Db, p: Params): Promise<O311Result> {
  const key = await verifyKey(db, p.api_key);
  if (!key) return o311Error(403, 'api_key is missing or invalid');
  const wrong = checkJurisdiction(p);
  if (wrong) return wrong;
  if (!p.service_code) return o311Error(400, 'service_code was not provided');
  const channel = p['attribute[channel]'] || 'phan_anh';
  if (!CHANNELS.includes(channel)) return o311Error(400, 'attribute[channel] must be phan_anh or kien_nghi');
  const media = mediaUrl(p.media_url);
  if (media === null) return o311Error(400, 'media_url must be an http(s) URL');
  const reference = await intakeReference(db);
  const service = reference.service(p.service_code);
  if (!service) return o311Error(404, 'service_code not found');
  const address = clean(p.address_string ?? '');
  const lat = clean(p.lat ?? '');
  const lon = clean(p.long ?? '');
  const actor = { ...SYSTEM, name: `open311:${key.name}` };
  const result = await intake(
    db,
    actor,
    {
      channel,
      category_id: service.id,
      description: p.description ?? '',
      observed_on: todayVn(),
      lat,
      lon,
      location_source: lat || lon ? 'gps' : '',
      location_text: address,
      commune_id: !lat && !lon && address ? await communeFromAddress(db, address) : '',
      ...reporterOf(p)
    },
    media,
    reference
  );
  if ('status' in result) return result;
  return {
    status: 200,
    root: 'service_requests',
    body: [{ service_request_id: result.reportId, service_notice: noticeOf(result), account_id: null }]
  };
}
