// PUT / DELETE: the override of an attempt's total score (lib/api/operations/overrides.ts).
import { clearAttemptOverrideOp, overrideAttemptOp } from "@/lib/api/operations/overrides";
import { apiRoute } from "@/lib/api/route";
import { gradeChanges } from "@/lib/gradebook/override-service";
import { otherMethods } from "@/lib/server/route";

export const PUT = apiRoute(overrideAttemptOp, async ({ params, body, user }) =>
  gradeChanges.overrideAttempt({ userId: user.id, courseId: params.courseId }, params.attemptId, body),
);

export const DELETE = apiRoute(clearAttemptOverrideOp, async ({ params, user }) =>
  gradeChanges.clearAttemptOverride({ userId: user.id, courseId: params.courseId }, params.attemptId),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, POST, PATCH } = otherMethods("PUT", "DELETE");
