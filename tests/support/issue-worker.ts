/**
 * A second process issuing documents into the same SQLite file, for the register's
 * concurrency test: `node --import tsx tests/support/issue-worker.ts FILE ORG COUNT`.
 * Prints the numbers it got as JSON.
 */
import { openDatabase } from '../../src/lib/server/db';
import { KINDS, issueDocument } from '../../src/lib/server/documents';
import { issuerFor, sampleSpec } from './documents';

const [file, org, count] = process.argv.slice(2);
const db = await openDatabase('sqlite', file);
const actor = {
  kind: 'account' as const,
  accountId: null,
  name: 'worker',
  grants: [{ role: 'association_officer' as const, organisationId: org }]
};
const numbers: number[] = [];
for (let i = 0; i < Number(count); i++) {
  const doc = await issueDocument(
    db,
    actor,
    { spec: sampleSpec([issuerFor(org)], { kind: KINDS.GM }) },
    new Date('2026-06-01T08:00:00+07:00')
  );
  numbers.push(doc.number);
}
await db.destroy();
console.log(JSON.stringify(numbers));
