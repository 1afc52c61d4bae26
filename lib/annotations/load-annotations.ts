import 'server-only';
import { db } from '@/lib/db';
import type { DatabaseClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { annotationSelect, replySelect, toApiAnnotation, type AnnotationRow, type ApiAnnotation, type ReplyRow } from './serialize';

/** The notes every reader may see: shared, not hidden by a moderator. */
export const publicWhere = { visibility: 'shared', hiddenAt: null } satisfies Prisma.AnnotationWhereInput;

/** Oldest first; the id breaks ties, so the order is total (keyset pages rely on that). */
const oldestFirst = [{ createdAt: 'asc' }, { id: 'asc' }] satisfies Prisma.AnnotationOrderByWithRelationInput[];

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return groups;
}

type AnnotationRowWithoutThread = Omit<AnnotationRow, 'tags' | 'replies'>;

/** The rows as API annotations, each with its tags and replies. */
function withThreads(
  rows: AnnotationRowWithoutThread[],
  tags: { annotationId: string; tag: string }[],
  replies: ReplyRow[],
): ApiAnnotation[] {
  const tagsOf = groupBy(tags, (t) => t.annotationId);
  const repliesOf = groupBy(replies, (r) => r.annotationId);
  return rows.map((row) => toApiAnnotation({ ...row, tags: tagsOf.get(row.id) ?? [], replies: repliesOf.get(row.id) ?? [] }));
}

/**
 * Annotations matching `where` with their tags and replies, oldest first. Tags and replies come in
 * joined queries rather than through `include`, which would bind every annotation id as a
 * parameter (past SQLite's limit on a long list).
 */
export async function loadAnnotations(where: Prisma.AnnotationWhereInput): Promise<ApiAnnotation[]> {
  const rows = await db.annotation.findMany({ where, select: annotationSelect, orderBy: oldestFirst });
  // Most readers have no private notes on an article: their list costs one query, not three.
  if (rows.length === 0) return [];
  const [tags, replies] = await Promise.all([
    db.annotationTag.findMany({ where: { annotation: where }, select: { annotationId: true, tag: true }, orderBy: { tag: 'asc' } }),
    db.reply.findMany({ where: { annotation: where }, select: replySelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return withThreads(rows, tags, replies);
}

/**
 * After `(createdAt, id)` in the order above. The caller's `where` may hold an OR of its own, so this
 * goes beside it under AND. `gte` says nothing the OR does not, but gives an index that holds
 * createdAt a range to seek to, instead of reading every earlier note again for each page.
 */
const laterThan = ({ createdAt, id }: { createdAt: Date; id: string }) =>
  ({
    createdAt: { gte: createdAt },
    OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }],
  }) satisfies Prisma.AnnotationWhereInput;

/** Before `(createdAt, id)`: laterThan's mirror, for pages read backwards. */
const earlierThan = ({ createdAt, id }: { createdAt: Date; id: string }) =>
  ({
    createdAt: { lte: createdAt },
    OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }],
  }) satisfies Prisma.AnnotationWhereInput;

const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.AnnotationOrderByWithRelationInput[];

/** Notes per page of `annotationPages`: a few hundred KB of rows and text at a time. */
export const defaultPageSize = 200;

/** Where a page of notes (oldest first) ends: the next page starts after it. */
export type PageCursor = { createdAt: Date; id: string };

