// GET: the quiz as a student would get it for ?seed= (nothing stored; lib/api/operations/quizzes.ts).
import { previewQuizOp } from "@/lib/api/operations/quizzes";
import { apiRoute } from "@/lib/api/route";
import { quizBuilder } from "@/lib/authoring/quiz-service";

export const GET = apiRoute(previewQuizOp, async ({ params, query }) => quizBuilder.preview(params.courseId, params.quizId, query.seed));
