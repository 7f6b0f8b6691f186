import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  account: locals.account
    ? {
        id: locals.account.id,
        displayName: locals.account.displayName,
        mustChangePassword: locals.account.mustChangePassword,
        roles: [...new Set(locals.actor.grants.map((g) => g.role))]
      }
    : null
});
