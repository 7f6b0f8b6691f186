/** Shared setup for the intake tests: demo seed, a temp media folder, a valid base input. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/lib/server/db';
import { setMediaRoot } from '../../src/lib/server/media/media';
import { seedDemo } from '../support/demo';
import { formatDate, todayVn } from '../../src/lib/shared/format';
import type { IntakeInput } from '../../src/lib/server/reports/intake/intake.schema';
import { isAppError } from '../../src/lib/server/errors';

export function useTempMedia(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cs-media-'));
  setMediaRoot(dir);
  return dir;
}

export interface Fixture {
  categories: Record<string, string>;
  commune: string; // unit id of 03388 (Đoàn Kết)
  otherCommune: string; // 03390 (Bình Lư)
  village: string; // Bản Mẫu Một (in 03388)
  hoi: string; // Hội NCT phường Đoàn Kết
}

export async function setup(db: Db): Promise<Fixture> {
  await seedDemo(db);
  const cats = await db.selectFrom('category').select(['id', 'code']).execute();
  const unit = async (code: string) =>
    (
      await db
        .selectFrom('admin_unit')
        .select('id')
        .where('code', '=', code)
        .where('valid_to', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
  const village = (
    await db.selectFrom('admin_unit').select('id').where('name', '=', 'Bản Mẫu Một (demo)').executeTakeFirstOrThrow()
  ).id;
  const hoi = (
    await db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Hội Người cao tuổi phường Đoàn Kết')
      .executeTakeFirstOrThrow()
  ).id;
  return {
    categories: Object.fromEntries(cats.map((c) => [c.code, c.id])),
    commune: await unit('03388'),
    otherCommune: await unit('03390'),
    village,
    hoi
  };
}

export function baseInput(f: Fixture, patch: Partial<Record<keyof IntakeInput, unknown>> = {}): IntakeInput {
  return {
    idempotency_key: '',
    category_id: f.categories.do_rac,
    channel: 'phan_anh',
    description: 'Có người đổ rác xuống suối.',
    observed_on: formatDate(todayVn()),
    lat: '',
    lon: '',
    location_source: '',
    commune_id: f.commune,
    village_id: '',
    location_text: '',
    protection: 'anonymous',
    name: '',
    address: '',
    phone: '',
    violator: '',
    attest: '',
    observer_kind: 'self',
    observer_person_id: '',
    consent_method: '',
    witness_name: '',
    ...patch
  } as IntakeInput;
}

/** Every text value in every row of the table, for leak searches. */
export async function allText(
  db: Db,
  table: 'report' | 'report_event' | 'audit_event' | 'attachment'
): Promise<string> {
  const rows = await db.selectFrom(table).selectAll().execute();
  return rows
    .map((r) =>
      Object.values(r)
        .filter((v) => typeof v === 'string')
        .join('\n')
    )
    .join('\n');
}

/** The field → catalogue key map of a refused intake (a VALIDATION error); fails the test if it was accepted. */
export async function refusedFields(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  );
  if (!isAppError(e) || e.code !== 'VALIDATION') throw new Error(`expected a VALIDATION refusal, got ${String(e)}`);
  return (e.details?.fields ?? {}) as Record<string, string>;
}
