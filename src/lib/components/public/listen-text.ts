/**
 * What "Nghe" reads: the elements marked `data-listen` inside the page's reading area, in page
 * order, each one utterance (so the voice pauses between them and words of neighbouring
 * elements never run together). Hidden elements are skipped.
 *
 *   data-listen           the element's text (a <dl> as "term: description" pairs)
 *   data-listen="blocks"  each block inside it on its own (prose: a news item, a receipt)
 *   data-listen="value"   what the listener chose or wrote in the controls inside it, read after
 *                         the marked headings and instructions inside it
 */
export interface ListenWords {
  chosen: (value: string) => string;
  written: (value: string) => string;
}

const CONTAINERS = new Set(['DIV', 'ARTICLE', 'SECTION', 'HEADER', 'MAIN', 'FIGURE']);
const NEVER = new Set([
  'BUTTON',
  'FORM',
  'NAV',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'SCRIPT',
  'STYLE',
  'AUDIO',
  'IMG',
  'SVG'
]);

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A full stop where the text has none, so every engine pauses before the next part. */
const sentence = (s: string) => (/[.!?:;…]$/.test(s) ? s : `${s}.`);
const shown = (el: Element) => el.getClientRects().length > 0;
const textOf = (el: Element) => clean((el as HTMLElement).innerText ?? el.textContent ?? '');

function listOf(dl: Element): string[] {
  const out: string[] = [];
  let term = '';
  for (const el of Array.from(dl.children)) {
    if (!shown(el)) continue;
    if (el.tagName === 'DT') term = textOf(el);
    else if (el.tagName === 'DD') out.push(term ? `${term}: ${textOf(el)}` : textOf(el));
  }
  return out;
}

function blocksOf(el: Element): string[] {
  return Array.from(el.children).flatMap((child) => {
    if (!shown(child) || NEVER.has(child.tagName.toUpperCase())) return [];
    if (CONTAINERS.has(child.tagName)) return blocksOf(child);
    if (child.tagName === 'DL') return listOf(child);
    return [textOf(child)];
  });
}

function valuesOf(el: Element, words: ListenWords): string[] {
  const out: string[] = [];
  for (const c of Array.from(el.querySelectorAll('input, select, textarea'))) {
    const box = (c as HTMLInputElement).labels?.[0] ?? c;
    if (!shown(box)) continue;
    if (c instanceof HTMLSelectElement) {
      const opt = c.selectedOptions[0];
      if (c.value && opt) out.push(words.chosen(clean(opt.text)));
    } else if (c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox')) {
      if (c.checked && c.labels?.[0]) out.push(words.chosen(textOf(c.labels[0])));
    } else if (
      c instanceof HTMLTextAreaElement ||
      (c instanceof HTMLInputElement && /^(text|tel|email|)$/.test(c.type))
    ) {
      if (clean(c.value)) out.push(words.written(clean(c.value)));
    }
  }
  return out;
}

function partsOf(el: Element): string[] {
  const kind = (el as HTMLElement).dataset.listen;
  if (kind === 'blocks') return blocksOf(el);
  if (el.tagName === 'DL') return listOf(el);
  return [textOf(el)];
}

export function listenParts(root: Element, words: ListenWords): string[] {
  const parts: string[] = [];
  const pending: Element[] = []; // "value" areas, read once their marked insides are
  const inside = Array.from(root.querySelectorAll('[data-listen]'));
  const marked = (root.matches('[data-listen]') ? [root, ...inside] : inside).filter(
    (el) => shown(el) && !el.parentElement?.closest('[data-listen="blocks"]')
  );
  for (const el of marked) {
    while (pending.length && !pending[pending.length - 1].contains(el)) parts.push(...valuesOf(pending.pop()!, words));
    if ((el as HTMLElement).dataset.listen === 'value') pending.push(el);
    else parts.push(...partsOf(el));
  }
  while (pending.length) parts.push(...valuesOf(pending.pop()!, words));
  return parts.filter(Boolean).map(sentence);
}
