import { apiRoute } from "@/lib/api/route";
import { duplicateQuestionOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";

export const POST = apiRoute(duplicateQuestionOp, async ({ params, user, locale }) =>
  authoring.duplicateQuestion({ userId: user.id, courseId: params.courseId }, params.bankId, params.key, locale),
);
