// The API properties on a throwaway PostgreSQL database (TEST_DATABASE_URL or 127.0.0.1:5432),
// migrated, then dropped. Skipped only when the server is unreachable.
import { describe, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { createTemporaryDatabase, describeUrl, serverUrl, unreachableReason } from '@/scripts/db/postgres-server';
import { defineApiProperties } from './api-properties-suite';

const unreachable = await unreachableReason(serverUrl());
if (unreachable) {
  console.warn(`PostgreSQL API properties SKIPPED: server unreachable (${unreachable})`);
  describe('the JSON API under generated requests (PostgreSQL)', () => {
    it.skip(`skipped: PostgreSQL server unreachable (${unreachable})`, () => {});
  });
} else {
  defineApiProperties(`PostgreSQL ${describeUrl(serverUrl())}`, async () => {
    const temporary = await createTemporaryDatabase('reader_properties');
    await applyMigrations({ provider: 'postgresql', url: temporary.url });
    return temporary;
  });
}
