/**
 * Demo campaigns, seeded through the services as a province association would run them:
 * "Tuổi cao – Gương sáng" 2021–2025 (closed, with its council, decision and an awardee on
 * the honour board), 2026–2030 (open for registration) and the specialised environment
 * campaign. Runs after the demo seed, outside its transaction (the services open their own).
 */
import type { Db } from '$lib/server/db';
import { SYSTEM } from '$lib/server/access/actor';
import type { CriterionInput } from './emulation.schema';
import type { SubjectKind } from '$lib/shared/emulation/rules';
import { closeCampaign, createCampaign } from './campaign.service';
import { branchAssess, register } from './registration.service';
import { publishResults, recordCouncil } from './council.service';
import { decide, nominate, recordConsent } from './award.service';
import * as repo from './seed.repository';

const c = (
  group_code: CriterionInput['group_code'],
  code: string,
  name: string,
  measure: CriterionInput['measure'],
  target: number,
  points: number
): CriterionInput => ({ group_code, code, name, measure, target, points });

export const MOVEMENT_CRITERIA: CriterionInput[] = [
  c('strong_association', 'sinh_hoat', 'Tham gia sinh hoạt chi hội đều đặn', 'manual', 0, 15),
  c('strong_association', 'tap_huan', 'Tham gia tập huấn, bồi dưỡng', 'trainings', 1, 10),
  c('caring', 'cham_soc', 'Chăm sóc, giúp đỡ người cao tuổi khó khăn', 'manual', 0, 15),
  c('promoting_role', 'tuyen_truyen_du', 'Tham dự buổi tuyên truyền ở thôn, bản', 'outreach_attended', 1, 10),
  c('promoting_role', 'tuyen_truyen_chu_tri', 'Chủ trì buổi tuyên truyền', 'outreach_led', 1, 10),
  c('environment', 'phan_anh', 'Phản ánh vi phạm về môi trường', 'reports', 1, 10),
  c('environment', 'phan_anh_xac_minh', 'Phản ánh được xác minh', 'reports_verified', 1, 5),
  c('environment', 'phan_anh_ket_qua', 'Phản ánh dẫn đến kết quả xử lý', 'reports_outcome', 1, 5),
  c('environment', 'cam_ket', 'Ký cam kết bảo vệ môi trường', 'commitments', 1, 10),
  c('environment', 'mo_hinh', 'Chủ trì mô hình bảo vệ môi trường', 'models_led', 1, 5),
  c('environment', 'nhan_rong', 'Mô hình được nhân rộng', 'models_replicated', 1, 5)
];

const ENV_CRITERIA = MOVEMENT_CRITERIA.filter((x) => x.group_code === 'environment');

