/**
 * The public words for a report's progress: the one place the list, the CSV/XLSX downloads and
 * the GeoJSON label take them from, so a reader sees the same word everywhere.
 */
import * as m from '$lib/paraglide/messages';
import { publicStateOf, type PublicState } from './public-status';

type Locale = 'vi' | 'en';
type Msg = (inputs?: object, options?: { locale?: Locale }) => string;

const PUBLIC: Record<PublicState, Msg> = {
  received: m.desk_public_received,
  handling: m.desk_public_handling,
  handled: m.desk_public_handled,
  not_accepted: m.desk_public_not_accepted
};

export const publicStateLabel = (state: PublicState, locale?: Locale): string =>
  PUBLIC[state]({}, locale ? { locale } : undefined);
export const publicStatusLabel = (status: string, locale?: Locale): string =>
  publicStateLabel(publicStateOf(status), locale);
