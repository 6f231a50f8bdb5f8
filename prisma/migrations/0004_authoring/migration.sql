-- CreateTable
CREATE TABLE "QuizAccommodation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "timeFactor" REAL,
    "extraMinutes" INTEGER,
    "closesAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QuizAccommodation_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAccommodation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "expiresAt" DATETIME,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bankId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Question_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "QuestionBank" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Question" ("bankId", "createdAt", "id", "key", "tags", "template", "title", "version") SELECT "bankId", "createdAt", "id", "key", "tags", "template", "title", "version" FROM "Question";
DROP TABLE "Question";
ALTER TABLE "new_Question" RENAME TO "Question";
CREATE UNIQUE INDEX "Question_bankId_key_version_key" ON "Question"("bankId", "key", "version");
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
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Quiz_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- A quiz for one section becomes a quiz for a list of sections (written by hand: prisma drops the column).
INSERT INTO "new_Quiz" ("attemptsAllowed", "closesAt", "courseId", "createdAt", "feedbackRelease", "id", "mode", "opensAt", "published", "timeLimitSec", "title", "updatedAt", "sections") SELECT "attemptsAllowed", "closesAt", "courseId", "createdAt", "feedbackRelease", "id", "mode", "opensAt", "published", "timeLimitSec", "title", "updatedAt", CASE WHEN "section" IS NULL THEN '[]' ELSE json_array("section") END FROM "Quiz";
DROP TABLE "Quiz";
ALTER TABLE "new_Quiz" RENAME TO "Quiz";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QuizAccommodation_userId_idx" ON "QuizAccommodation"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAccommodation_quizId_userId_key" ON "QuizAccommodation"("quizId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

