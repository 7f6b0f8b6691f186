/**
 * The emulation movement end to end: a branch registers two of its members and assesses
 * them, the commune council votes (a meeting without quorum is refused first) and nominates
 * to the province, the province issues the decision, and the public honour board shows the
 * awardee who consented and not the one who did not. JavaScript on and off, axe on every page.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, newUser, signInAs, unique, visit } from './support';

const CAMPAIGN = 'Tuổi cao – Gương sáng giai đoạn 2026–2030';

async function addMember(page: Page, name: string) {
  await page.goto('/people/new');
  await hydrated(page);
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('Năm sinh').fill('1956');
  await page.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
  await page.getByLabel('Thôn, bản').selectOption({ label: 'Bản Mẫu Một (demo)' });
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

async function openCampaign(page: Page) {
  await visit(page, '/thi-dua');
  await page.getByRole('link', { name: CAMPAIGN }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CAMPAIGN);
  await hydrated(page);
}

const formWith = (page: Page, button: string) =>
  page.locator('form', { has: page.getByRole('button', { name: button, exact: true }) });

async function openRegistration(page: Page, name: string) {
  await openCampaign(page);
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await hydrated(page);
}

test(
  'branch → commune council → province decision → honour board with consent',
  { tag: '@pg' },
  async ({ page, browser }) => {
    test.setTimeout(180_000);
    const consenting = `Lò Thị ${unique()}`;
    const private_ = `Lò Văn ${unique()}`;

    // The branch leader adds two members and registers them, after a first try with nobody chosen.
    await signInAs(page, 'chihoi.truong');
    await addMember(page, consenting);
    await addMember(page, private_);
    await openCampaign(page);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Xin chọn ít nhất một hội viên để đăng ký.');
    await expectAccessible(page);
    const register = formWith(page, 'Đăng ký');
    await register.getByLabel(consenting).check();
    await register.getByLabel(private_).check();
    await register.getByLabel('Phản ánh vi phạm về môi trường').check();
    await register.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Đã đăng ký thi đua.');
    await page.screenshot({ path: '/tmp/emu-campaign.png', fullPage: true });

    // The branch meeting assesses each of them on the pre-filled evaluation form.
    for (const name of [consenting, private_]) {
      await openRegistration(page, name);
      await expect(page.getByRole('heading', { name: 'Phiếu đánh giá (lấy từ hồ sơ)' })).toBeVisible();
      await expectAccessible(page);
      const branch = formWith(page, 'Lưu kết quả bình xét');
      // The total is the sum per criterion: a hand-assessed criterion needs its points, within its maximum.
      await branch.getByLabel('Tham gia sinh hoạt chi hội đều đặn').fill('8x');
      await branch.getByRole('button', { name: 'Lưu kết quả bình xét' }).click();
      await expect(page.getByRole('alert')).toContainText('Ghi số điểm từ 0 đến 15');
      await expect(page.getByRole('alert')).toContainText('Tiêu chí chấm tay cần ghi điểm');
      await formWith(page, 'Lưu kết quả bình xét').getByLabel('Tham gia sinh hoạt chi hội đều đặn').fill('15');
      await formWith(page, 'Lưu kết quả bình xét').getByLabel('Chăm sóc, giúp đỡ người cao tuổi khó khăn').fill('15');
      await formWith(page, 'Lưu kết quả bình xét').getByRole('button', { name: 'Lưu kết quả bình xét' }).click();
      await expect(page.getByRole('status')).toHaveText('Đã lưu đánh giá.');
    }
    await page.screenshot({ path: '/tmp/emu-registration.png', fullPage: true });

    // The commune council: without quorum first, then a proper meeting voting both.
    await signInAs(page, 'canbo.doanket');
    await openCampaign(page);
    const council = () => formWith(page, 'Ghi kết quả họp');
    await council()
      .getByLabel('Thành viên Hội đồng')
      .fill('Nguyễn Văn Đức – Chủ tịch\nLò Thị Hoa\nTao Thị Dung\nVàng A Dính\nƯng Văn An');
    await council().getByLabel('Số thành viên có mặt').fill('2');
    for (const name of [consenting, private_]) {
      const vote = council().getByRole('group', { name: new RegExp(name) });
      await vote.getByLabel('Hình thức khen thưởng').selectOption({ label: 'Giấy khen của Hội NCT tỉnh' });
      await vote.getByLabel('Đồng ý', { exact: true }).fill('5');
      await vote.getByLabel('Không đồng ý').fill('0');
      await vote.getByLabel('Không biểu quyết').fill('0');
    }
    await council().getByRole('button', { name: 'Ghi kết quả họp' }).click();
    await expect(page.getByRole('alert')).toContainText('ít nhất 2/3 thành viên');
    await expect(council().getByLabel('Thành viên Hội đồng')).toHaveValue(/Nguyễn Văn Đức – Chủ tịch/);
    await expectAccessible(page);
    await council().getByLabel('Số thành viên có mặt').fill('5');
    await council().getByRole('button', { name: 'Ghi kết quả họp' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã ghi kết quả họp Hội đồng.');
    const publish = formWith(page, 'Công bố kết quả cho người được xét');
    await publish.getByLabel('Thời hạn khiếu nại (ngày)').fill('0');
    await publish.getByRole('button', { name: 'Công bố kết quả cho người được xét' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã công bố kết quả.');
    // The council's dossier has an achievement report for each candidate it passed.
    for (const name of [consenting, private_])
      await expect(page.getByRole('link', { name: `Báo cáo thành tích của ${name} (.docx)` })).toBeVisible();
    for (const name of [consenting, private_]) {
      await openRegistration(page, name);
      await expect(page.getByText('5 đồng ý, 0 không đồng ý, 0 không biểu quyết (5/5 có mặt)')).toBeVisible();
      const nominate = formWith(page, 'Gửi đề nghị');
      await nominate.getByLabel('Đề nghị lên').selectOption({ label: 'Hội Người cao tuổi tỉnh Lai Châu' });
      await nominate.getByLabel('Hình thức khen thưởng').selectOption({ label: 'Giấy khen của Hội NCT tỉnh' });
      await nominate.getByRole('button', { name: 'Gửi đề nghị' }).click();
      await expect(page.getByRole('status')).toHaveText('Đã đề nghị lên cấp trên.');
      await expectAccessible(page);
    }

    // The province issues the decision for both nominations.
    await signInAs(page, 'canbo.tinh');
    await openCampaign(page);
    const decision = () => formWith(page, 'Ban hành quyết định');
    await decision().getByLabel('Cấp quyết định').selectOption({ label: 'Hội Người cao tuổi tỉnh Lai Châu' });
    await decision().getByLabel('Hình thức khen thưởng').selectOption({ label: 'Giấy khen của Hội NCT tỉnh' });
    await decision().getByLabel(consenting).check();
    await decision().getByLabel(private_).check();
    await decision().getByRole('button', { name: 'Ban hành quyết định' }).click();
    await expect(page.getByRole('alert')).toContainText('Xin ghi họ tên người ký quyết định.');
    await expectAccessible(page);
    await decision().getByLabel('Người ký').fill('Lò Thị Hoa');
    await decision().getByRole('button', { name: 'Ban hành quyết định' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã ban hành quyết định khen thưởng.');
    const awarded = page.getByRole('listitem').filter({ hasText: consenting }).filter({ hasText: 'Quyết định số' });
    await expect(awarded).toContainText(/Giấy khen của Hội NCT tỉnh, Quyết định số \d+\/QĐ-/);

    // The branch records the consent of one awardee only.
    await signInAs(page, 'chihoi.truong');
    await openRegistration(page, consenting);
    await expect(page.getByText('Chưa công khai trên Bảng vàng (chưa có đồng ý).')).toBeVisible();
    const consent = formWith(page, 'Ghi nhận đồng ý công khai');
    await consent.getByLabel('Câu chuyện ngắn (hiện trên Bảng vàng)').fill('Bà vận động cả bản phân loại rác.');
    await consent.getByRole('button', { name: 'Ghi nhận đồng ý công khai' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã ghi nhận đồng ý công khai trên Bảng vàng.');
    await expectAccessible(page);

    // The commune marks both as typical examples; only the consenting one reaches the public board.
    await signInAs(page, 'canbo.doanket');
    for (const name of [consenting, private_]) {
      await openRegistration(page, name);
      const typical = formWith(page, 'Ghi nhận điển hình tiên tiến');
      await typical.getByRole('button', { name: 'Ghi nhận điển hình tiên tiến' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await formWith(page, 'Ghi nhận điển hình tiên tiến')
        .getByLabel('Câu chuyện điển hình')
        .fill(`Gương sáng ${name}`);
      await formWith(page, 'Ghi nhận điển hình tiên tiến')
        .getByRole('button', { name: 'Ghi nhận điển hình tiên tiến' })
        .click();
      await expect(page.getByRole('status')).toHaveText('Đã ghi nhận điển hình tiên tiến.');
      await expectAccessible(page);
    }

    // Anyone: the board shows the one who consented, not the other.
    const visitor = await newUser(browser);
    await visit(visitor, '/bang-vang');
    await expect(visitor.getByRole('heading', { name: consenting, level: 2 })).toBeVisible();
    await expect(visitor.getByRole('listitem').filter({ hasText: consenting }).first()).toContainText(
      'Bà vận động cả bản phân loại rác.'
    );
    await expect(visitor.getByText(`Gương sáng ${consenting}`)).toBeVisible();
    await expect(visitor.getByText(private_)).toHaveCount(0);
    await visitor.screenshot({ path: '/tmp/emu-board.png', fullPage: true });
    await visitor.context().close();
  }
);
