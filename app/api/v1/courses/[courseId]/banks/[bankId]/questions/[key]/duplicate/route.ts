import { apiRoute } from "@/lib/api/route";
import { duplicateQuestionOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { otherMethods } from "@/lib/server/route";

export const POST = apiRoute(duplicateQuestionOp, async ({ params, user, locale }) =>
  authoring.duplicateQuestion({ userId: user.id, courseId: params.courseId }, params.bankId, params.key, locale),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
