import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'ChungSuc@2026';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const jsEnabled = (): boolean => test.info().project.use.javaScriptEnabled !== false;

/**
 * axe needs JavaScript in the page. With JavaScript off we scan the exact HTML the server sent
 * (scripts stripped, same styles via <base>) in a helper page that has JavaScript.
 */
async function scanTarget(page: Page): Promise<{ target: Page; done: () => Promise<void> }> {
  if (jsEnabled()) return { target: page, done: async () => {} };
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const ctx = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  const target = await ctx.newPage();
  await target.setContent(html.replace(/<head>/i, `<head><base href="${page.url()}">`), { waitUntil: 'load' });
  return { target, done: () => ctx.close() };
}

/** WCAG 2.2 AA scan of the current page: zero violations allowed. */
export async function expectAccessible(page: Page): Promise<void> {
  const { target, done } = await scanTarget(page);
  try {
    const results = await new AxeBuilder({ page: target }).withTags(TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  } finally {
    await done();
  }
}

/** Go to a page and scan it. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAccessible(page);
}

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  // Wait for hydration: typing into a server-rendered input before Svelte hydrates can be lost.
  await page.goto('/login', { waitUntil: 'networkidle' });
  await page.getByLabel(/Tên đăng nhập|Username/).fill(login);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}
