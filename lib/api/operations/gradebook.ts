// The /api/v1 operations of the gradebook (lib/api/operation.ts): every student's counted scores
// and course total, and the quizzes' weights in that total.
import { z } from "zod";
import { GradebookSchema, WeightsBodySchema, WeightsSchema } from "../../gradebook/gradebook";
import { defineOperation, type Operation } from "../operation";

const Id = z.string().min(1).max(64);
const CourseParams = z.object({ courseId: Id });
const TAG = "Gradebook";

/** defineOperation with the body and query typed as present (apiRoute parses both before the handler runs). */
function operation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(op: Operation<P, Q, B, R>) {
  return defineOperation(op) as Operation<P, Q, B, R> & { body: B; query: Q };
}

export const getGradebookOp = operation({
  id: "getGradebook",
  method: "GET",
  path: "/courses/{courseId}/gradebook",
  summary: "Every student × published quiz: status, the counted score by the quiz's rule, time used, late; and each student's course total",
  description:
    "A cell's `score` is the one that counts by the quiz's rule (HIGHEST, LATEST, AVERAGE), with staff overrides applied. " +
    "`total` is the weighted mean of quiz fractions over the quizzes with weight > 0, excluding excused ones; " +
    "a quiz with nothing graded counts 0 once it has closed for the student, and is left out before. " +
    "`section` keeps one section's students, `search` those whose name or email holds it.",
  tag: TAG,
  access: { permission: "grades.view" },
  params: CourseParams,
  query: z.object({ section: z.string().min(1).max(40).optional(), search: z.string().max(200).optional() }),
  response: GradebookSchema,
});

export const setQuizWeightsOp = operation({
  id: "setQuizWeights",
  method: "PATCH",
  path: "/courses/{courseId}/gradebook/weights",
  summary: "Set quizzes' weights in the course total (0: not counted); only the quizzes sent change",
  description:
    "Every quiz named must belong to the course (404 otherwise); each change is recorded in the audit log with the old and new weight.",
  tag: TAG,
  access: { permission: "grades.weights" },
  params: CourseParams,
  body: WeightsBodySchema,
  response: WeightsSchema,
});

export const gradebookOperations: readonly Operation[] = [getGradebookOp, setQuizWeightsOp];
