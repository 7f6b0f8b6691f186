/**
 * The awardee's photo on the public honour board. Publishing a photo is its own consent
 * ("đồng ý đăng ảnh"), recorded with its date beside the consent to publish the name, and
 * withdrawable on its own; the board shows the photo only while both stand. Every photo has
 * a description for people who cannot see it.
 */
import type { Db } from '$lib/server/db';
import { ownsFiles } from '$lib/server/db/owned-files';
import type { Actor } from '$lib/server/access/actor';
import { audit } from '$lib/server/audit/audit.service';
import { AppError } from '$lib/server/errors';
import { consentable } from './award.service';
import * as repo from './award.repository';
import { insertFile } from './file.repository';
import { storeEvidenceFiles } from './evidence-file.service';
import type { PreparedFile } from './files';

export const setBoardPhoto = ownsFiles(async function setBoardPhoto(
  db: Db,
  actor: Actor,
  awardId: string,
  input: { given_on: string; alt: string },
  photo: PreparedFile | null
): Promise<void> {
  const a = await consentable(db, actor, awardId);
  if (a.revoked_at) throw new AppError('CONFLICT', 'emu_err_revoked');
  if (!photo) throw new AppError('VALIDATION', 'emul_err_photo_required', { field: 'file' });
  const [file] = await storeEvidenceFiles([photo], {
    registrationId: a.registration_id,
    evidenceId: null,
    row: { organisation_id: a.registration_org_id },
    actor
  });
  file.alt = input.alt;
  const patch = { photo_file_id: file.id, photo_consent_on: input.given_on };
  await db.transaction().execute(async (tx) => {
    await insertFile(tx, file);
    await repo.updateAward(tx, awardId, patch);
    await audit(tx, actor, {
      action: 'emu.photo_consent',
      entityType: 'emu_award',
      entityId: awardId,
      organisationId: a.registration_org_id,
      after: { ...patch, alt: input.alt, sha256: file.sha256 }
    });
  });
});

/** Takes the photo off the board; the file stays in the record, like the award. */
export async function withdrawBoardPhoto(db: Db, actor: Actor, awardId: string): Promise<void> {
  const a = await consentable(db, actor, awardId);
  const patch = { photo_consent_on: null };
  await db.transaction().execute(async (tx) => {
    await repo.updateAward(tx, awardId, patch);
    await audit(tx, actor, {
      action: 'emu.photo_withdraw',
      entityType: 'emu_award',
      entityId: awardId,
      organisationId: a.registration_org_id,
      after: patch
    });
  });
}
