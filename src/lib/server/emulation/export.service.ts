/**
 * Registrations, results and awards of a campaign in the actor's scope, one row per
 * registration, as a table for the CSV/XLSX download.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { t } from '$lib/server/i18n';
import { day } from '$lib/server/xlsx/cells';
import type { Table } from '$lib/server/program/activities/export-program.service';
import { getCampaign } from './campaign.service';
import { listRegistrations } from './registration.service';
import { listAwards } from './award.service';

export async function campaignTable(db: Db, actor: Actor, campaignId: string): Promise<Table> {
  const { campaign } = await getCampaign(db, actor, campaignId);
  const [registrations, awards] = await Promise.all([
    listRegistrations(db, actor, { campaignId }),
    listAwards(db, actor, { campaignId })
  ]);
  const inForce = new Map(awards.filter((a) => !a.revoked_at).map((a) => [a.registration_id, a]));
  return {
    sheet: campaign.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '),
    header: [
      t('emu_col_subject'),
      t('emu_field_subject_kind'),
      t('emu_col_org'),
      t('emu_col_status'),
      t('emu_col_result'),
      t('emu_col_self_score'),
      t('emu_col_branch_score'),
      t('emu_col_award'),
      t('emu_col_decision'),
      t('emu_col_decided_on'),
      t('emu_col_cash')
    ],
    rows: registrations.map((r) => {
      const a = inForce.get(r.id);
      return [
        r.subject_name,
        t(`emu_subject_${r.subject_kind}`),
        r.organisation_name,
        t(`emu_status_${r.status}`),
        r.result ? t(`emu_result_${r.result}`) : '',
        r.self_score,
        r.branch_score,
        a ? t(`emu_form_${a.award_form}`) : '',
        a?.decision_number ?? '',
        // A real date: dd/mm/yyyy in the CSV and a date cell in the workbook, as every other export.
        day(a?.decided_on),
        a?.cash_amount ?? null
      ];
    })
  };
}
