/**
 * A member opens the photos of her own registration's evidence (her page shows them), and no
 * one else's: a neighbour's photo, in the same branch, is not found.
 */
import { expect, it } from 'vitest';
import sharp from 'sharp';
import { forEachDb } from '../support/db';
import { useTempMedia } from './reports-intake-support';
import { as, campaign, memberAccount, person, tree } from './emulation-support';
import { prepareFiles } from '../../src/lib/server/emulation/files';
import { addEvidence, manualEvidence, register } from '../../src/lib/server/emulation/registration.service';
import { openEvidenceFile } from '../../src/lib/server/emulation/evidence-file.service';
import { newId } from '../../src/lib/server/db/ids';
import type { Actor } from '../../src/lib/server/access/actor';

useTempMedia();

const jpeg = async () => ({
  name: 'vuon-rau.jpg',
  type: 'image/jpeg',
  bytes: new Uint8Array(
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer()
  )
});

forEachDb('a member and her evidence photos', (ctx) => {
  it('opens her own, and a neighbour’s is not found', async () => {
    const t = await tree(ctx.db, 'Ảnh của tôi');
    const c = await campaign(ctx.db, t.province);
    const leader = as('branch_leader', t.branch);
    const mai = await person(ctx.db, t.branch, 'Lò Thị Mai');
    const lan = await person(ctx.db, t.branch, 'Quàng Thị Lan');
    const [mine, theirs] = await register(ctx.db, leader, {
      campaign_id: c,
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: [mai, lan],
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });
    for (const rid of [mine, theirs])
      await addEvidence(ctx.db, leader, rid, { criterion_code: null, description: 'Giữ vườn sạch' }, [
        ...(await prepareFiles([await jpeg()], 'files'))
      ]);
    const photoOf = async (rid: string) => (await manualEvidence(ctx.db, rid))[0].files[0].id;
    const member = await memberAccount(ctx.db, mai, t.branch, 'Lò Thị Mai');

    const own = await openEvidenceFile(ctx.db, member, await photoOf(mine), true);
    expect([own.type, own.inline]).toEqual(['image/jpeg', true]);
    expect((await sharp(own.body).metadata()).format).toBe('jpeg');
    await expect(openEvidenceFile(ctx.db, member, await photoOf(theirs), false)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
    // A member with no linked record, in the same branch, sees neither.
    const stranger: Actor = {
      kind: 'account',
      accountId: newId(),
      name: 'Ai đó',
      grants: [{ role: 'member', organisationId: t.branch }]
    };
    await expect(openEvidenceFile(ctx.db, stranger, await photoOf(mine), false)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    });
  });
});
