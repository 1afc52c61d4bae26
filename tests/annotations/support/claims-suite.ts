// The claims view's read model on a real migrated database (SQLite or PostgreSQL): claim sentences
// from the kept counts, consensus, sorting, filters, paging and sources grouped by site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { readParsedArticle } from '@/lib/content/article-files';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import { createPostgresDatabase, createSqliteDatabase } from '../../db/databases';
import type { TestDatabase } from '../../db/migrator-suite';
import { validCreateBody } from '../../properties/bodies';

const slug = 'deepseek-capex';
const body = (value: unknown) => async () => value;
const start = (sentenceId: string) => articleCanonicalText(slug, 'zh').sentences.find((s) => s.id === sentenceId)!.start;

export function claimsSuite(provider: 'sqlite' | 'postgresql') {
  describe(`the claims view (${provider})`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await (provider === 'sqlite' ? createSqliteDatabase() : createPostgresDatabase());
      await applyMigrations(database.database);
      process.env.DATABASE_URL = database.database.url; // lib/db.ts reads it on first use, below
      const { db } = await import('@/lib/db');
      await db.user.createMany({ data: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: id, email: `${id}@example.com` })) });
    });
    afterAll(async () => {
      await (await import('@/lib/db')).disconnectDatabase();
      await database?.drop();
    });

    it('lists claim sentences with their tally, consensus and sources, sorted, filtered and paged', async () => {
      const { createAnnotation } = await import('@/lib/annotations/service');
      const { claimsPage } = await import('@/lib/annotations/claims');
      const claim = (sentenceId: string, author: string, verdict: string, sourceUrl: string | null = null, visibility = 'shared') =>
        createAnnotation(slug, body(validCreateBody('zh', start(sentenceId), 4, { kind: 'claim', verdict, sourceUrl, visibility })), {
          id: author,
          name: author,
          role: 'reader',
        });
      // p06-s1 judged false by four of five; p04-s2 split; a private claim and a comment count for nothing.
      for (const [i, author] of ['a', 'b', 'c', 'd'].entries())
        await claim('p06-s1', author, 'false', `https://www.example.com/report-${i % 2}`);
      await claim('p06-s1', 'e', 'supported', 'https://other.org/x');
      await claim('p04-s2', 'a', 'supported');
      await claim('p04-s2', 'b', 'disputed');
      await claim('p02-s2', 'c', 'unverified', null, 'private');
      await createAnnotation(slug, body({ ...validCreateBody('zh', start('p03-s1'), 4), visibility: 'shared' }), {
        id: 'a',
        name: 'a',
        role: 'reader',
      });

      const blocks = readParsedArticle(slug, 'zh').blocks;
      const reading = await claimsPage(slug, blocks, { sort: 'reading', page: 1 });
      expect(reading.claims.map((c) => c.sentenceId)).toEqual(['p04-s2', 'p06-s1']);
      const [split, refuted] = reading.claims;
      expect(split).toMatchObject({ consensus: 'split', dissent: 1, tally: { supported: 1, disputed: 1, false: 0, unverified: 0 } });
      expect(refuted).toMatchObject({ consensus: 'false', dissent: 1, notes: 5, tally: { supported: 1, false: 4 } });
      expect(refuted.sources).toEqual([
        {
          site: 'example.com',
          links: [
            { url: 'https://www.example.com/report-0', count: 2 },
            { url: 'https://www.example.com/report-1', count: 2 },
          ],
        },
        { site: 'other.org', links: [{ url: 'https://other.org/x', count: 1 }] },
      ]);
      expect((await claimsPage(slug, blocks, { sort: 'reading', consensus: 'false', page: 1 })).claims.map((c) => c.sentenceId)).toEqual([
        'p06-s1',
      ]);
      expect((await claimsPage(slug, blocks, { sort: 'reading', consensus: 'supported', page: 1 })).total).toBe(0);
      // Most contested: equal dissent, so the one with more discussion first.
      expect((await claimsPage(slug, blocks, { sort: 'contested', page: 1 })).claims.map((c) => c.sentenceId)).toEqual([
        'p06-s1',
        'p04-s2',
      ]);
      const section = refuted.section;
      expect((await claimsPage(slug, blocks, { sort: 'reading', section, page: 1 })).claims.every((c) => c.section === section)).toBe(true);
      // A page past the last shows the last.
      expect(await claimsPage(slug, blocks, { sort: 'reading', page: 99 })).toMatchObject({ page: 1, pages: 1, total: 2 });
    });
  });
}
