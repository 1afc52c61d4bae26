/*
  Warnings: this migration drops or rewrites existing structure; data in it may be lost.

  [*] Changed the `Annotation` table
    [-] Removed index on columns (article, visibility)
    [+] Added index on columns (article, visibility, createdAt, id)
*/
-- DropIndex
DROP INDEX "Annotation_article_visibility_idx";

-- CreateIndex
CREATE INDEX "Annotation_article_visibility_createdAt_id_idx" ON "Annotation"("article", "visibility", "createdAt", "id");
