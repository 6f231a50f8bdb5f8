import { apiRoute } from "@/lib/api/route";
import { copyFromLibraryOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { answered } from "../../answers";
import { otherMethods } from "@/lib/server/route";

export const POST = apiRoute(copyFromLibraryOp, async ({ params, body, user, locale }) =>
  answered(locale, async () => ({
    copied: await authoring.copyFromLibrary({ userId: user.id, courseId: params.courseId }, params.bankId, body.templateIds, locale),
  })),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
