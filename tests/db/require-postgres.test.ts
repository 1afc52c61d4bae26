import { afterEach, describe, expect, it } from 'vitest';
import { unreachableReason } from '@/scripts/db/postgres-server';

// Nothing listens on port 1: the server is unreachable.
const nowhere = 'postgresql://postgres@127.0.0.1:1/postgres';
const saved = process.env.REQUIRE_POSTGRES;
afterEach(() => {
  if (saved === undefined) delete process.env.REQUIRE_POSTGRES;
  else process.env.REQUIRE_POSTGRES = saved;
});

describe('unreachableReason', () => {
  it('gives the reason, so a suite can leave PostgreSQL out, by default', async () => {
    delete process.env.REQUIRE_POSTGRES;
    expect(await unreachableReason(nowhere, 500)).toMatch(/127\.0\.0\.1:1/);
  });

  it('fails instead when REQUIRE_POSTGRES=1 (CI): a suite never skips PostgreSQL quietly', async () => {
    process.env.REQUIRE_POSTGRES = '1';
    await expect(unreachableReason(nowhere, 500)).rejects.toThrow(/REQUIRE_POSTGRES=1/);
  });
});
