/** Labels for model code lists (messages are looked up by code). */
import * as m from '$lib/paraglide/messages';

const msg = (key: string): string => (m as unknown as Record<string, (() => string) | undefined>)[key]?.() ?? key;

export const kindLabel = (kind: string) => msg(`pp_model_kind_${kind}`);
export const statusLabel = (status: string) => msg(`program_status_${status}`);
