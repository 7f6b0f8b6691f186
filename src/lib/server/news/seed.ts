/**
 * Demo news, written through the product's own services by the province officer: the
 * 24/10/2017 signing of the cooperation program with the Department of Natural Resources and
 * Environment (modelled on the association's own "Tin, ảnh" of 30/10/2017), and news
 * pre-filled from the latest demo outreach sessions in the demo villages; and, once the
 * emulation demo has decided its awards, the story of the consenting awardee.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { demoOfficer } from '$lib/server/seed/officer';
import { latestOutreach } from '$lib/server/seed/demo.repository';
import { createActivity } from '$lib/server/program/activities/activity.service';
import { activitySchema } from '$lib/server/program/activities/activity.schema';
import { draftFrom, startingPoints } from './news-draft.service';
import { createNews } from './news.service';
import { newsSchema } from './news.schema';
import { formatDate } from '$lib/shared/format';

const SIGNING = {
  title: 'Hội NCT tỉnh Lai Châu: Phát huy vai trò người cao tuổi với công tác bảo vệ tài nguyên và môi trường',
  summary:
    'Ngày 24/10/2017, Hội NCT tỉnh Lai Châu phối hợp với Sở Tài nguyên và Môi trường tổ chức Lễ ký kết Chương trình phối hợp bảo vệ tài nguyên và môi trường giai đoạn 2017 – 2022.',
  body: [
    'Ngày 24/10/2017, Hội NCT tỉnh Lai Châu phối hợp với Sở Tài nguyên và Môi trường tỉnh Lai Châu tổ chức Lễ ký kết Chương trình phối hợp bảo vệ tài nguyên và môi trường giai đoạn 2017 – 2022.',
    'Chương trình nhằm tăng cường sự phối hợp giữa các cấp Hội NCT trong tỉnh với ngành Tài nguyên và Môi trường; phát huy vai trò gương mẫu, kinh nghiệm và trách nhiệm của người cao tuổi trong việc tham mưu với cấp ủy, chính quyền địa phương, kịp thời phát hiện, ngăn chặn và kiến nghị xử lý những hành vi vi phạm pháp luật về tài nguyên, môi trường.',
    'Hai bên đẩy mạnh tuyên truyền trong các tầng lớp Nhân dân, người cao tuổi, gia đình, dòng họ, bản làng về bảo vệ môi trường và ứng phó biến đổi khí hậu; xây dựng và nhân rộng các mô hình có hiệu quả; đẩy mạnh phong trào thi đua “Tuổi cao – Gương sáng”.'
  ].join('\n\n')
};

async function seedSigning(db: Db, actor: Actor, org: string, province: string) {
  const activityId = await createActivity(
    db,
    actor,
    activitySchema.parse({
      kind: 'conference',
      organisation_id: org,
      admin_unit_id: province,
      started_on: '2017-10-24',
      count_total: '60',
      count_elderly: '35',
      partners: 'Sở Tài nguyên và Môi trường tỉnh Lai Châu'
    })
  );
  await createNews(
    db,
    actor,
    newsSchema.parse({
      source_type: 'activity',
      source_id: activityId,
      ...SIGNING,
      publish_on: '2017-10-30',
      publish_time: '08:00',
      intent: 'publish'
    })
  );
}

export async function seedNewsDemo(db: Db, o: Record<string, string>, u: Record<string, string>): Promise<void> {
  const actor = await demoOfficer(db, 'canbo.tinh');
  if (!actor) return;
  await seedSigning(db, actor, o.hoi_tinh, u.province);
  const latest = await latestOutreach(db, 3, [o.chihoi_ban_demo_1, o.chihoi_ban_demo_3].filter(Boolean));
  for (const a of latest) {
    const draft = await draftFrom(db, actor, 'activity', a.id);
    await createNews(
      db,
      actor,
      newsSchema.parse({
        source_type: 'activity',
        source_id: a.id,
        // Two sessions in one village draft the same title; a reader tells them apart by the day.
        title: `${draft.title} ngày ${formatDate(a.started_on)}`,
        summary: draft.summary,
        body: draft.body,
        intent: 'publish'
      })
    );
  }
}

/**
 * The honour-board story of the demo's consenting awardee, told by the commune officer who
 * handled the campaign. Awards are seeded after the rest of the demo, so this runs after them;
 * the idempotency key makes a second run add nothing.
 */
export async function seedAwardNewsDemo(db: Db): Promise<void> {
  const actor = await demoOfficer(db, 'canbo.doanket');
  if (!actor) return;
  const [award] = (await startingPoints(db, actor, 1)).awards;
  if (!award) return;
  const draft = await draftFrom(db, actor, 'award', award.id);
  await createNews(
    db,
    actor,
    newsSchema.parse({
      source_type: 'award',
      source_id: award.id,
      title: draft.title,
      summary: draft.summary,
      body: draft.body,
      publish_on: '2025-12-08',
      publish_time: '08:00',
      intent: 'publish',
      idempotency_key: `demo-award-${award.id}`
    })
  );
}
