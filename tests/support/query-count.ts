/**
 * Counts the queries a piece of code sends to the database: a Kysely plugin on a view of the
 * same database (same connection, same data), so a test can hold a page to a query budget.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import type { Db } from '../../src/lib/server/db';

export async function countQueries<T>(db: Db, run: (db: Db) => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const counter: KyselyPlugin = {
    // transformQuery also sees every subquery as it is built; a result comes once per execution.
    transformQuery: (args: PluginTransformQueryArgs) => args.node,
    transformResult: async (args: PluginTransformResultArgs) => {
      queries++;
      return args.result;
    }
  };
  const result = await run(db.withPlugin(counter));
  return { result, queries };
}
