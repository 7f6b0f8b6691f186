/** Server-side lookup of catalogue messages by key (for validation errors and AppErrors). */
import * as m from '$lib/paraglide/messages';

type MessageFn = (params?: Record<string, unknown>) => string;

export function t(key: string, params?: Record<string, unknown>): string {
  const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
  return fn ? fn(params ?? {}) : key;
}

export function hasMessage(key: string): boolean {
  return typeof (m as unknown as Record<string, unknown>)[key] === 'function';
}
