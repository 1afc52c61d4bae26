-- AlterTable
ALTER TABLE "ArticleActivity" ADD COLUMN     "disputed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "notes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refuted" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supported" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "unverified" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AnnotationSentence" (
    "annotationId" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "sentenceId" TEXT NOT NULL,
    "visible" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnotationSentence_pkey" PRIMARY KEY ("annotationId","sentenceId")
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

    CONSTRAINT "SentenceActivity_pkey" PRIMARY KEY ("article","sentenceId")
);

-- CreateIndex
CREATE INDEX "AnnotationSentence_article_sentenceId_visible_createdAt_ann_idx" ON "AnnotationSentence"("article", "sentenceId", "visible", "createdAt", "annotationId");

-- AddForeignKey
ALTER TABLE "AnnotationSentence" ADD CONSTRAINT "AnnotationSentence_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every note's sentences, then the counts of visible notes per sentence and per article
-- (lib/annotations/tally.ts keeps them from here on).
INSERT INTO "AnnotationSentence" ("annotationId", "article", "sentenceId", "visible", "createdAt")
SELECT a."id", a."article", j.value, (a."visibility" = 'shared' AND a."hiddenAt" IS NULL), a."createdAt"
FROM "Annotation" a CROSS JOIN LATERAL json_array_elements_text(a."sentenceIds"::json) AS j(value);

INSERT INTO "SentenceActivity" ("article", "sentenceId", "notes", "supported", "disputed", "refuted", "unverified")
SELECT s."article", s."sentenceId", count(*),
  count(*) FILTER (WHERE a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'supported'),
  count(*) FILTER (WHERE a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'disputed'),
  count(*) FILTER (WHERE a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'false'),
  count(*) FILTER (WHERE a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'unverified')
FROM "AnnotationSentence" s JOIN "Annotation" a ON a."id" = s."annotationId"
WHERE s."visible"
GROUP BY s."article", s."sentenceId";

INSERT INTO "ArticleActivity" ("article", "revision", "notes", "supported", "disputed", "refuted", "unverified")
SELECT a."article", 0, count(*),
  count(*) FILTER (WHERE a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'supported'),
  count(*) FILTER (WHERE a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'disputed'),
  count(*) FILTER (WHERE a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'false'),
  count(*) FILTER (WHERE a."kind" = 'claim' AND a."deletedAt" IS NULL AND a."verdict" = 'unverified')
FROM "Annotation" a
WHERE a."visibility" = 'shared' AND a."hiddenAt" IS NULL
GROUP BY a."article"
ON CONFLICT ("article") DO UPDATE SET "notes" = excluded."notes", "supported" = excluded."supported", "disputed" = excluded."disputed",
  "refuted" = excluded."refuted", "unverified" = excluded."unverified";
