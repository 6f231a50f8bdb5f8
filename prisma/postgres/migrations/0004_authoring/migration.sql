-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "archived" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "authorId" TEXT;

-- AlterTable
-- A quiz for one section becomes a quiz for a list of sections (written by hand: prisma drops the column).
ALTER TABLE "Quiz" ADD COLUMN     "sections" TEXT NOT NULL DEFAULT '[]';
UPDATE "Quiz" SET "sections" = json_build_array("section")::text WHERE "section" IS NOT NULL;
ALTER TABLE "Quiz" DROP COLUMN "section",
ADD COLUMN     "accessPasswordHash" TEXT,
ADD COLUMN     "releaseAt" TIMESTAMP(3),
ADD COLUMN     "scoreRule" TEXT NOT NULL DEFAULT 'HIGHEST',
ADD COLUMN     "shuffle" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "QuizAccommodation" (
    "id" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "timeFactor" DOUBLE PRECISION,
    "extraMinutes" INTEGER,
    "closesAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuizAccommodation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuizAccommodation_userId_idx" ON "QuizAccommodation"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAccommodation_quizId_userId_key" ON "QuizAccommodation"("quizId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "QuizAccommodation" ADD CONSTRAINT "QuizAccommodation_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAccommodation" ADD CONSTRAINT "QuizAccommodation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

