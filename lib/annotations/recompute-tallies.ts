import 'server-only';
import type { DatabaseClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma-sqlite/client';

const verdictSum = (verdict: string) =>
  `sum(CASE WHEN a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = '${verdict}' THEN 1 ELSE 0 END)`;
const verdictSums = Prisma.raw(['supported', 'disputed', 'false', 'unverified'].map(verdictSum).join(', '));

/**
 * Counts an article's discussion again from its notes: what tally.ts keeps up to date write by
 * write, computed from scratch (the same SQL on SQLite and PostgreSQL). For bulk loads that bypass
 * the domain (db:seed:many) and for tests that check the kept counts. O(notes of the article).
 */
export async function recomputeTallies(db: DatabaseClient, article: string): Promise<void> {
  await db.$transaction([
    db.$executeRaw`DELETE FROM "SentenceActivity" WHERE "article" = ${article}`,
    db.$executeRaw`INSERT INTO "SentenceActivity" ("article", "sentenceId", "notes", "supported", "disputed", "refuted", "unverified")
       SELECT s."article", s."sentenceId", count(*), ${verdictSums}
       FROM "AnnotationSentence" s JOIN "Annotation" a ON a."id" = s."annotationId"
       WHERE s."article" = ${article} AND s."visible" = true
       GROUP BY s."article", s."sentenceId"`,
    db.$executeRaw`INSERT INTO "ArticleActivity" ("article", "revision", "notes", "supported", "disputed", "refuted", "unverified")
       SELECT ${article}, 0, count(*), ${verdictSums}
       FROM "Annotation" a WHERE a."article" = ${article} AND a."visibility" = 'shared' AND a."hiddenAt" IS NULL
       ON CONFLICT ("article") DO UPDATE SET "notes" = excluded."notes", "supported" = excluded."supported",
         "disputed" = excluded."disputed", "refuted" = excluded."refuted", "unverified" = excluded."unverified"`,
  ]);
}
