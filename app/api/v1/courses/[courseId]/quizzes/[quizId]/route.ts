// One quiz: read it, change its settings, delete it (lib/api/operations/quizzes.ts).
import { deleteQuizOp, getQuizOp, updateQuizOp, withPasswordHash } from "@/lib/api/operations/quizzes";
import { apiRoute } from "@/lib/api/route";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getQuizOp, async ({ params }) => quizBuilder.get(params.courseId, params.quizId));

export const PATCH = apiRoute(updateQuizOp, async ({ params, body, user }) =>
  quizBuilder.update({ userId: user.id, courseId: params.courseId }, params.quizId, await withPasswordHash(body)),
);

export const DELETE = apiRoute(deleteQuizOp, async ({ params, user }) => {
  await quizBuilder.remove({ userId: user.id, courseId: params.courseId }, params.quizId);
  return null;
});

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
