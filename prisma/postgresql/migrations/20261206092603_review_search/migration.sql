/*
  Warnings: this migration drops or rewrites existing structure; data in it may be lost.

  [*] Changed the `Annotation` table
    [-] Removed index on columns (article, visibility, createdAt, id)
    [+] Added column `readingOrder`
    [+] Added column `searchText`
    [+] Added index on columns (article, visibility, createdAt, id, hiddenAt, kind, verdict, lang, authorId, blockId, readingOrder)
    [+] Added index on columns (article, visibility, readingOrder, createdAt, id, hiddenAt, kind, verdict, lang, authorId, blockId)
*/
-- DropIndex
DROP INDEX "Annotation_article_visibility_createdAt_id_idx";

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "readingOrder" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Annotation_article_visibility_createdAt_id_hiddenAt_kind_ve_idx" ON "Annotation"("article", "visibility", "createdAt", "id", "hiddenAt", "kind", "verdict", "lang", "authorId", "blockId", "readingOrder");

-- CreateIndex
CREATE INDEX "Annotation_article_visibility_readingOrder_createdAt_id_hid_idx" ON "Annotation"("article", "visibility", "readingOrder", "createdAt", "id", "hiddenAt", "kind", "verdict", "lang", "authorId", "blockId");
