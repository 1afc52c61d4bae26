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

/** The Prisma client, created on first use. */
export const db: DatabaseClient = new Proxy({} as DatabaseClient, {
  get(_target, property) {
    const target = getClient();
    const value = Reflect.get(target, property, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
  has(_target, property) {
    return Reflect.has(getClient(), property);
  },
});
