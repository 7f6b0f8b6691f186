/**
 * "Nghe" through the browser's speech synthesis. Headless Chromium has no voices, so an init
 * script stands in for the engine: it offers the given voices (after a moment, as real engines
 * do through `voiceschanged`) and records what it is asked to say. The page text is the single
 * source, read with a voice of the text's language; with no such voice there is no button.
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
/** What a listener hears: the element's visible text, one line per paragraph. */
const lines = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el: HTMLElement) =>
    el.innerText
      .split(/\n+/)
      .map((s) => s.trim())
      .filter(Boolean)
  );

test(
  'a news item is read aloud from its own text with a Vietnamese voice, and reading can be stopped',
  { tag: '@pg' },
  async ({ page }) => {
    await fakeVoices(page, ['en-US', 'vi-VN']);
    await visit(page, '/tin');
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
    expect(said.map((s) => s.text)).toEqual(await lines(page, '#news-text'));
    expect(said[0].text).toBe(await page.getByRole('heading', { level: 1 }).innerText());
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
  expect(said.map((s) => s.text)).toEqual(await lines(page, '#follow-text'));
  expect(said.every((s) => s.lang === 'en-GB')).toBe(true);
  await expect(page.getByRole('button', { name: 'Stop reading' })).toBeVisible();
});
