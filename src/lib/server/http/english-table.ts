import englishTable from 'virtual:cs-en-messages';

/** SvelteKit's inline start-up script, which hydrates the page (render.js); the nonce is kept. */
const STARTER = /\n\t*<script( nonce="[^"]*")?>\s*\{/;

/**
 * An English page gets the English message table (scripts/locale-split.ts) as a plain
 * script right before SvelteKit's start-up script: it runs before any component asks for a
 * message, and the page above it is already parsed. Vietnamese pages, pages without
 * JavaScript and the dev server (no table) are left as rendered.
 */
export function withEnglishTable(html: string, locale: string, table: string | null = englishTable): string {
  if (locale !== 'en' || !table) return html;
  return html.replace(STARTER, (start, nonce = '') => `\n<script${nonce} src="${table}"></script>${start}`);
}
