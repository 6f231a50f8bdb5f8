import { apiRoute } from "@/lib/api/route";
import { getVersionOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";

export const GET = apiRoute(getVersionOp, async ({ params, locale }) =>
  authoring.getVersion(params.courseId, params.bankId, params.key, params.version, locale),
);
