/**
 * On a slow phone the form is on screen, server-rendered, seconds before its script arrives; a
 * villager may already tick a category and start writing. Taking over the page sets every field
 * back to what the server rendered, so what they did would silently vanish. `noteEarlyInput`
 * runs while the page's script starts (before the form is taken over) and notes the fields that
 * differ from what the server sent; the returned function, called once the form is live, puts
 * them back and tells the form they changed, so what depends on them (a commune's villages, the
 * protection that follows the channel) follows too.
 */
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Hidden fields belong to the page; a chosen file survives on its own (and cannot be set). */
const typed = (el: Element): el is Field =>
  (el instanceof HTMLInputElement && el.type !== 'hidden' && el.type !== 'file') ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement;

const tick = (el: Field): el is HTMLInputElement =>
  el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');

/** A radio counts once chosen: choosing it again unchooses the one the server had chosen. */
function changed(el: Field): boolean {
  if (el instanceof HTMLSelectElement) return [...el.options].some((o) => o.selected !== o.defaultSelected);
  if (tick(el)) return el.checked !== el.defaultChecked && (el.checked || el.type === 'checkbox');
  return el.value !== el.defaultValue;
}

/** The same field once the form is live: by name, and by value for a radio or checkbox. */
const same = (a: Field, b: { name: string; value: string; tick: boolean }) =>
  a.name === b.name && (!b.tick || a.value === b.value);

/** Only the form the server sent with this document: a later visit within the app starts afresh. */
let taken = false;

export function noteEarlyInput(formId: string): () => void {
  if (typeof document === 'undefined' || taken) return () => {};
  taken = true;
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return () => {};
  const early = [...form.elements]
    .filter(typed)
    .filter(changed)
    .map((el) => ({ name: el.name, value: el.value, tick: tick(el), checked: tick(el) && el.checked }));
  return () => {
    const fields = [...form.elements].filter(typed);
    for (const f of early) {
      const el = fields.find((x) => same(x, f));
      if (!el) continue;
      if (tick(el)) el.checked = f.checked;
      else el.value = f.value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  };
}
