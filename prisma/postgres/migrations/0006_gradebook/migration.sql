-- AlterTable
ALTER TABLE "Quiz" ADD COLUMN     "weight" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "overrideAt" TIMESTAMP(3),
ADD COLUMN     "overrideById" TEXT,
ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "overrideScore" DOUBLE PRECISION,
ADD COLUMN     "regradedAt" TIMESTAMP(3),
ADD COLUMN     "timedOut" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "overrideAt" TIMESTAMP(3),
ADD COLUMN     "overrideById" TEXT,
ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "overrideScore" DOUBLE PRECISION,
ADD COLUMN     "regradedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "QuizExcusal" (
    "id" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuizExcusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerSave" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnswerSave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegradeJob" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "quizId" TEXT,
    "bankId" TEXT,
    "questionKey" TEXT,
    "mode" TEXT NOT NULL,
    "keepOverrides" BOOLEAN NOT NULL DEFAULT true,
    "latestVersion" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "result" TEXT,
    "error" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RegradeJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuizExcusal_userId_idx" ON "QuizExcusal"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizExcusal_quizId_userId_key" ON "QuizExcusal"("quizId", "userId");

-- CreateIndex
CREATE INDEX "AnswerSave_responseId_savedAt_idx" ON "AnswerSave"("responseId", "savedAt");

-- CreateIndex
CREATE INDEX "RegradeJob_courseId_createdAt_idx" ON "RegradeJob"("courseId", "createdAt");

-- AddForeignKey
ALTER TABLE "QuizExcusal" ADD CONSTRAINT "QuizExcusal_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizExcusal" ADD CONSTRAINT "QuizExcusal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerSave" ADD CONSTRAINT "AnswerSave_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeJob" ADD CONSTRAINT "RegradeJob_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeJob" ADD CONSTRAINT "RegradeJob_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

