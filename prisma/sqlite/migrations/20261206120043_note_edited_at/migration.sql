-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "editedAt" DATETIME;
