/** Account commands for operators: create an account (optionally with a role) and reset a password. */
import { SYSTEM } from '$lib/server/access/actor';
import { isAppError } from '$lib/server/errors';
import { t } from '$lib/server/i18n';
import { validate } from '$lib/server/forms';
import { createAccountSchema, grantSchema, resetPasswordSchema } from '$lib/server/accounts/accounts.schema';
import { accountIdByUsername, createAccount, resetPassword } from '$lib/server/accounts/accounts.service';
import { assertGrantable, grantRole } from '$lib/server/accounts/grants.service';
import { UsageError, type Command, type CommandContext } from '../command';

const CLI_ACTOR = { ...SYSTEM, name: 'cli' };

const opt = (ctx: CommandContext, name: string): string => {
  const v = ctx.options[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required`);
  return v;
};

/** Prints validation or service errors (localised, as in the forms) and returns exit code 1. */
function refuse(ctx: CommandContext, errors: Record<string, string>): number {
  for (const [field, message] of Object.entries(errors)) ctx.err(`  ${field}: ${message}`);
  return 1;
}

async function guarded(ctx: CommandContext, missing: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === 'NOT_FOUND') return refuse(ctx, { error: missing });
    return refuse(ctx, { [e.details?.field ? String(e.details.field) : 'error']: t(e.message) });
  }
}

export const accountCommands: Record<string, Command> = {
  'account create': {
    usage: '--username U --name "Full Name" --password P [--phone 09xxxxxxxx] [--role ROLE --org ORG_ID]',
    summary: 'create an account (must change the password at first sign-in), optionally granting a role',
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      phone: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' }
    },
    run: async (ctx) => {
      const input = {
        username: opt(ctx, 'username'),
        display_name: opt(ctx, 'name'),
        password: opt(ctx, 'password'),
        phone: (ctx.options.phone as string) ?? ''
      };
      const parsed = validate(createAccountSchema, input);
      if (!parsed.ok) return refuse(ctx, parsed.errors);
      const grant =
        ctx.options.role || ctx.options.org
          ? validate(grantSchema, { role: ctx.options.role, organisation_id: ctx.options.org })
          : null;
      if (grant && !grant.ok) return refuse(ctx, grant.errors);
      const db = await ctx.db();
      return guarded(ctx, 'no such organisation (--org)', async () => {
        // Services own their transactions, so check --org before creating anything.
        if (grant?.ok) await assertGrantable(db, CLI_ACTOR, grant.data.organisation_id);
        const id = await createAccount(db, CLI_ACTOR, parsed.data);
        if (grant?.ok) await grantRole(db, CLI_ACTOR, id, grant.data);
        ctx.out(`created account ${parsed.data.username} (${id})${grant?.ok ? ` as ${grant.data.role}` : ''}`);
        return 0;
      });
    }
  },
  'account reset-password': {
    usage: '--username U --password P',
    summary: 'set a temporary password (must be changed at next sign-in) and end all sessions',
    options: { username: { type: 'string' }, password: { type: 'string' } },
    run: async (ctx) => {
      const username = opt(ctx, 'username');
      const db = await ctx.db();
      return guarded(ctx, `no account with username ${username}`, async () => {
        const id = await accountIdByUsername(db, CLI_ACTOR, username);
        const parsed = validate(resetPasswordSchema(username), { password: opt(ctx, 'password') });
        if (!parsed.ok) return refuse(ctx, parsed.errors);
        await resetPassword(db, CLI_ACTOR, id, parsed.data.password);
        ctx.out(`password reset for ${username}; it must be changed at next sign-in`);
        return 0;
      });
    }
  },
  'roles grant-custodian': {
    usage: '--username U --org ORG_ID',
    summary: 'make an account identity custodian at ORG_ID (audited as the CLI; current custodians are told)',
    options: { username: { type: 'string' }, org: { type: 'string' } },
    run: async (ctx) => {
      const username = opt(ctx, 'username');
      const org = opt(ctx, 'org');
      const db = await ctx.db();
      return guarded(ctx, `no account ${username} or no organisation ${org}`, async () => {
        const id = await accountIdByUsername(db, CLI_ACTOR, username);
        await grantRole(db, CLI_ACTOR, id, { role: 'identity_custodian', organisation_id: org });
        ctx.out(`${username} is now identity custodian at ${org}`);
        return 0;
      });
    }
  }
};
