-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "editedAt" TIMESTAMP(3);
