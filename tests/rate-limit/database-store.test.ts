// The shared store on real databases: two clients on one database stand for two app instances.
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabaseClient, type DatabaseClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { databaseStore } from '@/lib/rate-limit/database-store';
import { createLimiter } from '@/lib/rate-limit/limiter';
import { serverUrl, unreachableReason } from '@/scripts/db/postgres-server';
import { createPostgresDatabase, createSqliteDatabase } from '../db/databases';
import type { TestDatabase } from '../db/migrator-suite';

const unreachable = await unreachableReason(serverUrl());
if (unreachable) console.warn(`PostgreSQL rate-limit tests SKIPPED: server unreachable (${unreachable})`);

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A migrated throwaway database and `count` clients on it. */
async function instances(create: () => Promise<TestDatabase>, count: number): Promise<DatabaseClient[]> {
  const t = await create();
  cleanups.push(() => t.drop());
  await applyMigrations(t.database);
  return Array.from({ length: count }, () => {
    const client = createDatabaseClient(t.database);
    cleanups.push(() => client.$disconnect());
    return client;
  });
}

function suite(create: () => Promise<TestDatabase>) {
  it('counts every hit from every instance, concurrently, once each', async () => {
    const [a, b] = await instances(create, 2);
    const stores = [databaseStore(a), databaseStore(b)];
    const now = Date.now();
    const windows = await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2].hit('writes:ann', 60_000, now + i)));
    expect(windows.map((w) => w.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(windows.map((w) => w.resetAt))).toEqual(new Set([windows.find((w) => w.count === 1)!.resetAt]));
    expect(await stores[1].peek('writes:ann', now + 100)).toEqual({ count: 40, resetAt: windows[0].resetAt });
  });

  it('opens a new window once the last has ended, and a limit refused on one instance is refused on the other', async () => {
    const [a, b] = await instances(create, 2);
    const clock = { now: 5_000_000 };
    const [first, second] = [createLimiter(databaseStore(a), () => clock.now), createLimiter(databaseStore(b), () => clock.now)];
    const limit = { name: 'signUps', max: 2, windowSeconds: 10 };
    expect(await first.consume(limit, '203.0.113.9')).toBe(0);
    expect(await second.consume(limit, '203.0.113.9')).toBe(0);
    expect(await first.consume(limit, '203.0.113.9')).toBe(10);
    clock.now += 4_000;
    expect(await second.consume(limit, '203.0.113.9')).toBe(6);
    clock.now += 6_000;
    expect(await second.consume(limit, '203.0.113.9')).toBe(0);
    await first.reset(limit, '203.0.113.9');
    expect(await databaseStore(b).peek('signUps:203.0.113.9', clock.now)).toEqual({ count: 0, resetAt: clock.now });
  });

  it('sweeps ended windows now and then', async () => {
    const [client] = await instances(create, 1);
    const store = databaseStore(client, { sweepEvery: 3 });
    await store.hit('old', 1_000, 0);
    await store.hit('current', 60_000, 500);
    await store.hit('newer', 60_000, 2_000); // the third hit sweeps what ended before 2,000
    const keys = (await client.rateLimitBucket.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).map((r) => r.key);
    expect(keys).toEqual(['current', 'newer']);
  });
}

describe('databaseStore on SQLite', () => suite(createSqliteDatabase));
describe.skipIf(unreachable)('databaseStore on PostgreSQL', () => suite(createPostgresDatabase));
