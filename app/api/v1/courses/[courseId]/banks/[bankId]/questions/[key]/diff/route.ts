import { apiRoute } from "@/lib/api/route";
import { diffVersionsOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(diffVersionsOp, async ({ params, query }) =>
  authoring.diffVersions(params.courseId, params.bankId, params.key, query.from, query.to),
);

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
