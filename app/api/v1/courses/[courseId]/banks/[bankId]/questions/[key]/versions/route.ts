import { apiRoute } from "@/lib/api/route";
import { listVersionsOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(listVersionsOp, async ({ params, locale }) => ({
  versions: await authoring.listVersions(params.courseId, params.bankId, params.key, locale),
}));

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
