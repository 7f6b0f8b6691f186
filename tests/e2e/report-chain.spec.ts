/**
 * Issue 3 §10, end to end through the real pages (JS on and off): an anonymous villager reports
 * → the commune Hội verifies and forwards → the rangers accept, get an extension approved and
 * close with a fine → the villager reads the outcome with the receipt, rates and reopens it.
 * Every person has their own browser context, as on their own phone or office computer.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectAccessible, jsEnabled, signIn, visit } from './support';
import { withDb } from './report-workflow.db';

const tag = () => Math.random().toString(36).slice(2, 8);
const today = () =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric'
  }).format(new Date());

/** A fresh context per person: nobody shares cookies (or a follow-up cookie) with another. */
async function person(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const ctx = await browser.newContext({
    baseURL,
    javaScriptEnabled: jsEnabled(),
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh'
  });
  return ctx.newPage();
}

async function officer(browser: Browser, baseURL: string | undefined, login: string): Promise<Page> {
  const page = await person(browser, baseURL);
  await signIn(page, login);
  return page;
}

/**
 * The receipt is all the villager has; officers see a short reference instead. The queue does
 * not show descriptions, so look the new report up by its unique text to know which row is ours.
 */
async function idOf(description: string): Promise<string> {
  const rows = await withDb((exec) => exec('select id from report where description = ?', [description]));
  return String(rows[0].id);
}
const refOf = async (description: string) => (await idOf(description)).slice(0, 8).toUpperCase();

