/** SQL for the movement's files (manual evidence, awardees' photos). */
import type { Db } from '$lib/server/db';
import type { OrgScope } from '$lib/server/access/access';
import type { EmuFileTable } from '$lib/server/db/schema';
import { nominatedIn } from './registration.repository';

export async function insertFile(db: Db, row: EmuFileTable): Promise<void> {
  await db.insertInto('emu_file').values(row).execute();
}

/** The files of a registration's evidence, in the order they were added. */
export async function evidenceFilesOf(db: Db, registrationId: string) {
  return db
    .selectFrom('emu_file')
    .select(['id', 'evidence_id', 'kind', 'mime', 'file_name', 'bytes', 'alt'])
    .where('registration_id', '=', registrationId)
    .where('evidence_id', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findFileInScope(db: Db, id: string, scope: OrgScope) {
  return db
    .selectFrom('emu_file')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', scope)
    .executeTakeFirst();
}

/** A file of the evidence of a registration whose subject is this person (a member's own). */
export async function findOwnEvidenceFile(db: Db, id: string, personId: string) {
  return db
    .selectFrom('emu_file as f')
    .innerJoin('emu_registration as r', 'r.id', 'f.registration_id')
    .selectAll('f')
    .where('f.id', '=', id)
    .where('f.evidence_id', 'is not', null)
    .where('r.person_id', '=', personId)
    .executeTakeFirst();
}

/** A file of the evidence of a registration nominated to an organisation in `scope`. */
export async function findNominatedEvidenceFile(db: Db, id: string, scope: OrgScope) {
  return db
    .selectFrom('emu_file as f')
    .selectAll('f')
    .where('f.id', '=', id)
    .where('f.evidence_id', 'is not', null)
    .where('f.registration_id', 'in', nominatedIn(db, scope))
    .executeTakeFirst();
}

/**
 * An awardee's photo as the public board may show it: the award in force, the awardee
 * consented to the board and to the photo, and withdrew neither.
 */
export async function boardPhoto(db: Db, fileId: string) {
  return db
    .selectFrom('emu_file as f')
    .innerJoin('emu_award as a', 'a.photo_file_id', 'f.id')
    .innerJoin('emu_registration as r', 'r.id', 'a.registration_id')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .select(['f.public_path', 'f.thumb_path'])
    .where('f.id', '=', fileId)
    .where('a.revoked_at', 'is', null)
    .where('a.public_consent_on', 'is not', null)
    .where('a.photo_consent_on', 'is not', null)
    .where('a.consent_withdrawn_at', 'is', null)
    .where('p.anonymised_at', 'is', null)
    .executeTakeFirst();
}
