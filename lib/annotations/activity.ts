import 'server-only';
import { db, publicReads } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { publishArticleChange } from '@/lib/live/publish';
import type { CountChange, Counts } from './tally';

const none: Counts = { notes: 0, supported: 0, disputed: 0, refuted: 0, unverified: 0 };
const columns = Object.keys(none) as (keyof Counts)[];
const positive = (counts: Counts) => columns.map((column) => Math.max(0, counts[column]));
const quoted = (name: string) => Prisma.raw(`"${name}"`);
/** `"notes" = "Table"."notes" + 1, …`: the row's counts plus the change (ON CONFLICT … DO UPDATE). */
const addTo = (table: string, delta: Counts) =>
  Prisma.join(
    columns.map((column) => Prisma.sql`${quoted(column)} = ${quoted(table)}.${quoted(column)} + ${delta[column]}`),
    ', ',
  );

/**
 * Once a write that others can see has committed: adds its change in counts to its sentences' and
 * its article's rows, then bumps the article's revision, and returns the new revision. Each is a
 * statement of its own, outside the write's transaction, because these rows are shared by every
 * write to the article: inside it, their row locks were held across the transaction's round trips
 * through a busy event loop, and writes to one article queued behind each other for seconds
 * (docs/decisions/009). The revision moves after the data it announces is visible, so an answer
 * tagged with a revision never lacks a change that came before it. A process killed between a
 * commit and this leaves the counts one write behind: `recomputeTallies` counts them again.
 */
export async function settleWrite(article: string, counted: CountChange | null, { sentencesOnly = false } = {}): Promise<number> {
  const delta = counted?.delta ?? none;
  // A note moved to other sentences (re-anchored after an edit) still counts once for its article.
  const articleDelta = sentencesOnly ? none : delta;
  if (counted?.sentenceIds.length) {
    // Stamped with the revision after the article's revision as this statement finds it: any reader
    // whose summary says that revision or later read it after this change (see `sentencesChangedSince`).
    const stamp = Prisma.sql`(SELECT COALESCE(MAX("revision"), 0) + 1 FROM "ArticleActivity" WHERE "article" = ${article})`;
    const rows = counted.sentenceIds.map(
      (sentenceId) => Prisma.sql`(${article}, ${sentenceId}, ${Prisma.join(positive(delta))}, ${stamp})`,
    );
    await db.$executeRaw`INSERT INTO "SentenceActivity" ("article", "sentenceId", ${Prisma.join(columns.map(quoted))}, "revision")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("article", "sentenceId") DO UPDATE SET ${addTo('SentenceActivity', delta)}, "revision" = ${stamp}`;
  }
  const [row] = await db.$queryRaw<{ revision: number | bigint }[]>`
    INSERT INTO "ArticleActivity" ("article", "revision", ${Prisma.join(columns.map(quoted))})
    VALUES (${article}, 1, ${Prisma.join(positive(articleDelta))})
    ON CONFLICT ("article") DO UPDATE SET "revision" = "ArticleActivity"."revision" + 1, ${addTo('ArticleActivity', articleDelta)}
    RETURNING "revision"`;
  return Number(row.revision);
}

/** The article's current revision (0 before any shared write). */
export async function articleRevision(article: string): Promise<number> {
  const row = await publicReads.articleActivity.findUnique({ where: { article }, select: { revision: true } });
  return row?.revision ?? 0;
}

/** Tells live readers, after the transaction committed. A failed notification never fails the write. */
export function announce(article: string, annotationId: string, revision: number) {
  publishArticleChange({ article, annotationId, revision }).catch((error: unknown) =>
    console.error(JSON.stringify({ level: 'warn', message: 'live update not sent', article, error: String(error) })),
  );
}
