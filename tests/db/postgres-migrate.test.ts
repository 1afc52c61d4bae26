// The migrator on a real PostgreSQL database (TEST_DATABASE_URL or 127.0.0.1:5432), created for each
// test as reader_test_<random> and dropped afterwards. Skipped only when the server is unreachable.
import { afterEach, describe, it } from 'vitest';
import { describeUrl, serverUrl, unreachableReason } from '@/scripts/db/postgres-server';
import { createPostgresDatabase } from './databases';
import { defineMigratorSuite, type TestDatabase } from './migrator-suite';

const unreachable = await unreachableReason(serverUrl());
if (unreachable) console.warn(`PostgreSQL migrator tests SKIPPED: server unreachable (${unreachable})`);

const created: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((db) => db.drop()));
});

describe.skipIf(unreachable !== null)(`migrator on PostgreSQL (${describeUrl(serverUrl())})`, () => {
  defineMigratorSuite('postgresql', createPostgresDatabase, (db) => created.push(db));
});

if (unreachable) {
  // Shows the reason in the test report.
  describe('migrator on PostgreSQL', () => {
    it.skip(`skipped: PostgreSQL server unreachable (${unreachable})`, () => {});
  });
}
