-- AlterTable
ALTER TABLE "Response" ADD COLUMN "overrideAt" DATETIME;
ALTER TABLE "Response" ADD COLUMN "overrideById" TEXT;
ALTER TABLE "Response" ADD COLUMN "overrideReason" TEXT;
ALTER TABLE "Response" ADD COLUMN "overrideScore" REAL;
ALTER TABLE "Response" ADD COLUMN "regradedAt" DATETIME;

-- CreateTable
CREATE TABLE "QuizExcusal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizExcusal_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizExcusal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnswerSave" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responseId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "savedAt" DATETIME NOT NULL,
    CONSTRAINT "AnswerSave_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegradeJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "heartbeatAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "RegradeJob_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegradeJob_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Quiz" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "opensAt" DATETIME,
    "closesAt" DATETIME,
    "timeLimitSec" INTEGER,
    "attemptsAllowed" INTEGER,
    "feedbackRelease" TEXT NOT NULL DEFAULT 'IMMEDIATELY',
    "releaseAt" DATETIME,
    "scoreRule" TEXT NOT NULL DEFAULT 'HIGHEST',
    "shuffle" BOOLEAN NOT NULL DEFAULT false,
    "sections" TEXT NOT NULL DEFAULT '[]',
    "accessPasswordHash" TEXT,
    "weight" REAL NOT NULL DEFAULT 1,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Quiz_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Quiz" ("accessPasswordHash", "attemptsAllowed", "closesAt", "courseId", "createdAt", "feedbackRelease", "id", "mode", "opensAt", "published", "releaseAt", "scoreRule", "sections", "shuffle", "timeLimitSec", "title", "updatedAt") SELECT "accessPasswordHash", "attemptsAllowed", "closesAt", "courseId", "createdAt", "feedbackRelease", "id", "mode", "opensAt", "published", "releaseAt", "scoreRule", "sections", "shuffle", "timeLimitSec", "title", "updatedAt" FROM "Quiz";
DROP TABLE "Quiz";
ALTER TABLE "new_Quiz" RENAME TO "Quiz";
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'IN_PROGRESS',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" DATETIME,
    "submittedAt" DATETIME,
    "score" REAL,
    "maxScore" REAL,
    "timedOut" BOOLEAN NOT NULL DEFAULT false,
    "overrideScore" REAL,
    "overrideReason" TEXT,
    "overrideById" TEXT,
    "overrideAt" DATETIME,
    "regradedAt" DATETIME,
    CONSTRAINT "Attempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("deadlineAt", "id", "maxScore", "number", "quizId", "score", "startedAt", "status", "submittedAt", "userId") SELECT "deadlineAt", "id", "maxScore", "number", "quizId", "score", "startedAt", "status", "submittedAt", "userId" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE INDEX "Attempt_userId_idx" ON "Attempt"("userId");
CREATE UNIQUE INDEX "Attempt_quizId_userId_number_key" ON "Attempt"("quizId", "userId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QuizExcusal_userId_idx" ON "QuizExcusal"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizExcusal_quizId_userId_key" ON "QuizExcusal"("quizId", "userId");

-- CreateIndex
CREATE INDEX "AnswerSave_responseId_savedAt_idx" ON "AnswerSave"("responseId", "savedAt");

-- CreateIndex
CREATE INDEX "RegradeJob_courseId_createdAt_idx" ON "RegradeJob"("courseId", "createdAt");

