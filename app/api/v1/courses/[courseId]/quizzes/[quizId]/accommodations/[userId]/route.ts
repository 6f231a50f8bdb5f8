// PUT / DELETE: one student's accommodation on the quiz (lib/api/operations/quizzes.ts).
import { deleteAccommodationOp, putAccommodationOp } from "@/lib/api/operations/quizzes";
import { apiRoute } from "@/lib/api/route";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { otherMethods } from "@/lib/server/route";

export const PUT = apiRoute(putAccommodationOp, async ({ params, body, user }) => {
  const quiz = await quizBuilder.setAccommodation({ userId: user.id, courseId: params.courseId }, params.quizId, params.userId, body);
  return { accommodation: quiz.accommodations.find((a) => a.userId === params.userId)! };
});

export const DELETE = apiRoute(deleteAccommodationOp, async ({ params, user }) => {
  await quizBuilder.removeAccommodation({ userId: user.id, courseId: params.courseId }, params.quizId, params.userId);
  return null;
});

// The other methods: 405, naming the ones this address takes.
export const { GET, POST, PATCH } = otherMethods("PUT", "DELETE");
