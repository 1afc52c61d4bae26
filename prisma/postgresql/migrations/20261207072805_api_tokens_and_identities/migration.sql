/*
  [+] Added tables
    - ApiToken
    - AnnotationIdentity

  [*] Changed the `Annotation` table
    [+] Added index on columns (article, deletedAt)


  [*] Changed the `AnnotationIdentity` table
    [+] Added foreign key on columns (annotationId)

  [*] Changed the `ApiToken` table
    [+] Added unique index on columns (tokenHash)
    [+] Added index on columns (userId)
    [+] Added foreign key on columns (userId)
*/
-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationIdentity" (
    "annotationId" TEXT NOT NULL,
    "canonical" TEXT,
    "via" TEXT,

    CONSTRAINT "AnnotationIdentity_pkey" PRIMARY KEY ("annotationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationIdentity" ADD CONSTRAINT "AnnotationIdentity_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Annotation_article_deletedAt_idx" ON "Annotation"("article", "deletedAt");
