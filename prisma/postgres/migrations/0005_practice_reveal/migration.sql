-- AlterTable
ALTER TABLE "PracticeResult" ADD COLUMN     "revealed" BOOLEAN NOT NULL DEFAULT false;

