-- AlterTable
ALTER TABLE "Response" ADD COLUMN "saveSeq" INTEGER;

