/**
 * From the pages' form fields to the services' input: the council form has one line per
 * member ("Name – role") and, per candidate, a form of reward and three vote counts.
 */
import type { FormValues } from '$lib/server/http';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function membersOf(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, ...role] = l.split(/\s+[–-]\s+/);
      return { name: name.trim(), role: role.join(' – ').trim() || null };
    });
}

/** Candidates whose "in favour" box was filled are voted on; the others wait for another meeting. */
export function councilFormInput(values: FormValues) {
  const ids = Object.keys(values)
    .map((k) => /^for_(.+)$/.exec(k)?.[1])
    .filter((id): id is string => !!id && one(values[`for_${id}`]).trim() !== '');
  return {
    organisation_id: one(values.organisation_id),
    campaign_id: one(values.campaign_id),
    meeting_on: one(values.meeting_on),
    members: membersOf(one(values.members)),
    members_present: one(values.members_present),
    votes: ids.map((id) => ({
      registration_id: id,
      award_form: one(values[`form_${id}`]),
      in_favour: one(values[`for_${id}`]),
      against: one(values[`against_${id}`]),
      abstain: one(values[`abstain_${id}`])
    }))
  };
}
