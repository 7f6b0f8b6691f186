import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { figureRecords, STEPS } from '$lib/server/emulation/figures.service';
import { AWARD_FORM_CODES, SUBJECT_KINDS } from '$lib/shared/emulation/rules';
import type { PageServerLoad } from './$types';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const CODES = [...STEPS, ...AWARD_FORM_CODES.map((f) => `award:${f}`)];
const query = z.object({
  org: z.string().uuid(),
  from: month,
  to: month,
  ind: z.string().refine((v) => CODES.includes(v)),
  kind: z.enum(SUBJECT_KINDS).nullable()
});

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const get = (k: string) => event.url.searchParams.get(k);
  const q = query.safeParse({ org: get('org'), from: get('from'), to: get('to'), ind: get('ind'), kind: get('kind') });
  if (!q.success) error(404, 'Not found');
  const { org, from, to, ind, kind } = q.data;
  const rows = await loadOr404(() => figureRecords(event.locals.db, actor, { org, from, to, code: ind, kind }));
  return { rows, query: q.data };
};
