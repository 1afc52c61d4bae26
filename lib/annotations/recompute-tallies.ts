import 'server-only';
import type { DatabaseClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma-sqlite/client';
import { claimVerdicts } from './vocabulary';

// COALESCE: the sum of no rows is NULL (an article whose notes are all private), the counts are zeros.
const verdictSum = (verdict: string) =>
  `COALESCE(sum(CASE WHEN a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = '${verdict}' THEN 1 ELSE 0 END), 0)`;
// In the order of the columns: supported, disputed, refuted ("false"), unverified.
const verdictSums = Prisma.raw(claimVerdicts.map(verdictSum).join(', '));

/**
 * Counts an article's discussion again from its notes: what tally.ts keeps up to date write by
 * write, computed from scratch (the same SQL on SQLite and PostgreSQL). For bulk loads that bypass
 * the domain (db:seed:many) and for tests that check the kept counts. O(notes of the article).
 */
export async function recomputeTallies(db: DatabaseClient, article: string): Promise<void> {
  // Every sentence counted again is stamped as changed (readers holding a summary learn of it through
  // ?since=), and a sentence left with no notes keeps a row of zeros, so that they learn of that too.
  // The callers bump the article's revision afterwards (settleWrite), past the stamp.
  const stamp = Prisma.sql`(SELECT COALESCE(MAX("revision"), 0) + 1 FROM "ArticleActivity" WHERE "article" = ${article})`;
  await db.$transaction([
    db.$executeRaw`UPDATE "SentenceActivity" SET "notes" = 0, "supported" = 0, "disputed" = 0, "refuted" = 0, "unverified" = 0,
       "revision" = ${stamp} WHERE "article" = ${article}`,
    db.$executeRaw`INSERT INTO "SentenceActivity" ("article", "sentenceId", "notes", "supported", "disputed", "refuted", "unverified", "revision")
       SELECT s."article", s."sentenceId", count(*), ${verdictSums}, ${stamp}
       FROM "AnnotationSentence" s JOIN "Annotation" a ON a."id" = s."annotationId"
       WHERE s."article" = ${article} AND s."visible" = true
       GROUP BY s."article", s."sentenceId"
       ON CONFLICT ("article", "sentenceId") DO UPDATE SET "notes" = excluded."notes", "supported" = excluded."supported",
         "disputed" = excluded."disputed", "refuted" = excluded."refuted", "unverified" = excluded."unverified",
         "revision" = excluded."revision"`,
    db.$executeRaw`INSERT INTO "ArticleActivity" ("article", "revision", "notes", "supported", "disputed", "refuted", "unverified")
       SELECT ${article}, 0, count(*), ${verdictSums}
       FROM "Annotation" a WHERE a."article" = ${article} AND a."visibility" = 'shared' AND a."hiddenAt" IS NULL
       ON CONFLICT ("article") DO UPDATE SET "notes" = excluded."notes", "supported" = excluded."supported",
         "disputed" = excluded."disputed", "refuted" = excluded."refuted", "unverified" = excluded."unverified"`,
  ]);
}
