-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PracticeResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "maxScore" REAL NOT NULL,
    "graderVersion" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tokenId" TEXT,
    "revealed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "PracticeResult_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PracticeResult" ("at", "family", "graderVersion", "id", "maxScore", "score", "templateId", "tokenId", "userId") SELECT "at", "family", "graderVersion", "id", "maxScore", "score", "templateId", "tokenId", "userId" FROM "PracticeResult";
DROP TABLE "PracticeResult";
ALTER TABLE "new_PracticeResult" RENAME TO "PracticeResult";
CREATE UNIQUE INDEX "PracticeResult_tokenId_key" ON "PracticeResult"("tokenId");
CREATE INDEX "PracticeResult_userId_family_idx" ON "PracticeResult"("userId", "family");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

