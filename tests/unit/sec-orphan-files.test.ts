/**
 * A save that fails after its bytes were written leaves no file behind. Each case makes the
 * insert that follows the write fail (a trigger on that table, on both databases), counts the
 * files before and after, then drops the trigger and saves again to show the path does write.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { actorFor, orgId } from '../support/demo';
import { setup, useTempMedia, baseInput, type Fixture } from './reports-intake-support';
import { as, campaign, person, tree } from './emulation-support';
import { demoIds, photoWithExif, quickForm, readActivityForm } from './program-activity-support';
import { config } from '../../src/lib/server/config';
import { ANONYMOUS, type Actor } from '../../src/lib/server/access/actor';
import type { Db } from '../../src/lib/server/db';
import type { DbKind } from '../../src/lib/server/db/dialect';
import { ownsFiles, undoFilesOnFailure, writeOwnedFile } from '../../src/lib/server/db/owned-files';
import { preparePhoto } from '../../src/lib/server/media/media';
import { demoTone, setLibraryRoot } from '../../src/lib/server/library/audio';
import { createMaterial } from '../../src/lib/server/library/library.service';
import { materialSchema } from '../../src/lib/server/library/library.schema';
import { createReport } from '../../src/lib/server/reports/intake/intake.service';
import { reply } from '../../src/lib/server/reports/intake/followup.service';
import { issueDocument } from '../../src/lib/server/documents/register.service';
import { issuerFor, sampleSpec } from '../support/documents';
import { actorWith } from './program-support';
import { prepareFiles } from '../../src/lib/server/emulation/files';
import { addEvidence, register } from '../../src/lib/server/emulation/registration.service';
import { createProgram } from '../../src/lib/server/program/programs/program.service';
import { programSchema } from '../../src/lib/server/program/programs/program.schema';
import * as pages from '../../src/lib/server/program/activities/activity-page.service';

const filesUnder = (dir: string): number =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).reduce(
        (n, e) => n + (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : 1),
        0
      )
    : 0;

/** Until the returned undo runs, every insert into `table` fails (after the files were written). */
async function failInserts(db: Db, kind: DbKind, table: string): Promise<() => Promise<void>> {
  const name = `sec_fail_${table}`;
  if (kind === 'sqlite') {
    await sql
      .raw(`create trigger ${name} before insert on ${table} begin select raise(abort, 'forced failure'); end`)
      .execute(db);
    return async () => void (await sql.raw(`drop trigger ${name}`).execute(db));
  }
  await sql
    .raw(
      `create or replace function sec_fail() returns trigger language plpgsql as $$ begin raise exception 'forced failure'; end $$`
    )
    .execute(db);
  await sql
    .raw(`create trigger ${name} before insert on ${table} for each row execute function sec_fail()`)
    .execute(db);
  return async () => void (await sql.raw(`drop trigger ${name} on ${table}`).execute(db));
}

