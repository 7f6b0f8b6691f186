/** Server-side lookup of catalogue messages by key (for validation errors and AppErrors). */
import * as m from '$lib/paraglide/messages';

type MessageFn = (params?: Record<string, unknown>, options?: { locale: 'vi' | 'en' }) => string;
const messages = m as unknown as Record<string, MessageFn | undefined>;

export function t(key: string, params?: Record<string, unknown>): string {
  const fn = messages[key];
  return fn ? fn(params ?? {}) : key;
}

export function hasMessage(key: string): boolean {
  return typeof messages[key] === 'function';
}

/** A message in Vietnamese whatever the reader's language: exports and official papers are Vietnamese. */
export function vi(key: string, params: Record<string, unknown> = {}): string {
  return messages[key]?.(params, { locale: 'vi' }) ?? key;
}

/**
 * A coded error's text in the reader's language. Services name things such as a status by its
 * catalogue key (`details.labels`: param → key) so the words are chosen here, at the edge.
 */
export function errorText(key: string, details?: Record<string, unknown>): string {
  const labels = details?.labels as Record<string, string> | undefined;
  if (!labels) return t(key, details);
  return t(key, { ...details, ...Object.fromEntries(Object.entries(labels).map(([p, k]) => [p, t(k)])) });
}
