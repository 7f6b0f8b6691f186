import type { Db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { log } from '$lib/server/log';
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo';
import { hasAnyUnit } from './demo.repository';
import { seedEmulationDemo } from '$lib/server/emulation/seed';
import { seedAwardNewsDemo } from '$lib/server/news/seed';
import { seedReportCasesDemo } from '$lib/server/reports/demo-seed';

/** Seeds the Lai Châu demo on first start (empty database) unless SEED_DEMO=false. */
export async function ensureSeeded(db: Db): Promise<void> {
  if (config.SEED_DEMO !== 'true') return;
  if (await hasAnyUnit(db)) return;
  await seedDemo(db);
  await seedEmulationDemo(db);
  // The award story needs the awards the emulation demo decides.
  await seedAwardNewsDemo(db);
  // Last: citizen reports walked through the workflow by the demo accounts seeded above.
  await seedReportCasesDemo(db);
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(16)} ${DEMO_PASSWORD}  ${a.role} @ ${a.orgLabel}`);
  log.info('demo data seeded');
  console.log(`\nChung Sức demo accounts (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n`);
}
