// The /api/v1 operations of this area (lib/api/operation.ts). Route files under app/api/v1
// build their handlers from these with apiRoute; the OpenAPI document lists them.
// Grade changes by staff: override an answer's or an attempt's score with a reason, clear an
// override, excuse a student from a quiz and take it back (docs/grade-changes.md). Each
// change and its AuditLog entry are one transaction.
import { z } from "zod";
import {
  AttemptGradeSchema,
  ExcusalViewSchema,
  ExcuseBodySchema,
  OverrideBodySchema,
  ResponseGradeSchema,
} from "../../gradebook/overrides";
import { defineOperation, type Operation } from "../operation";

const Id = z.string().min(1).max(64);
const AttemptParams = z.object({ courseId: Id, attemptId: Id });
// The position is read as text and checked by the handler (no such question: 404), so a
// caller without the permission is told 403 before anything about the path is looked at.
const ResponseParams = z.object({
  courseId: Id,
  attemptId: Id,
  position: z.string().min(1).max(64).meta({ description: "The question's position, from 1" }),
});
const CellParams = z.object({ courseId: Id, quizId: Id, userId: Id });
const TAG = "Grades";
const ACCESS = { permission: "grades.override" } as const;

function operation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(op: Operation<P, Q, B, R>) {
  return defineOperation(op) as Operation<P, Q, B, R> & { body: B; query: Q };
}

const ResponseChange = z.object({ attempt: AttemptGradeSchema, response: ResponseGradeSchema });
const AttemptChange = z.object({ attempt: AttemptGradeSchema });

export const overrideResponseOp = operation({
  id: "overrideResponse",
  method: "PUT",
  path: "/courses/{courseId}/attempts/{attemptId}/responses/{position}/override",
  summary: "Override the score of one answer of a submitted attempt, with a reason",
  description:
    "The override replaces the grader's score in the attempt's total, which is recomputed in the same transaction. " +
    "`score` must lie between 0 and the question's points (422); an attempt not yet graded is 409. The AuditLog entry `grade.override` keeps the old and new override and the reason.",
  tag: TAG,
  access: ACCESS,
  params: ResponseParams,
  body: OverrideBodySchema,
  response: ResponseChange,
  errors: [409],
});

export const clearResponseOverrideOp = operation({
  id: "clearResponseOverride",
  method: "DELETE",
  path: "/courses/{courseId}/attempts/{attemptId}/responses/{position}/override",
  summary: "Clear the override of one answer: the grader's score counts again",
  description: "Answers the attempt's and the answer's scores after the change; with no override to clear, nothing is written.",
  tag: TAG,
  access: ACCESS,
  params: ResponseParams,
  response: ResponseChange,
});

export const overrideAttemptOp = operation({
  id: "overrideAttempt",
  method: "PUT",
  path: "/courses/{courseId}/attempts/{attemptId}/override",
  summary: "Override a submitted attempt's total score, with a reason",
  description:
    "The override replaces the graded total wherever the attempt's score counts (the quiz's score rule, the gradebook, the student's grades). " +
    "`score` must lie between 0 and the attempt's points (422); an attempt not yet graded is 409.",
  tag: TAG,
  access: ACCESS,
  params: AttemptParams,
  body: OverrideBodySchema,
  response: AttemptChange,
  errors: [409],
});

export const clearAttemptOverrideOp = operation({
  id: "clearAttemptOverride",
  method: "DELETE",
  path: "/courses/{courseId}/attempts/{attemptId}/override",
  summary: "Clear an attempt's override: its graded total counts again",
  tag: TAG,
  access: ACCESS,
  params: AttemptParams,
  response: AttemptChange,
});

export const excuseStudentOp = operation({
  id: "excuseStudent",
  method: "PUT",
  path: "/courses/{courseId}/quizzes/{quizId}/excusals/{userId}",
  summary: "Excuse a student from a quiz, with a reason: it counts for nothing in their total",
  description: "Excusing a student who is already excused changes the reason. The student must be enrolled as a student (404).",
  tag: TAG,
  access: ACCESS,
  params: CellParams,
  body: ExcuseBodySchema,
  response: z.object({ excusal: ExcusalViewSchema }),
});

export const unexcuseStudentOp = operation({
  id: "unexcuseStudent",
  method: "DELETE",
  path: "/courses/{courseId}/quizzes/{quizId}/excusals/{userId}",
  summary: "Take back a student's excusal from a quiz: it counts again",
  tag: TAG,
  access: ACCESS,
  params: CellParams,
  response: z.null(),
  status: 204,
});

export const overridesOperations: readonly Operation[] = [
  overrideResponseOp,
  clearResponseOverrideOp,
  overrideAttemptOp,
  clearAttemptOverrideOp,
  excuseStudentOp,
  unexcuseStudentOp,
];
