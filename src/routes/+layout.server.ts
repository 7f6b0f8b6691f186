import { deLocalizeUrl } from '$lib/paraglide/runtime';
import { DRAFT_COOKIE, takeDraft } from '$lib/server/drafts/draft.service';
import { can } from '$lib/server/access/access';
import { unreadNotices } from '$lib/server/notify/inbox.service';
import { countRevealRequests } from '$lib/server/reports/workflow/reveal-request.service';
import { ACTIONS } from '$lib/shared/roles';
import { shellWords } from '$lib/server/http/shell-words';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, cookies }) => {
  const draftId = url.searchParams.get('draft');
  // Only the browser that was given the draft's cookie gets it back, and only once.
  const draft =
    draftId && locals.account
      ? await takeDraft(locals.db, cookies.get(DRAFT_COOKIE), draftId, deLocalizeUrl(url).pathname)
      : null;
  if (draft) cookies.delete(DRAFT_COOKIE, { path: '/' });
  const account = locals.account
    ? {
        id: locals.account.id,
        displayName: locals.account.displayName,
        mustChangePassword: locals.account.mustChangePassword,
        roles: [...new Set(locals.actor.grants.map((g) => g.role))],
        // What the menu may offer: only pages this person's roles open.
        actions: ACTIONS.filter((a) => can(locals.actor, a)),
        unread: await unreadNotices(locals.db, locals.actor),
        reveals: await countRevealRequests(locals.db, locals.actor)
      }
    : null;
  return {
    // What the user typed before their session expired; forms prefer it over stored values.
    draft,
    account,
    // The header and menu in words: their messages are not shipped to every page's browser code.
    shell: shellWords(account)
  };
};
