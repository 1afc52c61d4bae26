-- Editorial verdicts on claim sentences (issue 16; docs/decisions/013): one row per version. (The
-- generator also listed hand-written indexes of Annotation as removed: they stay.)
-- CreateTable
CREATE TABLE "EditorialVerdict" (
    "id" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "sentenceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rating" TEXT,
    "reasoningEn" TEXT NOT NULL DEFAULT '',
    "reasoningZh" TEXT NOT NULL DEFAULT '',
    "reasoningEnHtml" TEXT NOT NULL DEFAULT '',
    "reasoningZhHtml" TEXT NOT NULL DEFAULT '',
    "sources" TEXT NOT NULL DEFAULT '[]',
    "editorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EditorialVerdict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EditorialVerdict_article_createdAt_idx" ON "EditorialVerdict"("article", "createdAt");

-- CreateIndex
CREATE INDEX "EditorialVerdict_editorId_idx" ON "EditorialVerdict"("editorId");

-- CreateIndex
CREATE UNIQUE INDEX "EditorialVerdict_article_sentenceId_version_key" ON "EditorialVerdict"("article", "sentenceId", "version");

-- AddForeignKey
ALTER TABLE "EditorialVerdict" ADD CONSTRAINT "EditorialVerdict_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
