/**
 * Separation of duties in the browser: the custodian sees a protected identity only after
 * typing their password again; an administrator cannot mint an API token for another account.
 */
import { expect, test } from '@playwright/test';
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { expectAccessible, jsEnabled, signInAs, visit } from './support';
import { insertReport, withDb } from './report-workflow.db';

/** Encrypts an identity the way the server does with no IDENTITY_KEY (key version 1 from APP_SECRET). */
async function protectIdentity(reportId: string, identity: { name: string; phone: string }) {
  const key = Buffer.from(hkdfSync('sha256', process.env.APP_SECRET!, 'chung-suc/identity', 'v1', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(reportId, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
  await withDb((exec) =>
    exec(
      `insert into report_identity (report_id, ciphertext, iv, tag, key_version, created_at) values (?, ?, ?, ?, 1, ?)`,
      [
        reportId,
        body.toString('base64'),
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        new Date().toISOString()
      ]
    )
  );
}

test('the custodian reveals an identity only after typing their password again', async ({ page }) => {
  test.setTimeout(120_000);
  const { id } = await insertReport(`Đốt rừng làm nương ${Math.random().toString(36).slice(2, 8)}`);
  await protectIdentity(id, { name: 'Sùng A Páo Bảomật', phone: '0987000222' });
  await signInAs(page, 'baomat');
  await visit(page, `/reports/${id}`);
  const form = page.locator('form[action="?/reveal"]');
  const reason = 'Công an huyện đề nghị bằng văn bản số 12/CA';
  await form.getByLabel('Lý do', { exact: false }).fill(reason);
  await form.getByRole('button').click();
  await expect(page.locator('#f-reveal_password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText('Vui lòng nhập mật khẩu');
  await expect(page.getByText('Sùng A Páo Bảomật')).toHaveCount(0);
  await expectAccessible(page);

  await form.getByLabel('Lý do', { exact: false }).fill(reason);
  await form.getByLabel('Mật khẩu của ông/bà').fill('sai-mat-khau');
  await form.getByRole('button').click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu không đúng');
  await expect(page.getByText('Sùng A Páo Bảomật')).toHaveCount(0);
  // The server never sends a typed password back (with JavaScript the field simply keeps it).
  if (!jsEnabled()) await expect(form.getByLabel('Mật khẩu của ông/bà')).toHaveValue('');

  await form.getByLabel('Lý do', { exact: false }).fill(reason);
  await form.getByLabel('Mật khẩu của ông/bà').fill('ChungSuc@2026');
  await form.getByRole('button').click();
  await expect(page.getByText('Sùng A Páo Bảomật')).toBeVisible();
  await expectAccessible(page);
});
