/**
 * Demo outreach library, written through the library service by the province officer: law
 * summaries, a loudspeaker script and a leaflet in Vietnamese with texts in Mông and Thái.
 * The two Vietnamese readings come with a recording of their own words (espeak-ng's Vietnamese
 * voice, made by scripts/demo-audio.mjs and committed) where ffmpeg is installed to store it;
 * no text ever gets a stand-in sound. Recent demo outreach sessions record the materials they used.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/access/actor';
import { demoOfficer } from '$lib/server/seed/officer';
import { latestOutreach } from '$lib/server/seed/demo.repository';
import { hasFfmpeg } from './audio';
import { createMaterial, saveText } from './library.service';
import { materialSchema, textSchema } from './library.schema';
import * as repo from './library.repository';

interface DemoText {
  language: string;
  title: string;
  body: string;
  /** the name of its recording in ./demo-audio (a reading of this very text) */
  audio?: 'phat-thanh-khong-dot-rac' | 'tom-tat-luat-bvmt-2020';
}
interface DemoMaterial {
  kind: string;
  topics: string[];
  texts: DemoText[];
}

const MATERIALS: DemoMaterial[] = [
  {
    kind: 'loudspeaker_script',
    topics: ['topic-waste'],
    texts: [
      {
        language: 'vi',
        audio: 'phat-thanh-khong-dot-rac',
        title: 'Bài phát thanh: Không đốt rác, phân loại rác tại nhà',
        body: 'Kính thưa bà con trong bản!\n\nRác đốt ngoài trời sinh khói độc, hại phổi người già và trẻ nhỏ. Rác vứt xuống suối làm bẩn nguồn nước cả bản dùng.\n\nMỗi gia đình hãy chia rác làm ba phần: rác hữu cơ để ủ phân, rác tái chế để bán, rác còn lại bỏ đúng nơi quy định. Thấy ai đốt rác, đổ rác xuống suối, bà con báo cho chi hội người cao tuổi hoặc báo trên Chung Sức.'
      },
      {
        language: 'thai',
        title: 'Bài phát thanh (tiếng Thái): Không đốt rác',
        body: 'Bản tiếng Thái do chi hội bản Mẫu Một chuẩn bị, đọc trên loa bản vào buổi sáng thứ Hai.'
      }
    ]
  },
  {
    kind: 'law_summary',
    topics: ['topic-law_env'],
    texts: [
      {
        language: 'vi',
        audio: 'tom-tat-luat-bvmt-2020',
        title: 'Tóm tắt Luật Bảo vệ môi trường năm 2020',
        body: 'Luật Bảo vệ môi trường số 72/2020/QH14 có hiệu lực từ ngày 01/01/2022.\n\nNghiêm cấm: vận chuyển, chôn lấp, đổ, thải, đốt chất thải không đúng quy định; xả nước thải chưa xử lý ra môi trường; phá hoại, khai thác trái phép nguồn tài nguyên.\n\nHộ gia đình phải phân loại chất thải rắn sinh hoạt tại nguồn và trả tiền dịch vụ thu gom theo khối lượng. Cộng đồng dân cư được tham gia giám sát và phản ánh hành vi vi phạm.'
      },
      {
        language: 'mong',
        title: 'Tóm tắt Luật Bảo vệ môi trường (tiếng Mông)',
        body: 'Bản tiếng Mông do cán bộ Hội xã Bình Lư dịch, dùng trong các buổi họp bản.'
      }
    ]
  },
  {
    kind: 'leaflet',
    topics: ['topic-forest', 'topic-climate'],
    texts: [
      {
        language: 'vi',
        title: 'Tờ rơi: Giữ rừng đầu nguồn, phòng cháy rừng mùa khô',
        body: 'Không đốt nương, đốt rác gần rừng khi trời hanh khô.\n\nKhông chặt cây, khai thác gỗ trong rừng phòng hộ đầu nguồn.\n\nPhát hiện cháy rừng, chặt phá rừng: báo ngay trưởng bản, kiểm lâm địa bàn hoặc báo trên Chung Sức.'
      }
    ]
  },
  {
    kind: 'law_summary',
    topics: ['topic-law_elderly'],
    texts: [
      {
        language: 'vi',
        title: 'Tóm tắt Luật Người cao tuổi năm 2009',
        body: 'Người cao tuổi là công dân Việt Nam từ đủ 60 tuổi trở lên.\n\nNgười cao tuổi được phát huy vai trò trong giáo dục thế hệ trẻ, giữ gìn truyền thống tốt đẹp của gia đình, dòng họ, bản làng, và tham gia bảo vệ môi trường ở cộng đồng.'
      }
    ]
  }
];

// Loaded only when the demo is seeded, so the server bundle does not carry them otherwise.
const RECORDINGS = {
  'phat-thanh-khong-dot-rac': () => import('./demo-audio/phat-thanh-khong-dot-rac.mp3?inline'),
  'tom-tat-luat-bvmt-2020': () => import('./demo-audio/tom-tat-luat-bvmt-2020.mp3?inline')
};

async function recording(t: DemoText, ffmpeg: boolean): Promise<Uint8Array | null> {
  if (!t.audio || !ffmpeg) return null;
  const dataUrl = (await RECORDINGS[t.audio]()).default;
  return new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
}

async function seedMaterial(db: Db, actor: Actor, org: string, mat: DemoMaterial, ffmpeg: boolean) {
  const [first, ...rest] = mat.texts;
  const id = await createMaterial(
    db,
    actor,
    materialSchema.parse({ kind: mat.kind, topics: mat.topics, organisation_id: org, ...first }),
    await recording(first, ffmpeg)
  );
  for (const t of rest) await saveText(db, actor, id, textSchema.parse(t), await recording(t, ffmpeg));
  return id;
}

export async function seedLibraryDemo(db: Db, o: Record<string, string>): Promise<void> {
  const actor = await demoOfficer(db, 'canbo.tinh');
  if (!actor || !o.hoi_tinh) return;
  const ffmpeg = await hasFfmpeg();
  const ids: string[] = [];
  for (const mat of MATERIALS) ids.push(await seedMaterial(db, actor, o.hoi_tinh, mat, ffmpeg));
  // The latest outreach sessions read the loudspeaker script; some also handed out the leaflet.
  const sessions = await latestOutreach(db, 6);
  for (const [i, s] of sessions.entries())
    await repo.setActivityMaterials(db, s.id, i % 2 ? [ids[0]] : [ids[0], ids[2]]);
}