/** Tags and replies of the notes `ids` (a page's few hundred ids stay far below SQLite's limit on bound parameters). */
async function threadsOf(client: DatabaseClient, rows: AnnotationRowWithoutThread[]): Promise<ApiAnnotation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [tags, replies] = await Promise.all([
    client.annotationTag.findMany({
      where: { annotationId: { in: ids } },
      select: { annotationId: true, tag: true },
      orderBy: { tag: 'asc' },
    }),
    client.reply.findMany({ where: { annotationId: { in: ids } }, select: replySelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return withThreads(rows, tags, replies);
}

/**
 * One page of the annotations matching `where`, oldest first, after `after`: the notes with their
 * tags and replies, and the cursor of the next page (null on the last). Pages follow each other by
 * keyset on (createdAt, id) rather than by offset, which would read every skipped row again for
 * each page and skip or repeat notes written meanwhile.
 */
export async function loadAnnotationPage(
  where: Prisma.AnnotationWhereInput,
  { after = null, limit = defaultPageSize, client = db }: { after?: PageCursor | null; limit?: number; client?: DatabaseClient } = {},
): Promise<{ annotations: ApiAnnotation[]; next: PageCursor | null }> {
  const rows: AnnotationRowWithoutThread[] = await client.annotation.findMany({
    where: after ? { AND: [where, laterThan(after)] } : where,
    select: annotationSelect,
    orderBy: oldestFirst,
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    annotations: await threadsOf(client, page),
    next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** The notes with these ids, with tags and replies, in the order of `ids` (missing ones left out). */
export async function loadAnnotationsByIds(ids: string[], client: DatabaseClient = db): Promise<ApiAnnotation[]> {
  if (ids.length === 0) return [];
  const rows: AnnotationRowWithoutThread[] = await client.annotation.findMany({ where: { id: { in: ids } }, select: annotationSelect });
  const notes = new Map((await threadsOf(client, rows)).map((note) => [note.id, note]));
  return ids.flatMap((id) => notes.get(id) ?? []);
}

/**
 * Annotations matching `where` with their tags and replies, oldest first, a page at a time, so that
 * an export of any size holds one page in memory. The last page may be short; no page is empty.
 */
export async function* annotationPages(
  where: Prisma.AnnotationWhereInput,
  { pageSize = defaultPageSize, client = db }: { pageSize?: number; client?: DatabaseClient } = {},
): AsyncGenerator<ApiAnnotation[], void, undefined> {
  let after: PageCursor | null = null;
  do {
    const page: { annotations: ApiAnnotation[]; next: PageCursor | null } = await loadAnnotationPage(where, {
      after,
      limit: pageSize,
      client,
    });
    if (page.annotations.length) yield page.annotations;
    after = page.next;
  } while (after);
}

/** (createdAt, id) order, as SQL sorts them (ids are ASCII: code-unit order is byte order). */
const compareRows = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A page of `limit` annotations in either direction from a cursor, still oldest first, and whether
 * any note lies before or after it: `after` (or neither: the first page) reads forwards, `before`
 * (or `from: 'end'`: the last page) backwards. The notes are those of any of `branches`, which must
 * not overlap (e.g. everyone's visible notes, and the reader's own others cannot see): each branch
 * is read by its own keyset seek and the pages merged, because an OR of them would not use an index
 * and would sort every note of the article. A page costs its size times the branches, whatever the
 * notes before it, and stays the same page while others write.
 */
export async function loadAnnotationPageAround(
  branches: Prisma.AnnotationWhereInput[],
  at: { after: PageCursor } | { before: PageCursor } | { from: 'start' | 'end' },
  { limit, client = db }: { limit: number; client?: DatabaseClient },
): Promise<{ annotations: ApiAnnotation[]; first: PageCursor | null; last: PageCursor | null; hasBefore: boolean; hasAfter: boolean }> {
  const backwards = 'before' in at || ('from' in at && at.from === 'end');
  const edge = 'after' in at ? laterThan(at.after) : 'before' in at ? earlierThan(at.before) : null;
  const lists: AnnotationRowWithoutThread[][] = await Promise.all(
    branches.map((where) =>
      client.annotation.findMany({
        where: edge ? { AND: [where, edge] } : where,
        select: annotationSelect,
        orderBy: backwards ? newestFirst : oldestFirst,
        take: limit + 1,
      }),
    ),
  );
  const rows = lists.flat().sort((a, b) => (backwards ? compareRows(b, a) : compareRows(a, b)));
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const cursor = (row: AnnotationRowWithoutThread | undefined) => (row ? { createdAt: row.createdAt, id: row.id } : null);
  const first = cursor(page[0]);
  const last = cursor(page.at(-1));
  // The side the page was read towards has more if the read found more; the side it started from
  // has notes beyond the page if any branch has one past its edge (or, for an empty page, at or
  // past the cursor): one indexed probe a branch.
  const exists = async (edgeWhere: Prisma.AnnotationWhereInput) =>
    (
      await Promise.all(branches.map((where) => client.annotation.findFirst({ where: { AND: [where, edgeWhere] }, select: { id: true } })))
    ).some((row) => row !== null);
  let hasBefore = false;
  let hasAfter = false;
  if (backwards) {
    hasBefore = more;
    if ('before' in at) hasAfter = await exists(last ? laterThan(last) : { OR: [laterThan(at.before), { id: at.before.id }] });
  } else {
    hasAfter = more;
    if ('after' in at) hasBefore = await exists(first ? earlierThan(first) : { OR: [earlierThan(at.after), { id: at.after.id }] });
  }
  return { annotations: await threadsOf(client, page), first, last, hasBefore, hasAfter };
}
