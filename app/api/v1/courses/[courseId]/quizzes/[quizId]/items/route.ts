// PUT: the quiz's whole item list (lib/api/operations/quizzes.ts).
import { putQuizItemsOp } from "@/lib/api/operations/quizzes";
import { apiRoute } from "@/lib/api/route";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { otherMethods } from "@/lib/server/route";

export const PUT = apiRoute(putQuizItemsOp, async ({ params, body, user }) =>
  quizBuilder.putItems({ userId: user.id, courseId: params.courseId }, params.quizId, body.items),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, POST, PATCH, DELETE } = otherMethods("PUT");
