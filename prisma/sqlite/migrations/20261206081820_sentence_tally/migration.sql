/*
  Warnings: this migration drops or rewrites existing structure; data in it may be lost.

  [+] Added tables
    - AnnotationSentence
    - SentenceActivity

  [*] Redefined table `ArticleActivity`

  [*] Changed the `AnnotationSentence` table
    [+] Added index on columns (article, sentenceId, visible, createdAt, annotationId)
*/
-- CreateTable
CREATE TABLE "AnnotationSentence" (
    "annotationId" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "sentenceId" TEXT NOT NULL,
    "visible" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("annotationId", "sentenceId"),
    CONSTRAINT "AnnotationSentence_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SentenceActivity" (
    "article" TEXT NOT NULL,
    "sentenceId" TEXT NOT NULL,
    "notes" INTEGER NOT NULL DEFAULT 0,
    "supported" INTEGER NOT NULL DEFAULT 0,
    "disputed" INTEGER NOT NULL DEFAULT 0,
    "refuted" INTEGER NOT NULL DEFAULT 0,
    "unverified" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("article", "sentenceId")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ArticleActivity" (
    "article" TEXT NOT NULL PRIMARY KEY,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "notes" INTEGER NOT NULL DEFAULT 0,
    "supported" INTEGER NOT NULL DEFAULT 0,
    "disputed" INTEGER NOT NULL DEFAULT 0,
    "refuted" INTEGER NOT NULL DEFAULT 0,
    "unverified" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_ArticleActivity" ("article", "revision") SELECT "article", "revision" FROM "ArticleActivity";
DROP TABLE "ArticleActivity";
ALTER TABLE "new_ArticleActivity" RENAME TO "ArticleActivity";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AnnotationSentence_article_sentenceId_visible_createdAt_annotationId_idx" ON "AnnotationSentence"("article", "sentenceId", "visible", "createdAt", "annotationId");

-- Backfill: every note's sentences, then the counts of visible notes per sentence and per article
-- (lib/annotations/tally.ts keeps them from here on).
INSERT INTO "AnnotationSentence" ("annotationId", "article", "sentenceId", "visible", "createdAt")
SELECT a."id", a."article", j."value", (a."visibility" = 'shared' AND a."hiddenAt" IS NULL), a."createdAt"
FROM "Annotation" a, json_each(a."sentenceIds") j;

INSERT INTO "SentenceActivity" ("article", "sentenceId", "notes", "supported", "disputed", "refuted", "unverified")
SELECT s."article", s."sentenceId", count(*),
  sum(a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'supported'),
  sum(a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'disputed'),
  sum(a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'false'),
  sum(a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'unverified')
FROM "AnnotationSentence" s JOIN "Annotation" a ON a."id" = s."annotationId"
WHERE s."visible"
GROUP BY s."article", s."sentenceId";

INSERT INTO "ArticleActivity" ("article", "revision", "notes", "supported", "disputed", "refuted", "unverified")
SELECT a."article", 0, count(*),
  sum(a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'supported'),
  sum(a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'disputed'),
  sum(a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'false'),
  sum(a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'unverified')
FROM "Annotation" a
WHERE a."visibility" = 'shared' AND a."hiddenAt" IS NULL
GROUP BY a."article"
ON CONFLICT ("article") DO UPDATE SET "notes" = excluded."notes", "supported" = excluded."supported", "disputed" = excluded."disputed",
  "refuted" = excluded."refuted", "unverified" = excluded."unverified";
