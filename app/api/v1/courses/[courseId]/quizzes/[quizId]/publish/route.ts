// POST: publish or unpublish the quiz (lib/api/operations/quizzes.ts).
import { publishQuizOp } from "@/lib/api/operations/quizzes";
import { apiRoute } from "@/lib/api/route";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { otherMethods } from "@/lib/server/route";

export const POST = apiRoute(publishQuizOp, async ({ params, body, user }) =>
  quizBuilder.setPublished({ userId: user.id, courseId: params.courseId }, params.quizId, body.published),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
