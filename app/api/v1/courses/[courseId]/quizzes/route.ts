// GET: the course's quizzes; POST: a new draft quiz (lib/api/operations/quizzes.ts).
import { createQuizOp, listQuizzesOp, withPasswordHash } from "@/lib/api/operations/quizzes";
import { apiRoute } from "@/lib/api/route";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(listQuizzesOp, async ({ params }) => ({ quizzes: await quizBuilder.list(params.courseId) }));

export const POST = apiRoute(createQuizOp, async ({ params, body, user }) =>
  quizBuilder.create({ userId: user.id, courseId: params.courseId }, await withPasswordHash(body)),
);

// The other methods: 405, naming the ones this address takes.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
