// The review's search on the server against the browser's: for any filters, words and order, the
// pages of searchSharedAnnotations hold exactly the notes lib/review/filter.ts keeps of every shared
// note, in the same order; on a migrated SQLite file and on PostgreSQL. The notes are seeded as
// `db:seed:many` makes them (search columns included), then some are changed through the domain.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSharedAnnotations, type SearchFilters } from '@/lib/annotations/review-search';
import { outlineOf } from '@/lib/annotations/search-index';
import { publicWhere } from '@/lib/annotations/load-annotations';
import { annotationWithTagsSelect, toApiAnnotation } from '@/lib/annotations/serialize';
import type { DatabaseClient } from '@/lib/db/client';
import { filterItems, reviewItem } from '@/lib/review/filter';
import { insertNoteBatch, manyNoteBatches, manyNotesArticle, manyNotesReaders } from '@/lib/seed/many-notes';
import { serverUrl, unreachableReason } from '@/scripts/db/postgres-server';
import { createPostgresDatabase, createSqliteDatabase, migratedClient } from '../db/databases';

const unreachable = await unreachableReason(serverUrl());
const readers = manyNotesReaders(3);
const outline = outlineOf(manyNotesArticle);

async function seed(client: DatabaseClient) {
  await client.user.createMany({ data: readers });
  const from = new Date('2026-01-01T00:00:00.000Z');
  const authorNames = Object.fromEntries(readers.map((r) => [r.id, r.name]));
  for (const batch of manyNoteBatches({
    notes: 160,
    replies: 90,
    authors: readers.map((r) => r.id),
    authorNames,
    from,
    perInstant: 3,
    batchSize: 50,
  }))
    await insertNoteBatch(client, batch);
  const ids = (await client.annotation.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id);
  await client.annotation.update({ where: { id: ids[3] }, data: { visibility: 'private' } });
  await client.annotation.update({ where: { id: ids[10] }, data: { hiddenAt: new Date() } });
}

/** Every shared note as the browser would filter it. */
async function browserSide(client: DatabaseClient) {
  const rows = await client.annotation.findMany({ where: { article: manyNotesArticle, ...publicWhere }, select: annotationWithTagsSelect });
  return rows.map((row) => reviewItem(toApiAnnotation(row), outline));
}

async function serverSide(client: DatabaseClient, filters: SearchFilters, limit: number, countAtMost?: number) {
  const ids: string[] = [];
  let after: string | null = null;
  const totals = new Set<string>();
  do {
    const page = await searchSharedAnnotations(manyNotesArticle, filters, { after, limit, client, countAtMost });
    ids.push(...page.annotations.map((note) => note.id));
    totals.add(`${page.total}${page.totalCapped ? '+' : ''}`);
    after = page.next;
  } while (after);
  // Every page says how many match in all, the first (counted or read off a short page) as the rest.
  expect(totals.size, `totals differ between pages: ${[...totals].join(', ')}`).toBe(1);
  return { ids, total: [...totals][0] };
}

const filters: fc.Arbitrary<SearchFilters> = fc.record({
  kind: fc.constantFrom('', 'claim', 'question', 'comment', 'highlight'),
  verdict: fc.constantFrom('', 'false', 'supported'),
  tag: fc.constantFrom('', 'seeded', 't3'),
  author: fc.constantFrom('', ...readers.map((r) => r.id)),
  lang: fc.constantFrom('', 'zh', 'en'),
  section: fc.constantFrom('', '0', '1', '3'),
  // One- and two-character Chinese, a name, English words (in notes, aligned text, replies), nothing, no match.
  query: fc.constantFrom('', '算力', '亿', '英伟达', 'nvidia', 'seeded reader 2', 'REPLY', 'capex t3', 'xyzzy', '%', '_'),
  order: fc.constantFrom<'reading' | 'newest'>('reading', 'newest'),
});

function defineSuite(name: string, create: Parameters<typeof migratedClient>[0]) {
  describe(`searchSharedAnnotations (${name})`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    const database = { client: undefined as unknown as DatabaseClient };
    beforeAll(async () => {
      database.client = await migratedClient(create, cleanups);
      await seed(database.client);
    }, 60_000);
    afterAll(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    it('finds exactly what the browser finds, in the same order, page by page', async () => {
      const items = await browserSide(database.client);
      await fc.assert(
        fc.asyncProperty(filters, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 400 }), async (chosen, limit, countAtMost) => {
          const expected = filterItems(items, chosen).map((item) => item.note.id);
          const { ids, total } = await serverSide(database.client, chosen, limit, countAtMost);
          expect(ids).toEqual(expected);
          // Exact up to countAtMost; beyond, "at least countAtMost" (every match still listed above).
          expect(total).toBe(expected.length > countAtMost ? `${countAtMost}+` : String(expected.length));
        }),
        { numRuns: 60, seed: 20_261_206 },
      );
    }, 120_000);

    it('finds one- and two-character Chinese words, and words only the other language or a reply has', async () => {
      for (const query of ['亿', '算力', 'nvidia', 'reply'])
        expect((await serverSide(database.client, { ...noFilters(), query }, 50)).total, query).not.toBe('0');
    });
  });
}

const noFilters = (): SearchFilters => ({ kind: '', verdict: '', tag: '', author: '', lang: '', section: '', query: '', order: 'reading' });

defineSuite('SQLite', createSqliteDatabase);
if (!unreachable) defineSuite('PostgreSQL', createPostgresDatabase);
