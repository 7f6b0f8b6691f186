/**
 * The public honour board (Bảng vàng – Gương sáng): awardees in force who consented to
 * publication, per province or commune. Anonymous visitors may read it; nothing else about
 * the registration (scores, evidence, who registered them) leaves the system.
 */
import type { Db } from '$lib/server/db';
import * as repo from './award.repository';
import { publicTypical } from './typical.service';

export async function honourBoard(db: Db, f: { organisationId?: string | null }) {
  const [rows, communes, typical] = await Promise.all([
    repo.boardRows(db, f.organisationId ?? null),
    repo.boardCommunes(db),
    publicTypical(db, f.organisationId ?? null)
  ]);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      name: r.person_name ?? r.household_name ?? r.subject_org_name ?? '',
      organisation: r.organisation_name,
      award_form: r.award_form,
      granted_by: r.granted_by_name,
      decision_number: r.decision_number,
      decided_on: r.decided_on,
      story: r.story,
      // The photo needs its own consent; without it the entry is shown without a photo.
      photo: r.photo_consent_on && r.photo_id ? { id: r.photo_id, alt: r.photo_alt ?? '' } : null
    })),
    communes: communes.map((c) => ({ id: c.id, name: c.name })),
    // Public facts only: name, unit, campaign, story and the public model names.
    typical: typical.map((t) => ({ ...t, models: t.models.map((x) => x.name) }))
  };
}
