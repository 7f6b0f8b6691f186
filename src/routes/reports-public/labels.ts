/** Labels of the public side: progress told as one of four plain states. */
import * as m from '$lib/paraglide/messages';
import { publicStateOf, type PublicState } from '$lib/shared/reports/public-status';

type Msg = () => string;

const PUBLIC: Record<PublicState, Msg> = {
  received: m.desk_public_received,
  handling: m.desk_public_handling,
  handled: m.desk_public_handled,
  not_accepted: m.desk_public_not_accepted
};

export const publicStateLabel = (state: PublicState): string => PUBLIC[state]();
export const publicStatusLabel = (status: string): string => PUBLIC[publicStateOf(status)]();
