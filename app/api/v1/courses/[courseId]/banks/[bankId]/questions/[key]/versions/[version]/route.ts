import { apiRoute } from "@/lib/api/route";
import { getVersionOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getVersionOp, async ({ params, locale }) =>
  authoring.getVersion(params.courseId, params.bankId, params.key, params.version, locale),
);

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
