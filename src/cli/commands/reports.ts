/** Report workflow jobs for cron: `npm run cli -- reports remind` once a day. */
import { remindOverdue } from '$lib/server/reports/workflow/remind.service';
import type { Command } from '../command';

export const reportCommands: Record<string, Command> = {
  'reports remind': {
    usage: '[--date YYYY-MM-DD]',
    summary: 'record one reminder per responsible office for reports due today or overdue (idempotent per day)',
    options: { date: { type: 'string' } },
    run: async (ctx) => {
      const date = typeof ctx.options.date === 'string' ? new Date(`${ctx.options.date}T12:00:00+07:00`) : new Date();
      if (Number.isNaN(date.getTime())) {
        ctx.err('--date must be YYYY-MM-DD');
        return 1;
      }
      const res = await remindOverdue(await ctx.db(), date);
      ctx.out(`${res.day}: ${res.reports} due or overdue report(s), ${res.organisations} office(s), ${res.created} new reminder(s)`);
      return 0;
    }
  }
};
