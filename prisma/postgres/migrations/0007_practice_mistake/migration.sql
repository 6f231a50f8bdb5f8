-- AlterTable
ALTER TABLE "PracticeResult" ADD COLUMN     "mistake" TEXT;

