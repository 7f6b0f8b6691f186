/** Officer action: see exactly what the public will see, redact the text, approve photos, publish. */
import { z } from 'zod';
import { formAction, loadOr404, requireSignIn } from '$lib/server/http';
import { approvePhoto, publishingView, setPublic, setPublicText } from '$lib/server/reports/public/public.service';
import { publicTextSchema } from '$lib/server/reports/public/public.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireSignIn(event);
  return { report: await loadOr404(() => publishingView(event.locals.db, event.locals.actor, event.params.id)) };
};

const flagSchema = z.object({ flag: z.string().optional().default('') });
const photoSchema = flagSchema.extend({ attachment_id: z.string().optional().default('') });
const back = (name: string) => (_: unknown, e: { params: Record<string, string> }) =>
  `/public-admin/${e.params.id}?saved=${name}`;

export const actions: Actions = {
  publish: formAction({
    name: 'publish',
    schema: flagSchema,
    run: (c) => setPublic(c.db, c.actor, c.event.params.id!, c.data.flag === '1'),
    redirectTo: back('publish')
  }),
  photo: formAction({
    name: 'photo',
    schema: photoSchema,
    run: (c) => approvePhoto(c.db, c.actor, c.data.attachment_id, c.data.flag === '1'),
    redirectTo: back('photo')
  }),
  text: formAction({
    name: 'text',
    schema: publicTextSchema,
    run: (c) => setPublicText(c.db, c.actor, c.event.params.id!, c.data.public_description),
    redirectTo: back('text')
  })
};
