-- Translation suggestions (issue 15, part 4; docs/decisions/012): seven columns of Annotation and the
-- +1 table. (The generator also listed the search index on searchText as removed: it is hand-written
-- in an earlier migration and stays.)
-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "suggestion" TEXT,
ADD COLUMN     "suggestionDecidedAt" TIMESTAMP(3),
ADD COLUMN     "suggestionDecidedBy" TEXT,
ADD COLUMN     "suggestionLang" TEXT,
ADD COLUMN     "suggestionSentenceId" TEXT,
ADD COLUMN     "suggestionState" TEXT,
ADD COLUMN     "supportCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SuggestionSupport" (
    "annotationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionSupport_pkey" PRIMARY KEY ("annotationId","userId")
);

-- CreateIndex
CREATE INDEX "SuggestionSupport_userId_idx" ON "SuggestionSupport"("userId");

-- CreateIndex
CREATE INDEX "Annotation_article_suggestionState_suggestionDecidedAt_idx" ON "Annotation"("article", "suggestionState", "suggestionDecidedAt");

-- AddForeignKey
ALTER TABLE "SuggestionSupport" ADD CONSTRAINT "SuggestionSupport_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionSupport" ADD CONSTRAINT "SuggestionSupport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
