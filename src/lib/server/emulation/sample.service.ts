/**
 * The award papers for an operator checking the templates (`npm run cli -- documents sample`):
 * the dossier of the latest council that passed someone (tờ trình, biên bản, danh sách and a
 * report of achievements per candidate) and the decision it would lead to, as a draft.
 * Nothing is written to the database or the document register.
 */
import type { Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import { renderDocx } from '$lib/server/documents';
import { decisionSpec, dossier } from './dossier.service';
import { latestPassedVotes } from './page.repository';
import { decisionFor } from './award.repository';

export async function awardSampleFiles(db: Db): Promise<Record<string, Buffer>> {
  const votes = await latestPassedVotes(db);
  if (!votes.length) return {};
  const { organisation_id, campaign_id, award_form, meeting_on } = votes[0];
  const papers = await dossier(db, SYSTEM, organisation_id, campaign_id);
  const registration_ids = votes.map((v) => v.registration_id);
  // When the council's list was already decided, the sample shows that decision as issued
  // (its number, date and signer), so the operator can compare it with the register.
  const made = await decisionFor(db, organisation_id, registration_ids);
  const input = {
    organisation_id,
    award_form,
    registration_ids,
    signer_name: made?.signer_name ?? 'Người ký (mẫu)'
  } as Parameters<typeof decisionSpec>[1];
  const numbered = made ? Number.parseInt(made.decision_number, 10) : NaN;
  const decision = await renderDocx(await decisionSpec(db, input, registration_ids), {
    number: Number.isFinite(numbered) ? numbered : null,
    date: made && Number.isFinite(numbered) ? String(made.decided_on).slice(0, 10) : null,
    draftYear: Number(String(meeting_on).slice(0, 4))
  });
  const files: Record<string, Buffer> = { 'khen-thuong-quyet-dinh.docx': decision };
  for (const [name, bytes] of Object.entries(papers)) files[`khen-thuong-${name}`] = bytes;
  return files;
}
