import 'server-only';
import { processWide } from '@/lib/process-wide';
import { createDatabaseClient, type DatabaseClient } from './db/client';
import { resolveDatabase, type DatabaseProvider } from './db/database-url';

// The app's one database client. DATABASE_URL picks the database (lib/db/database-url.ts): unset,
// the SQLite file .data/reader.db; postgres:// or postgresql://, PostgreSQL. Migrations are applied
// before the app starts (npm run db:migrate, lib/db/migrate.ts), not here.

/** 'sqlite' or 'postgresql', from DATABASE_URL. */
export const databaseProvider: DatabaseProvider = resolveDatabase().provider;

// One client (one SQLite connection, one PostgreSQL pool) per process: two SQLite connections in one
// process would wait on each other's write locks. (Errors are recognised by code, never by a client
// copy's classes.)
const getClient = () => processWide('__readerDatabaseClient', () => createDatabaseClient(resolveDatabase()));

// What anyone may read (the public answers about an article's notes) has a PostgreSQL pool of its
// own, DATABASE_READ_POOL_SIZE connections: a crowd of readers then queues for its own connections,
// and writes, sign-ins and a reader's own notes never wait behind it. SQLite has one connection in
// the process, and nothing to queue for: both names are the same client.
const getReadClient = () =>
  processWide('__readerPublicReadsClient', () => {
    const database = resolveDatabase();
    if (database.provider === 'sqlite') return getClient();
    return createDatabaseClient(database, { poolSize: Number(process.env.DATABASE_READ_POOL_SIZE) || 10 });
  });

/** A client created on first use, then kept for the process. */
function lazily(get: () => DatabaseClient): DatabaseClient {
  return new Proxy({} as DatabaseClient, {
    get(_target, property) {
      const target = get();
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has(_target, property) {
      return Reflect.has(get(), property);
    },
  });
}

/** The Prisma client: writes, accounts and sessions, a reader's own notes, moderation. */
export const db: DatabaseClient = lazily(getClient);

/** The Prisma client for public reads (an article's summary, a sentence's notes, shared pages, search, exports). */
export const publicReads: DatabaseClient = lazily(getReadClient);

/** Closes both clients' connections (tests, scripts). */
export async function disconnectDatabase(): Promise<void> {
  await Promise.all([getClient().$disconnect(), getReadClient().$disconnect()]);
}
