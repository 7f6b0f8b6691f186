/** Fixtures for the activity and commitment page tests: demo ids, form data, a test photo. */
import sharp from 'sharp';
import type { Db } from '../../src/lib/server/db';
import { formatDate, todayVn } from '../../src/lib/shared/format';
import { formValues, validate } from '../../src/lib/server/forms';
import {
  activityFormInput,
  activityFormSchema,
  commitmentFormInput,
  commitmentFormSchema
} from '../../src/lib/server/program/activities/activity-form';

/** The activity form as its page action reads it: what was typed, and the validated input. */
export function readActivityForm(form: FormData) {
  const values = formValues(form);
  return { values, parsed: validate(activityFormSchema, activityFormInput(values)) };
}

/** The commitment form as its page action reads it (the household count comes with the input). */
export function readCommitmentForm(form: FormData) {
  const values = formValues(form);
  return { values, parsed: validate(commitmentFormSchema, commitmentFormInput(values)) };
}

export async function unitId(db: Db, name: string): Promise<string> {
  return (await db.selectFrom('admin_unit').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

export async function demoIds(db: Db) {
  const org = async (name: string) =>
    (await db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  return {
    branch1: await org('Chi hội NCT Bản Mẫu Một (demo)'),
    village1: await unitId(db, 'Bản Mẫu Một (demo)'),
    village3: await unitId(db, 'Bản Mẫu Ba (demo)'),
    village4: await unitId(db, 'Bản Mẫu Bốn (demo)')
  };
}

/** A FormData as the quick outreach form posts it. */
export function quickForm(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  const base: Record<string, string | string[]> = {
    kind: 'outreach',
    outreach_mode: 'village_meeting',
    started_on: formatDate(todayVn()),
    count_total: '30',
    count_elderly: '12',
    count_women: '10',
    count_ethnic_minority: '20',
    topics: ['topic-waste', 'topic-forest'],
    ntm_criterion: 'auto',
    ...fields
  };
  for (const [k, v] of Object.entries(base)) for (const x of [v].flat()) f.append(k, x);
  return f;
}

/** A real photo with EXIF (so the test can see the served copy has none). */
export async function photoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } })
    .withExif({ IFD0: { Make: 'TestCam', Model: 'X1' } })
    .jpeg()
    .toBuffer();
}