export async function seedEmulationDemo(db: Db): Promise<void> {
  if (await repo.hasCampaigns(db)) return;
  const province = await repo.orgByName(db, 'Hội Người cao tuổi tỉnh Lai Châu');
  const commune = await repo.orgByName(db, 'Hội Người cao tuổi phường Đoàn Kết');
  const branch = await repo.orgByName(db, 'Chi hội NCT Bản Mẫu Một (demo)');
  if (!province || !commune || !branch) return;
  const base = {
    organisation_id: province.id,
    kind: 'movement' as const,
    subjects: ['person', 'household', 'branch'] as SubjectKind[],
    title_threshold: 60
  };
  const past = await createCampaign(db, SYSTEM, {
    ...base,
    name: 'Tuổi cao – Gương sáng giai đoạn 2021–2025',
    register_from: '2021-01-01',
    register_to: '2021-06-30',
    evaluate_from: '2021-01-01',
    evaluate_to: '2025-12-31',
    criteria: MOVEMENT_CRITERIA
  });
  await createCampaign(db, SYSTEM, {
    ...base,
    name: 'Tuổi cao – Gương sáng giai đoạn 2026–2030',
    subjects: ['person', 'household', 'branch', 'commune'],
    register_from: '2026-01-01',
    register_to: '2030-06-30',
    evaluate_from: '2026-01-01',
    evaluate_to: '2030-12-31',
    criteria: MOVEMENT_CRITERIA
  });
  const env = await createCampaign(db, SYSTEM, {
    ...base,
    kind: 'specialised',
    name: 'Người cao tuổi tham gia bảo vệ môi trường, xây dựng nông thôn mới và đô thị văn minh',
    // The program's own campaign also covers the environment sector's collectives.
    subjects: ['person', 'household', 'branch', 'commune', 'env_collective'],
    register_from: '2026-01-01',
    register_to: '2030-06-30',
    evaluate_from: '2026-01-01',
    evaluate_to: '2030-12-31',
    title_threshold: 30,
    criteria: ENV_CRITERIA
  });

  const un = await repo.personByName(db, branch.id, 'Lường Thị Ún');
  const kham = await repo.personByName(db, branch.id, 'Lò Văn Khăm');
  if (!un || !kham) return;
  await repo.linkAccount(db, 'hoivien', un.id);
  await repo.insertPastRecords(db, branch.id, [un.id, kham.id]);
  const ids = await register(
    db,
    SYSTEM,
    {
      campaign_id: past,
      organisation_id: branch.id,
      subject_kind: 'person',
      person_ids: [un.id, kham.id],
      household_name: null,
      subject_org_ids: [],
      commitments: ['phan_anh', 'cam_ket']
    },
    new Date('2021-03-01T03:00:00Z')
  );
  // The branch meeting gives the criteria assessed by hand their points; those from the records
  // take the records' suggestion, so the total is the sum the achievement report shows.
  for (const id of ids)
    await branchAssess(db, SYSTEM, id, {
      points: { sinh_hoat: '15', cham_soc: '15' },
      note: 'Họp chi hội bình xét, nhất trí đề nghị.'
    });
  const members = [
    'Nguyễn Văn Đức',
    'Lò Thị Hoa',
    'Tao Thị Dung',
    'Vàng A Dính',
    'Ưng Văn An',
    'Đỗ Thị Ánh',
    'Âu Thị Bình'
  ].map((name, i) => ({ name, role: i === 0 ? 'Chủ tịch Hội đồng' : 'Thành viên' }));
  await recordCouncil(db, SYSTEM, {
    organisation_id: commune.id,
    campaign_id: past,
    meeting_on: '2025-11-20',
    members,
    members_present: 6,
    votes: ids.map((registration_id) => ({
      registration_id,
      award_form: 'title_commune' as const,
      in_favour: 6,
      against: 0,
      abstain: 0
    }))
  });
  await publishResults(
    db,
    SYSTEM,
    { organisation_id: commune.id, campaign_id: past, appeal_days: 5 },
    new Date('2025-11-21T03:00:00Z')
  );
  const decision = await decide(
    db,
    SYSTEM,
    { organisation_id: commune.id, award_form: 'title_commune', registration_ids: ids, signer_name: 'Nguyễn Văn Đức' },
    new Date('2025-12-01T03:00:00Z')
  );
  await recordConsent(db, SYSTEM, decision.awardIds[0], {
    given_on: '2025-12-05',
    story: 'Bà tích cực vận động bà con phân loại rác tại nguồn và phản ánh kịp thời các điểm đổ rác trái phép.'
  });
  await closeCampaign(db, SYSTEM, past);
  await seedSectorNomination(db, env, province.id);
}

/**
 * The province Hội's council passed the Chi cục Kiểm lâm and sent it to the Sở for the
 * department head's Giấy khen: the Sở's director finds it waiting on signing in.
 */
async function seedSectorNomination(db: Db, campaignId: string, provinceId: string) {
  const unit = await repo.orgByName(db, 'Chi cục Kiểm lâm tỉnh Lai Châu');
  const dept = await repo.orgByName(db, 'Sở Nông nghiệp và Môi trường tỉnh Lai Châu');
  if (!unit || !dept) return;
  const [id] = await register(db, SYSTEM, {
    campaign_id: campaignId,
    organisation_id: provinceId,
    subject_kind: 'env_collective',
    person_ids: [],
    household_name: null,
    subject_org_ids: [unit.id],
    commitments: []
  });
  if (!id) return;
  // Full points on every criterion, above what the records show: the note is the reason.
  await branchAssess(db, SYSTEM, id, {
    points: Object.fromEntries(ENV_CRITERIA.map((k) => [k.code, String(k.points)])),
    note: 'Phối hợp tuần tra, tuyên truyền bảo vệ rừng đầu nguồn (các kết quả do Chi cục báo cáo, chưa có trong hồ sơ của Hội).'
  });
  const names = ['Nguyễn Văn Đức', 'Lò Thị Hoa', 'Tao Thị Dung'];
  await recordCouncil(db, SYSTEM, {
    organisation_id: provinceId,
    campaign_id: campaignId,
    meeting_on: '2026-11-20',
    members: names.map((name, i) => ({ name, role: i === 0 ? 'Chủ tịch Hội đồng' : 'Thành viên' })),
    members_present: 3,
    votes: [{ registration_id: id, award_form: 'gk_department', in_favour: 3, against: 0, abstain: 0 }]
  });
  await publishResults(db, SYSTEM, { organisation_id: provinceId, campaign_id: campaignId, appeal_days: 0 });
  await nominate(db, SYSTEM, { registration_id: id, to_org_id: dept.id, award_form: 'gk_department' });
}
