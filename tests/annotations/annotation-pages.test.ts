// annotationPages on a real, migrated SQLite file and PostgreSQL database: keyset pages on
// (createdAt, id) give every matching note exactly once, oldest first, with its tags and replies,
// also when a page ends among notes written at the same instant. The notes are made as
// `npm run db:seed:many` makes them (lib/seed/many-notes.ts), so this checks those rows too.
import { afterEach, describe, expect, it } from 'vitest';
import { validateSelectors } from '@/lib/anchoring/validate-selectors';
import { annotationPages, publicWhere } from '@/lib/annotations/load-annotations';
import { renderNoteMarkdown } from '@/lib/annotations/render-markdown';
import { annotationWithTagsSelect, toApiAnnotation, type ApiAnnotation } from '@/lib/annotations/serialize';
import { articleCanonicalText } from '@/lib/content/article-canonical-text';
import type { DatabaseClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { insertNoteBatch, manyNoteBatches, manyNotesArticle, manyNotesReaders } from '@/lib/seed/many-notes';
import { serverUrl, unreachableReason } from '@/scripts/db/postgres-server';
import { createPostgresDatabase, createSqliteDatabase, migratedClient } from '../db/databases';

const unreachable = await unreachableReason(serverUrl());
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const readers = manyNotesReaders(3);

/** 53 shared notes, five at each instant, 80 replies; then one made private, one hidden, one on another article. */
async function seed(client: DatabaseClient) {
  await client.user.createMany({ data: readers });
  const from = new Date('2026-01-01T00:00:00.000Z');
  for (const batch of manyNoteBatches({ notes: 53, replies: 80, authors: readers.map((r) => r.id), from, perInstant: 5, batchSize: 20 }))
    await insertNoteBatch(client, batch);
  const ids = (await client.annotation.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id);
  await client.annotation.update({ where: { id: ids[3] }, data: { visibility: 'private' } });
  await client.annotation.update({ where: { id: ids[10] }, data: { hiddenAt: new Date(), hiddenReason: 'spam' } });
  await client.annotation.update({ where: { id: ids[20] }, data: { article: 'another-article' } });
}

/** What one query of everything matching gives, in the same order: the reference for the pages. */
async function allAtOnce(client: DatabaseClient, where: Prisma.AnnotationWhereInput): Promise<ApiAnnotation[]> {
  const rows = await client.annotation.findMany({
    where,
    select: annotationWithTagsSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toApiAnnotation);
}

async function pagesOf(client: DatabaseClient, where: Prisma.AnnotationWhereInput, pageSize: number): Promise<ApiAnnotation[][]> {
  const pages: ApiAnnotation[][] = [];
  for await (const page of annotationPages(where, { pageSize, client })) pages.push(page);
  return pages;
}

const byTimeThenId = (a: ApiAnnotation, b: ApiAnnotation) =>
  a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function checkPages(client: DatabaseClient) {
  await seed(client);
  const where = { article: manyNotesArticle, ...publicWhere };
  const expected = await allAtOnce(client, where);
  expect(expected).toHaveLength(50);
  expect(expected.map((note) => note.id)).toEqual([...expected].sort(byTimeThenId).map((note) => note.id));
  expect(expected.some((note) => note.replies.length > 1)).toBe(true);

  for (const pageSize of [1, 4, 5, 7, 50, 200]) {
    const pages = await pagesOf(client, where, pageSize);
    expect(pages.every((page) => page.length > 0 && page.length <= pageSize)).toBe(true);
    expect(pages).toHaveLength(Math.ceil(expected.length / pageSize));
    // Each note once, in order, with its own tags and replies (which were read for that page's ids only).
    expect(pages.flat()).toEqual(expected);
  }
  // Pages of 4 among notes written five at a time: some page ends among notes of the same instant.
  const fours = await pagesOf(client, where, 4);
  expect(fours.slice(1).some((page, i) => page[0].createdAt === fours[i].at(-1)!.createdAt)).toBe(true);

  // A `where` with its own OR keeps it: the keyset's OR goes beside it, not over it.
  const claimsAndQuestions = { article: manyNotesArticle, OR: [{ kind: 'claim' }, { kind: 'question' }] };
  const some = await allAtOnce(client, claimsAndQuestions);
  expect(some.length).toBeGreaterThan(10);
  expect((await pagesOf(client, claimsAndQuestions, 3)).flat()).toEqual(some);

  expect(await pagesOf(client, { article: 'no-such-article' }, 10)).toEqual([]);
}

describe('annotationPages', () => {
  it('on SQLite', async () => checkPages(await migratedClient(createSqliteDatabase, cleanups)));
  it.skipIf(unreachable)('on PostgreSQL', async () => checkPages(await migratedClient(createPostgresDatabase, cleanups)));
});

describe('the rows db:seed:many writes', () => {
  it('hold what createAnnotation would store: selectors that match the article, bodies rendered', () => {
    const [batch] = manyNoteBatches({ notes: 400, replies: 100, authors: ['u1', 'u2'], from: new Date() });
    for (const row of batch.annotations) {
      const claims = { ...row, sentenceIds: JSON.parse(row.sentenceIds) as string[] };
      expect(validateSelectors(articleCanonicalText(manyNotesArticle, row.lang as 'zh' | 'en'), claims), row.exact).toEqual([]);
      expect(row.bodyHtml).toBe(renderNoteMarkdown(row.body!));
      expect(row.kind === 'claim').toBe(row.verdict !== null);
    }
    expect(batch.replies).toHaveLength(100);
    for (const reply of batch.replies) expect(reply.bodyHtml).toBe(renderNoteMarkdown(reply.body));
    expect(new Set(batch.tags.map((t) => `${t.annotationId} ${t.tag}`)).size).toBe(batch.tags.length);
  });
});
