/**
 * A draft report's documents in the browser: the officer asks for them, the job's page says
 * they are being made and refreshes itself (no JavaScript needed) until it links the .docx and
 * the annex; asking again for the same version lands on the same job; an officer of another
 * commune gets 404 for the job's page and files. JavaScript on and off, axe on every page.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, jsEnabled, newUser, signInAs, visit } from './support';

const COMMUNE = 'Hội Người cao tuổi phường Đoàn Kết';

test(
  'a draft’s documents are made off the request and downloaded from the job’s page',
  { tag: '@pg' },
  async ({ page, browser }) => {
    const year = String(jsEnabled() ? 2043 : 2044); // a year per project: the runs never meet
    await signInAs(page, 'canbo.doanket');
    await visit(page, '/program/reports');
    await page.getByLabel('Tổ chức lập báo cáo').selectOption({ label: COMMUNE });
    await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Quý' });
    await page.getByLabel('Năm', { exact: true }).fill(year);
    await page.getByLabel('Tháng, quý hoặc nửa năm').fill('1');
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kết quả công tác Hội quý I năm ${year}`);
    const reportUrl = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Tạo tài liệu (.docx và phụ lục .xlsx)' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tài liệu báo cáo');
    await expect(page).toHaveURL(new RegExp(`${reportUrl}/documents/[0-9a-f-]+`));
    const jobUrl = new URL(page.url()).pathname;
    // "Đang tạo tài liệu…" until the worker is done; the page refreshes itself meanwhile
    await expect(page.getByRole('status')).toContainText('Tài liệu đã sẵn sàng.', { timeout: 30_000 });
    await expectAccessible(page);

    for (const [name, path] of [
      ['Tải báo cáo (.docx)', 'report.docx'],
      ['Tải phụ lục (.xlsx)', 'annex.xlsx']
    ]) {
      const link = page.getByRole('link', { name });
      await expect(link).toHaveAttribute('href', `${jobUrl}/${path}`);
      const file = await page.request.get(`${jobUrl}/${path}`);
      expect(file.status()).toBe(200);
      expect((await file.body()).subarray(0, 2).toString()).toBe('PK');
    }

    // Asking again for the same version: the same job, already done.
    await visit(page, reportUrl);
    await page.getByRole('button', { name: 'Tạo tài liệu (.docx và phụ lục .xlsx)' }).click();
    await expect(page.getByRole('status')).toContainText('Tài liệu đã sẵn sàng.');
    expect(new URL(page.url()).pathname).toBe(jobUrl);
    // The old address of a draft's .docx asks for the same job too.
    const old = await page.request.get(`${reportUrl}/report.docx`, { maxRedirects: 0 });
    expect(old.status()).toBe(303);
    expect(old.headers()['location']).toBe(jobUrl);

    // Another commune's officer: neither the page nor the files.
    const other = await newUser(browser, 'canbo.binhlu');
    const denied = await other.goto(jobUrl);
    expect(denied?.status()).toBe(404);
    await expectAccessible(other);
    for (const path of ['report.docx', 'annex.xlsx'])
      expect((await other.request.get(`${jobUrl}/${path}`)).status()).toBe(404);
  }
);
