/** Catalogue labels for report enums (keys live in messages/{locale}/reports.json). */
import * as m from '$lib/paraglide/messages';

type Msg = () => string;
const messages = m as unknown as Record<string, Msg | undefined>;

export const statusLabel = (status: string): string => messages[`reports_status_${status}`]?.() ?? status;
