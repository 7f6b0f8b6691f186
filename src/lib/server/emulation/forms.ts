/**
 * From the pages' form fields to the services' input: the council form has one line per
 * member ("Name – role") and, per candidate, a form of reward and three vote counts.
 */
import type { FormValues } from '$lib/server/http';
import { fold } from '$lib/shared/text';

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

/** A code for commitments and exports, from the criterion's name ("Phản ánh vi phạm" → "phan_anh_vi_pham"). */
export function codeFrom(name: string): string {
  return (
    fold(name)
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 36) || 'tieu_chi'
  );
}

/**
 * The criteria rows of the campaign pages (`c_<field>_<n>`). A row without a name is blank and
 * left out; a new row gets a code from its name, made unique among the rows.
 */
export function criteriaFormInput(values: FormValues) {
  const rows = Object.keys(values)
    .map((k) => /^c_name_(\d+)$/.exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const used = new Set(rows.map((n) => one(values[`c_code_${n}`]).trim()).filter(Boolean));
  const criteria: (Record<string, string> | undefined)[] = [];
  for (const n of rows) {
    const name = one(values[`c_name_${n}`]).trim();
    if (!name || one(values[`c_remove_${n}`])) {
      criteria[n] = undefined;
      continue;
    }
    let code = one(values[`c_code_${n}`]).trim();
    if (!code) {
      const base = codeFrom(name);
      code = base;
      for (let i = 2; used.has(code); i++) code = `${base}_${i}`;
      used.add(code);
    }
    criteria[n] = {
      code,
      name,
      group_code: one(values[`c_group_${n}`]),
      measure: one(values[`c_measure_${n}`]),
      target: one(values[`c_target_${n}`]),
      points: one(values[`c_points_${n}`])
    };
  }
  return { ...values, criteria: Array.from({ length: criteria.length }, (_, i) => criteria[i]) };
}
