/**
 * "Nghe" through the browser's speech synthesis. Headless Chromium has no voices, so an init
 * script stands in for the engine: it offers the given voices (after a moment, as real engines
 * do through `voiceschanged`) and records what it is asked to say. What is read is what the page
 * marks (headings, instructions, chosen values), one utterance each, with a voice of the text's
 * language; with no such voice there is no button.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, hydrated, jsEnabled, visit } from './support';

interface Spoken {
  text: string;
  lang: string;
  voice: string;
}

/** Installs a fake speech engine with these voice languages (e.g. ['vi-VN']). */
async function fakeVoices(page: Page, langs: string[]): Promise<void> {
  await page.addInitScript((langs: string[]) => {
    const w = window as unknown as { __spoken: Spoken[] };
    w.__spoken = [];
    let ready = false;
    const listeners = new Set<() => void>();
    const voices = langs.map((lang) => ({ lang, name: `Giọng ${lang}`, default: false, localService: true }));
    class Utterance {
      text: string;
      lang = '';
      voice: { name: string } | null = null;
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const queue: Utterance[] = [];
    const engine = {
      getVoices: () => (ready ? voices : []),
      addEventListener: (_: string, f: () => void) => listeners.add(f),
      removeEventListener: (_: string, f: () => void) => listeners.delete(f),
      // Utterances stay queued until cancelled, so the test sees the "reading" state.
      speak: (u: Utterance) => {
        queue.push(u);
        w.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '' });
      },
      cancel: () => queue.splice(0).forEach((u) => u.onerror?.())
    };
    Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    setTimeout(() => {
      ready = true;
      listeners.forEach((f) => f());
    }, 100);
  }, langs);
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken ?? []);
/** The visible blocks of an element, each as one sentence (what a listener should hear, in order). */
const blocks = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el: HTMLElement) =>
    Array.from(el.querySelectorAll('h1, h2, h3, p'))
      .filter((b) => b.getClientRects().length > 0)
      .map((b) => (b as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .map((t) => (/[.!?:;…]$/.test(t) ? t : `${t}.`))
  );

test(
  'a news item is read aloud from its own text with a Vietnamese voice, and reading can be stopped',
  { tag: '@pg' },
  async ({ page }) => {
    await fakeVoices(page, ['en-US', 'vi-VN']);
    await visit(page, '/tin');
    await expectAccessible(page); // heading order: the cards are h2 right under the h1
    const href = await page.locator('a[href^="/tin/"]:not([href$=".xml"])').first().getAttribute('href');
    await visit(page, href!);
    const listen = page.getByRole('button', { name: 'Nghe' });
    if (!jsEnabled()) {
      // Speech synthesis needs a script: without one there is no button at all.
      await expect(page.getByRole('button', { name: /Nghe|Dừng đọc/ })).toHaveCount(0);
      return;
    }
    await hydrated(page);
    await expect(listen).toBeVisible();
    await expectAccessible(page);
    await listen.click();
    const stop = page.getByRole('button', { name: 'Dừng đọc' });
    await expect(stop).toHaveAttribute('aria-pressed', 'true');
    const said = await spoken(page);
    expect(said.map((s) => s.text)).toEqual(await blocks(page, '#news-text'));
    expect(said[0].text).toBe(`${await page.getByRole('heading', { level: 1 }).innerText()}.`);
    expect(new Set(said.map((s) => `${s.lang} ${s.voice}`))).toEqual(new Set(['vi-VN Giọng vi-VN']));
    await stop.click();
    await expect(listen).toHaveAttribute('aria-pressed', 'false');
  }
);

test('the follow-up page is read in the page language; with no voice for it there is no button', async ({ page }) => {
  test.skip(!jsEnabled(), 'speech synthesis needs JavaScript (the no-script case is in the test above)');
  // Only an English voice: the Vietnamese page offers nothing, the English page reads itself.
  await fakeVoices(page, ['en-GB']);
  await visit(page, '/r');
  await hydrated(page);
  await page.waitForTimeout(300); // past the moment the fake engine announces its voices
  await expect(page.getByRole('button', { name: 'Nghe' })).toHaveCount(0);

  await visit(page, '/en/r');
  await hydrated(page);
  const listen = page.getByRole('button', { name: 'Listen' });
  await expect(listen).toBeVisible();
  await listen.click();
  const said = await spoken(page);
  expect(said.map((s) => s.text)).toEqual(await blocks(page, '#follow-text'));
  expect(said.every((s) => s.lang === 'en-GB')).toBe(true);
  await expect(page.getByRole('button', { name: 'Stop reading' })).toBeVisible();
});

test('the report form reads its steps and instructions with what was chosen, never the option lists', async ({
  page
}) => {
  test.skip(!jsEnabled(), 'speech synthesis needs JavaScript (the no-script case is in the first test)');
  await fakeVoices(page, ['vi-VN']);
  await visit(page, '/report');
  await hydrated(page);
  const listen = page.getByRole('button', { name: 'Nghe' });
  await expect(listen).toBeVisible();
  await expectAccessible(page);
  const category = page.getByRole('radio').first();
  const categoryName = (await category.locator('xpath=ancestor::label').innerText()).replace(/\s+/g, ' ').trim();
  await category.check();
  const commune = page.getByLabel('Xã, phường', { exact: true });
  const communeName = (await commune.locator('option').nth(1).innerText()).trim();
  await commune.selectOption({ index: 1 });
  await page.getByLabel(/^2\. Kể lại/).fill('Có người đổ rác xuống suối');
  await listen.click();
  const said = (await spoken(page)).map((s) => s.text);

  // A short reading, part by part, each a sentence: the title and intro first.
  expect(said.length).toBeGreaterThan(8);
  expect(said.length).toBeLessThan(30);
  expect(said[0]).toBe(`${await page.getByRole('heading', { level: 1 }).innerText()}.`);
  for (const s of said) expect(s).toMatch(/[.!?:;…]$/);
  // The steps' headings and instructions, and what the listener chose or wrote…
  const legend = (
    await page
      .locator('legend')
      .filter({ has: page.locator('.required') })
      .first()
      .innerText()
  ).trim();
  expect(said.some((s) => s.startsWith(legend.replace(/\s+/g, ' ')))).toBe(true);
  expect(said).toContain(`Đã chọn: ${categoryName}.`);
  expect(said).toContain(`Đã chọn: ${communeName}.`);
  expect(said).toContain('Đã ghi: Có người đổ rác xuống suối.');
  // …but no option lists, no other categories or communes, no button labels, no legal note.
  const others = await page.locator('select[name="commune_id"] option').allInnerTexts();
  for (const name of others.slice(2)) expect(said.join(' ')).not.toContain(name.trim());
  const buttons = await page.locator('main button').allInnerTexts();
  for (const b of buttons.filter((t) => t.trim() && t.trim() !== 'Dừng đọc'))
    expect(said, `button label read: ${b}`).not.toContain(`${b.trim()}.`);
  expect(said.filter((s) => s.startsWith('Đã chọn:')).length).toBeLessThanOrEqual(5);
});
