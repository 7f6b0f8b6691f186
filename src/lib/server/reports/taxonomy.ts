/**
 * The violation taxonomy (groups → categories), each category with its legal basis
 * as data. Seeded idempotently: rows are matched by code and never overwritten, so edits made
 * by administrators survive a re-seed.
 */
import type { Db } from '$lib/server/db';
import { nowIso, newId } from '$lib/server/db/ids';
import { fold } from '$lib/shared/text';
import { insertCategoriesIfMissing, insertGroupsIfMissing, groupIdsByCode } from './category.repository';

const ND45 = 'Nghị định 45/2022/NĐ-CP (xử phạt vi phạm hành chính về bảo vệ môi trường)';
const ND35 = 'Nghị định 35/2019/NĐ-CP (xử phạt vi phạm hành chính trong lĩnh vực lâm nghiệp)';
const ND36 = 'Nghị định 36/2020/NĐ-CP (xử phạt vi phạm hành chính về tài nguyên nước và khoáng sản)';
const ND123 = 'Nghị định 123/2024/NĐ-CP (xử phạt vi phạm hành chính trong lĩnh vực đất đai)';

export interface CategorySeed {
  code: string;
  vi: string;
  en: string;
  legal: string | null;
  urgent?: boolean;
}

export interface GroupSeed {
  code: string;
  vi: string;
  en: string;
  categories: CategorySeed[];
}

export const TAXONOMY: GroupSeed[] = [
  {
    code: 'rung',
    vi: 'Rừng',
    en: 'Forests',
    categories: [
      { code: 'khai_thac_go', vi: 'Khai thác gỗ trái phép', en: 'Illegal logging', legal: ND35, urgent: true },
      {
        code: 'van_chuyen_go',
        vi: 'Vận chuyển, tàng trữ gỗ trái phép',
        en: 'Illegal transport or storage of timber',
        legal: ND35
      },
      {
        code: 'pha_rung',
        vi: 'Phá rừng, lấn chiếm đất rừng làm nương',
        en: 'Forest clearing, encroaching on forest land for fields',
        legal: ND35
      },
      { code: 'chay_rung', vi: 'Cháy rừng', en: 'Forest fire', legal: ND35, urgent: true },
      {
        code: 'dong_vat_hoang_da',
        vi: 'Săn bắt, buôn bán động vật hoang dã',
        en: 'Hunting or trading wild animals',
        legal: `${ND35}; ${ND45}`
      }
    ]
  },
  {
    code: 'khoang_san_nuoc',
    vi: 'Khoáng sản và nước',
    en: 'Minerals and water',
    categories: [
      {
        code: 'khai_thac_cat_soi',
        vi: 'Khai thác cát, sỏi lòng sông trái phép',
        en: 'Illegal sand and gravel dredging',
        legal: ND36,
        urgent: true
      },
      {
        code: 'khai_thac_khoang_san',
        vi: 'Khai thác vàng, khoáng sản trái phép',
        en: 'Illegal gold or mineral mining',
        legal: ND36,
        urgent: true
      },
      {
        code: 'xa_nuoc_thai',
        vi: 'Xả nước thải vào nguồn nước',
        en: 'Discharging wastewater into water sources',
        legal: `${ND36}; ${ND45}`
      }
    ]
  },
  {
    code: 'chat_thai',
    vi: 'Chất thải',
    en: 'Waste',
    categories: [
      { code: 'do_rac', vi: 'Đổ rác thải bừa bãi', en: 'Dumping rubbish', legal: ND45 },
      { code: 'dot_rac', vi: 'Đốt rác, chất thải', en: 'Burning rubbish or waste', legal: ND45 },
      { code: 'chat_thai_chan_nuoi', vi: 'Chất thải chăn nuôi', en: 'Livestock waste', legal: ND45 },
      { code: 'bao_bi_thuoc_bvtv', vi: 'Vỏ bao bì thuốc bảo vệ thực vật', en: 'Pesticide packaging', legal: ND45 },
      { code: 'co_so_o_nhiem', vi: 'Cơ sở sản xuất gây ô nhiễm', en: 'Polluting production facility', legal: ND45 }
    ]
  },
  {
    code: 'dat_dai',
    vi: 'Đất đai',
    en: 'Land',
    categories: [
      { code: 'lan_chiem_dat', vi: 'Lấn chiếm đất', en: 'Land encroachment', legal: ND123 },
      {
        code: 'chuyen_muc_dich_dat',
        vi: 'Chuyển mục đích sử dụng đất trái phép',
        en: 'Unlawful change of land use',
        legal: ND123
      }
    ]
  },
  // The last three groups have a single category of the same name.
  {
    code: 'da_dang_sinh_hoc',
    vi: 'Đa dạng sinh học',
    en: 'Biodiversity',
    categories: [{ code: 'da_dang_sinh_hoc', vi: 'Đa dạng sinh học', en: 'Biodiversity', legal: ND45 }]
  },
  {
    code: 'su_co_moi_truong',
    vi: 'Sự cố môi trường',
    en: 'Environmental incident',
    categories: [{ code: 'su_co_moi_truong', vi: 'Sự cố môi trường', en: 'Environmental incident', legal: ND45 }]
  },
  { code: 'khac', vi: 'Khác', en: 'Other', categories: [{ code: 'khac', vi: 'Khác', en: 'Other', legal: null }] }
];

/** Insert missing groups and categories; returns category ids by code. */
export async function seedTaxonomy(db: Db): Promise<Record<string, string>> {
  const now = nowIso();
  await insertGroupsIfMissing(
    db,
    TAXONOMY.map((g, i) => ({ id: newId(), code: g.code, name_vi: g.vi, name_en: g.en, sort_order: (i + 1) * 10 }))
  );
  const groups = await groupIdsByCode(db);
  let order = 0;
  const rows = TAXONOMY.flatMap((g) =>
    g.categories.map((c) => ({
      id: newId(),
      code: c.code,
      group_id: groups[g.code],
      name_vi: c.vi,
      name_en: c.en,
      name_search: fold(c.vi),
      legal_basis: c.legal,
      icon: c.code,
      urgent: c.urgent ? 1 : 0,
      sort_order: (order += 10),
      created_at: now,
      updated_at: now
    }))
  );
  return insertCategoriesIfMissing(db, rows);
}
