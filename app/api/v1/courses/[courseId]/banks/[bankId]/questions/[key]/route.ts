import { apiRoute } from "@/lib/api/route";
import { getQuestionOp, updateQuestionOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { answered } from "../../../answers";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getQuestionOp, async ({ params, locale }) =>
  authoring.getQuestion(params.courseId, params.bankId, params.key, locale),
);

export const PUT = apiRoute(updateQuestionOp, async ({ params, body, user, locale }) =>
  answered(locale, () =>
    authoring.updateQuestion(
      { userId: user.id, courseId: params.courseId },
      params.bankId,
      params.key,
      body.template,
      body.baseVersion,
      locale,
    ),
  ),
);

// The other methods: 405, naming the ones this address takes.
export const { POST, PATCH, DELETE } = otherMethods("GET", "PUT");
