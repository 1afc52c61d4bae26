-- Translation suggestions (issue 15, part 4; docs/decisions/012). Written by hand as ADD COLUMN: the
-- generated migration redefined the Annotation table, which would drop its hand-written indexes.

ALTER TABLE "Annotation" ADD COLUMN "suggestion" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "suggestionLang" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "suggestionSentenceId" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "suggestionState" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "suggestionDecidedAt" DATETIME;
ALTER TABLE "Annotation" ADD COLUMN "suggestionDecidedBy" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "supportCount" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "Annotation_article_suggestionState_suggestionDecidedAt_idx" ON "Annotation"("article", "suggestionState", "suggestionDecidedAt");

CREATE TABLE "SuggestionSupport" (
    "annotationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("annotationId", "userId"),
    CONSTRAINT "SuggestionSupport_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionSupport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "SuggestionSupport_userId_idx" ON "SuggestionSupport"("userId");
