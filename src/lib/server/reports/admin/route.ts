/** The one shape of every admin form action here: guard → zod → service → fail or success. */
import { fail, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { guardAdmin } from '$lib/server/accounts/route';
import { formValues, validate } from '$lib/server/forms';
import { failFromError } from '$lib/server/http';

export async function adminForm<S extends z.ZodType, R extends Record<string, unknown>>(
  event: RequestEvent,
  schema: S,
  run: (data: z.infer<S>, values: Record<string, string | string[]>) => Promise<R>
) {
  guardAdmin(event);
  const values = formValues(await event.request.formData());
  const parsed = validate(schema, values);
  if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
  try {
    return await run(parsed.data, values);
  } catch (e) {
    return failFromError(e, values);
  }
}

/** Delete-style actions: a single id field, no schema. */
export async function adminIdAction<R extends Record<string, unknown>>(
  event: RequestEvent,
  field: string,
  run: (id: string) => Promise<R>
) {
  guardAdmin(event);
  const id = String((await event.request.formData()).get(field) ?? '');
  try {
    return await run(id);
  } catch (e) {
    return failFromError(e, {});
  }
}
