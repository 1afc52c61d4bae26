import type { DatabaseClient } from '@/lib/db/client';
import type { RateLimitStore, WindowCount } from './store';

type Row = { count: number | bigint; resetAt: number | bigint };
const toWindow = (row: Row): WindowCount => ({ count: Number(row.count), resetAt: Number(row.resetAt) });

/**
 * Counters in the RateLimitBucket table, so every instance on one database shares them. A hit is one
 * atomic upsert (the same SQL on PostgreSQL and SQLite), so concurrent hits from several instances
 * are all counted. Ended windows are swept now and then rather than on every hit.
 */
export function databaseStore(db: DatabaseClient, { sweepEvery = 500 } = {}): RateLimitStore {
  let hitsSinceSweep = 0;
  return {
    async hit(key, windowMs, now) {
      const rows = await db.$queryRaw<Row[]>`
        INSERT INTO "RateLimitBucket" ("key", "count", "resetAt") VALUES (${key}, 1, ${now + windowMs})
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
          "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${now} THEN excluded."resetAt" ELSE "RateLimitBucket"."resetAt" END
        RETURNING "count", "resetAt"`;
      if (++hitsSinceSweep >= sweepEvery) {
        hitsSinceSweep = 0;
        await db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "resetAt" <= ${now}`;
      }
      return toWindow(rows[0]);
    },
    async peek(key, now) {
      const rows = await db.$queryRaw<Row[]>`SELECT "count", "resetAt" FROM "RateLimitBucket" WHERE "key" = ${key} AND "resetAt" > ${now}`;
      return rows.length ? toWindow(rows[0]) : { count: 0, resetAt: now };
    },
    async clear(key) {
      await db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${key}`;
    },
  };
}
