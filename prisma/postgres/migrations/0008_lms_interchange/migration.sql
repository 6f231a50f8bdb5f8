-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "orgDefinedId" TEXT,
ADD COLUMN     "sisLoginId" TEXT,
ADD COLUMN     "username" TEXT;

-- CreateTable
CREATE TABLE "QuizLmsColumn" (
    "id" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "lms" TEXT NOT NULL,
    "externalId" TEXT,
    "title" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuizLmsColumn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradeExport" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "options" TEXT NOT NULL DEFAULT '{}',
    "rowCount" INTEGER NOT NULL,
    "checksum" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GradeExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuizLmsColumn_quizId_lms_key" ON "QuizLmsColumn"("quizId", "lms");

-- CreateIndex
CREATE INDEX "GradeExport_courseId_createdAt_idx" ON "GradeExport"("courseId", "createdAt");

-- AddForeignKey
ALTER TABLE "QuizLmsColumn" ADD CONSTRAINT "QuizLmsColumn_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeExport" ADD CONSTRAINT "GradeExport_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeExport" ADD CONSTRAINT "GradeExport_byId_fkey" FOREIGN KEY ("byId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

