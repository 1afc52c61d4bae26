// Counting an article's discussion again from scratch (recomputeTallies: db:recount, db:seed:many)
// when the article has notes but none that others see: private ones only, or none at all. The sums
// of no rows are NULL in SQL; the counts are NOT NULL and must come out as zeros.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClient, type DatabaseClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { createPostgresDatabase, createSqliteDatabase } from '../db/databases';
import type { TestDatabase } from '../db/migrator-suite';

const article = 'deepseek-capex';

for (const provider of ['sqlite', 'postgresql'] as const) {
  describe(`counting an article's discussion again (${provider})`, () => {
    let database: TestDatabase;
    let db: DatabaseClient;
    beforeAll(async () => {
      database = await (provider === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase());
      await applyMigrations(database.database);
      db = createDatabaseClient(database.database);
    });
    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    it('gives zeros for an article whose only note is private', async () => {
      const { recomputeTallies } = await import('@/lib/annotations/recompute-tallies');
      await db.user.create({ data: { id: 'author', name: 'author', email: 'author@example.com' } });
      const now = new Date();
      await db.annotation.create({
        data: {
          id: 'private-note',
          article,
          lang: 'zh',
          blockId: 'p01',
          sentenceIds: '[]',
          exact: '英伟达',
          prefix: '',
          suffix: '',
          start: 0,
          end: 3,
          textRevision: 1,
          kind: 'comment',
          body: 'mine',
          bodyHtml: '<p>mine</p>',
          visibility: 'private',
          authorId: 'author',
          searchText: 'mine',
          readingOrder: 0,
          createdAt: now,
          updatedAt: now,
        },
      });
      await recomputeTallies(db, article);
      const activity = await db.articleActivity.findUnique({ where: { article } });
      expect(activity).toMatchObject({ notes: 0, supported: 0, disputed: 0, refuted: 0, unverified: 0 });
    });
  });
}
