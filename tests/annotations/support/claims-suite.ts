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
      await db.user.createMany({
        data: [
          { id: 'ed', name: 'Ed', email: 'ed@example.com', role: 'editor' },
          { id: 'mo', name: 'Mo', email: 'mo@example.com', role: 'moderator' },
        ],
      });
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

    it('keeps every version of an editorial verdict, refuses a stale one, and shows the latest apart from the votes', async () => {
      const { writeVerdict, verdictHistory, publishedVerdicts } = await import('@/lib/annotations/editorial');
      const { claimsPage } = await import('@/lib/annotations/claims');
      const { articleClaimReviews } = await import('@/lib/annotations/claim-reviews');
      const ed = { id: 'ed', name: 'Ed', role: 'editor' };
      const mo = { id: 'mo', name: 'Mo', role: 'moderator' };
      const publish = (fields: Record<string, unknown>) => ({ action: 'publish', rating: 'false', ...fields });
      const refusal = (promise: Promise<unknown>) =>
        promise.then(
          () => 'accepted',
          (error: { refusal?: string }) => error.refusal,
        );

      expect(await refusal(writeVerdict(slug, 'p06-s1', body(publish({ version: 0 })), { id: 'a', name: 'a', role: 'reader' }))).toBe(
        'forbidden',
      );
      expect(await refusal(writeVerdict(slug, 'p06-s1', body(publish({ version: 0 })), null))).toBe('signInNeeded');
      expect(await refusal(writeVerdict(slug, 'p99-s9', body(publish({ version: 0 })), ed))).toBe('notFound');
      expect(await refusal(writeVerdict(slug, 'p06-s1', body(publish({ version: 0, rating: 'maybe' })), ed))).toBe('invalid');
      expect(await refusal(writeVerdict(slug, 'p06-s1', body(publish({ version: 0, sources: ['javascript:alert(1)'] })), ed))).toBe(
        'invalid',
      );
      expect(await refusal(writeVerdict(slug, 'p06-s1', body({ action: 'withdraw', version: 1 }), ed))).toBe('conflict');

      const first = await writeVerdict(
        slug,
        'p06-s1',
        body(publish({ version: 0, reasoningEn: 'Should be **$320 billion**.', sources: ['https://example.com/a'] })),
        ed,
      );
      expect(first).toMatchObject({ version: 1, rating: 'false', editor: { name: 'Ed' }, sources: ['https://example.com/a'] });
      expect(first.reasoningHtml.en).toContain('<strong>$320 billion</strong>');
      // Two editors at once on version 1: one wins, the other is told (409), nothing is overwritten.
      const race = await Promise.allSettled([
        writeVerdict(slug, 'p06-s1', body(publish({ version: 1, rating: 'misleading' })), ed),
        writeVerdict(slug, 'p06-s1', body(publish({ version: 1, rating: 'mixed' })), mo),
      ]);
      expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((race.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ refusal: 'conflict' });
      expect((await verdictHistory(slug, 'p06-s1')).map((v) => v.version)).toEqual([2, 1]);

      // A sentence no reader voted on is a claim once an editor reviews it.
      await writeVerdict(slug, 'p01-s1', body(publish({ version: 0, rating: 'mostly-true' })), mo);
      const blocks = readParsedArticle(slug, 'zh').blocks;
      const page = await claimsPage(slug, blocks, { sort: 'reading', page: 1 });
      expect(page.claims.map((c) => [c.sentenceId, c.editorial?.rating ?? null])).toEqual([
        ['p01-s1', 'mostly-true'],
        ['p04-s2', null],
        ['p06-s1', expect.stringMatching(/misleading|mixed/)],
      ]);
      const reviews = await articleClaimReviews(slug, 'https://reader.example');
      expect(reviews['@graph'].map((r) => r['reader:sentenceId']).sort()).toEqual(['p01-s1', 'p06-s1']);

      // Withdrawn: gone from the page's verdicts and the ClaimReviews, kept in the history.
      await writeVerdict(slug, 'p01-s1', body({ action: 'withdraw', version: 1 }), ed);
      expect((await publishedVerdicts(slug)).has('p01-s1')).toBe(false);
      expect((await verdictHistory(slug, 'p01-s1')).map((v) => [v.version, v.rating, v.editor.name])).toEqual([
        [2, null, 'Ed'],
        [1, 'mostly-true', 'Mo'],
      ]);
      expect(await refusal(writeVerdict(slug, 'p01-s1', body({ action: 'withdraw', version: 2 }), ed))).toBe('notPossible');
      expect((await articleClaimReviews(slug, 'https://reader.example'))['@graph']).toHaveLength(1);
    });
  });
}
