/**
 * Reports upward in the browser: a commune officer opens, edits and submits a quarterly
 * report; the province officer returns it with a comment; the commune resubmits; the province
 * accepts it and opens its own report, which lists the commune as on time and consolidates
 * its submitted figures. JavaScript on and off, axe on every page.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, jsEnabled, newUser, signInAs, visit } from './support';

const COMMUNE = 'Hội Người cao tuổi phường Đoàn Kết';
const PROVINCE = 'Hội Người cao tuổi tỉnh Lai Châu';

test(
  'a quarterly report goes up, comes back with a comment, is accepted and consolidated',
  { tag: '@pg' },
  async ({ page, browser }) => {
    // A year of its own per project, so the two runs on one database never meet.
    const year = String(jsEnabled() ? 2041 : 2042);
    await signInAs(page, 'canbo.doanket');
    await visit(page, '/program/reports');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo cáo định kỳ, sơ kết, tổng kết');

    // A year that is not a number: a specific message, the form keeps what was typed.
    await page.getByLabel('Tổ chức lập báo cáo').selectOption({ label: COMMUNE });
    await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Quý' });
    await page.getByLabel('Năm', { exact: true }).fill('hai nghìn');
    await page.getByLabel('Tháng, quý hoặc nửa năm').fill('2');
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await expect(page.getByRole('alert')).toContainText('Năm báo cáo phải là số từ 2000 đến 2100.');
    await expect(page.getByLabel('Tháng, quý hoặc nửa năm')).toHaveValue('2');
    await expectAccessible(page);

    await page.getByLabel('Năm', { exact: true }).fill(year);
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kết quả công tác Hội quý II năm ${year}`);
    // Decree 09 cut-off: 15/03 → 14/06
    await expect(page.getByText(`Từ 15/03/${year} đến 14/06/${year}`)).toBeVisible();
    await expect(page.getByLabel('II.2. Công tác tuyên truyền')).toHaveValue(
      /Trong kỳ, Hội đã tổ chức 0 buổi tuyên truyền/
    );
    await expectAccessible(page);
    const reportUrl = new URL(page.url()).pathname;

    await page.getByLabel('II.3. Tập huấn, hội nghị').fill('Tổ chức 2 lớp tập huấn phân loại rác.');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã lưu nội dung báo cáo.');
    await expect(page.getByLabel('II.3. Tập huấn, hội nghị')).toHaveValue('Tổ chức 2 lớp tập huấn phân loại rác.');
    await page.getByRole('button', { name: 'Lưu và gửi báo cáo' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã gửi báo cáo lên cấp trên. Số liệu đã được chốt.');
    await expect(page.getByRole('heading', { name: 'Số liệu đã chốt khi gửi' })).toBeVisible();
    await expect(page.getByLabel('II.3. Tập huấn, hội nghị')).toHaveCount(0);
    await expectAccessible(page);

    // The province returns it: a comment is required.
    const tinh = await newUser(browser, 'canbo.tinh');
    await visit(tinh, reportUrl);
    await tinh.getByRole('button', { name: 'Trả lại kèm ý kiến' }).click();
    await expect(tinh.getByRole('alert')).toContainText('Nhập ý kiến khi trả lại báo cáo.');
    await expectAccessible(tinh);
    await tinh.getByLabel('Ý kiến khi trả lại').fill('Bổ sung kết quả ký cam kết.');
    await tinh.getByRole('button', { name: 'Trả lại kèm ý kiến' }).click();
    await expect(tinh.getByRole('status')).toHaveText('Đã trả lại báo cáo kèm ý kiến.');
    await expectAccessible(tinh);

    // The commune sees the comment, completes the text and sends it again.
    await visit(page, reportUrl);
    await expect(page.getByRole('note')).toContainText('Bổ sung kết quả ký cam kết.');
    await page.getByLabel('II.5. Ký cam kết').fill('Vận động 15 hộ ký cam kết.');
    await page.getByRole('button', { name: 'Lưu và gửi báo cáo' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã gửi báo cáo lên cấp trên. Số liệu đã được chốt.');

    // The province accepts it; it is then locked.
    await visit(tinh, reportUrl);
    await tinh.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await expect(tinh.getByRole('status')).toHaveText('Đã duyệt báo cáo.');
    await expect(tinh.getByText('Vận động 15 hộ ký cam kết.')).toBeVisible();
    await expect(tinh.getByRole('button', { name: 'Duyệt báo cáo' })).toHaveCount(0);
    await expectAccessible(tinh);

    // The province's own report for the quarter lists the commune on time and consolidates it.
    await visit(tinh, '/program/reports');
    await tinh.getByLabel('Tổ chức lập báo cáo').selectOption({ label: PROVINCE });
    await tinh.getByLabel('Kỳ báo cáo').selectOption({ label: 'Quý' });
    await tinh.getByLabel('Năm', { exact: true }).fill(year);
    await tinh.getByLabel('Tháng, quý hoặc nửa năm').fill('2');
    await tinh.getByRole('button', { name: 'Lập báo cáo' }).click();
    await expect(tinh.getByRole('heading', { level: 1 })).toHaveText(`Kết quả công tác Hội quý II năm ${year}`);
    const row = tinh.getByRole('listitem').filter({ hasText: COMMUNE });
    await expect(row).toContainText('Gửi đúng hạn');
    await expect(tinh.getByRole('table', { name: 'Tổng hợp: số liệu cấp dưới đã gửi so với hiện tại' })).toBeVisible();
    await expectAccessible(tinh);
    await tinh.screenshot({ path: `/tmp/rep-province-${jsEnabled() ? 'js' : 'nojs'}.png`, fullPage: true });

    // The documents open.
    const docx = await tinh.request.get(`${reportUrl}/report.docx`);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    const csv = await tinh.request.get(`${reportUrl}/figures.csv`);
    expect(await csv.text()).toContain('outreach_sessions');
    await visit(tinh, `${reportUrl}/print`);
    await expect(tinh.getByText('Vận động 15 hộ ký cam kết.')).toBeVisible();
    await tinh.context().close();
  }
);
