// The gradebook, for the app: the services bound to the app's database (lib/db/bind.ts).
// Server only; tests and the bench import service.ts and queries.ts with a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { courseGradebook, setQuizWeights, studentGrades } from "./service";

export const gradebook = bound(db, { course: courseGradebook, student: studentGrades, setWeights: setQuizWeights });
export type { StudentGrade, StudentGrades, QuizWeight } from "./service";
export type { Cell, CellStatus, Gradebook, GradebookRow, GradebookView } from "./gradebook";
export { cellHref, gradebookView } from "./gradebook";
