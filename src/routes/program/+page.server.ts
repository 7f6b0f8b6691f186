import { requireAction } from '$lib/server/http';
import { READ } from '$lib/server/program/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireAction(event, READ);
  return {};
};
