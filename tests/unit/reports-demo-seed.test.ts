import { expect, it } from 'vitest';
import { forEachDb } from '../support/db';
import { seedDemo } from '../../src/lib/server/seed/demo';

forEachDb('demo seed with report reference data', (ctx) => {
  it('seeds categories, holidays, deadline rules and routing for the demo agencies', async () => {
    await seedDemo(ctx.db);
    const count = async (t: 'category' | 'holiday' | 'deadline_rule' | 'routing_rule') =>
      Number(
        (
          await ctx.db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      );
    expect(await count('category')).toBe(18);
    expect(await count('holiday')).toBeGreaterThan(30);
    expect(await count('deadline_rule')).toBe(9);
    expect(await count('routing_rule')).toBe(18 + 4); // every category + land cases in two communes
  });
});
