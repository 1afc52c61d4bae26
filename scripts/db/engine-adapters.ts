// Driver-adapter factories for the Wasm schema engine, with the fixes it needs on top of
// @prisma/adapter-better-sqlite3 and @prisma/adapter-pg 7.10:
// - SQLite: replaying migrations into the shadow database sends a whole migration.sql through one
//   executeRaw/queryRaw call; better-sqlite3's prepare() refuses several statements, so such scripts
//   go through exec() (the adapter's executeScript) instead.
// - PostgreSQL: introspection selects columns of PostgreSQL's internal "char" type (oid 18:
//   relkind, contype, …), which adapter-pg 7.10 refuses ("Column type 'char' could not be
//   deserialized"). Its values are one-character strings, so our pg client reports them as text.
// - Shadow databases: SQLite ones live in memory; PostgreSQL ones are temporary databases created
//   and dropped on the server of scripts/db/postgres-server.ts. The main connection goes to the
//   database a caller names, else to an empty throwaway database; a shadow never stands in for it.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { createTemporaryDatabase, serverUrl, type TemporaryDatabase } from './postgres-server';

export type EngineFactory = SqlMigrationAwareDriverAdapterFactory & {
  /** Closes connections and drops every temporary database the factory created. */
  cleanup(): Promise<void>;
};

// --- SQLite ---

const MULTIPLE_STATEMENTS = /more than one statement/i;

function errorText(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { message?: unknown; cause?: { originalMessage?: unknown; message?: unknown } };
    return [e.message, e.cause?.originalMessage, e.cause?.message].filter((x) => typeof x === 'string').join(' ');
  }
  return String(error);
}

/** Runs a multi-statement SQL string sent without arguments through `runScript`. */
async function orScript<T>(query: SqlQuery, run: () => Promise<T>, runScript: (sql: string) => Promise<void>, empty: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (query.args.length === 0 && MULTIPLE_STATEMENTS.test(errorText(error))) {
      if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`[engine-adapters] multi-statement SQL sent through exec()\n`);
      await runScript(query.sql);
      return empty;
    }
    throw error;
  }
}

const EMPTY_RESULT: SqlResultSet = { columnNames: [], columnTypes: [], rows: [] };

function wrapSqliteAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const script = (sql: string) => adapter.executeScript(sql);
  const wrapped: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q) => orScript(q, () => adapter.queryRaw(q), script, EMPTY_RESULT),
    executeRaw: (q) => orScript(q, () => adapter.executeRaw(q), script, 0),
    executeScript: script,
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel) {
      const tx = await adapter.startTransaction(isolationLevel);
      // Inside a transaction there is no executeScript; the connection is the adapter's own, so its
      // exec() runs within the open transaction.
      const txWrapped: Transaction = {
        provider: tx.provider,
        adapterName: tx.adapterName,
        options: tx.options,
        queryRaw: (q) => orScript(q, () => tx.queryRaw(q), script, EMPTY_RESULT),
        executeRaw: (q) => orScript(q, () => tx.executeRaw(q), script, 0),
        commit: () => tx.commit(),
        rollback: () => tx.rollback(),
      };
      if (tx.createSavepoint) txWrapped.createSavepoint = (name) => tx.createSavepoint!(name);
      if (tx.rollbackToSavepoint) txWrapped.rollbackToSavepoint = (name) => tx.rollbackToSavepoint!(name);
      if (tx.releaseSavepoint) txWrapped.releaseSavepoint = (name) => tx.releaseSavepoint!(name);
      return txWrapped;
    },
  };
  if (adapter.getConnectionInfo) wrapped.getConnectionInfo = () => adapter.getConnectionInfo!();
  return wrapped;
}

/**
 * SQLite for the engine: shadow databases in memory; the main database is `mainFile` (a path) when
 * given, otherwise a fresh in-memory database.
 */
