/*
  [+] Added tables
    - SavedWord

  [*] Changed the `SavedWord` table
    [+] Added index on columns (userId, createdAt)
    [+] Added index on columns (userId, due)
    [+] Added unique index on columns (userId, word)
    [+] Added foreign key on columns (userId)
*/
-- CreateTable
CREATE TABLE "SavedWord" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "word" TEXT NOT NULL,
    "pinyin" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "sentenceId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "sentenceZh" TEXT NOT NULL,
    "sentenceEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "difficulty" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "scheduledDays" INTEGER NOT NULL DEFAULT 0,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "state" INTEGER NOT NULL DEFAULT 0,
    "lastReview" TIMESTAMP(3),

    CONSTRAINT "SavedWord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SavedWord_userId_createdAt_idx" ON "SavedWord"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedWord_userId_due_idx" ON "SavedWord"("userId", "due");

-- CreateIndex
CREATE UNIQUE INDEX "SavedWord_userId_word_key" ON "SavedWord"("userId", "word");

-- AddForeignKey
ALTER TABLE "SavedWord" ADD CONSTRAINT "SavedWord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
