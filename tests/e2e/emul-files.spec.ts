/**
 * Photos and documents in the movement, in the browser: a branch leader files manual evidence
 * with a photo and a PDF (a renamed text file is refused first, by name), the files open from
 * the registration page; the awardee's photo reaches the public honour board only once
 * "đồng ý đăng ảnh" is ticked, with its description as alt text, and leaves it when withdrawn;
 * the program dashboard shows the movement's figures, each opening its records.
 * JavaScript on and off, axe on every page.
 */
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, follow, hydrated, newUser, signInAs, unique, visit } from './support';

const OPEN = 'Tuổi cao – Gương sáng giai đoạn 2026–2030';
const PAST = 'Tuổi cao – Gương sáng giai đoạn 2021–2025';
const AWARDEE = 'Lường Thị Ún';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const photo = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#4a8' } })
    .jpeg()
    .toBuffer();
const formWith = (page: Page, button: string) =>
  page.locator('form', { has: page.getByRole('button', { name: button, exact: true }) });

async function openRegistration(page: Page, campaign: string, name: string) {
  await visit(page, '/thi-dua');
  await follow(page, page.getByRole('link', { name: campaign }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(campaign);
  await follow(page, page.getByRole('link', { name, exact: true }).first());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await hydrated(page);
}

test(
  'evidence with a photo and a PDF; the awardee photo on the board with consent',
  { tag: '@pg' },
  async ({ page, browser }) => {
    test.setTimeout(180_000);
    const member = `Lò Thị ${unique()}`;
    await signInAs(page, 'chihoi.truong');
    await visit(page, '/people/new');
    await hydrated(page);
    await page.getByLabel('Họ và tên').fill(member);
    await page.getByLabel('Năm sinh').fill('1957');
    await page.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
    await page.getByLabel('Thôn, bản').selectOption({ label: 'Bản Mẫu Một (demo)' });
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(member);
    await visit(page, '/thi-dua');
    await follow(page, page.getByRole('link', { name: OPEN }));
    await hydrated(page);
    const register = formWith(page, 'Đăng ký');
    await register.getByLabel(member).check();
    await register.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Đã đăng ký thi đua.');

    // Manual evidence: a text file renamed .pdf is refused by name, then a photo and a real PDF.
    await openRegistration(page, OPEN, member);
    const evidence = () => formWith(page, 'Thêm minh chứng');
    await evidence().getByLabel('Thêm minh chứng (mô tả, số văn bản)').fill('Biên bản họp chi hội tháng 3');
    await evidence()
      .getByLabel('Ảnh hoặc tài liệu kèm theo (không bắt buộc)')
      .setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: Buffer.from('giả mạo') });
    await evidence().getByRole('button', { name: 'Thêm minh chứng' }).click();
    await expect(page.getByRole('alert')).toContainText('Tệp “bien-ban.pdf” không phải ảnh, PDF hay Word');
    await expectAccessible(page);
    await evidence().getByLabel('Thêm minh chứng (mô tả, số văn bản)').fill('Biên bản họp chi hội tháng 3');
    await evidence()
      .getByLabel('Ảnh hoặc tài liệu kèm theo (không bắt buộc)')
      .setInputFiles([
        { name: 'vuon-rau.jpg', mimeType: 'image/jpeg', buffer: await photo() },
        { name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: PDF }
      ]);
    await evidence().getByRole('button', { name: 'Thêm minh chứng' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã thêm minh chứng.');
    const thumb = page.getByRole('img', { name: 'Ảnh minh chứng: vuon-rau.jpg' });
    await thumb.scrollIntoViewIfNeeded();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const pdfLink = page.getByRole('link', { name: 'bien-ban.pdf' });
    const pdf = await page.request.get(String(await pdfLink.getAttribute('href')));
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(await pdf.body()).equals(PDF)).toBe(true);
    await expectAccessible(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: '/tmp/emul-evidence.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Nobody outside the branch's scope opens it.
    const stranger = await newUser(browser);
    expect((await stranger.request.get(String(await pdfLink.getAttribute('href')))).status()).toBe(404);

    // The awardee's photo: refused without the photo consent, shown once it is ticked.
    await openRegistration(page, PAST, AWARDEE);
    await page.getByText('Đăng ảnh', { exact: true }).click();
    const photoForm = () => formWith(page, 'Lưu ảnh');
    await photoForm()
      .getByLabel('Ảnh', { exact: true })
      .setInputFiles({ name: 'chan-dung.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await photoForm().getByLabel('Mô tả ảnh').fill('Bà Lường Thị Ún bên điểm tập kết rác của bản');
    await photoForm().getByRole('button', { name: 'Lưu ảnh' }).click();
    await expect(page.getByRole('alert')).toContainText('Hãy đánh dấu “Người được khen thưởng đồng ý đăng ảnh”');
    await expectAccessible(page);
    await photoForm()
      .getByLabel('Ảnh', { exact: true })
      .setInputFiles({ name: 'chan-dung.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await photoForm().getByLabel('Người được khen thưởng đồng ý đăng ảnh lên Bảng vàng').check();
    await photoForm().getByRole('button', { name: 'Lưu ảnh' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu ảnh và đồng ý đăng ảnh.');
    await expectAccessible(page);

    await visit(stranger, '/bang-vang');
    const boardPhoto = stranger.getByRole('img', { name: 'Bà Lường Thị Ún bên điểm tập kết rác của bản' });
    await boardPhoto.scrollIntoViewIfNeeded();
    await expect.poll(() => boardPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    // The awardee who did not consent has neither entry nor photo.
    await expect(stranger.getByText('Lò Văn Khăm')).toHaveCount(0);
    await stranger.setViewportSize({ width: 360, height: 740 });
    await stranger.screenshot({ path: '/tmp/emul-board-photo.png', fullPage: true });
    const src = String(await boardPhoto.getAttribute('src'));

    await formWith(page, 'Gỡ ảnh (rút đồng ý đăng ảnh)').getByRole('button').click();
    await expect(page.getByRole('status')).toHaveText('Đã gỡ ảnh khỏi Bảng vàng; ảnh vẫn được lưu trong hồ sơ.');
    await visit(stranger, '/bang-vang');
    await expect(stranger.getByRole('heading', { name: AWARDEE, level: 2 })).toBeVisible();
    await expect(stranger.getByRole('img', { name: 'Bà Lường Thị Ún bên điểm tập kết rác của bản' })).toHaveCount(0);
    expect((await stranger.request.get(src)).status()).toBe(404);
    await stranger.context().close();
  }
);

test('the dashboard shows the movement figures, each opening its records', { tag: '@pg' }, async ({ page }) => {
  await signInAs(page, 'canbo.doanket');
  await visit(page, '/program/dashboard?from=2025-01&to=2026-12');
  const section = page.getByRole('region', { name: 'Phong trào thi đua' });
  await expect(section).toBeVisible();
  await expectAccessible(page);
  const member = section.getByRole('row', { name: /^Hội viên/ });
  const passed = member.getByRole('cell').nth(2).getByRole('link');
  const count = Number(await passed.textContent());
  expect(count).toBeGreaterThanOrEqual(2);
  await page.setViewportSize({ width: 360, height: 740 });
  await section.screenshot({ path: '/tmp/emul-dashboard.png' });
  await follow(page, passed);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đạt danh hiệu — Hội viên');
  // Months as they are written here, not as the URL carries them.
  await expect(page.getByText(`Từ tháng 01/2025 đến tháng 12/2026: ${count} hồ sơ.`)).toBeVisible();
  await expect(page.getByRole('link', { name: AWARDEE })).toBeVisible();
  await expect(page.locator('ul.records > li')).toHaveCount(count);
  await expectAccessible(page);
});
