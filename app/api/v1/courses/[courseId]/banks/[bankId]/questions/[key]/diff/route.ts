import { apiRoute } from "@/lib/api/route";
import { diffVersionsOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";

export const GET = apiRoute(diffVersionsOp, async ({ params, query }) =>
  authoring.diffVersions(params.courseId, params.bankId, params.key, query.from, query.to),
);
