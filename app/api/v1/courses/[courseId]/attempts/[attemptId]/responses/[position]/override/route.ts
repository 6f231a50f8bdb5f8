// PUT / DELETE: the override of one answer's score (lib/api/operations/overrides.ts).
import { clearResponseOverrideOp, overrideResponseOp } from "@/lib/api/operations/overrides";
import { apiRoute } from "@/lib/api/route";
import { gradeChanges } from "@/lib/gradebook/override-service";
import { otherMethods } from "@/lib/server/route";

export const PUT = apiRoute(overrideResponseOp, async ({ params, body, user }) =>
  gradeChanges.overrideResponse({ userId: user.id, courseId: params.courseId }, params.attemptId, Number(params.position), body),
);

export const DELETE = apiRoute(clearResponseOverrideOp, async ({ params, user }) =>
  gradeChanges.clearResponseOverride({ userId: user.id, courseId: params.courseId }, params.attemptId, Number(params.position)),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, POST, PATCH } = otherMethods("PUT", "DELETE");
