import { apiRoute } from "@/lib/api/route";
import { listVersionsOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";

export const GET = apiRoute(listVersionsOp, async ({ params, locale }) => ({
  versions: await authoring.listVersions(params.courseId, params.bankId, params.key, locale),
}));
