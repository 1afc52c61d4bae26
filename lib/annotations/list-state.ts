import 'server-only';
import type { DatabaseClient } from '@/lib/db/client';

/** What one list request must know before it can answer: which shared list, and whether more follows. */
export type ListState = {
  /** The article's revision (0 before any shared write): the key of the kept shared list. */
  revision: number;
  /** Whether the reader has notes on the article that the shared list leaves out (private ones, or shared ones a moderator hid). */
  hasUnlisted: boolean;
};

/**
 * Both in one raw query, on SQLite and PostgreSQL alike. As two model queries (the revision, then the
 * reader's unlisted notes, empty for most readers) they cost about 250 µs of Prisma per list request,
 * more than anything else the request does; this costs about 100 µs. The conditions are those of
 * `ownUnlistedAnnotations` (list-annotations.ts), which loads the notes when there are any, and use
 * the same (authorId, article, visibility, hiddenAt) index. Signed out, `viewerId` is null.
 */
export async function readListState(client: DatabaseClient, article: string, viewerId: string | null): Promise<ListState> {
  const [row] = await client.$queryRaw<{ revision: number | bigint | null; unlisted: number | bigint | boolean }[]>`
    SELECT
      (SELECT "revision" FROM "ArticleActivity" WHERE "article" = ${article}) AS "revision",
      EXISTS (
        SELECT 1 FROM "Annotation"
        WHERE "authorId" = ${viewerId ?? ''} AND "article" = ${article}
          AND ("visibility" = 'private' OR ("visibility" = 'shared' AND "hiddenAt" IS NOT NULL))
      ) AS "unlisted"`;
  // SQLite answers numbers (or bigints) where PostgreSQL answers an integer and a boolean.
  return { revision: Number(row.revision ?? 0), hasUnlisted: Boolean(Number(row.unlisted)) };
}
