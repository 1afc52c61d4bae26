// Creates the Prisma client for a database: SQLite through @prisma/adapter-better-sqlite3, PostgreSQL
// through @prisma/adapter-pg. Each provider has its own generated client (a pg adapter refuses a
// client generated for sqlite); both come from the same models, so the app is typed against the
// SQLite one. Only lib/db.ts (and tests) should call this.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-postgresql/client';
import { PrismaClient as SqlitePrismaClient } from '../generated/prisma-sqlite/client';
import { postgresSchema, type Database } from './database-url';

/** The app's client type (the SQLite client's; the PostgreSQL client has the same models and API). */
export type DatabaseClient = SqlitePrismaClient;

// synchronous = NORMAL is the recommended pairing with WAL: a committed write survives the process
// being killed (the WAL is in the OS's hands); only a power loss can drop the last commits.
const SQLITE_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;';

/**
 * A client for `database`. On PostgreSQL each client has a pool of its own, of `poolSize`
 * connections (default DATABASE_POOL_SIZE, else 10); a SQLite client is one connection.
 */
export function createDatabaseClient(database: Database, { poolSize }: { poolSize?: number } = {}): DatabaseClient {
  if (database.provider === 'sqlite') {
    const file = database.file ?? database.url.replace(/^file:/, '');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const base = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
    // Every connection the adapter opens gets WAL (synchronous NORMAL), a 5 s busy timeout and foreign keys.
    const adapter: SqlDriverAdapterFactory = {
      provider: base.provider,
      adapterName: base.adapterName,
      async connect() {
        const connection = await base.connect();
        await connection.executeScript(SQLITE_PRAGMAS);
        return connection;
      },
    };
    return new SqlitePrismaClient({ adapter });
  }

  // The adapter owns its pool (created on connect, ended by $disconnect). With `?schema=`, Prisma
  // names the schema in its own queries, but raw SQL ($queryRaw: rate limits, list state) would look
  // in the server's search_path: each connection starts with the schema as its search_path too.
  //
  // random_page_cost 1.1 (PostgreSQL's default, 4, prices a random read as a spinning disk's): the
  // review's search asks for the first matches in reading order, and with the default the planner
  // read and sorted every note (110 ms at 100,000 notes) rather than walk the reading-order index
  // until it had them (10 ms). 1.1 is the usual value for SSDs and for data that is in memory.
  const schema = postgresSchema(database.url);
  const options = ['-c random_page_cost=1.1', ...(schema ? [`-c search_path=${startupOptionValue(quoteIdentifier(schema))}`] : [])];
  const adapter = new PrismaPg(
    {
      connectionString: database.url,
      max: poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10),
      options: options.join(' '),
    },
    schema ? { schema } : undefined,
  );
  return new PostgresPrismaClient({ adapter }) as unknown as DatabaseClient;
}

/** A PostgreSQL identifier in double quotes, as it is, whatever it holds. */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A value in the `options` startup parameter, where spaces separate arguments unless escaped. */
function startupOptionValue(value: string): string {
  return value.replace(/[\\\s]/g, (character) => `\\${character}`);
}
