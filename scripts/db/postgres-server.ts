// The PostgreSQL server the migration tools and tests use for throwaway databases (shadow databases,
// test databases): TEST_DATABASE_URL if set, else the local server at 127.0.0.1:5432. Never the
// app's DATABASE_URL: nothing here touches real data.
import crypto from 'node:crypto';
import pg from 'pg';

export const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A connection string to an existing database on the server, used to create and drop others. */
export function serverUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEST_DATABASE_URL?.trim() || DEFAULT_SERVER_URL;
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Resolves to null when the server answers, or to the reason it could not be reached, which callers
 * use to leave PostgreSQL out. With REQUIRE_POSTGRES=1 (CI, .ci/run) an unreachable server is an
 * error instead: a suite that cannot reach a part it needs fails, never skips quietly.
 */
export async function unreachableReason(url = serverUrl(), timeoutMs = 3000): Promise<string | null> {
  const reason = await probe(url, timeoutMs);
  if (reason && process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1, but PostgreSQL does not answer: ${reason}`);
  return reason;
}

async function probe(url: string, timeoutMs: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `${describeUrl(url)}: ${(error as Error).message || String(error)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

export type TemporaryDatabase = {
  name: string;
  url: string;
  drop(): Promise<void>;
};

/** Creates an empty database with a unique name (`<prefix>_<random>`) on the server. */
export async function createTemporaryDatabase(prefix: string, url = serverUrl()): Promise<TemporaryDatabase> {
  const name = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name ${name}`);
  await withServer(url, (client) => client.query(`CREATE DATABASE "${name}"`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: target.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // WITH (FORCE) (PostgreSQL 13+) ends connections a pool may still hold.
      await withServer(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}
