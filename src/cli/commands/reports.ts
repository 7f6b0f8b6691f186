/**
 * Report workflow jobs for cron: `npm run cli -- reports remind` once a day (it records the
 * reminders, closes reports past their reopen window, then delivers everything pending), and `reports deliver` every few minutes to
 * send urgent alerts and retry failed deliveries.
 */
import { config } from '$lib/server/config';
import { remindOverdue } from '$lib/server/reports/workflow/remind.service';
import { closeSettled } from '$lib/server/reports/workflow/close.service';
import { DEADLINE_NOTICE_DAYS, noticeDeadlines } from '$lib/server/notify/notices';
import { deliverPending } from '$lib/server/notify/delivery.service';
import { configuredNotifiers } from '$lib/server/notify/channels';
import { setNotifyEmail } from '$lib/server/notify/contact.service';
import { SYSTEM } from '$lib/server/access/actor';
import type { Db } from '$lib/server/db';
import type { Command } from '../command';

async function deliver(db: Db, out: (line: string) => void): Promise<void> {
  const res = await deliverPending(db, configuredNotifiers(), {
    maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    origin: config.ORIGIN ?? ''
  });
  out(`delivery: ${res.sent} sent, ${res.retrying} to retry, ${res.failed} failed`);
}

export const reportCommands: Record<string, Command> = {
  'reports remind': {
    usage: '[--date YYYY-MM-DD]',
    summary:
      'record one reminder per responsible office for reports due today or overdue (idempotent per day), close resolved reports past their reopen window, then deliver pending notifications',
    options: { date: { type: 'string' } },
    run: async (ctx) => {
      const date = typeof ctx.options.date === 'string' ? new Date(`${ctx.options.date}T12:00:00+07:00`) : new Date();
      if (Number.isNaN(date.getTime())) {
        ctx.err('--date must be YYYY-MM-DD');
        return 1;
      }
      const db = await ctx.db();
      const res = await remindOverdue(db, date);
      ctx.out(
        `${res.day}: ${res.reports} due or overdue report(s), ${res.organisations} office(s), ${res.created} new reminder(s)`
      );
      ctx.out(`${await noticeDeadlines(db, date)} officer notice(s) of deadlines within ${DEADLINE_NOTICE_DAYS} days`);
      ctx.out(`${await closeSettled(db, date)} resolved report(s) closed: the reopen window has passed`);
      await deliver(db, ctx.out);
      return 0;
    }
  },
  'reports set-email': {
    usage: '--username NAME [--email ADDRESS]',
    summary: "set (or, without --email, clear) the address an officer's notifications are e-mailed to",
    options: { username: { type: 'string' }, email: { type: 'string' } },
    run: async (ctx) => {
      const username = typeof ctx.options.username === 'string' ? ctx.options.username : '';
      if (!username) {
        ctx.err('--username is required');
        return 1;
      }
      const email = typeof ctx.options.email === 'string' && ctx.options.email ? ctx.options.email : null;
      try {
        await setNotifyEmail(await ctx.db(), SYSTEM, username, email);
      } catch (e) {
        ctx.err(`not changed: ${(e as Error).message}`);
        return 1;
      }
      ctx.out(email ? `${username}: notifications go to ${email}` : `${username}: no e-mail address`);
      return 0;
    }
  },
  'reports deliver': {
    usage: '',
    summary:
      'send pending notifications (urgent alerts, reminders) by e-mail (SMTP_URL) and SMS; failed ones are retried with backoff',
    options: {},
    run: async (ctx) => {
      await deliver(await ctx.db(), ctx.out);
      return 0;
    }
  }
};
