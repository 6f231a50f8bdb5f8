// GET: the quiz as a student would get it for ?seed= (nothing stored; lib/api/operations/quizzes.ts).
import { previewQuizOp } from "@/lib/api/operations/quizzes";
import { apiRoute } from "@/lib/api/route";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(previewQuizOp, async ({ params, query }) => quizBuilder.preview(params.courseId, params.quizId, query.seed));

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
