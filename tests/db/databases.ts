// Real throwaway databases for the tests: a SQLite file in a temporary folder, or a PostgreSQL
// database reader_test_<random> on TEST_DATABASE_URL / 127.0.0.1:5432.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDatabaseClient, type DatabaseClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { createTemporaryDatabase } from '@/scripts/db/postgres-server';
import type { TestDatabase } from './migrator-suite';

export function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-sqlite-test-'));
  // A folder that does not exist yet: the migrator must create it.
  const file = path.join(dir, 'nested', 'reader.db');
  const open = <T>(run: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return run(db);
    } finally {
      db.close();
    }
  };
  return Promise.resolve({
    database: { provider: 'sqlite', url: `file:${file}`, file },
    engineMain: file,
    probe: {
      async query(sql) {
        return open((db) => {
          const statement = db.prepare(sql);
          if (statement.reader) return statement.all() as Record<string, unknown>[];
          statement.run();
          return [];
        });
      },
      async tables() {
        return open((db) =>
          (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
        );
      },
      async columns(table) {
        return open((db) => (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((r) => r.name));
      },
      async migrationsTableShape() {
        return open((db) => db.prepare(`SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'`).get());
      },
    },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

export async function createPostgresDatabase(): Promise<TestDatabase> {
  const temporary = await createTemporaryDatabase('reader_test');
  const run = async (sql: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: temporary.url });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  return {
    database: { provider: 'postgresql', url: temporary.url },
    engineMain: temporary.url,
    probe: {
      query: (sql) => run(sql),
      async tables() {
        const rows = await run(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
        return rows.map((r) => String(r.table_name));
      },
      async columns(table) {
        const rows = await run(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        );
        return rows.map((r) => String(r.column_name));
      },
      migrationsTableShape: () =>
        run(
          `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
             FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
        ),
    },
    drop: () => temporary.drop(),
  };
}

/**
 * A throwaway database with every migration applied, and the app's client on it. What undoes them
 * (disconnect, then drop) is pushed onto `cleanups`, for the test file's afterEach to run in reverse.
 */
export async function migratedClient(create: () => Promise<TestDatabase>, cleanups: (() => Promise<void>)[]): Promise<DatabaseClient> {
  const t = await create();
  cleanups.push(() => t.drop());
  await applyMigrations(t.database);
  const client = createDatabaseClient(t.database);
  cleanups.push(() => client.$disconnect());
  return client;
}
