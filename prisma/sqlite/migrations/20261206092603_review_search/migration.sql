/*
  Warnings: this migration drops or rewrites existing structure; data in it may be lost.

  [*] Redefined table `Annotation`
*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Annotation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "article" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "blockId" TEXT NOT NULL,
    "sentenceIds" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "verdict" TEXT,
    "sourceUrl" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'private',
    "version" INTEGER NOT NULL DEFAULT 1,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "deletedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "readingOrder" INTEGER NOT NULL DEFAULT 0,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Annotation" ("article", "authorId", "blockId", "body", "bodyHtml", "createdAt", "deletedAt", "end", "exact", "hiddenAt", "hiddenReason", "id", "kind", "lang", "prefix", "resolved", "sentenceIds", "sourceUrl", "start", "suffix", "updatedAt", "verdict", "version", "visibility") SELECT "article", "authorId", "blockId", "body", "bodyHtml", "createdAt", "deletedAt", "end", "exact", "hiddenAt", "hiddenReason", "id", "kind", "lang", "prefix", "resolved", "sentenceIds", "sourceUrl", "start", "suffix", "updatedAt", "verdict", "version", "visibility" FROM "Annotation";
DROP TABLE "Annotation";
ALTER TABLE "new_Annotation" RENAME TO "Annotation";
CREATE INDEX "Annotation_article_visibility_createdAt_id_hiddenAt_kind_verdict_lang_authorId_blockId_readingOrder_idx" ON "Annotation"("article", "visibility", "createdAt", "id", "hiddenAt", "kind", "verdict", "lang", "authorId", "blockId", "readingOrder");
CREATE INDEX "Annotation_article_visibility_readingOrder_createdAt_id_hiddenAt_kind_verdict_lang_authorId_blockId_idx" ON "Annotation"("article", "visibility", "readingOrder", "createdAt", "id", "hiddenAt", "kind", "verdict", "lang", "authorId", "blockId");
CREATE INDEX "Annotation_authorId_article_visibility_hiddenAt_idx" ON "Annotation"("authorId", "article", "visibility", "hiddenAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