describe('files owned by a unit of work', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cs-owned-'));
  const f = (n: string) => path.join(dir, n);

  it('a failed unit removes its files, also those of an inner unit that succeeded', async () => {
    await expect(
      undoFilesOnFailure(async () => {
        await writeOwnedFile(f('outer'), 'a');
        await undoFilesOnFailure(() => writeOwnedFile(f('inner'), 'b'));
        throw new Error('the save fails later');
      })
    ).rejects.toThrow('the save fails later');
    expect([existsSync(f('outer')), existsSync(f('inner'))]).toEqual([false, false]);
  });

  it('an inner failure the outer survives removes only the inner files; writes outside a unit stay', async () => {
    const save = ownsFiles(async (name: string) => {
      await writeOwnedFile(f(name), 'a');
      await undoFilesOnFailure(async () => {
        await writeOwnedFile(f(`${name}-lost`), 'b');
        throw new Error('lost race');
      }).catch(() => undefined);
      return name;
    });
    expect(await save('kept')).toBe('kept');
    expect([existsSync(f('kept')), existsSync(f('kept-lost'))]).toEqual([true, false]);
    await writeOwnedFile(f('loose'), 'c');
    expect(existsSync(f('loose'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

forEachDb('a failed save leaves no file behind', (ctx) => {
  let media: string;
  let library: string;
  let fx: Fixture;
  let leader: Actor;
  let tinh: Actor;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let photo: Buffer;
  beforeAll(async () => {
    media = useTempMedia();
    library = mkdtempSync(path.join(tmpdir(), 'cs-library-'));
    setLibraryRoot(library);
    fx = await setup(ctx.db);
    leader = await actorFor(ctx.db, 'chihoi.truong');
    tinh = await actorFor(ctx.db, 'canbo.tinh');
    ids = await demoIds(ctx.db);
    photo = await photoWithExif();
  });
  const activity = (notes: string) => {
    const f = readActivityForm(quickForm({ organisation_id: ids.branch1, admin_unit_id: ids.village1, notes }));
    if (!f.parsed.ok) throw new Error(JSON.stringify(f.parsed.errors));
    return f.parsed.data;
  };

  /** The save fails with the trigger on and leaves the file count as it was; without it, it writes. */
  async function leavesNothing(root: () => string, table: string, save: () => Promise<unknown>) {
    const before = filesUnder(root());
    const undo = await failInserts(ctx.db, ctx.kind, table);
    try {
      await expect(save()).rejects.toThrow();
    } finally {
      await undo();
    }
    expect(filesUnder(root())).toBe(before);
    await save();
    expect(filesUnder(root())).toBeGreaterThan(before);
  }

  const photos = () => [{ data: photo, type: 'image/jpeg' }];
  it.each([
    ['activity photos, with a one-time key', 'k'.repeat(24)],
    ['activity photos, without a key', null]
  ])('%s', async (_name, key) => {
    await leavesNothing(
      () => media,
      'program_media',
      () => pages.submitActivity(ctx.db, leader, activity(`Ảnh mồ côi ${key}`), photos(), key && key + Date.now())
    );
  });

  it('activity photos on an edit (and the edit itself is undone)', async () => {
    const { id } = await pages.submitActivity(ctx.db, leader, activity('Trước khi sửa'), [], null);
    const before = filesUnder(media);
    const undo = await failInserts(ctx.db, ctx.kind, 'program_media');
    await expect(pages.editActivity(ctx.db, leader, id, activity('Đã sửa'), photos(), [])).rejects.toThrow();
    await undo();
    expect(filesUnder(media)).toBe(before);
    const row = await ctx.db.selectFrom('activity').select('notes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.notes).toBe('Trước khi sửa');
  });

  it('report attachments', async () => {
    const prepared = await preparePhoto(photo, 'image/jpeg');
    await leavesNothing(
      () => media,
      'attachment',
      () => createReport(ctx.db, ANONYMOUS, baseInput(fx), { photos: [prepared] })
    );
  });

  it("photos of a reporter's reply (a workflow transition)", async () => {
    const { reportId } = await createReport(ctx.db, ANONYMOUS, baseInput(fx));
    const prepared = await preparePhoto(photo, 'image/jpeg');
    await leavesNothing(
      () => media,
      'attachment',
      () => reply(ctx.db, reportId, 'Thêm ảnh bãi rác.', [prepared])
    );
  });

  it('an issued document (written inside the register transaction)', async () => {
    const province = await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu');
    const officer = actorWith('association_officer', province);
    // A data folder of this test's own: other test files issue documents under the shared one
    // at the same time, which would move the count.
    const shared = config.DATA_DIR;
    (config as { DATA_DIR: string }).DATA_DIR = mkdtempSync(path.join(tmpdir(), 'cs-issued-'));
    try {
      await leavesNothing(
        () => path.resolve(config.DATA_DIR, 'private', 'documents'),
        'issued_document',
        () => issueDocument(ctx.db, officer, { spec: sampleSpec([issuerFor(province)]) })
      );
    } finally {
      (config as { DATA_DIR: string }).DATA_DIR = shared;
    }
  });

  it('emulation evidence files', async () => {
    const t = await tree(ctx.db, 'Mồ côi');
    const leaderOf = as('branch_leader', t.branch);
    const [rid] = await register(ctx.db, leaderOf, {
      campaign_id: await campaign(ctx.db, t.province),
      organisation_id: t.branch,
      subject_kind: 'person',
      person_ids: [await person(ctx.db, t.branch, 'Lò Văn Tệp')],
      household_name: null,
      subject_org_ids: [],
      commitments: []
    });
    const files = await prepareFiles([{ name: 'a.jpg', type: 'image/jpeg', bytes: new Uint8Array(photo) }], 'files');
    await leavesNothing(
      () => media,
      'emu_file',
      () => addEvidence(ctx.db, leaderOf, rid, { criterion_code: null, description: 'Vườn sạch' }, files)
    );
  });

  it('library audio (encoded before the transaction)', async () => {
    const wav = new Uint8Array(await demoTone(1, 440));
    const org = await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu');
    const input = materialSchema.parse({
      kind: 'loudspeaker_script',
      topics: ['topic-water'],
      language: 'vi',
      title: 'Nước sạch',
      body: 'Không xả rác xuống suối.',
      organisation_id: org
    });
    await leavesNothing(
      () => library,
      'material_text',
      () => createMaterial(ctx.db, tinh, input, wav)
    );
  });

  it('the signed program document (written before the transaction)', async () => {
    const input = programSchema.parse({
      title: 'Chương trình phối hợp',
      organisation_id: await orgId(ctx.db, 'Hội Người cao tuổi tỉnh Lai Châu'),
      parties: [fx.hoi],
      period_from: '01/01/2027',
      period_to: '31/12/2028'
    });
    const pdf = { name: 'ky.pdf', type: 'application/pdf', bytes: new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n')) };
    await leavesNothing(
      () => path.resolve(config.DATA_DIR, 'private', 'programs'),
      'program',
      () => createProgram(ctx.db, tinh, input, pdf)
    );
  });
});
