import { can } from '$lib/server/access/access';
import { validate } from '$lib/server/forms';
import { loadOr404, requireSignIn } from '$lib/server/http';
import { formOptions, listPeople } from '$lib/server/people/person.service';
import { personQuerySchema } from '$lib/server/people/person.schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const actor = requireSignIn(event);
  const { locals, url } = event;
  const raw = Object.fromEntries(url.searchParams.entries());
  const parsed = validate(personQuerySchema, raw);
  const query = parsed.ok ? parsed.data : personQuerySchema.parse({});
  const [result, options] = await loadOr404(() =>
    Promise.all([listPeople(locals.db, actor, query), formOptions(locals.db, actor, 'person.read')])
  );
  return {
    query: {
      q: query.q,
      organisation_id: query.organisation_id,
      village_unit_id: query.village_unit_id,
      member: query.member
    },
    people: result.rows.map((r) => ({
      id: r.id,
      full_name: r.full_name,
      birth_year: r.birth_year,
      village_name: r.village_name,
      organisation_name: r.organisation_name,
      is_member: r.is_member,
      anonymised: !!r.anonymised_at
    })),
    total: result.total,
    page: result.page,
    pages: result.pages,
    options,
    canWrite: can(actor, 'person.write'),
    imported: url.searchParams.get('imported')
  };
};
