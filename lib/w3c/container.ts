import 'server-only';
import type { Viewer } from '@/lib/auth/auth';
import { db, publicReads } from '@/lib/db';
import type { DatabaseClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { requireArticle } from '@/lib/annotations/article-texts';
import { decodeCursor, encodeCursor } from '@/lib/annotations/cursor';
import { loadAnnotationPageAround, publicWhere, type PageCursor } from '@/lib/annotations/load-annotations';
import type { ApiAnnotation } from '@/lib/annotations/serialize';
import { articleTitle } from '@/lib/content/article-titles';
import { Refused } from '@/lib/errors/refusal';
import { annoContext } from '@/lib/exchange/jsonld';
import type { ContainerPreference } from './protocol';
import { containerPath } from './paths';
import { toW3cAnnotation, type W3cAnnotation } from './resource';

/** Annotations per page unless the client asks for fewer (`?limit=`). */
export const maxPageSize = 200;

/**
 * The notes of the article a caller may see through the protocol, as disjoint branches read one by
 * one (loadAnnotationPageAround): everyone's visible notes, and the caller's own that others cannot
 * see (private or hidden). Deleted placeholders are not annotations.
 */
export function visibleBranches(slug: string, viewer: Viewer | null): Prisma.AnnotationWhereInput[] {
  const visible = { article: slug, ...publicWhere, deletedAt: null };
  if (!viewer) return [visible];
  const ownUnseen = {
    article: slug,
    authorId: viewer.id,
    deletedAt: null,
    OR: [{ visibility: { not: 'shared' } }, { hiddenAt: { not: null } }],
  } satisfies Prisma.AnnotationWhereInput;
  return [visible, ownUnseen];
}

/**
 * How many annotations the caller may see: the article's kept count of visible notes (decision 9)
 * less its deleted placeholders (few, an index of their own), and the caller's own others cannot
 * see. What it costs follows the caller's notes and the placeholders, not the article's notes.
 */
async function visibleTotal(slug: string, viewer: Viewer | null, client: DatabaseClient): Promise<number> {
  const [activity, placeholders, own] = await Promise.all([
    client.articleActivity.findUnique({ where: { article: slug }, select: { notes: true } }),
    client.annotation.count({ where: { article: slug, deletedAt: { not: null }, ...publicWhere } }),
    viewer ? client.annotation.count({ where: visibleBranches(slug, viewer)[1] }) : 0,
  ]);
  return (activity?.notes ?? 0) - placeholders + own;
}

/** Which page: the first, the last, or the one just after or before a note (keyset: stable while others write). */
export type PageAt = { after: PageCursor } | { before: PageCursor } | { from: 'start' | 'end' };

type PageQuery = { at: PageAt; limit: number; iris: boolean };

/** The page size a client asked for (`?limit=`, 1 to 200), else 200. */
export function pageLimitOf(query: URLSearchParams): number {
  const text = query.get('limit');
  const limit = text === null ? maxPageSize : Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize)
    throw new Refused('invalid', `Invalid limit: a whole number from 1 to ${maxPageSize}.`, [
      { field: 'limit', message: `must be 1 to ${maxPageSize}` },
    ]);
  return limit;
}

/** A page request's query (`page=first|last`, `after=`, `before=`, `limit=`, `iris=1`), or null for the container itself. */
export function pageQueryOf(query: URLSearchParams): PageQuery | null {
  const limit = pageLimitOf(query);
  const iris = query.get('iris') === '1';
  const page = query.get('page');
  if (query.get('after') && query.get('before'))
    throw new Refused('invalid', 'Invalid before: a page is after one cursor or before one, not both.', [
      { field: 'before', message: 'cannot go with after' },
    ]);
  const after = decodeCursor(query.get('after'));
  if (after) return { at: { after }, limit, iris };
  const before = decodeCursor(query.get('before'), 'before');
  if (before) return { at: { before }, limit, iris };
  if (page === 'first' || page === 'last') return { at: { from: page === 'first' ? 'start' : 'end' }, limit, iris };
  if (page !== null) throw new Refused('invalid', 'Invalid page: first or last.', [{ field: 'page', message: 'must be first or last' }]);
  return null;
}

