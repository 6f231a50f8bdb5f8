import { apiRoute } from "@/lib/api/route";
import { copyFromLibraryOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { answered } from "../../answers";

export const POST = apiRoute(copyFromLibraryOp, async ({ params, body, user, locale }) =>
  answered(locale, async () => ({
    copied: await authoring.copyFromLibrary({ userId: user.id, courseId: params.courseId }, params.bankId, body.templateIds, locale),
  })),
);
