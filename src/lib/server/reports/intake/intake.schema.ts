/**
 * What a report intake form (or another caller of createReport) must provide. Messages are
 * catalogue keys. Cross-field rules follow the Law on Denunciation 2018 (Art. 23, 25): a tố
 * cáo names the denouncer, their address and contact, and carries a signed attestation.
 */
import { z } from 'zod';
import {
  CHANNELS,
  CONSENT_METHODS,
  LIMITS,
  PROTECTIONS,
  allowedProtections,
  defaultProtection
} from '$lib/shared/reports/constants';
import { todayVn } from '$lib/shared/format';
import { dayInputParts, parseDayInput } from '$lib/shared/day-input';
import { dateProblem } from '$lib/shared/date-field';

const str = (max = 300) =>
  z.preprocess((v) => (v == null ? '' : String(v)), z.string().trim().max(max, 'err_too_long'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optionalId = str(64).refine((v) => v === '' || UUID.test(v), 'err_invalid');
const coord = (limit: number) =>
  str(32).refine((v) => v === '' || (Number.isFinite(Number(v)) && Math.abs(Number(v)) <= limit), 'ri_err_coords');

export const intakeSchema = z
  .object({
    idempotency_key: str(64).refine((v) => v === '' || /^[A-Za-z0-9_-]{16,64}$/.test(v), 'err_invalid'),
    category_id: str(64).pipe(z.string().regex(UUID, 'ri_err_category')),
    channel: z.enum(CHANNELS, 'ri_err_channel'),
    description: str(LIMITS.descriptionChars),
    has_voice: z.boolean().default(false),
    // Set by createReport only (never read from a form): a linked photo, an address-only client.
    has_media_link: z.boolean().default(false),
    allow_unplaced: z.boolean().default(false),
    has_photo_gps: z.boolean().default(false),
    observed_on: str(20)
      .pipe(z.string().min(1, 'err_required'))
      .transform((v, ctx) => {
        const today = todayVn();
        const iso = parseDayInput(v, today);
        // "31/2" is read as this year's 31 February: told as a day February lacks, not a format slip.
        if (!iso) ctx.addIssue(dateProblem(dayInputParts(v, today)));
        else if (iso > today) ctx.addIssue({ code: 'custom', message: 'ri_err_date_future' });
        return iso ?? '';
      }),
    lat: coord(90),
    lon: coord(180),
    location_source: z.enum(['gps', 'pin', 'photo', '']).default(''),
    commune_id: optionalId,
    village_id: optionalId,
    location_text: str(300),
    protection: z.enum(PROTECTIONS, 'ri_err_protection'),
    name: str(200),
    address: str(300),
    phone: str(30),
    // Not on the public form; Open311 clients may send an e-mail as the reporter's contact.
    email: str(200).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'err_invalid'),
    violator: str(500),
    attest: z.preprocess((v) => v === true || v === 'on' || v === '1', z.boolean()),
    observer_kind: z.enum(['self', 'member', 'non_member']).default('self'),
    observer_person_id: optionalId,
    consent_method: z.enum(['', ...CONSENT_METHODS]).default(''),
    witness_name: str(200)
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.description && !v.has_voice && !v.has_media_link) issue('description', 'ri_err_description_or_voice');
    if ((v.lat === '') !== (v.lon === '')) issue('lat', 'ri_err_coords');
    const unplaced = v.allow_unplaced && v.location_text !== '';
    if (v.lat === '' && !v.commune_id && !v.village_id && !v.has_photo_gps && !unplaced)
      issue('commune_id', 'ri_err_location_required');
    if (!allowedProtections(v.channel).includes(v.protection)) issue('protection', 'ri_err_anonymous_to_cao');
    const behalf = v.observer_kind !== 'self';
    // Named and confidential reports identify someone (a picked member is identified by the record).
    if (v.protection !== 'anonymous' && v.observer_kind !== 'member' && !v.name) issue('name', 'ri_err_name');
    if (v.protection !== 'anonymous' && !behalf && !v.phone && !v.address && !v.email) issue('phone', 'ri_err_contact');
    if (v.channel === 'to_cao') {
      if (!v.address) issue('address', 'ri_err_address');
      if (!v.phone) issue('phone', 'ri_err_contact');
      if (!v.attest) issue('attest', 'ri_err_attest');
    }
    if (v.phone && !/^[0-9+ .()-]{8,20}$/.test(v.phone)) issue('phone', 'err_phone');
    if (v.observer_kind === 'member' && !v.observer_person_id) issue('observer_person_id', 'ri_err_member');
    if (v.observer_kind === 'member' && v.protection === 'anonymous') issue('protection', 'ri_err_anonymous_credit');
    if (behalf && !v.consent_method) issue('consent_method', 'ri_err_consent');
    if (behalf && v.consent_method === 'oral_witness' && !v.witness_name) issue('witness_name', 'ri_err_witness');
  });

/**
 * A form sent without a protection choice gets its path's default (see defaultProtection): the
 * leader's form does not pre-select one, since the right default depends on who saw it.
 */
export function withDefaultProtection<T extends Record<string, unknown>>(input: T): T {
  const p = input.protection;
  if (p !== undefined && p !== null && String(p).trim() !== '') return input;
  return {
    ...input,
    protection: defaultProtection(String(input.channel ?? ''), String(input.observer_kind ?? 'self'))
  };
}

export type IntakeInput = z.input<typeof intakeSchema>;
export type IntakeData = z.output<typeof intakeSchema>;