export function sqliteEngineFactory(mainFile?: string): EngineFactory {
  const open: SqlDriverAdapter[] = [];
  const connectTo = async (url: string) => {
    const adapter = wrapSqliteAdapter(await new PrismaBetterSqlite3({ url }).connect());
    open.push(adapter);
    return adapter;
  };
  return {
    provider: 'sqlite',
    adapterName: '@prisma/adapter-better-sqlite3',
    async connect() {
      if (!mainFile) return connectTo(':memory:');
      fs.mkdirSync(path.dirname(mainFile), { recursive: true });
      return connectTo(`file:${mainFile}`);
    },
    connectToShadowDb: () => connectTo(':memory:'),
    async cleanup() {
      await Promise.allSettled(open.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

// --- PostgreSQL ---

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function charAsText<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as QueryResultLike[]) {
    for (const field of r?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

/** A pg Client that reports columns of type "char" as text (see the top of this file). */
class CharAsTextClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, submittable); patch results on both paths.
  query(...args: unknown[]): never {
    const callbackIndex = args.findIndex((a) => typeof a === 'function');
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (err: Error | null, res: unknown) => void;
      args[callbackIndex] = (err: Error | null, res: unknown) => callback(err, err ? res : charAsText(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).then(charAsText) as never;
    }
    return result as never;
  }
}

/**
 * adapter-pg with our client. Its executeScript splits the script on every ";" (even inside string
 * literals) and runs the pieces one by one; ours sends the script as one simple-protocol query, which
 * PostgreSQL runs atomically.
 */
async function connectPg(url: string): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url, Client: CharAsTextClient, max: 4 });
  pool.on('error', () => {});
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  return {
    ...bindMethods(adapter),
    async executeScript(script) {
      try {
        await pool.query(script);
      } catch (error) {
        const e = error as pg.DatabaseError;
        if (typeof e.code !== 'string') throw error;
        throw new DriverAdapterError({
          kind: 'postgres',
          code: e.code,
          severity: e.severity ?? 'ERROR',
          message: e.message,
          detail: e.detail,
          column: e.column,
          hint: e.hint,
        });
      }
    },
  };
}

/**
 * PostgreSQL for the engine: each shadow database is a temporary database on `server` (default
 * TEST_DATABASE_URL or 127.0.0.1:5432), dropped when the engine disposes of it or at cleanup().
 * The main connection goes to `mainUrl`, or to an empty temporary database when none is given.
 */
export function postgresEngineFactory(options: { server?: string; mainUrl?: string } = {}): EngineFactory {
  const server = options.server ?? serverUrl();
  const open: SqlDriverAdapter[] = [];
  const temporary: TemporaryDatabase[] = [];
  const connectTo = async (url: string) => {
    const adapter = await connectPg(url);
    open.push(adapter);
    return adapter;
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      if (options.mainUrl) return connectTo(options.mainUrl);
      // The engine opens its main connection at start even when a command only needs the shadow
      // database: give it an empty temporary database rather than any real one.
      const scratch = await createTemporaryDatabase('reader_engine', server);
      temporary.push(scratch);
      return connectTo(scratch.url);
    },
    async connectToShadowDb() {
      const shadow = await createTemporaryDatabase('reader_shadow', server);
      temporary.push(shadow);
      const adapter = await connectTo(shadow.url);
      return {
        ...bindMethods(adapter),
        async dispose() {
          await adapter.dispose();
          await shadow.drop();
        },
      };
    },
    async cleanup() {
      await Promise.allSettled(open.splice(0).map((adapter) => adapter.dispose()));
      await Promise.allSettled(temporary.splice(0).map((db) => db.drop()));
    },
  };
}

function bindMethods(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const bound: SqlDriverAdapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q) => adapter.queryRaw(q),
    executeRaw: (q) => adapter.executeRaw(q),
    executeScript: (s) => adapter.executeScript(s),
    startTransaction: (level) => adapter.startTransaction(level),
    dispose: () => adapter.dispose(),
  };
  if (adapter.getConnectionInfo) bound.getConnectionInfo = () => adapter.getConnectionInfo!();
  return bound;
}
