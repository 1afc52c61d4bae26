import 'server-only';
import { readParsedArticle } from '@/lib/content/article-files';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { articleOutline, type ArticleOutline } from '@/lib/review/outline';
import { searchFields } from '@/lib/review/search-fields';
import type { ArticleLang } from '@/lib/content/types';

type Client = Pick<Prisma.TransactionClient, 'annotation' | '$executeRaw'>;

const outlines = new Map<string, ArticleOutline>();

/** The article's outline (sections, blocks, sentences in both languages), parsed once per process. */
export function outlineOf(slug: string): ArticleOutline {
  let outline = outlines.get(slug);
  if (!outline) {
    outline = articleOutline({ zh: readParsedArticle(slug, 'zh'), en: readParsedArticle(slug, 'en') });
    outlines.set(slug, outline);
  }
  return outline;
}

/**
 * Brings a note's search text and reading order up to date with its text, tags and thread: run by
 * every write to the note or its replies, in its transaction. O(the note's thread).
 */
export async function refreshSearch(client: Client, id: string, outline?: ArticleOutline): Promise<void> {
  const note = await client.annotation.findUnique({ where: { id }, select: searchSourceSelect });
  if (!note) return;
  const fields = searchFieldsOfRow(note, outline);
  // Raw: an update through the client would move the note's updatedAt, which says when its author last changed it.
  await client.$executeRaw`UPDATE "Annotation" SET "searchText" = ${fields.searchText}, "readingOrder" = ${fields.readingOrder} WHERE "id" = ${id}`;
}

/** What a note's search columns are made of, as a select. */
export const searchSourceSelect = {
  article: true,
  lang: true,
  blockId: true,
  sentenceIds: true,
  exact: true,
  start: true,
  body: true,
  suggestion: true,
  tags: { select: { tag: true } },
  author: { select: { name: true } },
  replies: { select: { body: true, author: { select: { name: true } } }, orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] },
} satisfies Prisma.AnnotationSelect;

type SearchSource = {
  article: string;
  lang: string;
  blockId: string;
  sentenceIds: string;
  exact: string;
  start: number;
  body: string;
  suggestion: string | null;
  tags: { tag: string }[];
  author: { name: string };
  replies: { body: string; author: { name: string } }[];
};

/** A note's search columns, from a row read with searchSourceSelect; in the article as it is, or in `outline`. */
export function searchFieldsOfRow(note: SearchSource, outline = outlineOf(note.article)) {
  return searchFields(
    {
      lang: note.lang as ArticleLang,
      blockId: note.blockId,
      sentenceIds: JSON.parse(note.sentenceIds) as string[],
      exact: note.exact,
      start: note.start,
      body: note.body,
      suggestion: note.suggestion,
      tags: note.tags.map((t) => t.tag).sort(),
      authorName: note.author.name,
      replies: note.replies.map((reply) => ({ body: reply.body, authorName: reply.author.name })),
    },
    outline,
  );
}
