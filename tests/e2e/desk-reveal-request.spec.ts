/**
 * The officer handling a protected report asks the identity custodian for a reveal: an empty
 * reason is refused beside the field, a reason sends it, the page then says it waits, and the
 * custodian sees the request with its reason in their list. JS on and off, axe on every page.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs, unique, visit } from './support';
import { fileThroughForm } from './report-workflow.db';

/** A confidential report from a named villager in Phường Đoàn Kết, filed through the public form. */
const fileProtected = async (page: import('@playwright/test').Page, description: string) =>
  (await fileThroughForm(page, description, { protection: 'confidential', name: 'Lò Văn Kiểm', phone: '0912 345 678' }))
    .id;

test('an officer asks for a reveal with a reason; the custodian sees it', { tag: '@pg' }, async ({ page }) => {
  test.setTimeout(120_000);
  const description = unique('Đốt rác cạnh trường');
  const id = await fileProtected(page, description);
  const reason = `Cần hỏi thêm vị trí đống rác ${id.slice(0, 4)}`;
  await signInAs(page, 'canbo.doanket');
  await visit(page, `/reports/${id}`);
  await expect(page.getByText('Lò Văn Kiểm')).toHaveCount(0);

  const ask = page.locator('form[action="?/ask_reveal"]');
  await ask.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(ask.getByLabel('Lý do cần liên hệ')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.locator('form[action="?/ask_reveal"]').getByLabel('Lý do cần liên hệ').fill(reason);
  await page.locator('form[action="?/ask_reveal"]').getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByText(/Đã gửi đề nghị lúc .*đang chờ người giữ danh tính/)).toBeVisible();
  await expect(page.locator('form[action="?/ask_reveal"]')).toHaveCount(0);
  await expect(page.getByText('Lò Văn Kiểm')).toHaveCount(0);
  await expectAccessible(page);

  await signInAs(page, 'baomat');
  await visit(page, '/reveal-requests');
  const entry = page.getByRole('listitem').filter({ hasText: reason });
  await expect(entry).toBeVisible();
  await expect(entry).not.toContainText('Lò Văn Kiểm');
  await expectAccessible(page);
});
