// The /api/v1 operations of this area (lib/api/operation.ts). Route files under app/api/v1
// build their handlers from these with apiRoute; the OpenAPI document lists them.
// Quizzes of a course: build, change, publish, preview, and per-student accommodations.
import { z } from "zod";
import { AccommodationViewSchema, QuizDetailSchema, QuizPreviewSchema, QuizSummarySchema } from "../../authoring/quizzes";
import { AccommodationBodySchema, ItemsBodySchema, NewQuizSchema, QuizSettingsPatchSchema } from "../../authoring/quiz-rules";
import { hashPassword } from "../../auth/password-hashing";
import { defineOperation, type Operation } from "../operation";

const Id = z.string().min(1).max(64);
const CourseParams = z.object({ courseId: Id });
const QuizParams = z.object({ courseId: Id, quizId: Id });
const StudentParams = z.object({ courseId: Id, quizId: Id, userId: Id });
const TAG = "Quizzes";

/**
 * defineOperation with the body and query typed as present: the operation's `body?` is
 * optional, which would type a handler's parsed body as undefined. apiRoute parses both
 * before the handler runs whenever the operation declares them.
 */
function operation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(op: Operation<P, Q, B, R>) {
  return defineOperation(op) as Operation<P, Q, B, R> & { body: B; query: Q };
}

export const listQuizzesOp = operation({
  id: "listQuizzes",
  method: "GET",
  path: "/courses/{courseId}/quizzes",
  summary: "The course's quizzes, drafts included, with their item and attempt counts",
  tag: TAG,
  access: { permission: "quizzes.view" },
  params: CourseParams,
  response: z.object({ quizzes: z.array(QuizSummarySchema) }),
});

export const createQuizOp = operation({
  id: "createQuiz",
  method: "POST",
  path: "/courses/{courseId}/quizzes",
  summary: "Create a quiz (a draft, with no items)",
  tag: TAG,
  access: { permission: "quizzes.edit" },
  params: CourseParams,
  body: NewQuizSchema,
  response: QuizDetailSchema,
  status: 201,
});

export const getQuizOp = operation({
  id: "getQuiz",
  method: "GET",
  path: "/courses/{courseId}/quizzes/{quizId}",
  summary: "A quiz with its settings, items and accommodations",
  tag: TAG,
  access: { permission: "quizzes.view" },
  params: QuizParams,
  response: QuizDetailSchema,
});

export const updateQuizOp = operation({
  id: "updateQuiz",
  method: "PATCH",
  path: "/courses/{courseId}/quizzes/{quizId}",
  summary: "Change a quiz's settings (only the fields sent)",
  description:
    "Windows, time limit, attempts, score rule, feedback release, order, sections and the access password may change while attempts exist. " +
    "`accessPassword`: a string sets or changes it (stored hashed), null removes it.",
  tag: TAG,
  access: { permission: "quizzes.edit" },
  params: QuizParams,
  body: QuizSettingsPatchSchema,
  response: QuizDetailSchema,
});

export const deleteQuizOp = operation({
  id: "deleteQuiz",
  method: "DELETE",
  path: "/courses/{courseId}/quizzes/{quizId}",
  summary: "Delete a quiz; refused (409) once it has attempts",
  tag: TAG,
  access: { permission: "quizzes.edit" },
  params: QuizParams,
  response: z.null(),
  status: 204,
  errors: [409],
});

export const putQuizItemsOp = operation({
  id: "putQuizItems",
  method: "PUT",
  path: "/courses/{courseId}/quizzes/{quizId}/items",
  summary: "Replace the quiz's item list",
  description:
    "Each item is a fixed question version or a draw of `count` questions from a bank (with a tag). " +
    "Once the quiz has attempts, removing or reordering items and changing an item's question version or draw are refused (409, with the reason); " +
    "points may change and new items may follow the existing ones (send the existing items with their `id`).",
  tag: TAG,
  access: { permission: "quizzes.edit" },
  params: QuizParams,
  body: ItemsBodySchema,
  response: QuizDetailSchema,
  errors: [409],
});

export const publishQuizOp = operation({
  id: "publishQuiz",
  method: "POST",
  path: "/courses/{courseId}/quizzes/{quizId}/publish",
  summary: "Publish or unpublish a quiz",
  description: "Publishing is refused (409) while the quiz has no items or a draw asks for more questions than its bank (and tag) holds.",
  tag: TAG,
  access: { permission: "quizzes.edit" },
  params: QuizParams,
  body: z.strictObject({ published: z.boolean() }),
  response: QuizDetailSchema,
  errors: [409],
});

export const previewQuizOp = operation({
  id: "previewQuiz",
  method: "GET",
  path: "/courses/{courseId}/quizzes/{quizId}/preview",
  summary: "The quiz as a student would get it for a preview seed (nothing is stored)",
  description: "The draws and every question's variant follow from `seed`: the same seed always gives the same preview.",
  tag: TAG,
  access: { permission: "questions.preview" },
  params: QuizParams,
  query: z.object({ seed: z.coerce.number().int().min(0).max(0xffffffff).default(1) }),
  response: QuizPreviewSchema,
  errors: [409],
});

export const putAccommodationOp = operation({
  id: "putQuizAccommodation",
  method: "PUT",
  path: "/courses/{courseId}/quizzes/{quizId}/accommodations/{userId}",
  summary: "Set a student's accommodation on the quiz: a time factor, extra minutes, a later close",
  tag: TAG,
  access: { permission: "quizzes.edit" },
  params: StudentParams,
  body: AccommodationBodySchema,
  response: z.object({ accommodation: AccommodationViewSchema }),
});

export const deleteAccommodationOp = operation({
  id: "deleteQuizAccommodation",
  method: "DELETE",
  path: "/courses/{courseId}/quizzes/{quizId}/accommodations/{userId}",
  summary: "Remove a student's accommodation on the quiz",
  tag: TAG,
  access: { permission: "quizzes.edit" },
  params: StudentParams,
  response: z.null(),
  status: 204,
});

export const quizzesOperations: readonly Operation[] = [
  listQuizzesOp,
  createQuizOp,
  getQuizOp,
  updateQuizOp,
  deleteQuizOp,
  putQuizItemsOp,
  publishQuizOp,
  previewQuizOp,
  putAccommodationOp,
  deleteAccommodationOp,
];

/** A settings body with its access password hashed (lib/auth/password-hashing.ts): undefined keeps it, null removes it. */
export async function withPasswordHash<S extends { accessPassword?: string | null }>(body: S) {
  const { accessPassword, ...rest } = body;
  const accessPasswordHash = accessPassword === undefined ? undefined : accessPassword === null ? null : await hashPassword(accessPassword);
  return { ...rest, accessPasswordHash };
}
