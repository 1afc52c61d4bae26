/*
  [+] Added tables
    - ApiToken
    - AnnotationIdentity

  [*] Changed the `Annotation` table
    [+] Added index on columns (article, deletedAt)


  [*] Changed the `ApiToken` table
    [+] Added unique index on columns (tokenHash)
    [+] Added index on columns (userId)
*/
-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnnotationIdentity" (
    "annotationId" TEXT NOT NULL PRIMARY KEY,
    "canonical" TEXT,
    "via" TEXT,
    CONSTRAINT "AnnotationIdentity_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE INDEX "Annotation_article_deletedAt_idx" ON "Annotation"("article", "deletedAt");
