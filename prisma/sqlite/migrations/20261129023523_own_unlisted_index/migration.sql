/*
  Warnings: this migration drops or rewrites existing structure; data in it may be lost.

  [*] Changed the `Annotation` table
    [-] Removed index on columns (authorId, article)
    [+] Added index on columns (authorId, article, visibility, hiddenAt)
*/
-- DropIndex
DROP INDEX "Annotation_authorId_article_idx";

-- CreateIndex
CREATE INDEX "Annotation_authorId_article_visibility_hiddenAt_idx" ON "Annotation"("authorId", "article", "visibility", "hiddenAt");