async function submitted(page: Page, form: Locator, button: string | RegExp) {
  await form.getByRole('button', { name: button }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
}

/** The villager's part: /report with the commune picker (works without JS) → receipt code. */
async function report(page: Page, description: string, category = 'Khai thác gỗ trái phép'): Promise<string> {
  await visit(page, '/report');
  await page.getByLabel(category).check();
  await page.getByLabel('2. Kể lại điều ông/bà thấy').fill(description);
  await page.getByLabel('3. Ông/bà thấy khi nào?').fill(today());
  await page.getByLabel('Xã, phường').selectOption({ label: 'Phường Đoàn Kết' });
  await page.getByRole('radio', { name: /^Giấu tên/ }).check();
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đã nhận báo cáo của ông/bà');
  const code = (await page.getByTestId('receipt-code').textContent())!.trim();
  expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  await expectAccessible(page);
  return code;
}

/** Enter the receipt at /r, land on the report without the code in the URL. */
async function follow(page: Page, code: string) {
  await visit(page, '/r');
  await page.getByLabel('Mã biên nhận').fill(code);
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(page).toHaveURL(/\/r\/report$/);
  await expectAccessible(page);
}

test('a villager report travels Hội → rangers → outcome, and the villager rates and reopens it', async ({
  browser,
  baseURL
}) => {
  test.setTimeout(300_000); // five people, a dozen pages each scanned by axe, on a busy 2-core machine
  const description = `Xe công nông chở gỗ nghiến ra khỏi rừng ${tag()}`;

  // 1. The villager, anonymous, reports and keeps the receipt.
  const villager = await person(browser, baseURL);
  const code = await report(villager, description);
  const ref = await refOf(description);

  // 2. The commune Hội finds it in its queue, verifies and forwards it to the rangers.
  const hoi = await officer(browser, baseURL, 'canbo.doanket');
  await visit(hoi, '/queue');
  await hoi.getByRole('link', { name: ref }).click();
  await expect(hoi.getByRole('heading', { level: 1 })).toHaveText(`Phản ánh ${ref}`);
  await expect(hoi.getByText(description)).toBeVisible();
  await expectAccessible(hoi);
  const verify = hoi.locator('form[action="?/verify"]');
  await verify.getByLabel('Kết quả xác minh').fill('Có vết xe và 4 gốc nghiến mới cưa');
  await verify.getByLabel('Có', { exact: true }).check();
  await verify.getByLabel('Ngày đến hiện trường').fill(today());
  await submitted(hoi, verify, 'Xác nhận đã xác minh');
  const forward = hoi.locator('form[action="?/forward"]');
  await expect(forward.getByLabel('Cơ quan xử lý').locator('option:checked')).toContainText('Chi cục Kiểm lâm');
  await forward.getByLabel('Số văn bản chuyển').fill(`21/HNCT-${tag()}`);
  await forward.getByLabel('Ngày văn bản').fill(today());
  await submitted(hoi, forward, 'Chuyển');
  await expect(hoi.getByText('Đã chuyển cơ quan chức năng').first()).toBeVisible();
  await expectAccessible(hoi);
  const detail = new URL(hoi.url()).pathname;

  // 3. The rangers accept it and ask for more time; the department's leader approves.
  const rangers = await officer(browser, baseURL, 'kiemlam');
  await visit(rangers, '/queue?tab=forwarded');
  await rangers.getByRole('link', { name: ref }).click();
  await expectAccessible(rangers);
  await submitted(rangers, rangers.locator('form[action="?/accept"]'), 'Thụ lý');
  await rangers.locator('form[action="?/extension"]').getByLabel('Lý do').fill('Chờ giám định loài gỗ nghiến');
  await submitted(rangers, rangers.locator('form[action="?/extension"]'), 'Gửi đề nghị gia hạn');
  await expectAccessible(rangers);

  const leader = await officer(browser, baseURL, 'lanhdao.so');
  await visit(leader, '/queue?tab=extensions');
  await leader.getByRole('link', { name: ref }).click();
  await expectAccessible(leader);
  await leader.locator('form[action="?/decide"]').getByLabel('Quyết định').selectOption({ label: 'Đồng ý gia hạn' });
  await submitted(leader, leader.locator('form[action="?/decide"]'), 'Lưu quyết định');
  await expect(leader.getByText(/Gia hạn được duyệt, hạn mới/)).toBeVisible();

  // ... and the rangers close it: violation confirmed, 5.000.000 đồng, remedial planting.
  await visit(rangers, detail);
  const close = rangers.locator('form[action="?/close"]');
  await close.getByLabel('Kết quả', { exact: true }).selectOption({ label: 'Có vi phạm, đã xử phạt' });
  await close.getByLabel('Số quyết định xử phạt').fill('31/QĐ-XPHC');
  await close.getByLabel('Số tiền phạt (đồng)').fill('5.000.000');
  await close.getByLabel('Biện pháp khắc phục').fill('Trồng lại 400 cây nghiến');
  await submitted(rangers, close, 'Kết thúc và gửi kết quả');
  await expect(rangers.getByText('Phạt 5.000.000 đồng')).toBeVisible();
  await expectAccessible(rangers);

  // 4. The villager, on a new device, follows with the receipt and reads the outcome.
  const phone = await person(browser, baseURL);
  await follow(phone, code);
  await expect(phone.getByTestId('status')).toHaveText(/^Đã có kết quả ?\(Khẩn cấp\)$/);
  const timeline = phone.locator('.timeline');
  for (const seen of ['Đã xác minh', 'Đã chuyển cơ quan chức năng', 'Đã thụ lý', 'Đã có kết quả'])
    await expect(timeline).toContainText(seen);
  const resolved = timeline.locator('li').filter({ hasText: 'Đã có kết quả' });
  await expect(resolved).toContainText('Có vi phạm, đã xử phạt');
  await expect(resolved).toContainText('Quyết định xử phạt số 31/QĐ-XPHC');
  await expect(resolved).toContainText('Phạt 5.000.000 đồng');
  await expect(resolved).toContainText('Trồng lại 400 cây nghiến');
  await expect(phone.getByText('Chờ giám định loài gỗ nghiến')).toHaveCount(0); // internal to the agencies

  await phone.getByLabel('4 sao').check();
  await phone.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Cảm ơn ông/bà đã đánh giá.' })).toBeVisible();
  await expect(timeline).toContainText('Ông/bà đánh giá 4/5');
  await expectAccessible(phone);

  // 5. Nothing was replanted: the villager reopens within 30 days; it is back in the Hội's queue.
  await phone.getByRole('button', { name: 'Mở lại báo cáo' }).click();
  await expect(phone.getByRole('alert')).toContainText('Hãy cho biết điều gì chưa được khắc phục.');
  await expectAccessible(phone);
  await phone.getByLabel('Điều gì chưa được khắc phục?').fill('Sau 2 tuần vẫn chưa trồng cây nào');
  await phone.getByRole('button', { name: 'Mở lại báo cáo' }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Đã mở lại báo cáo.' })).toBeVisible();
  await expect(phone.getByTestId('status')).toHaveText(/^Mở lại ?\(Khẩn cấp\)$/);
  await expectAccessible(phone);

  await visit(hoi, '/queue?tab=new');
  const row = hoi.getByRole('row').filter({ has: hoi.getByRole('link', { name: ref }) });
  await expect(row).toContainText('Mở lại');

  for (const p of [villager, hoi, rangers, leader, phone]) await p.context().close();
});

test('a duplicate is merged: its reporter follows the first report on /r', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // A rarely used category keeps the suggestion list (same category, 500 m, 14 days) short.
  const sand = 'Khai thác cát, sỏi lòng sông trái phép';
  const first = `Tàu hút cát dưới chân cầu treo ${tag()}`;
  const second = `Đêm qua có máy hút cát ở suối gần cầu ${tag()}`;
  const villagerA = await person(browser, baseURL);
  await report(villagerA, first, sand);
  const villagerB = await person(browser, baseURL);
  const codeB = await report(villagerB, second, sand);
  const [idA, refB] = [await idOf(first), await refOf(second)];

  // The Hội merges B into A (picked from the suggestions, or pasted when there are none) ...
  const hoi = await officer(browser, baseURL, 'canbo.doanket');
  await visit(hoi, '/queue?tab=new');
  await hoi.getByRole('link', { name: refB }).click();
  const dup = hoi.locator('form[action="?/duplicate"]');
  const master = dup.getByLabel('Trùng với phản ánh');
  if ((await master.evaluate((el) => el.tagName)) === 'SELECT') await master.selectOption(idA);
  else await master.fill(idA);
  await submitted(hoi, dup, 'Gộp vào phản ánh này');
  await expectAccessible(hoi);

  // ... then verifies A, an event B's reporter now follows.
  await visit(hoi, `/reports/${idA}`);
  const verify = hoi.locator('form[action="?/verify"]');
  await verify.getByLabel('Kết quả xác minh').fill('Có tàu hút cát, đã lập biên bản');
  await verify.getByLabel('Có', { exact: true }).check();
  await verify.getByLabel('Ngày đến hiện trường').fill(today());
  await submitted(hoi, verify, 'Xác nhận đã xác minh');

  await follow(villagerB, codeB);
  await expect(villagerB.getByTestId('status')).toHaveText(/^Trùng lặp ?\(Khẩn cấp\)$/);
  await expect(villagerB.locator('.timeline')).toContainText('Tình trạng: Đã xác minh');
  await expect(villagerB.getByText(first)).toHaveCount(0); // never the other reporter's words

  for (const p of [villagerA, villagerB, hoi]) await p.context().close();
});
