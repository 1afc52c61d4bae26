import 'server-only';
import { Refused } from '@/lib/errors/refusal';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { queryWords } from '@/lib/review/search-fields';
import { filtersFromSearch, type ReviewFilters } from '@/lib/review/filter';
import { requireArticle } from './article-texts';
import { loadAnnotationsByIds, publicWhere } from './load-annotations';
import { outlineOf } from './search-index';
import { annotationKinds, claimVerdicts } from './vocabulary';
import type { NotesPage } from './read-model';
import { publicReads } from '@/lib/db';
import type { DatabaseClient } from '@/lib/db/client';

// The review page's search on the server (docs/decisions/009): the same filters and words as the
// browser's (lib/review/filter.ts), over the columns every write keeps (searchText, readingOrder),
// a page at a time. Word matching is substring matching (LIKE), so one- and two-character Chinese
// words (亿, 算力) are found as surely as English ones, with no segmenter to disagree with readers.

/** The filters a request may carry, as the review page writes them in its address. */
export type SearchFilters = Omit<ReviewFilters, 'visibility'>;

const bad = (field: string, message: string) => new Refused('invalid', `Invalid ${field}: ${message}.`, [{ field, message }]);

/** The filters of a query string, checked: 400 naming the field when one cannot be a filter. */
export function searchFiltersFrom(query: URLSearchParams, slug: string): SearchFilters {
  requireArticle(slug);
  const get = (key: string) => query.get(key) ?? '';
  const filters: SearchFilters = filtersFromSearch(query);
  if (filters.kind && !(annotationKinds as readonly string[]).includes(filters.kind))
    throw bad('kind', `use one of ${annotationKinds.join(', ')}`);
  if (filters.verdict && !(claimVerdicts as readonly string[]).includes(filters.verdict))
    throw bad('verdict', `use one of ${claimVerdicts.join(', ')}`);
  if (filters.lang && !['zh', 'en'].includes(filters.lang)) throw bad('lang', 'use zh or en');
  if (filters.tag.length > 40) throw bad('tag', 'a tag has at most 40 characters');
  if (filters.author.length > 100) throw bad('author', 'not a reader id');
  if (filters.query.length > 200) throw bad('q', 'a search has at most 200 characters');
  if (filters.section && !(/^\d{1,4}$/.test(filters.section) && Number(filters.section) < outlineOf(slug).sections.length))
    throw bad('section', 'not a section of this article');
  if (get('order') && !['reading', 'newest'].includes(get('order'))) throw bad('order', 'use reading or newest');
  return filters;
}

/** Whether a request asks for a search rather than the plain list (any filter, words or order). */
export const isSearch = (query: URLSearchParams) =>
  ['kind', 'verdict', 'tag', 'author', 'lang', 'section', 'q', 'order'].some((key) => query.has(key));

type Cursor = { order: number; createdAt: Date; id: string };
const cursorPattern = /^(\d{1,12})_(\d{1,15})_([A-Za-z0-9-]{1,100})$/;
const encode = (row: Cursor) => `${row.order}_${row.createdAt.getTime()}_${row.id}`;
function decode(value: string | null): Cursor | null {
  if (!value) return null;
  const match = cursorPattern.exec(value);
  if (!match) throw bad('after', 'use the `next` of the previous page');
  return { order: Number(match[1]), createdAt: new Date(Number(match[2])), id: match[3] };
}

/** After a cursor, in the order asked for (reading: readingOrder, createdAt, id ascending; newest: createdAt, id descending). */
function after(cursor: Cursor, order: SearchFilters['order']): Prisma.AnnotationWhereInput {
  if (order === 'newest') return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
  return {
    OR: [
      { readingOrder: { gt: cursor.order } },
      { readingOrder: cursor.order, createdAt: { gt: cursor.createdAt } },
      { readingOrder: cursor.order, createdAt: cursor.createdAt, id: { gt: cursor.id } },
    ],
  };
}

/** The notes everyone may see that pass the filters, as a `where`. */
function matching(slug: string, filters: SearchFilters): Prisma.AnnotationWhereInput {
  const outline = outlineOf(slug);
  const section = filters.section === '' ? null : Number(filters.section);
  const blocks =
    section === null
      ? null
      : Object.entries(outline.blocks)
          .filter(([, block]) => block.section === section)
          .map(([id]) => id);
  return {
    article: slug,
    ...publicWhere,
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.verdict && { verdict: filters.verdict }),
    ...(filters.lang && { lang: filters.lang }),
    ...(filters.author && { authorId: filters.author }),
    ...(filters.tag && { tags: { some: { tag: filters.tag } } }),
    ...(blocks && { blockId: { in: blocks } }),
    AND: queryWords(filters.query).map((word) => ({ searchText: { contains: word } })),
  };
}

/**
 * How many matches a search counts at most. Counting every match of a common word reads every note's
 * search text (100 ms and more at 100,000 notes, docs/decisions/009); past this many, the page says
 * "1,000+", as search engines do. Matches stop being counted, not shown: every page is still there.
 */
export const countLimit = 1_000;

/** A page of matches, and how many match in all (`totalCapped`: at least `total`, counting stopped there). */
export type SearchPage = NotesPage & { total: number; totalCapped: boolean };

/** A page of the notes everyone may see that pass the filters, in the order asked for, and how many pass in all. */
export async function searchSharedAnnotations(
  slug: string,
  filters: SearchFilters,
  {
    after: from,
    limit,
    client = publicReads,
    countAtMost = countLimit,
  }: { after: string | null; limit: number; client?: DatabaseClient; countAtMost?: number },
): Promise<SearchPage> {
  requireArticle(slug);
  const where = matching(slug, filters);
  const cursor = decode(from);
  const orderBy: Prisma.AnnotationOrderByWithRelationInput[] =
    filters.order === 'newest' ? [{ createdAt: 'desc' }, { id: 'desc' }] : [{ readingOrder: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }];
  // The page first: when it is the first and not full, it holds every match, and the count (a scan
  // of every note's search text when the words are rare) is not needed. One scan per search, not two;
  // and the count stops at countAtMost + 1 matches, so a common word costs a few thousand rows (in
  // the page's order: with Prisma's default, by id, SQLite sorted every match before stopping).
  const rows = await client.annotation.findMany({
    where: cursor ? { AND: [where, after(cursor, filters.order)] } : where,
    orderBy,
    take: limit + 1,
    select: { id: true, readingOrder: true, createdAt: true },
  });
  const counted = !cursor && rows.length <= limit ? rows.length : await client.annotation.count({ where, orderBy, take: countAtMost + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    annotations: await loadAnnotationsByIds(
      page.map((row) => row.id),
      client,
    ),
    next: rows.length > limit && last ? encode({ order: last.readingOrder, createdAt: last.createdAt, id: last.id }) : null,
    total: Math.min(counted, countAtMost),
    totalCapped: counted > countAtMost,
  };
}
