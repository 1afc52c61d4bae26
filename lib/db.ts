import 'server-only';
import { createDatabaseClient, type DatabaseClient } from './db/client';
import { resolveDatabase, type DatabaseProvider } from './db/database-url';

// The app's one database client. DATABASE_URL picks the database (lib/db/database-url.ts): unset,
// the SQLite file .data/reader.db; postgres:// or postgresql://, PostgreSQL. Migrations are applied
// before the app starts (npm run db:migrate, lib/db/migrate.ts), not here.

/** 'sqlite' or 'postgresql', from DATABASE_URL. */
export const databaseProvider: DatabaseProvider = resolveDatabase().provider;

const globalCache = globalThis as typeof globalThis & { __readerDatabaseClient?: DatabaseClient };
let client: DatabaseClient | undefined;

function getClient(): DatabaseClient {
  if (client) return client;
  // In development Next re-evaluates modules on every edit: keep one client (and one pool) per process.
  client = globalCache.__readerDatabaseClient ?? createDatabaseClient(resolveDatabase());
  if (process.env.NODE_ENV !== 'production') globalCache.__readerDatabaseClient = client;
  return client;
}

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
