import { fileOr404 } from '$lib/server/http';
import { openAttachment } from '$lib/server/reports/intake/attachment.service';
import { FOLLOW_COOKIE, verifyFollowToken } from '$lib/server/reports/intake/receipt-keys';
import type { RequestHandler } from './$types';

/** Photos and voice notes of a report, after the access check in openAttachment. */
export const GET: RequestHandler = async ({ params, url, locals, cookies }) => {
  const file = await fileOr404(() =>
    openAttachment(locals.db, locals.actor, params.id, {
      original: url.searchParams.get('original') === '1',
      thumb: url.searchParams.get('size') === 'thumb',
      followReportId: verifyFollowToken(cookies.get(FOLLOW_COOKIE))
    })
  );
  return new Response(new Uint8Array(file.body), {
    headers: {
      'content-type': file.mime,
      'cache-control': file.private ? 'private, no-store' : 'public, max-age=86400',
      'content-disposition': 'inline'
    }
  });
};
