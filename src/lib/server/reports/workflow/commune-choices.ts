/**
 * The commune-then-village choices of the forms that put a report in a place (correcting its
 * commune, placing an unplaced one): every commune as of today, and the villages of the one
 * already chosen only (a province has too many villages to list at once).
 */
import type { Db } from '$lib/server/db';
import { todayVn } from '$lib/shared/format';
import { listCommunesOn, listVillagesOfCommuneOn } from '../intake/intake.repository';

export async function communeChoices(db: Db, communeId: string | null) {
  const today = todayVn();
  const communes = await listCommunesOn(db, today);
  const chosen = communes.find((c) => c.id === communeId)?.id ?? null;
  const villages = chosen ? await listVillagesOfCommuneOn(db, chosen, today) : [];
  return {
    communes: communes.map((c) => ({ value: c.id, label: c.full_name })),
    communeId: chosen,
    villages: villages.map((v) => ({ value: v.id, label: v.full_name }))
  };
}
