// Real failures, not made-up error objects: a Prisma client pointed at a closed port, and a
// PostgreSQL session the server terminates.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabaseClient } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { serverUrl, unreachableReason } from '@/scripts/db/postgres-server';

const unreachable = await unreachableReason(serverUrl());

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('isDatabaseUnavailable', () => {
  it('recognises a server that cannot be reached, through Prisma', async () => {
    const client = createDatabaseClient({ provider: 'postgresql', url: 'postgres://postgres@127.0.0.1:9/none' });
    const error = await failure(() => client.user.count());
    await client.$disconnect();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.skipIf(unreachable)('recognises a session the server terminated (as in a restart)', async () => {
    const session = new pg.Client({ connectionString: serverUrl() });
    session.on('error', () => {});
    await session.connect();
    const error = await failure(() => session.query('SELECT pg_terminate_backend(pg_backend_pid())'));
    // The pool may hand out such a client once more before it notices: its next query fails too.
    const next = await failure(() => session.query('SELECT 1'));
    await session.end().catch(() => {});
    expect(isDatabaseUnavailable(next)).toBe(true);
    expect((error as { code?: string }).code).toBe('57P01');
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: error }))).toBe(true);
  });

  it('recognises a transaction that expired before it committed (an overloaded server; it was rolled back)', async () => {
    const client = createDatabaseClient({ provider: 'sqlite', url: 'file::memory:', file: ':memory:' });
    const error = await failure(() =>
      client.$transaction(
        async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          return tx.$queryRawUnsafe('SELECT 1');
        },
        { timeout: 50 },
      ),
    );
    await client.$disconnect();
    expect((error as { code?: string }).code).toBe('P2028');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('does not mistake bugs and bad queries for an outage', async () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    const client = createDatabaseClient({ provider: 'sqlite', url: 'file::memory:', file: ':memory:' });
    const error = await failure(() => client.$queryRawUnsafe('SELECT * FROM no_such_table'));
    await client.$disconnect();
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
