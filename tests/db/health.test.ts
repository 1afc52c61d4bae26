import { afterAll, describe, expect, it } from 'vitest';
import { createDatabaseClient } from '@/lib/db/client';
import { checkDatabase } from '@/lib/health';

// A database nobody listens on: the check must report it down, quickly, without throwing.
const unreachable = createDatabaseClient({ provider: 'postgresql', url: 'postgresql://reader:reader@127.0.0.1:1/none' });
const sqlite = createDatabaseClient({ provider: 'sqlite', url: 'file::memory:', file: ':memory:' });

afterAll(async () => {
  await Promise.all([unreachable.$disconnect(), sqlite.$disconnect()]);
});

describe('database health', () => {
  it('is ok when the database answers', async () => {
    expect(await checkDatabase(sqlite)).toMatchObject({ ok: true });
  });

  it('is down, with the reason, when the database cannot be reached', async () => {
    const started = Date.now();
    const health = await checkDatabase(unreachable, 1_500);
    expect(health.ok).toBe(false);
    expect(health).toHaveProperty('error');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
