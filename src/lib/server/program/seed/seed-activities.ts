/**
 * Demo activities and commitments spread over 2025-07 … 2026-11, so dashboards have something
 * to show: monthly outreach at village meetings in the four demo villages, outreach
 * by a dozen commune associations, a few trainings and campaign days, and household
 * commitments. Deterministic (no randomness), about 170 rows. Written in bulk with their
 * pre-aggregates through applyDeltas, the same rule the services apply, so agg_unit_month
 * equals the raw rows.
 */
import type { Db } from '$lib/server/db';
import type { ActivityTable, CommitmentTable } from '$lib/server/db/schema';
import { newId } from '$lib/server/db/ids';
import { activityContributions, commitmentContributions } from '../rollup/contributions';
import { applyDeltas } from '../rollup/aggregate.repository';
import { insertActivities, insertActivityTopics, insertCommitments } from '$lib/server/seed/demo.repository';

type Ids = Record<string, string>;

const VILLAGES = [
  { key: 'ban_demo_1', commune: '03388' },
  { key: 'ban_demo_2', commune: '03388' },
  { key: 'ban_demo_3', commune: '03390' },
  { key: 'ban_demo_4', commune: '03390' }
];
/** Commune associations that log their own sessions at commune level (2025 codes, Lai Châu). */
const COMMUNES = [
  '03388',
  '03390',
  '03394',
  '03405',
  '03408',
  '03424',
  '03430',
  '03433',
  '03445',
  '03472',
  '03478',
  '03508'
];

/** 2025-07 … 2026-11 */
const MONTHS = Array.from({ length: 17 }, (_, i) => {
  const m = 6 + i;
  return `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});

function activityRow(
  kind: string,
  org: string,
  unit: string,
  date: string,
  total: number,
  elderly: number,
  notes: string | null = null
): ActivityTable {
  const at = `${date}T02:00:00.000Z`;
  return {
    id: newId(),
    kind,
    outreach_mode: kind === 'outreach' ? 'village_meeting' : null,
    organisation_id: org,
    admin_unit_id: unit,
    started_on: date,
    ended_on: null,
    count_total: total,
    count_elderly: elderly,
    count_women: Math.floor(total / 2),
    count_ethnic_minority: Math.floor(total * 0.7),
    audiences: null,
    partners: null,
    materials: null,
    ntm_criterion: null,
    notes,
    created_by: null,
    created_at: at,
    updated_at: at
  };
}

function activities(o: Ids, u: Ids): ActivityTable[] {
  const rows: ActivityTable[] = [];
  MONTHS.forEach((month, i) => {
    // Village branches meet most months (each skips one month in four).
    VILLAGES.forEach((v, j) => {
      if ((i + j) % 4 === 3) return;
      rows.push(
        activityRow(
          'outreach',
          o[`chihoi_${v.key}`],
          u[v.key],
          `${month}-${String(8 + j * 3).padStart(2, '0')}`,
          28 + ((i * 7 + j * 5) % 25),
          14 + ((i + j) % 9)
        )
      );
    });
    // Commune associations take turns, one every other month.
    if (i % 2 === 0) {
      const k = (i / 2) % COMMUNES.length;
      const code = COMMUNES[k];
      if (o[`hoi_${code}`] && u[code])
        rows.push(
          activityRow(
            'outreach',
            o[`hoi_${code}`],
            u[code],
            `${month}-${String(15 + (k % 10)).padStart(2, '0')}`,
            40 + ((i * 11 + k * 3) % 60),
            20 + (k % 15)
          )
        );
    }
    if (i % 3 === 1)
      rows.push(
        activityRow('training', o.hoi_tinh, u.province, `${month}-20`, 35 + i, 30, 'Tập huấn phân loại rác tại nguồn')
      );
    if (i % 4 === 0)
      rows.push(
        activityRow('campaign_day', o.hoi_03388, u['03388'], `${month}-05`, 60 + i * 2, 40, 'Ngày Chủ nhật xanh')
      );
  });
  return rows;
}

const HOUSEHOLDS = ['Lò Văn', 'Lường Thị', 'Tẩn Văn', 'Vàng A', 'Đèo Văn', 'Sùng Thị', 'Giàng A', 'Lò Thị'];
const GIVEN = ['Khăm', 'Ún', 'Vàng', 'Sử', 'Thanh', 'Mai', 'Páo', 'Hương', 'Tâm', 'Xuân'];

function commitments(o: Ids, u: Ids): CommitmentTable[] {
  const rows: CommitmentTable[] = [];
  for (let n = 0; n < 100; n++) {
    const v = VILLAGES[n % VILLAGES.length];
    const month = MONTHS[(n * 5) % MONTHS.length];
    const date = `${month}-${String(1 + (n % 27)).padStart(2, '0')}`;
    const at = `${date}T03:00:00.000Z`;
    rows.push({
      id: newId(),
      organisation_id: o[`chihoi_${v.key}`],
      kind_id: ['ck-sorting', 'ck-no_burning', 'ck-no_logging'][n % 3],
      party: 'household',
      household_name: `Hộ ${HOUSEHOLDS[n % HOUSEHOLDS.length]} ${GIVEN[(n * 3) % GIVEN.length]}`,
      person_id: null,
      village_unit_id: u[v.key],
      signed_on: date,
      photo_path: null,
      notes: null,
      created_by: null,
      created_at: at,
      updated_at: at
    });
  }
  return rows;
}

export async function seedActivityDemo(db: Db, o: Ids, u: Ids): Promise<void> {
  const acts = activities(o, u);
  const sheets = commitments(o, u);
  await insertActivities(db, acts);
  const topics = acts.map((a, i) => ({
    activity_id: a.id,
    topic_id: ['topic-waste', 'topic-forest', 'topic-water', 'topic-law_env'][i % 4]
  }));
  await insertActivityTopics(db, topics);
  await insertCommitments(db, sheets);
  await applyDeltas(db, [...acts.flatMap(activityContributions), ...sheets.flatMap(commitmentContributions)]);
}
