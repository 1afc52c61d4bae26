// The migrator on a real SQLite file in a temporary folder.
import { afterEach, describe } from 'vitest';
import { createSqliteDatabase } from './databases';
import { defineMigratorSuite, type TestDatabase } from './migrator-suite';

const created: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((db) => db.drop()));
});

describe('migrator on SQLite (better-sqlite3, temporary file)', () => {
  defineMigratorSuite('sqlite', createSqliteDatabase, (db) => created.push(db));
});
