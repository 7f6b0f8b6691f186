import { auditFilterOptions, browseAudit } from '$lib/server/audit/audit.query';
import { auditFilterSchema } from '$lib/server/audit/audit.schema';
import { validate } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

// A GET filter form, a table and the pager: nothing here needs a script, so the page ships none.
export const csr = false;

const FIELDS = ['entity_type', 'action', 'actor', 'q', 'from', 'to'] as const;

/** Read-only: this route has a load and no actions, so nothing here can change audit rows. */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
  await parent();
  const values = Object.fromEntries(FIELDS.map((f) => [f, (url.searchParams.get(f) ?? '').slice(0, 100)]));
  const parsed = validate(auditFilterSchema, { ...values, page: url.searchParams.get('page') ?? '1' });
  const options = await auditFilterOptions(locals.db, locals.actor);
  if (!parsed.ok) return { values, errors: parsed.errors, options, events: [], hasNext: false, page: 1 };
  const { events, hasNext } = await browseAudit(locals.db, locals.actor, parsed.data);
  return { values, errors: {}, options, events, hasNext, page: parsed.data.page };
};
