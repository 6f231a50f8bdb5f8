import { apiRoute } from "@/lib/api/route";
import { archiveQuestionOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { otherMethods } from "@/lib/server/route";

export const POST = apiRoute(archiveQuestionOp, async ({ params, body, user, locale }) =>
  authoring.archiveQuestion({ userId: user.id, courseId: params.courseId }, params.bankId, params.key, body.archived, locale),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