const pageIri = (container: string, at: string, { limit, iris }: { limit: number; iris: boolean }) =>
  `${container}?${at}${limit !== maxPageSize ? `&limit=${limit}` : ''}${iris ? '&iris=1' : ''}`;

async function identitiesOf(notes: ApiAnnotation[]) {
  if (notes.length === 0) return new Map<string, { canonical: string | null; via: string | null }>();
  const rows = await db.annotationIdentity.findMany({ where: { annotationId: { in: notes.map((note) => note.id) } } });
  return new Map(rows.map((row) => [row.annotationId, row]));
}

export type AnnotationPage = {
  '@context': string;
  id: string;
  type: 'AnnotationPage';
  partOf: { id: string; total: number };
  next?: string;
  prev?: string;
  items: (W3cAnnotation | string)[];
};

/** One page of the container: oldest first, with links to the pages before and after it. */
export async function containerPage(
  slug: string,
  origin: string,
  viewer: Viewer | null,
  query: PageQuery,
  total?: number,
): Promise<AnnotationPage> {
  requireArticle(slug);
  const container = `${origin}${containerPath(slug)}`;
  const client = viewer ? db : publicReads;
  const [page, count] = await Promise.all([
    loadAnnotationPageAround(visibleBranches(slug, viewer), query.at, { limit: query.limit, client }),
    total ?? visibleTotal(slug, viewer, client),
  ]);
  // A page holds at least one annotation: what was after (or before) a cursor may have been deleted
  // since, and an empty container has no pages.
  if (page.annotations.length === 0)
    throw new Refused('notFound', 'This page holds no annotations (any more): start again from page=first or page=last.');
  const identities = await identitiesOf(page.annotations);
  const at =
    'after' in query.at
      ? `after=${encodeCursor(query.at.after)}`
      : 'before' in query.at
        ? `before=${encodeCursor(query.at.before)}`
        : `page=${query.at.from === 'start' ? 'first' : 'last'}`;
  const items = page.annotations.map((note) =>
    query.iris ? `${container}${note.id}` : toW3cAnnotation(note, origin, identities.get(note.id)),
  );
  return {
    '@context': annoContext,
    id: pageIri(container, at, query),
    type: 'AnnotationPage',
    partOf: { id: container, total: count },
    ...(page.hasAfter && page.last && { next: pageIri(container, `after=${encodeCursor(page.last)}`, query) }),
    ...(page.hasBefore && page.first && { prev: pageIri(container, `before=${encodeCursor(page.first)}`, query) }),
    items,
  };
}

export type ContainerDescription = {
  '@context': string[];
  id: string;
  type: string[];
  label: string;
  total: number;
  first?: string | Omit<AnnotationPage, '@context'>;
  last?: string;
};

/**
 * The container's description: the article's annotation collection, how many it holds, and its
 * first and last pages, the first embedded unless the client prefers a minimal container.
 */
export async function containerDescription(
  slug: string,
  origin: string,
  viewer: Viewer | null,
  preference: ContainerPreference,
  limit = maxPageSize,
): Promise<ContainerDescription> {
  requireArticle(slug);
  const id = `${origin}${containerPath(slug)}`;
  const client = viewer ? db : publicReads;
  const total = await visibleTotal(slug, viewer, client);
  const iris = preference === 'iris';
  const description: ContainerDescription = {
    '@context': [annoContext, 'http://www.w3.org/ns/ldp.jsonld'],
    id,
    type: ['BasicContainer', 'AnnotationCollection'],
    label: `Notes on “${articleTitle(slug, 'en')}” / 《${articleTitle(slug, 'zh')}》的笔记`,
    total,
  };
  // A page holds at least one annotation: an empty container has none to link.
  if (total === 0) return description;
  const last = pageIri(id, 'page=last', { limit, iris });
  if (preference === 'minimal') return { ...description, first: pageIri(id, 'page=first', { limit, iris }), last };
  const { '@context': _context, ...first } = await containerPage(slug, origin, viewer, { at: { from: 'start' }, limit, iris }, total);
  return { ...description, first, last };
}
